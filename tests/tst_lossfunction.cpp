#include "dataset.h"
#include "lossfunction.h"
#include "mseloss.h"

#include <QTest>

#include <cmath>

// Every expected value is worked out by hand from the definitions: residual r = w·x + b − y,
// MSE = mean r² (gradient mean 2r·x, mean 2r), MAE = mean |r| (gradient mean sign(r)·x,
// sign(0) = 0), Huber(δ) = mean of r²/2 for |r| < δ and δ(|r| − δ/2) beyond (gradient mean of
// r clamped to [−δ, δ], times x). Tolerance 1e-14 relative.
class TestLossFunction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void originIgnoresTheBias();
    void pointLoss();
    void lineOptimum();
    void stableLearningRateOfTheLine();
    void names();
};

namespace {

const Dataset line({0, 1, 2}, {1, 3, 5}); // y = 2x + 1

bool near(double actual, double expected)
{
    return std::fabs(actual - expected) <= 1e-14 * std::max(1.0, std::fabs(expected));
}

} // namespace

void TestLossFunction::evaluate_data()
{
    QTest::addColumn<Dataset>("data");
    QTest::addColumn<int>("model");
    QTest::addColumn<int>("loss");
    QTest::addColumn<double>("delta");
    QTest::addColumn<double>("w");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("gradW");
    QTest::addColumn<double>("gradB");

    const int origin = int(ModelKind::Origin);
    const int withBias = int(ModelKind::Line);
    const int mse = int(LossKind::Mse);
    const int mae = int(LossKind::Mae);
    const int huber = int(LossKind::Huber);
    const Dataset lesson = Dataset::lesson();

    // Lesson, w = 1: r = −1, −2, −3.
    QTest::newRow("mse") << lesson << origin << mse << 1.0 << 1.0 << 0.0 << 14.0 / 3.0
                         << 2.0 * (-1 - 4 - 9) / 3.0 << 0.0;
    QTest::newRow("mae") << lesson << origin << mae << 1.0 << 1.0 << 0.0 << 2.0
                         << (-1.0 - 2.0 - 3.0) / 3.0 << 0.0;
    // δ = 1: |r| = 1 is not below δ, so 1·(1 − 1/2); then 1.5, 2.5; ψ = −1, −1, −1.
    QTest::newRow("huber, |r| = delta")
        << lesson << origin << huber << 1.0 << 1.0 << 0.0 << (0.5 + 1.5 + 2.5) / 3.0
        << (-1.0 - 2.0 - 3.0) / 3.0 << 0.0;
    // δ = 2.5: 1/2, 4/2, 2.5·(3 − 1.25); ψ = −1, −2, −2.5.
    QTest::newRow("huber, wide") << lesson << origin << huber << 2.5 << 1.0 << 0.0
                                 << (0.5 + 2.0 + 4.375) / 3.0 << (-1.0 - 4.0 - 7.5) / 3.0 << 0.0;
    // At w = 2 every r is 0: MAE's gradient uses sign(0) = 0.
    QTest::newRow("mae at r = 0") << lesson << origin << mae << 1.0 << 2.0 << 0.0 << 0.0 << 0.0
                                  << 0.0;
    QTest::newRow("huber at r = 0")
        << lesson << origin << huber << 1.0 << 2.0 << 0.0 << 0.0 << 0.0 << 0.0;

    // y = 2x + 1 at x = 0, 1, 2 with (w, b) = (1, 0): r = −1, −2, −3.
    QTest::newRow("line mse") << line << withBias << mse << 1.0 << 1.0 << 0.0 << 14.0 / 3.0
                              << 2.0 * (0 - 2 - 6) / 3.0 << 2.0 * (-6) / 3.0;
    QTest::newRow("line mae") << line << withBias << mae << 1.0 << 1.0 << 0.0 << 2.0
                              << (0.0 - 1.0 - 2.0) / 3.0 << -1.0;
    // (w, b) = (2, 1.5): r = 0.5 each; Huber δ = 1: 0.125 each, ψ = 0.5.
    QTest::newRow("line huber") << line << withBias << huber << 1.0 << 2.0 << 1.5 << 0.125
                                << 0.5 * (0 + 1 + 2) / 3.0 << 0.5;
    QTest::newRow("empty") << Dataset() << withBias << mse << 1.0 << 1.0 << 1.0 << 0.0 << 0.0
                           << 0.0;
}

