#include "answerquestion.h"
#include "autosaveslot.h"
#include "dataeditorview.h"
#include "datasetmodel.h"
#include "mainwindow.h"
#include "modelpanel.h"
#include "parameterpanel.h"
#include "sessiondocument.h"
#include "sessionfile.h"
#include "timelinepanel.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"
#include "versionone.h"
#include "viewtabs.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <cstring>
#include <memory>

namespace {

std::unique_ptr<MainWindow> newWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(1280, 820);
    window->show();
    return window;
}

void type(QLineEdit *field, const QString &text)
{
    field->selectAll();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof(double)) == 0;
}

// Adam racing momentum on y = w·x + b, as fast as possible up to step `steps`.
void trainRace(MainWindow *window, int steps)
{
    ModelPanel *panel = window->modelPanel();
    panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Line)));
    panel->optimizerBox()->setCurrentIndex(
        panel->optimizerBox()->findData(int(OptimizerKind::Adam)));
    panel->raceBox(OptimizerKind::Momentum)->setChecked(true);
    TrainingPanel *training = window->training();
    training->stepLimitBox()->setValue(steps);
    training->speedBox()->setCurrentIndex(training->speedBox()->findData(0));
    QTest::mouseClick(training->trainButton(), Qt::LeftButton);
    QTRY_COMPARE(window->controller()->latest().step, qint64(steps));
    QTRY_VERIFY(!window->controller()->isRunning());
    // Room to go on.
    training->stepLimitBox()->setValue(10 * steps);
}

bool sameBits(const Dataset &a, const Dataset &b)
{
    return a.size() == b.size()
        && std::memcmp(a.xs().data(), b.xs().data(), a.size() * sizeof(double)) == 0
        && std::memcmp(a.ys().data(), b.ys().data(), a.size() * sizeof(double)) == 0;
}

// Every autosave file of the test folder, with its lock.
void removeAutosaves()
{
    QDir folder(AutosaveSlot::folder());
    for (const QString &name : folder.entryList({QStringLiteral("autosave*")}, QDir::Files))
        folder.remove(name);
}

} // namespace

// Sessions in the window: File › Save and Open, the title and its mark, the question before
// closing, refused and partial files, the autosave and its restore, files dropped on the
// window, recent files.
class TestSessionWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void saveAndReopenEverySetting();
    void reopenedSessionRedrawsItsTrailAndTrainsOn();
    void versionOneTrailGoesOnWithAFreshOptimizer();
    void titleShowsTheNameAndTheMark();
    void undoingBackToTheSavedStateTakesTheMarkAway();
    void closingAsksOnlyWithUnsavedChanges();
    void openingASessionAsksAboutUnsavedChanges();
    void refusedSessionKeepsTheData();
    void partialSessionNamesWhatWasMissing();
    void autosaveIsOfferedAfterACrash();
    void twoWindowsKeepTheirOwnAutosave();
    void droppedFileIsOpened();
    void recentFiles();
    void settingsKeepTheFolderAndTheWindow();

private:
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSessionWindow::initTestCase()
{
    // Settings and the autosave go to a test folder, not the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LossLab"));
    QCoreApplication::setApplicationName(QStringLiteral("LossLabTest"));
}

void TestSessionWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    removeAutosaves();
    m_window = newWindow();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSessionWindow::cleanup()
{
    m_window.reset();
    removeAutosaves();
}

