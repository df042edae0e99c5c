#include "dataset.h"
#include "mseloss.h"
#include "trainer.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <memory>

// Gradient descent on the lesson's data has a closed form: with a = mean(x²) = 14/3 the error
// w − 2 shrinks by (1 − 2·lr·a) each step, so w_k = 2 − 2·(1 − 2·lr·a)^k from w0 = 0.
class TestTrainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstStepsMatchTheClosedForm();
    void reachesTheOptimum();
    void divergenceBoundary_data();
    void divergenceBoundary();
    void divergenceKeepsTheLastGoodState();
    void nonFiniteUpdateIsRefused();
    void convergesBelowTolerance();
    void stopsAtTheStepLimit();
    void convergedStartIsReported();
    void resetReturnsToTheStart();
    void parameterBeforeTheFirstStepIsTheStart();
    void newDataTakesEffectAtTheNextStep();
    void degenerateData();
    void lineModelConverges();
    void sameXLineGoesToTheMinimumNormFit();
    void otherLossesAndOptimizers();
    void optimizerStateTooLargeStopsInWords_data();
    void optimizerStateTooLargeStopsInWords();
    void switchingModelMidRunClearsOptimizerState_data();
    void switchingModelMidRunClearsOptimizerState();
    void restoreGoesOnAsTheRunDid();
    void restoreRefusesAStateThatDoesNotFit();
};