void TestLossFunction::evaluate()
{
    QFETCH(Dataset, data);
    QFETCH(int, model);
    QFETCH(int, loss);
    QFETCH(double, delta);
    QFETCH(double, w);
    QFETCH(double, b);
    QFETCH(double, value);
    QFETCH(double, gradW);
    QFETCH(double, gradB);

    const Objective objective {ModelKind(model), LossKind(loss), delta};
    const Evaluation result = LossFunction::evaluate(data, objective, w, b);
    QVERIFY2(near(result.loss, value), qPrintable(QString::number(result.loss, 'g', 17)));
    QVERIFY2(near(result.gradW, gradW), qPrintable(QString::number(result.gradW, 'g', 17)));
    QVERIFY2(near(result.gradB, gradB), qPrintable(QString::number(result.gradB, 'g', 17)));
    QCOMPARE(LossFunction::loss(data, objective, w, b), result.loss);
}

void TestLossFunction::originIgnoresTheBias()
{
    const Objective origin;
    const Evaluation plain = LossFunction::evaluate(line, origin, 1.0, 0.0);
    const Evaluation shifted = LossFunction::evaluate(line, origin, 1.0, 5.0);
    QCOMPARE(shifted.loss, plain.loss);
    QCOMPARE(shifted.gradW, plain.gradW);
    QCOMPARE(shifted.gradB, 0.0);
    // And agrees with the lesson's MSE helper.
    QVERIFY(near(plain.loss, MseLoss::loss(line, 1.0)));
    QVERIFY(near(plain.gradW, MseLoss::gradient(line, 1.0)));
}

void TestLossFunction::pointLoss()
{
    const Objective mse;
    const Objective mae {ModelKind::Origin, LossKind::Mae, 1.0};
    const Objective huber {ModelKind::Origin, LossKind::Huber, 2.0};
    QCOMPARE(LossFunction::pointLoss(mse, -3.0), 9.0);
    QCOMPARE(LossFunction::pointLoss(mae, -3.0), 3.0);
    QCOMPARE(LossFunction::pointLoss(huber, 1.0), 0.5); // 1²/2
    QCOMPARE(LossFunction::pointLoss(huber, -3.0), 4.0); // 2·(3 − 1)
    QCOMPARE(LossFunction::pointLoss(huber, 2.0), 2.0); // at δ both pieces give 2
}

void TestLossFunction::lineOptimum()
{
    const auto fit = MseLoss::lineOptimum(line);
    QVERIFY(fit && fit->unique);
    QVERIFY(near(fit->w, 2.0));
    QVERIFY(near(fit->b, 1.0));

    // Far from 0: x = 1e9 + (0, 1, 2), y = 2(x − 1e9) + 1; centred sums give w = 2 and
    // b = 3 − 2·(1e9 + 1) = 1 − 2e9 exactly.
    const Dataset far({1e9, 1e9 + 1, 1e9 + 2}, {1, 3, 5});
    const auto farFit = MseLoss::lineOptimum(far);
    QVERIFY(farFit && farFit->unique);
    QCOMPARE(farFit->w, 2.0);
    QCOMPARE(farFit->b, 1.0 - 2e9);

    // All x = 2, mean y = 3: optimal lines satisfy 2w + b = 3; the shortest is
    // 3·(2, 1)/(4 + 1) = (1.2, 0.6).
    const auto same = MseLoss::lineOptimum(Dataset({2, 2, 2}, {1, 3, 5}));
    QVERIFY(same && !same->unique);
    QVERIFY(near(same->w, 1.2));
    QVERIFY(near(same->b, 0.6));
    QVERIFY(!MseLoss::lineOptimum(Dataset()).has_value());
}

void TestLossFunction::stableLearningRateOfTheLine()
{
    // Lesson, y = w·x + b: Hessian 2·[[14/3, 2], [2, 1]]; λmax = 17/3 + √265/3, so the limit
    // 2/λmax = 6/(17 + √265).
    const auto limit = MseLoss::stableLearningRateLimit(Dataset::lesson(), ModelKind::Line);
    QVERIFY(limit.has_value());
    QVERIFY(near(*limit, 6.0 / (17.0 + std::sqrt(265.0))));
    QVERIFY(
        near(*MseLoss::stableLearningRateLimit(Dataset::lesson(), ModelKind::Origin), 3.0 / 14.0));
    QVERIFY(!MseLoss::stableLearningRateLimit(Dataset(), ModelKind::Line).has_value());
}

void TestLossFunction::names()
{
    for (ModelKind model : {ModelKind::Origin, ModelKind::Line})
        QCOMPARE(Objective::modelFromName(Objective::name(model)), model);
    for (LossKind loss : {LossKind::Mse, LossKind::Mae, LossKind::Huber})
        QCOMPARE(Objective::lossFromName(Objective::name(loss)), loss);
    QVERIFY(!Objective::modelFromName(QStringLiteral("cubic")));
    QVERIFY(!Objective::lossFromName(QStringLiteral("hinge")));
}

QTEST_GUILESS_MAIN(TestLossFunction)
#include "tst_lossfunction.moc"
