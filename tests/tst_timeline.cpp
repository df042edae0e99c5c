#include "answerquestion.h"
#include "dataeditorview.h"
#include "datasetmodel.h"
#include "losscurveview.h"
#include "lossstepview.h"
#include "mainwindow.h"
#include "parameterpanel.h"
#include "parameterslider.h"
#include "sessiondocument.h"
#include "timelinepanel.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <memory>

namespace {

// Gradient descent on the lesson (1, 2), (2, 4), (3, 6) with y = w·x and lr 0.01 from w = 0:
// dMSE/dw = (2/3)·Σ x·(w·x − y) = 28/3·(w − 2), so w_{k+1} − 2 = (1 − 0.28/3)·(w_k − 2) and
// w_k = 2 − 2·(1 − 0.28/3)^k.
double lessonW(qint64 k)
{
    return 2.0 - 2.0 * std::pow(1.0 - 0.28 / 3.0, double(k));
}

constexpr double tolerance = 1e-12;

bool near(double actual, double expected)
{
    return std::fabs(actual - expected) <= tolerance;
}

// The centre of the slider's handle, where a drag starts.
QPoint handleCentre(QSlider *slider)
{
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    option.upsideDown = slider->invertedAppearance();
    return slider->style()
        ->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider)
        .center();
}

// The slope of the model's line in the data editor: w for y = w·x.
double editorLineSlope(DataEditorView *editor)
{
    for (QAbstractSeries *series : editor->chart()->series()) {
        auto *line = qobject_cast<QLineSeries *>(series);
        if (!line || line->count() < 2)
            continue;
        const QPointF a = line->at(0);
        const QPointF b = line->at(line->count() - 1);
        return (b.y() - a.y()) / (b.x() - a.x());
    }
    return qQNaN();
}

} // namespace

// The timeline under the training controls: the slider over the kept steps, its label and
// "Continue from here", driven by keyboard and mouse on gradient descent on the lesson.
class TestTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void disabledWithoutATrail();
    void keyboardShowsEachKeptStep_data();
    void keyboardShowsEachKeptStep();
    void mouseDragGoesBackAndForth();
    void trainingGoesOnFromTheLatestStep();
    void continueFromHereTrainsOnFromTheStepShown();
    void continueFromHereByKeyboard();
    void savedAndEditedFromTheLatestStep();
    void namedForScreenReaders();

private:
    void train(qint64 steps);
    void checkShows(qint64 k);

    std::unique_ptr<MainWindow> m_window;
};

void TestTimeline::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestTimeline::cleanup()
{
    m_window.reset();
}

// Trains as fast as possible up to the step limit `steps` and waits for the last frame.
void TestTimeline::train(qint64 steps)
{
    TrainingPanel *training = m_window->training();
    training->stepLimitBox()->setValue(int(steps));
    training->speedBox()->setCurrentIndex(training->speedBox()->findData(0));
    QTest::mouseClick(training->trainButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->controller()->latest().step, steps);
    QTRY_VERIFY(!m_window->controller()->isRunning());
    QTRY_COMPARE(m_window->timeline()->slider()->maximum(), int(steps));
}

// The window shows step k of the run: the model, w's spin box, the curve's marker, the data
// editor's line and the training readout.
void TestTimeline::checkShows(qint64 k)
{
    const double w = lessonW(k);
    QVERIFY2(near(m_window->model()->w(), w),
             qPrintable(QStringLiteral("step %1: w = %2, expected %3")
                            .arg(k)
                            .arg(m_window->model()->w(), 0, 'g', 17)
                            .arg(w, 0, 'g', 17)));
    QCOMPARE(m_window->timeline()->shownStep().step, k);
    QVERIFY(std::fabs(m_window->parameters()->wSlider()->spinBox()->value() - w) < 0.01);
    QVERIFY(near(m_window->lossCurve()->marker().x(), w));
    QVERIFY(std::fabs(editorLineSlope(m_window->dataEditor()) - w) < 1e-9);
    QVERIFY2(m_window->training()->readout()->text().startsWith(QStringLiteral("step %1 ").arg(k)),
             qPrintable(m_window->training()->readout()->text()));
    // The loss-per-step chart rings the step shown, at MSE(w_k) = (14/3)·(w_k − 2)², unless it
    // is the latest.
    const std::optional<QPointF> mark = m_window->lossStep()->shownMark();
    if (m_window->timeline()->isAtLatest()) {
        QVERIFY(!mark);
    } else {
        QVERIFY(mark);
        QCOMPARE(mark->x(), double(k));
        QVERIFY(std::fabs(mark->y() - 14.0 / 3.0 * (w - 2.0) * (w - 2.0)) <= tolerance);
    }
}