void TestSessionWindow::saveAndReopenEverySetting()
{
    ModelPanel *panel = m_window->modelPanel();
    panel->modelBox()->setCurrentIndex(panel->modelBox()->findData(int(ModelKind::Line)));
    panel->lossBox()->setCurrentIndex(panel->lossBox()->findData(int(LossKind::Huber)));
    panel->optimizerBox()->setCurrentIndex(
        panel->optimizerBox()->findData(int(OptimizerKind::Adam)));
    panel->raceBox(OptimizerKind::Momentum)->setChecked(true);
    panel->standardizeBox()->setChecked(true);
    TrainingPanel *training = m_window->training();
    type(training->learningRateEdit(), QStringLiteral("0.05"));
    training->stepLimitBox()->setValue(500);
    training->speedBox()->setCurrentIndex(training->speedBox()->findData(60));
    m_window->model()->setPoint(1, 0.1, 1.0 / 3.0);
    m_window->setParameters(0.7, -0.2);
    QTest::mouseClick(training->stepButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(1));
    m_window->logScaleBox()->setChecked(true);
    m_window->tabs()->setCurrentIndex(3);
    const Session saved = m_window->document()->currentSession();
    QCOMPARE(saved.trails.size(), std::size_t(2)); // Adam and its rival, one step each

    const QString path = m_dir->filePath(QStringLiteral("lesson.losslab"));
    QString error;
    QVERIFY2(m_window->document()->save(path, &error), qPrintable(error));
    QVERIFY(!m_window->isWindowModified());

    const auto reopened = newWindow();
    QVERIFY2(reopened->openFile(path, {}, {}, true, &error), qPrintable(error));
    const Session shown = reopened->document()->currentSession();
    QVERIFY(sameBits(shown.data, saved.data));
    QCOMPARE(shown.objective, saved.objective);
    QCOMPARE(shown.standardizeX, true);
    QCOMPARE(shown.optimizer, saved.optimizer);
    QCOMPARE(shown.rivals, saved.rivals);
    QCOMPARE(shown.training.learningRate, 0.05);
    QCOMPARE(shown.training.maxSteps, qint64(500));
    QCOMPARE(shown.stepsPerSecond, 60);
    QCOMPARE(shown.w, saved.w);
    QCOMPARE(shown.b, saved.b);
    QCOMPARE(shown.view, saved.view);
    QCOMPARE(reopened->tabs()->currentIndex(), 3);
    QVERIFY(reopened->windowTitle().startsWith(QStringLiteral("lesson.losslab[*]")));
    QVERIFY(!reopened->isWindowModified());
    // A session opened is a start afresh: nothing to undo.
    QCOMPARE(reopened->undoStack()->count(), 0);
}

void TestSessionWindow::reopenedSessionRedrawsItsTrailAndTrainsOn()
{
    // 50 steps of Adam racing momentum, saved; reopened in a fresh window, the trails are drawn
    // again with their optimizer states, and Step takes step 51 as the first window does, bit
    // for bit.
    trainRace(m_window.get(), 50);
    const QString path = m_dir->filePath(QStringLiteral("race.losslab"));
    QString error;
    QVERIFY2(m_window->document()->save(path, &error), qPrintable(error));

    const auto reopened = newWindow();
    QVERIFY2(reopened->openFile(path, {}, {}, true, &error), qPrintable(error));
    TrainingController *controller = reopened->controller();
    QTRY_COMPARE(controller->latest().step, qint64(50));
    QTRY_VERIFY(controller->isSettled());
    QCOMPARE(controller->racerCount(), 2);
    for (int racer = 0; racer < 2; ++racer) {
        const SessionTrail saved = m_window->controller()->sessionTrail(racer);
        const SessionTrail shown = controller->sessionTrail(racer);
        QCOMPARE(shown.steps.size(), std::size_t(51));
        QCOMPARE(shown.steps, saved.steps);
        QCOMPARE(shown.optimizerStates.size(), saved.optimizerStates.size());
        for (std::size_t i = 0; i < saved.optimizerStates.size(); ++i) {
            QVERIFY(shown.optimizerStates[i] && saved.optimizerStates[i]);
            QVERIFY(shown.optimizerStates[i]->sameBits(*saved.optimizerStates[i]));
        }
    }
    // The charts and the timeline show the saved run; opening it is no change.
    QCOMPARE(reopened->racerTrails().front().steps.size(), std::size_t(51));
    QCOMPARE(reopened->timeline()->slider()->maximum(), 50);
    QCOMPARE(reopened->timeline()->label()->text(), QStringLiteral("Step 50 of 50"));
    QCOMPARE(reopened->model()->w(), m_window->model()->w());
    QVERIFY(!reopened->isWindowModified());

    for (MainWindow *window : {m_window.get(), reopened.get()}) {
        QTest::mouseClick(window->training()->stepButton(), Qt::LeftButton);
        QTRY_COMPARE(window->controller()->latest().step, qint64(51));
        QTRY_VERIFY(window->controller()->isSettled());
    }
    for (int racer = 0; racer < 2; ++racer) {
        const TrainingStep expected = m_window->controller()->trail(racer).back();
        const TrainingStep actual = controller->trail(racer).back();
        QCOMPARE(actual.step, qint64(51));
        QVERIFY(sameBits(actual.w, expected.w) && sameBits(actual.b, expected.b));
    }
    QTRY_VERIFY(reopened->isWindowModified());
}

