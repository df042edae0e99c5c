#include "answerquestion.h"
#include "commandline.h"
#include "mainwindow.h"
#include "modelpanel.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTimer>

#include <iostream>
#include <memory>

// Closing the window at any moment of training ends the program within a second, with status
// 0 and no Qt warning. Each case runs this executable again as a child that opens the window
// as `losslab` does (MainWindow::run), presses Train and closes the window through
// QWidget::close() at a chosen step; the parent watches the child from outside.
class TestLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closingWhileTraining_data();
    void closingWhileTraining();
};

namespace {

const char *const closeAtVariable = "LOSSLAB_TEST_CLOSE_AT_STEP";

// The child: the window, Train pressed, then close() once training reaches `closeAt` steps.
int runChild(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QLocale::setDefault(QLocale::c());
    const qint64 closeAt = qEnvironmentVariableIntValue(closeAtVariable);
    const int speed = qEnvironmentVariableIntValue("LOSSLAB_TEST_SPEED");
    const bool race = qEnvironmentVariableIsSet("LOSSLAB_TEST_RACE");

    QTimer::singleShot(0, &app, [=] {
        MainWindow *window = nullptr;
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *found = qobject_cast<MainWindow *>(widget))
                window = found;
        }
        if (!window) {
            std::cout << "no window" << std::endl;
            QApplication::exit(1);
            return;
        }
        TrainingPanel *training = window->training();
        training->speedBox()->setCurrentIndex(training->speedBox()->findData(speed));
        training->stepLimitBox()->setValue(1'000'000'000);
        if (race) {
            window->modelPanel()->raceBox(OptimizerKind::Momentum)->setChecked(true);
            window->modelPanel()->raceBox(OptimizerKind::Adam)->setChecked(true);
        }
        // A rate far below the stable limit: the run goes on until the window is closed.
        training->learningRateEdit()->setText(QStringLiteral("1e-9"));
        QTest::keyClick(training->learningRateEdit(), Qt::Key_Return);
        const auto closed = std::make_shared<bool>(false);
        const auto close = [window, closed](qint64 step) {
            if (*closed)
                return;
            *closed = true;
            std::cout << "closing at step " << step << std::endl;
            // The settings above are unsaved changes: the window asks first, and the answer is
            // Discard.
            answerNextQuestion(QMessageBox::Discard);
            window->close();
        };
        QObject::connect(window->controller(), &TrainingController::progressed, window,
                         [close, closeAt](const TrainingStep &state) {
                             if (state.step >= closeAt)
                                 close(state.step);
                         });
        training->trainButton()->click();
        if (closeAt == 0)
            close(0);
    });
    return MainWindow::run(WindowOptions());
}

} // namespace

void TestLifecycle::closingWhileTraining_data()
{
    QTest::addColumn<int>("closeAt");
    QTest::addColumn<int>("speed");
    QTest::addColumn<bool>("race");

    QTest::newRow("as Train is pressed") << 0 << 0 << false;
    QTest::newRow("after the first frame") << 1 << 0 << false;
    QTest::newRow("deep into a fast run") << 200000 << 0 << false;
    QTest::newRow("at 20 steps a second") << 3 << 20 << false;
    QTest::newRow("during a race") << 50000 << 0 << true;
}

void TestLifecycle::closingWhileTraining()
{
    QFETCH(int, closeAt);
    QFETCH(int, speed);
    QFETCH(bool, race);

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QString::fromLatin1(closeAtVariable), QString::number(closeAt));
    environment.insert(QStringLiteral("LOSSLAB_TEST_SPEED"), QString::number(speed));
    if (race)
        environment.insert(QStringLiteral("LOSSLAB_TEST_RACE"), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());

    // Generous bounds: the machine may be busy. Reaching the step can take a while; once the
    // window is closed the program must be gone within seconds, not hang.
    QElapsedTimer sinceClose;
    while (!child.canReadLine() && child.state() == QProcess::Running)
        child.waitForReadyRead(60000);
    sinceClose.start();
    const QByteArray line = child.readLine();
    QVERIFY2(line.startsWith("closing at step "), line.constData());
    QVERIFY(child.waitForFinished(5000));
    qInfo("%s, exited after %lld ms", line.trimmed().constData(), sinceClose.elapsed());

    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    // The offscreen platform and a root user's missing runtime folder speak for Qt itself;
    // anything else on stderr is a warning of ours.
    for (const QByteArray &message : child.readAllStandardError().split('\n')) {
        QVERIFY2(message.isEmpty() || message.contains("propagateSizeHints")
                     || message.contains("XDG_RUNTIME_DIR"),
                 message.constData());
    }
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(closeAtVariable))
        return runChild(argc, argv);
    QCoreApplication app(argc, argv);
    TestLifecycle test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_lifecycle.moc"