void TestTimeline::disabledWithoutATrail()
{
    TimelinePanel *timeline = m_window->timeline();
    QVERIFY(!timeline->slider()->isEnabled());
    QVERIFY(!timeline->continueButton()->isEnabled());
    QCOMPARE(timeline->label()->text(), QStringLiteral("No steps yet"));

    train(3);
    QVERIFY(timeline->slider()->isEnabled());
    QCOMPARE(timeline->label()->text(), QStringLiteral("Step 3 of 3"));
    // At the latest step there is nothing to continue from but where training is.
    QVERIFY(!timeline->continueButton()->isEnabled());

    QTest::mouseClick(m_window->training()->resetButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(0));
    QTRY_VERIFY(!timeline->slider()->isEnabled());
}

void TestTimeline::keyboardShowsEachKeptStep_data()
{
    QTest::addColumn<QList<int>>("keys");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("Home") << QList<int> {Qt::Key_Home} << qint64(0);
    QTest::newRow("Left") << QList<int> {Qt::Key_Left} << qint64(29);
    QTest::newRow("Home, then Right five times")
        << QList<int> {Qt::Key_Home,  Qt::Key_Right, Qt::Key_Right,
                       Qt::Key_Right, Qt::Key_Right, Qt::Key_Right}
        << qint64(5);
    QTest::newRow("Page Down") << QList<int> {Qt::Key_PageDown} << qint64(27);
    QTest::newRow("back, then End") << QList<int> {Qt::Key_Home, Qt::Key_End} << qint64(30);
}

void TestTimeline::keyboardShowsEachKeptStep()
{
    QFETCH(QList<int>, keys);
    QFETCH(qint64, expected);
    train(30);
    checkShows(30);

    QSlider *slider = m_window->timeline()->slider();
    slider->setFocus();
    for (const int key : keys)
        QTest::keyClick(slider, Qt::Key(key));
    checkShows(expected);
    QCOMPARE(m_window->timeline()->label()->text(), QStringLiteral("Step %1 of 30").arg(expected));
    QCOMPARE(m_window->timeline()->isAtLatest(), expected == 30);
    QCOMPARE(m_window->timeline()->continueButton()->isEnabled(), expected != 30);

    // The run is kept: the worker is still at step 30 and its trail whole.
    QCOMPARE(m_window->controller()->latest().step, qint64(30));
    QCOMPARE(m_window->controller()->trail().size(), std::size_t(31));
    // LOSSLAB_TEST_SCREENSHOTS=DIR keeps a picture of the window scrubbed back, to look at.
    const QString folder = qEnvironmentVariable("LOSSLAB_TEST_SCREENSHOTS");
    if (!folder.isEmpty()) {
        // The chart lays its new title out on the next pass of the event loop.
        QCoreApplication::processEvents();
        m_window->grab().save(QDir(folder).filePath(
            QStringLiteral("timeline %1.png").arg(QString::fromLatin1(QTest::currentDataTag()))));
    }
}

void TestTimeline::mouseDragGoesBackAndForth()
{
    train(30);
    QSlider *slider = m_window->timeline()->slider();
    const QPoint start = handleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, start);
    QTest::mouseMove(slider, QPoint(-50, start.y()));
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier, QPoint(-50, start.y()));
    checkShows(0);

    const QPoint back = handleCentre(slider);
    QTest::mousePress(slider, Qt::LeftButton, Qt::NoModifier, back);
    QTest::mouseMove(slider, QPoint(slider->width() + 50, back.y()));
    QTest::mouseRelease(slider, Qt::LeftButton, Qt::NoModifier,
                        QPoint(slider->width() + 50, back.y()));
    checkShows(30);
    QVERIFY(m_window->timeline()->isAtLatest());
}

void TestTimeline::trainingGoesOnFromTheLatestStep()
{
    // Back at step 5, Step and Train ask nothing and go on from step 30.
    train(30);
    QSlider *slider = m_window->timeline()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    checkShows(0);

    m_window->training()->stepLimitBox()->setValue(40);
    QTest::mouseClick(m_window->training()->stepButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(31));
    QTRY_COMPARE(m_window->timeline()->slider()->maximum(), 31);
    checkShows(31);

    QTest::keyClick(slider, Qt::Key_Home);
    checkShows(0);
    QTest::mouseClick(m_window->training()->trainButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(40));
    QTRY_VERIFY(!m_window->controller()->isRunning());
    QTRY_COMPARE(m_window->timeline()->slider()->maximum(), 40);
    checkShows(40);
    QCOMPARE(m_window->controller()->trail().size(), std::size_t(41));
}