void TestSessionWindow::versionOneTrailGoesOnWithAFreshOptimizer()
{
    // The same run in a file of version 1, which kept no optimizer state: the trail is drawn,
    // and the window says that training goes on with the optimizer started afresh.
    trainRace(m_window.get(), 20);
    QJsonObject root =
        QJsonDocument::fromJson(SessionFile::toJson(m_window->document()->currentSession()))
            .object();
    root = asVersionOne(root);
    const QString path = m_dir->filePath(QStringLiteral("old.losslab"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(root).toJson());
    file.close();

    const auto reopened = newWindow();
    QString error;
    QVERIFY2(reopened->openFile(path, {}, {}, true, &error), qPrintable(error));
    QVERIFY(reopened->document()->warnings().isEmpty());
    QTRY_COMPARE(reopened->controller()->latest().step, qint64(20));
    QTRY_VERIFY(reopened->controller()->isSettled());
    QCOMPARE(reopened->controller()->trail(), m_window->controller()->trail());
    QVERIFY2(reopened->statusBar()->currentMessage().contains(QStringLiteral("afresh")),
             qPrintable(reopened->statusBar()->currentMessage()));

    // Adam starts again at t = 1 from step 20: its first step is lr·sign(g) for each parameter
    // (m̂ = g and v̂ = g², so m̂/(√v̂ + eps) = g/(|g| + 1e-8)).
    const TrainingStep at20 = reopened->controller()->latest();
    QTest::mouseClick(reopened->training()->stepButton(), Qt::LeftButton);
    QTRY_COMPARE(reopened->controller()->latest().step, qint64(21));
    const TrainingStep at21 = reopened->controller()->latest();
    const double lr = 0.01;
    const auto expected = [lr](double p, double g) {
        return p - lr * g / (std::fabs(g) + 1e-8);
    };
    QVERIFY(std::fabs(at21.w - expected(at20.w, at20.gradW)) < 1e-12);
    QVERIFY(std::fabs(at21.b - expected(at20.b, at20.gradB)) < 1e-12);
}

void TestSessionWindow::titleShowsTheNameAndTheMark()
{
    QVERIFY2(m_window->windowTitle().startsWith(QStringLiteral("Untitled[*] — the lesson")),
             qPrintable(m_window->windowTitle()));
    QVERIFY(!m_window->isWindowModified());
    m_window->model()->addPoint(4.0, 8.0);
    QVERIFY(m_window->isWindowModified());

    QString error;
    QVERIFY2(m_window->document()->save(m_dir->filePath(QStringLiteral("four.losslab")), &error),
             qPrintable(error));
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("four.losslab[*]")));
    QVERIFY(!m_window->isWindowModified());
    // Training is a change to save: it moves w and grows the trail.
    QTest::mouseClick(m_window->training()->stepButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(1));
    QTRY_VERIFY(m_window->isWindowModified());
}

