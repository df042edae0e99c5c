#include "trainingworker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

// The worker runs in the test's own thread here; the controller test covers the real thread.
// Expected values come from the closed form w_k = 2 − 2·(1 − 2·lr·14/3)^k on the lesson.
class TestTrainingWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneSignalPerStepInOrder();
    void pauseStepAndReset();
    void newDataDuringTraining();
    void stopsAtDivergence();
    void refusesToStartWithoutData();
    void paceFollowsTheSpeed();
    void destroyedWhileRunning();
    void raceGivesIndependentTrails();
    void everyRateEndsWithAReasonAndFiniteStates();
    void unrepresentableStartIsMarkedAndRefused();
};

namespace {

double lessonW(double lr, qint64 k)
{
    return 2.0 - 2.0 * std::pow(1.0 - 2.0 * lr * 14.0 / 3.0, double(k));
}

} // namespace

void TestTrainingWorker::oneSignalPerStepInOrder()
{
    TrainingWorker worker;
    worker.setSettings({0.01, 500, 0.0});
    QSignalSpy steps(&worker, &TrainingWorker::stepCompleted);
    QSignalSpy stopped(&worker, &TrainingWorker::stopped);

    worker.start();
    QVERIFY(worker.isRunning());
    QTRY_COMPARE(stopped.count(), 1);
    QCOMPARE(stopped.first().at(0).value<StopReason>(), StopReason::StepLimit);
    QCOMPARE(steps.count(), 500);
    for (int i = 0; i < steps.count(); ++i) {
        const auto state = steps.at(i).at(0).value<TrainingStep>();
        QCOMPARE(state.step, i + 1);
        QVERIFY(std::fabs(state.w - lessonW(0.01, i + 1)) < 1e-12);
    }
    QVERIFY(!worker.isRunning());
}