void TestTimeline::continueFromHereTrainsOnFromTheStepShown()
{
    train(30);
    QSlider *slider = m_window->timeline()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    for (int i = 0; i < 10; ++i)
        QTest::keyClick(slider, Qt::Key_Right);
    checkShows(10);

    // The steps after 10 are dropped only once the user agrees.
    answerNextQuestion(QMessageBox::Cancel);
    QTest::mouseClick(m_window->timeline()->continueButton(), Qt::LeftButton);
    QCOMPARE(m_window->controller()->latest().step, qint64(30));
    QCOMPARE(m_window->controller()->trail().size(), std::size_t(31));
    checkShows(10);

    answerNextQuestion(QMessageBox::Ok);
    QTest::mouseClick(m_window->timeline()->continueButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(10));
    QTRY_COMPARE(m_window->timeline()->slider()->maximum(), 10);
    QCOMPARE(m_window->controller()->trail().size(), std::size_t(11));
    QVERIFY(m_window->timeline()->isAtLatest());
    QVERIFY(!m_window->timeline()->continueButton()->isEnabled());
    checkShows(10);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("step 10")),
             qPrintable(m_window->statusBar()->currentMessage()));

    // Step 11 follows from step 10, as it did in the first run.
    QTest::mouseClick(m_window->training()->stepButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(11));
    QTRY_COMPARE(m_window->timeline()->slider()->maximum(), 11);
    checkShows(11);
}

void TestTimeline::continueFromHereByKeyboard()
{
    // Alt+C presses Continue from here; Tab reaches it from the slider and Space presses it.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    train(30);
    QSlider *slider = m_window->timeline()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(slider, Qt::Key_Right);
    checkShows(3);
    answerNextQuestion(QMessageBox::Ok);
    QTest::keyClick(m_window.get(), Qt::Key_C, Qt::AltModifier);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(3));
    QTRY_COMPARE(m_window->timeline()->slider()->maximum(), 3);
    checkShows(3);

    // The question closed, the window is active again with the slider focused, as the
    // desktop leaves it (the offscreen platform does not).
    QApplication::setActiveWindow(m_window.get());
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    QTest::keyClick(slider, Qt::Key_Right);
    checkShows(1);
    QTest::keyClick(slider, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), m_window->timeline()->continueButton());
    answerNextQuestion(QMessageBox::Ok);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(1));
    QTRY_COMPARE(m_window->timeline()->slider()->maximum(), 1);
    checkShows(1);
}

void TestTimeline::savedAndEditedFromTheLatestStep()
{
    // With the timeline back at step 5, a session saves the run's latest w, and a w set by hand
    // is a change from it, which Undo takes back to it.
    train(20);
    QSlider *slider = m_window->timeline()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(slider, Qt::Key_Right);
    checkShows(5);
    QVERIFY(near(m_window->document()->currentSession().w, lessonW(20)));

    m_window->parameters()->wSlider()->spinBox()->setValue(1.5);
    QTRY_COMPARE(m_window->controller()->latest().w, 1.5);
    QCOMPARE(m_window->controller()->latest().step, qint64(20));
    QTRY_VERIFY(m_window->timeline()->isAtLatest());
    m_window->undoStack()->undo();
    QTRY_VERIFY(near(m_window->controller()->latest().w, lessonW(20)));
    QVERIFY(near(m_window->model()->w(), lessonW(20)));
}

void TestTimeline::namedForScreenReaders()
{
    TimelinePanel *timeline = m_window->timeline();
    QCOMPARE(timeline->slider()->accessibleName(), QStringLiteral("training timeline"));
    QCOMPARE(timeline->continueButton()->accessibleName(), QStringLiteral("continue from here"));
    for (QWidget *widget : {static_cast<QWidget *>(timeline->slider()),
                            static_cast<QWidget *>(timeline->continueButton())}) {
        QVERIFY(!widget->toolTip().isEmpty());
        QVERIFY(!widget->statusTip().isEmpty());
    }
    train(4);
    QCOMPARE(timeline->slider()->accessibleDescription(), QStringLiteral("Step 4 of 4"));
}

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