void TestSessionWindow::undoingBackToTheSavedStateTakesTheMarkAway()
{
    QString error;
    QVERIFY2(m_window->document()->save(m_dir->filePath(QStringLiteral("w.losslab")), &error),
             qPrintable(error));
    QSlider *slider = m_window->parameters()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right);
    QVERIFY(m_window->isWindowModified());
    m_window->undoStack()->undo();
    QVERIFY(!m_window->isWindowModified());
    m_window->undoStack()->redo();
    QVERIFY(m_window->isWindowModified());

    // A change outside the history (the learning rate) keeps the mark after the undo.
    m_window->undoStack()->undo();
    QVERIFY(!m_window->isWindowModified());
    QTest::keyClick(slider, Qt::Key_Right);
    QLineEdit *rate = m_window->training()->learningRateEdit();
    rate->selectAll();
    QTest::keyClicks(rate, QStringLiteral("0.02"));
    QTest::keyClick(rate, Qt::Key_Return);
    m_window->undoStack()->undo();
    QVERIFY(m_window->isWindowModified());
}

void TestSessionWindow::closingAsksOnlyWithUnsavedChanges()
{
    QVERIFY(m_window->close());

    m_window = newWindow();
    m_window->model()->removePoint(0);
    answerNextQuestion(QMessageBox::Cancel);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_window->model()->rowCount(), 2);

    answerNextQuestion(QMessageBox::Discard);
    QVERIFY(m_window->close());
}

void TestSessionWindow::openingASessionAsksAboutUnsavedChanges()
{
    const QString path = m_dir->filePath(QStringLiteral("lesson.losslab"));
    QString error;
    QVERIFY2(m_window->document()->save(path, &error), qPrintable(error));
    m_window->model()->addPoint(4.0, 1.0);

    answerNextQuestion(QMessageBox::Cancel);
    QVERIFY(!m_window->openFileAndReport(path));
    QCOMPARE(m_window->model()->rowCount(), 4);

    answerNextQuestion(QMessageBox::Discard);
    QVERIFY(m_window->openFileAndReport(path));
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());
    QVERIFY(!m_window->isWindowModified());
}

void TestSessionWindow::refusedSessionKeepsTheData()
{
    const QString path = m_dir->filePath(QStringLiteral("damaged.losslab"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"losslab-session\",\n \"version\": 1,\n \"data\": [");
    file.close();
    m_window->model()->addPoint(5.0, 1.0);
    const Dataset before = m_window->model()->dataset();

    QString error;
    QVERIFY(!m_window->openFile(path, {}, {}, true, &error));
    QVERIFY2(error.contains(QStringLiteral("damaged.losslab")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("line 3")), qPrintable(error));
    QCOMPARE(m_window->model()->dataset(), before);
    QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("Untitled")));
}

void TestSessionWindow::partialSessionNamesWhatWasMissing()
{
    const QString path = m_dir->filePath(QStringLiteral("partial.losslab"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "losslab-session", "version": 1,
                  "data": {"x": [1, 2], "y": [3, 5]}})");
    file.close();

    QString error;
    QVERIFY2(m_window->openFile(path, {}, {}, true, &error), qPrintable(error));
    QCOMPARE(m_window->model()->dataset(), Dataset({1.0, 2.0}, {3.0, 5.0}));
    const QStringList warnings = m_window->document()->warnings();
    QVERIFY2(warnings.join(u'\n').contains(QStringLiteral("optimizer")),
             qPrintable(warnings.join(u'\n')));
}

void TestSessionWindow::autosaveIsOfferedAfterACrash()
{
    m_window->document()->setPersistent(true);
    const QString autosave = m_window->document()->autosavePath();
    QVERIFY(!autosave.isEmpty());
    m_window->model()->setPoint(2, 3.0, 7.5);
    const Dataset edited = m_window->model()->dataset();
    // Written a few seconds after the change.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(autosave), 10000);

    // The process ends without closing the window (a crash): the next start offers the work.
    m_window.reset();
    m_window = newWindow();
    m_window->document()->setPersistent(true);
    answerNextQuestion(QMessageBox::Yes);
    QVERIFY(m_window->document()->offerRestore());
    QCOMPARE(m_window->model()->dataset(), edited);
    QVERIFY(m_window->isWindowModified());

    // A normal close (the changes discarded) leaves no autosave behind.
    answerNextQuestion(QMessageBox::Discard);
    QVERIFY(m_window->close());
    QVERIFY(!QFile::exists(m_window->document()->autosavePath()));
    m_window = newWindow();
    m_window->document()->setPersistent(true);
    QVERIFY(!m_window->document()->offerRestore());
}

