#include "trainingcontroller.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cmath>
#include <cstring>
#include <ctime>
#include <memory>

Q_DECLARE_METATYPE(OptimizerKind)

// The real thread: commands cross as queued calls, progress comes back at frame rate.
// Expected values come from the closed form w_k = 2 − 2·(1 − 2·lr·14/3)^k on the lesson.
class TestTrainingController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finalStateIsDeliveredAndUpdatesAreCoalesced();
    void pauseShowsTheLastStep();
    void resetDuringTrainingClearsTheTrail();
    void doubleStartRunsOneWorker();
    void guiStaysResponsive();
    void destroyedWhileRunning();
    void replaceDataWhileRunning();
    void dataEditReachesEveryRacer();
    void settledMeansEveryCommandIsShown();
    void aLongRunIsDecimatedEvenly();
    void framesFollowTheFrameClock();
    void costlyFramesAreSkipped();
    void continueFromAKeptStepRunsAsTheOriginal_data();
    void continueFromAKeptStepRunsAsTheOriginal();
    void continueFromUnknownStateStartsTheOptimizerAfresh();
};

namespace {

// The CPU time the calling thread has used, in nanoseconds.
qint64 threadCpuNs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Trains the lesson as fast as possible for `runMs` of the GUI thread's event loop and returns
// how many frames were published, with the loop's length in `elapsedMs`.
int framesWhileTraining(TrainingController &controller, int runMs, qint64 *elapsedMs)
{
    controller.setSettings({1e-9, 1'000'000'000, 0.0});
    controller.setStepsPerSecond(0);
    if (!QTest::qWaitFor([&] { return controller.isSettled(); }, 10000))
        return 0;
    const qint64 before = controller.publishedFrames();
    QElapsedTimer clock;
    clock.start();
    controller.start();
    QEventLoop loop;
    QTimer::singleShot(runMs, &loop, &QEventLoop::quit);
    loop.exec();
    *elapsedMs = clock.elapsed();
    const int frames = int(controller.publishedFrames() - before);
    controller.pause();
    return frames;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof(double)) == 0;
}

// Runs the controller's racers as fast as possible until they stop by themselves.
bool runToTheEnd(TrainingController &controller)
{
    QSignalSpy stopped(&controller, &TrainingController::stopped);
    controller.start();
    return QTest::qWaitFor([&] { return stopped.count() == 1; }, 30000) && controller.isSettled();
}

double lessonW(double lr, qint64 k)
{
    return 2.0 - 2.0 * std::pow(1.0 - 2.0 * lr * 14.0 / 3.0, double(k));
}

} // namespace

void TestTrainingController::finalStateIsDeliveredAndUpdatesAreCoalesced()
{
    // The C14 run: lr 1e-6, 200000 steps, as fast as possible. Step 200000 has
    // w = 2 − 2·(1 − 2e-6·14/3)^200000 ≈ 1.690726165.
    TrainingController controller;
    controller.setSettings({1e-6, 200'000, 0.0});
    controller.setStepsPerSecond(0);
    QSignalSpy stopped(&controller, &TrainingController::stopped);
    QSignalSpy progressed(&controller, &TrainingController::progressed);

    controller.start();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 60000);
    QCOMPARE(stopped.first().at(0).value<StopReason>(), StopReason::StepLimit);
    QCOMPARE(controller.latest().step, 200'000);
    QVERIFY(std::fabs(controller.latest().w - lessonW(1e-6, 200'000)) < 1e-9);
    QVERIFY(std::fabs(controller.latest().w - 1.6907261650487242) < 1e-9);

    // Far fewer frames than steps, and the trail ends on the final step.
    QVERIFY2(progressed.count() < 20'000, qPrintable(QString::number(progressed.count())));
    const auto trail = controller.trail();
    QVERIFY(!trail.empty());
    QCOMPARE(trail.back().step, 200'000);
    QVERIFY(trail.size() <= TrainingController::trailCapacity + 1);
    QVERIFY(!controller.isRunning());
}

void TestTrainingController::pauseShowsTheLastStep()
{
    TrainingController controller;
    controller.setSettings({1e-6, 1'000'000'000, 0.0});
    controller.setStepsPerSecond(0);
    QSignalSpy stopped(&controller, &TrainingController::stopped);

    controller.start();
    QTRY_VERIFY(controller.isRunning());
    QTest::qWait(100);
    controller.pause();
    QTRY_COMPARE(stopped.count(), 1);
    QCOMPARE(stopped.first().at(0).value<StopReason>(), StopReason::Paused);

    // The shown state is exactly the worker's step k: replaying k steps gives the same bits.
    const TrainingStep shown = controller.latest();
    QVERIFY(shown.step > 0);
    Trainer replay(Dataset::lesson(), 0.0);
    replay.setSettings({1e-6, shown.step, 0.0});
    while (replay.advance() == StopReason::None) { }
    QCOMPARE(replay.current(), shown);
    QVERIFY(std::fabs(shown.w - lessonW(1e-6, shown.step)) < 1e-9);
    QVERIFY(stopped.first().at(1).toString().contains(QString::number(shown.step)));
}

void TestTrainingController::resetDuringTrainingClearsTheTrail()
{
    TrainingController controller;
    controller.setSettings({1e-6, 1'000'000'000, 0.0});
    controller.start();
    QTRY_VERIFY(controller.latest().step > 100);
    controller.reset();
    QTRY_VERIFY(!controller.isRunning());
    QTRY_COMPARE(controller.latest().step, 0);
    QCOMPARE(controller.latest().w, 0.0);
    // Only the start remains, as the first point of the next run.
    const auto trail = controller.trail();
    QCOMPARE(trail.size(), std::size_t(1));
    QCOMPARE(trail.front().step, 0);
    QCOMPARE(trail.front().w, 0.0);
}

void TestTrainingController::doubleStartRunsOneWorker()
{
    // The second start arrives while the first run is going, however slow the machine: the
    // step limit is far away. It is ignored: one run, one "on" and one "off".
    TrainingController controller;
    controller.setSettings({1e-9, 1'000'000'000, 0.0});
    controller.setStepsPerSecond(0);
    QSignalSpy stopped(&controller, &TrainingController::stopped);
    QSignalSpy running(&controller, &TrainingController::runningChanged);
    controller.start();
    controller.start();
    QTRY_VERIFY(controller.latest().step > 0);
    controller.pause();
    QTRY_COMPARE(stopped.count(), 1);
    QTest::qWait(50);
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(stopped.first().at(0).value<StopReason>(), StopReason::Paused);
    QCOMPARE(running.count(), 2); // on once, off once
    // One worker: the trail's steps go up by one, with no step taken twice.
    const auto trail = controller.trail();
    for (std::size_t i = 1; i < trail.size(); ++i)
        QVERIFY(trail[i].step > trail[i - 1].step);
}

void TestTrainingController::guiStaysResponsive()
{
    // While the worker runs flat out, the GUI thread's event loop keeps serving a timer and
    // the worker's frames: nothing floods it. (How fast is for the benchmarks; no wall-clock
    // limit is asserted here.)
    TrainingController controller;
    controller.setSettings({1e-9, 1'000'000'000, 0.0});
    controller.setStepsPerSecond(0);
    int ticks = 0;
    QTimer probe;
    connect(&probe, &QTimer::timeout, this, [&ticks] { ++ticks; });
    QSignalSpy progressed(&controller, &TrainingController::progressed);
    controller.start();
    probe.start(10);
    QTRY_VERIFY(ticks >= 20 && progressed.count() >= 5);
    QVERIFY(controller.isRunning());
    controller.pause();
    QTRY_VERIFY(!controller.isRunning());
}

void TestTrainingController::destroyedWhileRunning()
{
    for (int i = 0; i < 5; ++i) {
        auto controller = std::make_unique<TrainingController>();
        controller->setSettings({1e-6, 1'000'000'000, 0.0});
        controller->start();
        QTRY_VERIFY(controller->latest().step > 0);
        controller.reset(); // must stop and join, without "Destroyed while thread is running"
    }
}

void TestTrainingController::replaceDataWhileRunning()
{
    TrainingController controller;
    controller.setSettings({0.01, 1'000'000'000, 0.0});
    controller.setStepsPerSecond(0);
    controller.start();
    for (int i = 0; i < 50; ++i) {
        const double slope = 1.0 + i % 3;
        controller.setDataset(Dataset({1, 2, 3}, {slope, 2 * slope, 3 * slope}));
        QTest::qWait(2);
    }
    // Last data: slope 1 + 49 % 3 = 2; the run converges there.
    QTRY_VERIFY(std::fabs(controller.latest().w - 2.0) < 1e-9);
    controller.pause();
    QTRY_VERIFY(!controller.isRunning());
}

void TestTrainingController::dataEditReachesEveryRacer()
{
    TrainingController controller;
    controller.setSettings({0.01, 1'000'000'000, 0.0});
    controller.setStepsPerSecond(0);
    OptimizerSettings momentum;
    momentum.kind = OptimizerKind::Momentum;
    OptimizerSettings rmsprop;
    rmsprop.kind = OptimizerKind::Rmsprop;
    controller.setRivals({momentum, rmsprop});
    QCOMPARE(controller.racerCount(), 3);
    controller.start();
    QTRY_VERIFY(controller.latest().step > 10);

    // New data y = 3x during the race: every racer heads for w = 3.
    controller.setDataset(Dataset({1, 2, 3}, {3, 6, 9}));
    for (int racer = 0; racer < 3; ++racer) {
        QTRY_VERIFY_WITH_TIMEOUT(!controller.trail(racer).empty()
                                     && std::fabs(controller.trail(racer).back().w - 3.0) < 1e-2,
                                 20000);
    }
    controller.pause();
    QTRY_VERIFY(!controller.isRunning());
}

void TestTrainingController::settledMeansEveryCommandIsShown()
{
    // Once settled, what is shown is the result of the last command: here w = 1.5 on the
    // lesson, MSE = (0.25 + 1 + 2.25)/3 = 7/6.
    TrainingController controller;
    controller.setParameters(0.5, 0.0);
    controller.setParameters(1.5, 0.0);
    QVERIFY(!controller.isSettled());
    QTRY_VERIFY(controller.isSettled());
    QCOMPARE(controller.latest().w, 1.5);
    QVERIFY(std::fabs(controller.latest().loss - 7.0 / 6.0) < 1e-15);
    QVERIFY(!controller.isRunning());
}

void TestTrainingController::aLongRunIsDecimatedEvenly()
{
    // 5000 steps through a trail of 2000: every step up to 2000, every 2nd up to 4000, then
    // every 4th. The trail starts at step 0, keeps every 4th step and ends on step 5000.
    static_assert(TrainingController::trailCapacity == 2000);
    TrainingController controller;
    controller.setSettings({1e-6, 5000, 0.0});
    controller.setStepsPerSecond(0);
    QCOMPARE(controller.trailStride(), 1);
    QSignalSpy stopped(&controller, &TrainingController::stopped);

    controller.start();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 60000);
    QCOMPARE(controller.latest().step, 5000);
    QCOMPARE(controller.trailStride(), 4);
    QCOMPARE(controller.trailStride(1), 1); // no such racer
    const auto trail = controller.trail();
    QCOMPARE(trail.size(), std::size_t(5000 / 4 + 1));
    for (std::size_t i = 0; i < trail.size(); ++i)
        QCOMPARE(trail[i].step, qint64(4 * i));
    QVERIFY(std::fabs(trail.back().w - lessonW(1e-6, 5000)) < 1e-12);

    controller.reset();
    QTRY_VERIFY(controller.isSettled());
    QCOMPARE(controller.trailStride(), 1);
    QCOMPARE(controller.trail().size(), std::size_t(1));
}

void TestTrainingController::framesFollowTheFrameClock()
{
    // A million steps a second come in batches, each with a wake-up, but the steps reach the
    // window on the frame clock only: no more frames than frameIntervalMs allows in the time
    // the loop ran (the timer may fire up to 5% early), plus the one that starts the run.
    // Fewer is fine: this bounds a count by the measured time, it asserts no duration.
    TrainingController controller;
    qint64 elapsedMs = 0;
    const int frames = framesWhileTraining(controller, 500, &elapsedMs);
    QVERIFY(frames > 0);
    const double most = double(elapsedMs) / (0.95 * TrainingController::frameIntervalMs) + 2.0;
    QVERIFY2(frames <= most,
             qPrintable(QStringLiteral("%1 frames in %2 ms").arg(frames).arg(elapsedMs)));
    QTRY_VERIFY(!controller.isRunning());
}

void TestTrainingController::costlyFramesAreSkipped()
{
    // Each frame keeps the GUI thread busy for 20 ms of its CPU time: frames are skipped so
    // that it stays busy at most about half the time, one frame per 40 ms of the loop at most.
    TrainingController controller;
    connect(&controller, &TrainingController::progressed, this, [] {
        const qint64 start = threadCpuNs();
        while (threadCpuNs() - start < 20'000'000) { }
    });
    qint64 elapsedMs = 0;
    const int frames = framesWhileTraining(controller, 600, &elapsedMs);
    QVERIFY(frames > 0);
    const double most = double(elapsedMs) / 40.0 + 2.0;
    QVERIFY2(frames <= most,
             qPrintable(QStringLiteral("%1 frames in %2 ms").arg(frames).arg(elapsedMs)));
    QTRY_VERIFY(!controller.isRunning());
}

void TestTrainingController::continueFromAKeptStepRunsAsTheOriginal_data()
{
    QTest::addColumn<OptimizerKind>("chosen");
    QTest::addColumn<QList<OptimizerKind>>("rivals");
    QTest::newRow("gd") << OptimizerKind::Gd << QList<OptimizerKind>();
    QTest::newRow("adam") << OptimizerKind::Adam << QList<OptimizerKind>();
    QTest::newRow("gd against adam and centered rmsprop with momentum")
        << OptimizerKind::Gd << QList<OptimizerKind> {OptimizerKind::Adam, OptimizerKind::Rmsprop};
}

void TestTrainingController::continueFromAKeptStepRunsAsTheOriginal()
{
    // y = w·x + b on the lesson, 300 steps without a break, against 300 steps, back to the kept
    // step 100 and 200 steps more: every racer ends on the same bits of w and b.
    QFETCH(OptimizerKind, chosen);
    QFETCH(QList<OptimizerKind>, rivals);
    const auto configure = [&](TrainingController &controller) {
        Objective line;
        line.model = ModelKind::Line;
        controller.setObjective(line);
        controller.setSettings({0.01, 300, 0.0});
        OptimizerSettings settings;
        settings.kind = chosen;
        controller.setOptimizer(settings);
        std::vector<OptimizerSettings> race;
        for (const OptimizerKind kind : rivals) {
            OptimizerSettings rival;
            rival.kind = kind;
            rival.centered = true;
            rival.rmspropMomentum = 0.5;
            race.push_back(rival);
        }
        controller.setRivals(race);
        controller.setStepsPerSecond(0);
    };

    TrainingController uninterrupted;
    configure(uninterrupted);
    QVERIFY(runToTheEnd(uninterrupted));
    QCOMPARE(uninterrupted.latest().step, 300);

    TrainingController resumed;
    configure(resumed);
    QVERIFY(runToTheEnd(resumed));
    QSignalSpy restored(&resumed, &TrainingController::restored);
    resumed.continueFrom(100);
    QTRY_COMPARE(restored.count(), 1);
    QTRY_VERIFY(resumed.isSettled());
    QCOMPARE(restored.first().at(0).toLongLong(), 100);
    QCOMPARE(restored.first().at(1).toBool(), true);
    QCOMPARE(resumed.latest().step, 100);
    for (int racer = 0; racer < resumed.racerCount(); ++racer) {
        const auto trail = resumed.trail(racer);
        QCOMPARE(trail.back().step, 100);
        QCOMPARE(trail.size(), std::size_t(101));
        // Step 100 as the uninterrupted run had it.
        QCOMPARE(trail.back(), uninterrupted.trail(racer)[100]);
    }

    QVERIFY(runToTheEnd(resumed));
    QCOMPARE(resumed.latest().step, 300);
    for (int racer = 0; racer < resumed.racerCount(); ++racer) {
        const TrainingStep expected = uninterrupted.trail(racer).back();
        const TrainingStep actual = resumed.trail(racer).back();
        QCOMPARE(actual.step, 300);
        QVERIFY2(sameBits(actual.w, expected.w) && sameBits(actual.b, expected.b),
                 qPrintable(QStringLiteral("racer %1: (%2, %3) against (%4, %5)")
                                .arg(racer)
                                .arg(actual.w, 0, 'g', 17)
                                .arg(actual.b, 0, 'g', 17)
                                .arg(expected.w, 0, 'g', 17)
                                .arg(expected.b, 0, 'g', 17)));
        QCOMPARE(resumed.trail(racer).size(), uninterrupted.trail(racer).size());
    }
}

void TestTrainingController::continueFromUnknownStateStartsTheOptimizerAfresh()
{
    // A saved momentum trail of steps 0 and 1 whose states were not kept: going on from step 1
    // starts the velocity afresh, so step 2 is w = w1 − lr·g(w1), as gd's step would be.
    TrainingController controller;
    OptimizerSettings momentum;
    momentum.kind = OptimizerKind::Momentum;
    controller.setOptimizer(momentum);
    controller.setSettings({0.01, 100, 0.0});
    const double w1 = 0.01 * 56.0 / 3.0; // 0 − 0.01·g(0), g(w) = 28/3·(w − 2)
    SessionTrail saved;
    saved.steps = {{0, 0.0, 0.0, 56.0 / 3.0, -56.0 / 3.0, 0.0},
                   {1, w1, 0.0, 0.0, 28.0 / 3.0 * (w1 - 2.0), 0.0}};
    QSignalSpy restored(&controller, &TrainingController::restored);
    controller.restoreTrails({saved});
    QTRY_COMPARE(restored.count(), 1);
    QCOMPARE(restored.first().at(0).toLongLong(), 1);
    QCOMPARE(restored.first().at(1).toBool(), false);
    QTRY_VERIFY(controller.isSettled());
    QCOMPARE(controller.latest().step, 1);
    QVERIFY(std::fabs(controller.latest().w - w1) < 1e-15);

    controller.step();
    QTRY_COMPARE(controller.latest().step, 2);
    const double w2 = w1 - 0.01 * 28.0 / 3.0 * (w1 - 2.0);
    QVERIFY2(std::fabs(controller.latest().w - w2) < 1e-12,
             qPrintable(QString::number(controller.latest().w, 'g', 17)));
    QCOMPARE(controller.trail().size(), std::size_t(3));
}

QTEST_GUILESS_MAIN(TestTrainingController)
#include "tst_trainingcontroller.moc"