void TestTrainingWorker::pauseStepAndReset()
{
    TrainingWorker worker;
    worker.setSettings({0.01, 1'000'000'000, 0.0});
    worker.setStepsPerSecond(100);
    QSignalSpy steps(&worker, &TrainingWorker::stepCompleted);
    QSignalSpy running(&worker, &TrainingWorker::runningChanged);
    QSignalSpy changed(&worker, &TrainingWorker::stateChanged);

    worker.start();
    QTRY_VERIFY(steps.count() >= 3);
    worker.pause();
    QVERIFY(!worker.isRunning());
    QCOMPARE(running.count(), 2);
    const int atPause = steps.count();
    QTest::qWait(100);
    QCOMPARE(steps.count(), atPause);

    worker.stepOnce();
    QCOMPARE(steps.count(), atPause + 1);
    QCOMPARE(steps.last().at(0).value<TrainingStep>().step, atPause + 1);
    QVERIFY(!worker.isRunning());

    worker.reset();
    QCOMPARE(changed.count(), 1);
    const auto state = changed.last().at(0).value<TrainingStep>();
    QCOMPARE(state.step, 0);
    QCOMPARE(state.w, 0.0);
    QCOMPARE(changed.last().at(1).toBool(), true);
}

void TestTrainingWorker::newDataDuringTraining()
{
    TrainingWorker worker;
    worker.setSettings({0.01, 1'000'000'000, 0.0});
    worker.setStepsPerSecond(200);
    QSignalSpy steps(&worker, &TrainingWorker::stepCompleted);

    worker.start();
    QTRY_VERIFY(steps.count() >= 2);
    // y = 3x: the worker now descends towards 3 from where it is.
    worker.setDataset(Dataset({1, 2, 3}, {3, 6, 9}));
    const int before = steps.count();
    const double wBefore = steps.last().at(0).value<TrainingStep>().w;
    QTRY_VERIFY(steps.count() >= before + 2);
    worker.pause();

    const auto next = steps.at(before).at(0).value<TrainingStep>();
    QVERIFY(std::fabs(next.w - (wBefore - 0.01 * 28.0 / 3.0 * (wBefore - 3.0))) < 1e-12);
    const auto last = steps.last().at(0).value<TrainingStep>();
    QVERIFY(last.w > 2.0 || last.step < 50);
}

void TestTrainingWorker::stopsAtDivergence()
{
    TrainingWorker worker;
    worker.setDataset(Dataset({30, 40, 50, 60, 70}, {61, 79, 101, 119, 141}));
    worker.setSettings({1e-3, 1000, 0.0});
    QSignalSpy steps(&worker, &TrainingWorker::stepCompleted);
    QSignalSpy stopped(&worker, &TrainingWorker::stopped);

    worker.start();
    QTRY_COMPARE(stopped.count(), 1);
    QCOMPARE(stopped.first().at(0).value<StopReason>(), StopReason::Diverged);
    QVERIFY(stopped.first().at(1).toString().startsWith(QStringLiteral("Diverged at step 5")));
    QCOMPARE(steps.count(), 4);
    for (const auto &arguments : steps) {
        const auto state = arguments.at(0).value<TrainingStep>();
        QVERIFY(std::isfinite(state.w) && std::isfinite(state.loss));
    }
    QVERIFY(!worker.isRunning());
}

void TestTrainingWorker::refusesToStartWithoutData()
{
    TrainingWorker worker;
    worker.setDataset(Dataset());
    QSignalSpy stopped(&worker, &TrainingWorker::stopped);
    worker.start();
    QVERIFY(!worker.isRunning());
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(stopped.first().at(0).value<StopReason>(), StopReason::NoData);
}

void TestTrainingWorker::paceFollowsTheSpeed()
{
    // At 20 steps a second the worker never runs ahead of the clock: after t ms at most
    // 20·t/1000 + 1 steps are due. (A slow machine takes fewer, which is fine; no time limit
    // is asserted.)
    TrainingWorker worker;
    worker.setSettings({0.01, 1'000'000'000, 0.0});
    worker.setStepsPerSecond(20);
    QSignalSpy steps(&worker, &TrainingWorker::stepCompleted);
    QElapsedTimer clock;
    clock.start();
    worker.start();
    QTRY_VERIFY(steps.count() >= 3);
    worker.pause();
    const qint64 due = clock.elapsed() * 20 / 1000 + 1;
    QVERIFY2(steps.count() <= due,
             qPrintable(QStringLiteral("%1 steps, %2 due").arg(steps.count()).arg(due)));
}

void TestTrainingWorker::destroyedWhileRunning()
{
    auto worker = std::make_unique<TrainingWorker>();
    worker->setSettings({1e-6, 1'000'000'000, 0.0});
    QSignalSpy steps(worker.get(), &TrainingWorker::stepCompleted);
    worker->start();
    QTRY_VERIFY(steps.count() > 0);
    worker.reset();
    QTest::qWait(20); // a stray timer event would crash here
}

void TestTrainingWorker::raceGivesIndependentTrails()
{
    // gd (chosen), momentum and Adam from w = 0 on the lesson: each racer's steps are exactly
    // those of the same optimizer trained alone.
    TrainingWorker worker;
    worker.setSettings({0.01, 50, 0.0});
    OptimizerSettings momentum;
    momentum.kind = OptimizerKind::Momentum;
    OptimizerSettings adam;
    adam.kind = OptimizerKind::Adam;
    worker.setRivals({momentum, adam});
    QCOMPARE(worker.racerCount(), 3);
    QSignalSpy steps(&worker, &TrainingWorker::stepCompleted);
    QSignalSpy stopped(&worker, &TrainingWorker::stopped);
    worker.start();
    QTRY_COMPARE(stopped.count(), 1);
    QCOMPARE(steps.count(), 3 * 50);

    const std::vector<OptimizerSettings> kinds = {OptimizerSettings(), momentum, adam};
    for (int racer = 0; racer < 3; ++racer) {
        Trainer alone(Dataset::lesson(), 0.0);
        alone.setSettings({0.01, 50, 0.0});
        alone.setOptimizer(kinds[std::size_t(racer)]);
        qint64 seen = 0;
        for (const auto &arguments : steps) {
            auto state = arguments.at(0).value<TrainingStep>();
            if (state.racer != racer)
                continue;
            alone.advance();
            TrainingStep expected = alone.current();
            expected.racer = racer;
            QCOMPARE(state, expected);
            ++seen;
        }
        QCOMPARE(seen, 50);
    }
    // The message names every racer, as the window does (Optimizer::title).
    const QString message = stopped.first().at(1).toString();
    QVERIFY(message.contains(QStringLiteral("momentum: ")));
    QVERIFY(message.contains(QStringLiteral("Adam: ")));
}

void TestTrainingWorker::everyRateEndsWithAReasonAndFiniteStates()
{
    // Learning rates from 1e-12 to 1e12, all six optimizers racing, each loss and model: the
    // run ends by itself with a stated reason, and every state sent has finite numbers.
    const Dataset data({1.0, 2.0, 3.0, 40.0}, {2.0, 4.0, 6.0, -80.0});
    for (ModelKind model : {ModelKind::Origin, ModelKind::Line}) {
        for (LossKind loss : {LossKind::Mse, LossKind::Mae, LossKind::Huber}) {
            for (double lr : {1e-12, 1e-6, 1e-3, 1.0, 1e3, 1e6, 1e12}) {
                TrainingWorker worker;
                worker.setDataset(data);
                worker.setObjective({model, loss, 1.0});
                worker.setSettings({lr, 100, 1e-9});
                worker.setStepsPerSecond(0);
                std::vector<OptimizerSettings> rivals;
                for (OptimizerKind kind : Optimizer::all()) {
                    OptimizerSettings rival;
                    rival.kind = kind;
                    if (kind != OptimizerKind::Gd)
                        rivals.push_back(rival);
                }
                worker.setRivals(rivals);
                QSignalSpy steps(&worker, &TrainingWorker::stepCompleted);
                QSignalSpy changed(&worker, &TrainingWorker::stateChanged);
                QSignalSpy stopped(&worker, &TrainingWorker::stopped);
                worker.start();
                QTRY_COMPARE(stopped.count(), 1);

                const auto reason = stopped.first().at(0).value<StopReason>();
                const QString message = stopped.first().at(1).toString();
                QVERIFY(reason == StopReason::StepLimit || reason == StopReason::Converged
                        || reason == StopReason::Diverged);
                QVERIFY(!message.isEmpty());
                QVERIFY2(!message.contains(QStringLiteral("inf"), Qt::CaseInsensitive)
                             && !message.contains(QStringLiteral("nan"), Qt::CaseInsensitive),
                         qPrintable(message));
                for (const QSignalSpy *spy : {&steps, &changed}) {
                    for (const QList<QVariant> &arguments : *spy) {
                        const auto state = arguments.at(0).value<TrainingStep>();
                        QVERIFY(state.isFinite());
                        QVERIFY(!state.tooLarge);
                    }
                }
            }
        }
    }
}

void TestTrainingWorker::unrepresentableStartIsMarkedAndRefused()
{
    // y = 2x with x near 1e154: at w = 0 the MSE 4·mean(x²) ≈ 1.9e309 is beyond DBL_MAX. The
    // state sent is marked tooLarge with no infinity in it, and Train stops with TooLarge.
    TrainingWorker worker;
    QSignalSpy changed(&worker, &TrainingWorker::stateChanged);
    QSignalSpy steps(&worker, &TrainingWorker::stepCompleted);
    QSignalSpy stopped(&worker, &TrainingWorker::stopped);
    worker.setDataset(Dataset({1e154, 2e154, 3e154}, {2e154, 4e154, 6e154}));
    QCOMPARE(changed.count(), 1);
    const auto state = changed.first().at(0).value<TrainingStep>();
    QVERIFY(state.tooLarge);
    QVERIFY(state.isFinite());

    worker.start();
    QCOMPARE(stopped.count(), 1);
    QCOMPARE(stopped.first().at(0).value<StopReason>(), StopReason::TooLarge);
    QVERIFY(stopped.first().at(1).toString().contains(QStringLiteral("too large to represent")));
    QCOMPARE(steps.count(), 0);
    QVERIFY(!worker.isRunning());
}

QTEST_GUILESS_MAIN(TestTrainingWorker)
#include "tst_trainingworker.moc"