namespace {

const Dataset c01({30, 40, 50, 60, 70}, {61, 79, 101, 119, 141});

bool near(double actual, double expected, double tolerance)
{
    return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

} // namespace

void TestTrainer::firstStepsMatchTheClosedForm()
{
    Trainer trainer(Dataset::lesson(), 0.0);
    trainer.setSettings({0.01, 1000, 0.0});
    QCOMPARE(trainer.current().step, 0);
    QVERIFY(near(trainer.current().loss, 56.0 / 3.0, 1e-15));
    QVERIFY(near(trainer.current().gradW, -56.0 / 3.0, 1e-15));

    const double factor = 1.0 - 2.0 * 0.01 * 14.0 / 3.0;
    for (int k = 1; k <= 5; ++k) {
        QCOMPARE(trainer.advance(), StopReason::None);
        const double w = 2.0 - 2.0 * std::pow(factor, k);
        QCOMPARE(trainer.current().step, k);
        QVERIFY(near(trainer.current().w, w, 1e-13));
        QVERIFY(near(trainer.current().loss, 14.0 / 3.0 * (w - 2) * (w - 2), 1e-12));
        QVERIFY(near(trainer.current().gradW, 28.0 / 3.0 * (w - 2), 1e-12));
    }
    // Step 1 by hand: w = 0 − 0.01·(−56/3) = 0.18666…
    Trainer single(Dataset::lesson(), 0.0);
    single.advance();
    QVERIFY(near(single.current().w, 0.56 / 3.0, 1e-15));
}

void TestTrainer::reachesTheOptimum()
{
    Trainer trainer(Dataset::lesson(), 0.0);
    trainer.setSettings({0.01, 1000, 0.0});
    while (trainer.advance() == StopReason::None) { }
    QCOMPARE(trainer.current().step, 1000);
    QVERIFY(std::fabs(trainer.current().w - 2.0) < 1e-9);

    // C01 with lr 1e-4 (factor 0.46): within 1e-9 of w* = 27050/13500 after 100 steps.
    Trainer steep(c01, 0.0);
    steep.setSettings({1e-4, 100, 0.0});
    QCOMPARE(steep.advance(), StopReason::None);
    QVERIFY(near(steep.current().w, 1.082, 1e-12));
    while (steep.advance() == StopReason::None) { }
    QVERIFY(std::fabs(steep.current().w - 27050.0 / 13500.0) < 1e-9);
}

void TestTrainer::divergenceBoundary_data()
{
    QTest::addColumn<Dataset>("data");
    QTest::addColumn<double>("learningRate");
    QTest::addColumn<bool>("diverges");

    // The limit is 1/mean(x²): 3/14 ≈ 0.2143 for the lesson, 1/2700 ≈ 3.7037e-4 for c01.
    QTest::newRow("lesson just below") << Dataset::lesson() << 0.21 << false;
    QTest::newRow("lesson just above") << Dataset::lesson() << 0.22 << true;
    QTest::newRow("c01 just below") << c01 << 3.7e-4 << false;
    QTest::newRow("c01 just above") << c01 << 3.8e-4 << true;
    QTest::newRow("c01 far above") << c01 << 1e-3 << true;
}

void TestTrainer::divergenceBoundary()
{
    QFETCH(Dataset, data);
    QFETCH(double, learningRate);
    QFETCH(bool, diverges);

    Trainer trainer(data, 0.0);
    trainer.setSettings({learningRate, 2000, 0.0});
    StopReason reason = StopReason::None;
    while (reason == StopReason::None)
        reason = trainer.advance();
    QCOMPARE(reason, diverges ? StopReason::Diverged : StopReason::StepLimit);
    if (diverges) {
        QVERIFY(trainer.stopMessage().contains(
            QStringLiteral("Diverged at step %1").arg(trainer.current().step + 1)));
        QVERIFY(trainer.stopMessage().contains(
            QString::number(*MseLoss::stableLearningRateLimit(data), 'g', 6)));
    }
}

void TestTrainer::divergenceKeepsTheLastGoodState()
{
    // lr 1e-3 on c01: w1 = 10.82, w2 = −36.788, w3 = 172.6872, w4 = −749.00368 (loss
    // 1.52e9, under 1e6·10841), w5 = 3306.436192 (loss 2.95e10, over it): diverged at step 5.
    Trainer trainer(c01, 0.0);
    trainer.setSettings({1e-3, 1000, 0.0});
    for (int k = 1; k <= 4; ++k)
        QCOMPARE(trainer.advance(), StopReason::None);
    QVERIFY(near(trainer.current().w, -749.00368, 1e-12));
    QCOMPARE(trainer.advance(), StopReason::Diverged);
    QCOMPARE(trainer.current().step, 4);
    QVERIFY(near(trainer.current().w, -749.00368, 1e-12));
    QVERIFY(trainer.stopMessage().startsWith(QStringLiteral("Diverged at step 5")));
}

void TestTrainer::nonFiniteUpdateIsRefused()
{
    Trainer trainer(Dataset::lesson(), 0.0);
    trainer.setSettings({1e300, 1000, 0.0});
    QCOMPARE(trainer.advance(), StopReason::Diverged);
    QCOMPARE(trainer.current().step, 0);
    QCOMPARE(trainer.current().w, 0.0);
    QVERIFY(std::isfinite(trainer.current().loss));

    // From w = −3e11 on the line the gradient is about −2·3e11·mean(x²) ≈ −2.8e12, so a rate
    // of 1e300 makes the update itself overflow (w = +inf): refused in words, never
    // evaluated (found by fuzz_commandline).
    Trainer line(Dataset::lesson(), -3e11);
    Objective objective;
    objective.model = ModelKind::Line;
    line.setObjective(objective);
    line.setSettings({1e300, 1000, 0.0});
    QCOMPARE(line.advance(), StopReason::Diverged);
    QCOMPARE(line.current().step, 0);
    QCOMPARE(line.current().w, -3e11);
    QVERIFY(line.stopMessage().contains(QStringLiteral("too large to represent")));
}

void TestTrainer::convergesBelowTolerance()
{
    // |gradient| = 28/3·2·factor^k < 1e-8 first at k = ⌈ln(1e-8/(56/3)) / ln(factor)⌉.
    const double factor = 1.0 - 2.0 * 0.01 * 14.0 / 3.0;
    const auto expected = qint64(std::ceil(std::log(1e-8 / (56.0 / 3.0)) / std::log(factor)));
    Trainer trainer(Dataset::lesson(), 0.0);
    trainer.setSettings({0.01, 100000, 1e-8});
    StopReason reason = StopReason::None;
    while (reason == StopReason::None)
        reason = trainer.advance();
    QCOMPARE(reason, StopReason::Converged);
    QCOMPARE(trainer.current().step, expected);
    QVERIFY(trainer.stopMessage().startsWith(QStringLiteral("Converged at step %1").arg(expected)));
}

void TestTrainer::stopsAtTheStepLimit()
{
    Trainer trainer(Dataset::lesson(), 0.0);
    trainer.setSettings({0.01, 3, 0.0});
    QCOMPARE(trainer.advance(), StopReason::None);
    QCOMPARE(trainer.advance(), StopReason::None);
    QCOMPARE(trainer.advance(), StopReason::StepLimit);
    QCOMPARE(trainer.current().step, 3);
}

void TestTrainer::convergedStartIsReported()
{
    Trainer trainer(Dataset::lesson(), 2.0);
    trainer.setSettings({0.01, 1000, 1e-6});
    QCOMPARE(trainer.checkConverged(), StopReason::Converged);
    QVERIFY(trainer.stopMessage().startsWith(QStringLiteral("Converged at step 0")));
    Trainer away(Dataset::lesson(), 1.0);
    away.setSettings({0.01, 1000, 1e-6});
    QCOMPARE(away.checkConverged(), StopReason::None);
}

void TestTrainer::resetReturnsToTheStart()
{
    Trainer trainer(Dataset::lesson(), 0.5);
    const TrainingStep start = trainer.current();
    trainer.advance();
    trainer.advance();
    trainer.reset();
    QCOMPARE(trainer.current(), start);
    QCOMPARE(trainer.current().w, 0.5);
}

void TestTrainer::parameterBeforeTheFirstStepIsTheStart()
{
    Trainer trainer(Dataset::lesson(), 0.0);
    trainer.setParameter(3.0);
    QCOMPARE(trainer.startW(), 3.0);
    trainer.advance();
    trainer.setParameter(1.0); // a jump mid-run moves w, not the start
    QCOMPARE(trainer.current().w, 1.0);
    QCOMPARE(trainer.current().step, 1);
    trainer.reset();
    QCOMPARE(trainer.current().w, 3.0);
}

void TestTrainer::newDataTakesEffectAtTheNextStep()
{
    Trainer trainer(Dataset::lesson(), 0.0);
    trainer.advance();
    const double w1 = trainer.current().w;
    // y = 3x: MSE = 14/3·(w − 3)², gradient 28/3·(w − 3).
    trainer.setDataset(Dataset({1, 2, 3}, {3, 6, 9}));
    QVERIFY(near(trainer.current().gradW, 28.0 / 3.0 * (w1 - 3.0), 1e-12));
    trainer.advance();
    QVERIFY(near(trainer.current().w, w1 - 0.01 * 28.0 / 3.0 * (w1 - 3.0), 1e-12));
}

void TestTrainer::degenerateData()
{
    // All x zero: the gradient is 0, w never moves, nothing is NaN.
    Trainer zeroX(Dataset({0, 0, 0}, {1, 2, 3}), 0.7);
    zeroX.setSettings({0.05, 200, 0.0});
    StopReason reason = StopReason::None;
    while (reason == StopReason::None)
        reason = zeroX.advance();
    QCOMPARE(reason, StopReason::StepLimit);
    QCOMPARE(zeroX.current().w, 0.7);
    QVERIFY(near(zeroX.current().loss, 14.0 / 3.0, 1e-15));

    // One point (2, 3): converges to 1.5.
    Trainer one(Dataset({2}, {3}), 0.0);
    one.setSettings({0.05, 500, 0.0});
    while (one.advance() == StopReason::None) { }
    QVERIFY(std::fabs(one.current().w - 1.5) < 1e-12);

    // No points: nothing to train, a defined message, state untouched.
    Trainer empty(Dataset(), 0.0);
    QCOMPARE(empty.advance(), StopReason::NoData);
    QCOMPARE(empty.current().step, 0);
    QCOMPARE(empty.current().loss, 0.0);
}

void TestTrainer::lineModelConverges()
{
    // y = 2x + 1 at x = 0…3: MSE gradient descent from (0, 0) reaches (2, 1).
    Trainer trainer(Dataset({0, 1, 2, 3}, {1, 3, 5, 7}), 0.0, 0.0);
    trainer.setObjective({ModelKind::Line, LossKind::Mse, 1.0});
    trainer.setSettings({0.05, 20000, 1e-12});
    StopReason reason = StopReason::None;
    while (reason == StopReason::None)
        reason = trainer.advance();
    QCOMPARE(reason, StopReason::Converged);
    QVERIFY(std::fabs(trainer.current().w - 2.0) < 1e-11);
    QVERIFY(std::fabs(trainer.current().b - 1.0) < 1e-11);

    // The limit 2/λmax for the lesson's x: 6/(17 + √265) ≈ 0.1815.
    Trainer lesson(Dataset::lesson());
    lesson.setObjective({ModelKind::Line, LossKind::Mse, 1.0});
    QVERIFY(std::fabs(*lesson.stableLearningRate() - 6.0 / (17.0 + std::sqrt(265.0))) < 1e-15);
}

void TestTrainer::sameXLineGoesToTheMinimumNormFit()
{
    // C06: (2, 1), (2, 3), (2, 5); GD from (0, 0) with lr 0.05 moves only along (2, 1), the
    // direction of every gradient, so it ends at the minimum-norm fit (1.2, 0.6), MSE 8/3.
    Trainer trainer(Dataset({2, 2, 2}, {1, 3, 5}), 0.0, 0.0);
    trainer.setObjective({ModelKind::Line, LossKind::Mse, 1.0});
    trainer.setSettings({0.05, 200, 0.0});
    while (trainer.advance() == StopReason::None) { }
    QVERIFY(std::fabs(trainer.current().w - 1.2) < 1e-12);
    QVERIFY(std::fabs(trainer.current().b - 0.6) < 1e-12);
    QVERIFY(std::fabs(trainer.current().loss - 8.0 / 3.0) < 1e-12);
}

void TestTrainer::otherLossesAndOptimizers()
{
    // Adam on the lesson converges to w = 2; its divergence hint does not claim a GD limit.
    Trainer adam(Dataset::lesson(), 0.0);
    OptimizerSettings settings;
    settings.kind = OptimizerKind::Adam;
    adam.setSettings({0.1, 5000, 1e-10});
    adam.setOptimizer(settings);
    StopReason reason = StopReason::None;
    while (reason == StopReason::None)
        reason = adam.advance();
    QVERIFY(std::fabs(adam.current().w - 2.0) < 1e-9);
    QVERIFY(!adam.stopMessage().contains(QStringLiteral("1/mean")));

    // MAE: the gradient at w = 0 is mean(sign(−y)·x) = −2, so GD moves by lr·2 per step.
    Trainer mae(Dataset::lesson(), 0.0);
    mae.setObjective({ModelKind::Origin, LossKind::Mae, 1.0});
    mae.setSettings({0.01, 10, 0.0});
    QCOMPARE(mae.current().gradW, -2.0);
    mae.advance();
    QVERIFY(std::fabs(mae.current().w - 0.02) < 1e-15);

    // A new kind of optimizer starts without state; reset clears it too.
    adam.reset();
    QCOMPARE(adam.current().step, 0);
    QCOMPARE(adam.current().w, 0.0);
}

void TestTrainer::optimizerStateTooLargeStopsInWords_data()
{
    QTest::addColumn<OptimizerKind>("kind");
    QTest::newRow("adagrad") << OptimizerKind::Adagrad;
    QTest::newRow("rmsprop") << OptimizerKind::Rmsprop;
    QTest::newRow("adam") << OptimizerKind::Adam;
}

void TestTrainer::optimizerStateTooLargeStopsInWords()
{
    // Points (1e200, 2e200), (2e200, 4e200) with MAE from w = 0: the gradient is
    // −(1e200 + 2e200)/2 = −1.5e200, whose square 2.25e400 is beyond the largest double. The
    // running average of squares becomes infinite and every later step 0 (torch.optim stalls
    // there in silence); the trainer stops instead, says why, and keeps the start.
    QFETCH(OptimizerKind, kind);
    OptimizerSettings settings;
    settings.kind = kind;
    Trainer trainer(Dataset({1e200, 2e200}, {2e200, 4e200}));
    trainer.setObjective({ModelKind::Origin, LossKind::Mae, 1.0});
    trainer.setOptimizer(settings);
    QCOMPARE(trainer.current().gradW, -1.5e200);
    QCOMPARE(trainer.advance(), StopReason::TooLarge);
    QCOMPARE(trainer.current().step, qint64(0));
    QCOMPARE(trainer.current().w, 0.0);
    QVERIFY2(trainer.stopMessage().contains(QStringLiteral("too large to represent")),
             qPrintable(trainer.stopMessage()));
    QVERIFY(trainer.optimizer().stateIsFinite());
}

void TestTrainer::switchingModelMidRunClearsOptimizerState_data()
{
    QTest::addColumn<OptimizerKind>("kind");
    for (OptimizerKind kind : Optimizer::all())
        QTest::newRow(qPrintable(Optimizer::name(kind))) << kind;
}

void TestTrainer::switchingModelMidRunClearsOptimizerState()
{
    // Found by the controller torture test under ThreadSanitizer: state kept for the one
    // parameter of y = w·x was read as if it had two after a switch to y = w·x + b (a read
    // past the end of the buffer). A new model is a new parameter space: its first update
    // starts from empty optimizer state, exactly like a fresh trainer's first update.
    QFETCH(OptimizerKind, kind);
    OptimizerSettings settings;
    settings.kind = kind;
    Objective line;
    line.model = ModelKind::Line;

    Trainer trainer;
    trainer.setOptimizer(settings);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(trainer.advance(), StopReason::None);
    trainer.setObjective(line);
    const TrainingStep before = trainer.current();
    QCOMPARE(trainer.advance(), StopReason::None);
    for (const OptimizerStateEntry &entry : trainer.optimizer().state())
        QCOMPARE(entry.values.size(), Eigen::Index(2));

    // The same update from a fresh trainer at the same (w, b).
    Trainer fresh;
    fresh.setOptimizer(settings);
    fresh.setObjective(line);
    fresh.setParameters(before.w, before.b);
    QCOMPARE(fresh.advance(), StopReason::None);
    QCOMPARE(trainer.current().w, fresh.current().w);
    QCOMPARE(trainer.current().b, fresh.current().b);
}

void TestTrainer::restoreGoesOnAsTheRunDid()
{
    // Momentum on y = w·x + b: 40 steps, then a second trainer put at step 15 of the first with
    // the optimizer's state it had there takes steps 16 to 40 with the same bits.
    Objective line;
    line.model = ModelKind::Line;
    OptimizerSettings momentum;
    momentum.kind = OptimizerKind::Momentum;
    const auto makeTrainer = [&] {
        auto trainer = std::make_unique<Trainer>(Dataset::lesson(), 0.5, -1.0);
        trainer->setObjective(line);
        trainer->setSettings({0.01, 40, 0.0});
        trainer->setOptimizer(momentum);
        return trainer;
    };
    const auto original = makeTrainer();
    TrainingStep at15;
    std::optional<OptimizerSnapshot> state15;
    while (original->advance() == StopReason::None) {
        if (original->current().step == 15) {
            at15 = original->current();
            state15 = original->optimizer().snapshot();
        }
    }
    QCOMPARE(original->current().step, qint64(40));

    const auto restored = makeTrainer();
    QVERIFY(restored->restore(at15, state15));
    QCOMPARE(restored->current(), at15);
    QCOMPARE(restored->optimizer().steps(), qint64(15));
    while (restored->advance() == StopReason::None) { }
    QCOMPARE(restored->current().step, qint64(40));
    const TrainingStep &a = restored->current();
    const TrainingStep &b = original->current();
    for (const auto field : {&TrainingStep::w, &TrainingStep::b, &TrainingStep::loss,
                             &TrainingStep::gradW, &TrainingStep::gradB})
        QVERIFY(std::memcmp(&(a.*field), &(b.*field), sizeof(double)) == 0);
}

void TestTrainer::restoreRefusesAStateThatDoesNotFit()
{
    // A momentum state of y = w·x (one number per buffer) put into y = w·x + b is unknown: the
    // optimizer starts afresh, and the next step is plain gradient descent's (the first
    // momentum step uses the gradient itself): w − lr·g_w.
    Trainer origin;
    OptimizerSettings momentum;
    momentum.kind = OptimizerKind::Momentum;
    origin.setOptimizer(momentum);
    origin.advance();
    const OptimizerSnapshot oneParameter = origin.optimizer().snapshot();

    Trainer line;
    Objective objective;
    objective.model = ModelKind::Line;
    line.setObjective(objective);
    line.setOptimizer(momentum);
    const TrainingStep at {7, 1.0, 0.5};
    QVERIFY(!line.restore(at, oneParameter));
    QCOMPARE(line.optimizer().steps(), qint64(0));
    QCOMPARE(line.current().step, qint64(7));
    const TrainingStep start = line.current();
    line.advance();
    QCOMPARE(line.current().step, qint64(8));
    QVERIFY(std::fabs(line.current().w - (start.w - 0.01 * start.gradW)) < 1e-15);
    QVERIFY(std::fabs(line.current().b - (start.b - 0.01 * start.gradB)) < 1e-15);

    // Gradient descent keeps no state but its count, which is never unknown.
    Trainer gd;
    QVERIFY(gd.restore({3, 1.0}, std::nullopt));
    QCOMPARE(gd.optimizer().steps(), qint64(3));
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