// Two windows at once autosave to two files; one closing normally leaves the other's, and the
// work of one that crashed is offered by a window started later, once.
void TestSessionWindow::twoWindowsKeepTheirOwnAutosave()
{
    m_window->document()->setPersistent(true);
    auto second = newWindow();
    second->document()->setPersistent(true);
    auto third = newWindow();
    third->document()->setPersistent(true);
    const QString first = m_window->document()->autosavePath();
    QVERIFY(first != second->document()->autosavePath());
    QVERIFY(second->document()->autosavePath() != third->document()->autosavePath());

    m_window->model()->setPoint(0, 1.0, 3.0);
    second->model()->setPoint(0, 1.0, 9.0);
    const Dataset secondData = second->model()->dataset();
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(first), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(second->document()->autosavePath()), 10000);

    // The first closes normally, its changes discarded: only its own file goes.
    answerNextQuestion(QMessageBox::Discard);
    QVERIFY(m_window->close());
    QVERIFY(!QFile::exists(first));
    QVERIFY(QFile::exists(second->document()->autosavePath()));

    // The second crashes; the third, still running, leaves its work alone, and a new window
    // offers it.
    const QString secondPath = second->document()->autosavePath();
    second.reset();
    QVERIFY(QFile::exists(secondPath));
    m_window = newWindow();
    m_window->document()->setPersistent(true);
    answerNextQuestion(QMessageBox::Yes);
    QVERIFY(m_window->document()->offerRestore());
    QCOMPARE(m_window->model()->dataset(), secondData);
    QVERIFY(!QFile::exists(secondPath) || secondPath == m_window->document()->autosavePath());
    // Restored once: a window started next has nothing to offer.
    auto fourth = newWindow();
    fourth->document()->setPersistent(true);
    QVERIFY(!fourth->document()->offerRestore());

    for (MainWindow *window : {m_window.get(), third.get(), fourth.get()}) {
        answerNextQuestion(QMessageBox::Discard);
        window->close();
    }
}

void TestSessionWindow::droppedFileIsOpened()
{
    const QString path = m_dir->filePath(QStringLiteral("dropped.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b\n1,10\n2,20\n");
    file.close();

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint centre = m_window->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_COMPARE(m_window->model()->dataset(), Dataset({1.0, 2.0}, {10.0, 20.0}));
    QCOMPARE(m_window->model()->xLabel(), QStringLiteral("x: a"));
}

void TestSessionWindow::recentFiles()
{
    m_window->document()->setPersistent(true);
    QString error;
    for (const QString &name : {QStringLiteral("one.losslab"), QStringLiteral("two.losslab")})
        QVERIFY2(m_window->document()->save(m_dir->filePath(name), &error), qPrintable(error));
    const QStringList recent = m_window->document()->recentFiles();
    QVERIFY(recent.size() >= 2);
    QCOMPARE(recent.at(0), m_dir->filePath(QStringLiteral("two.losslab")));
    QCOMPARE(recent.at(1), m_dir->filePath(QStringLiteral("one.losslab")));
}

void TestSessionWindow::settingsKeepTheFolderAndTheWindow()
{
    m_window->document()->setPersistent(true);
    m_window->document()->setLastDirectory(m_dir->path());
    m_window->resize(1000, 700);
    QVERIFY(m_window->close());

    const auto again = newWindow();
    again->document()->setPersistent(true);
    QCOMPARE(again->document()->lastDirectory(), m_dir->path());
    QVERIFY(
        again->restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray()));
    QCOMPARE(again->size(), QSize(1000, 700));
}

QTEST_MAIN(TestSessionWindow)
#include "tst_sessionwindow.moc"
