#include "blockedmoments.h"
#include "dataset.h"
#include "lossfunction.h"
#include "moments.h"
#include "mseloss.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <vector>

// The moments Dataset keeps, and the fast roads of LossFunction that use them: each checked
// against values by hand or against a point-by-point sum in long double, from the definitions
// (r = w·x + b − y; MSE = mean r², MAE = mean |r|, Huber(δ) = mean of r²/2 inside δ and
// δ(|r| − δ/2) beyond).
class TestMoments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lesson();
    void mergedEqualsWhole();
    void editsGiveTheMomentsOfTheirPoints();
    void summaryOnlyForLargeEverydayData();
    void largeDataMatchPointByPoint_data();
    void largeDataMatchPointByPoint();
    void largeExtremeDataFallBack();
    void largeDataOptima();
};

namespace {

// n points around y = 0.5·x − 300 with x near 1000: far from 0, so a sum that is not centred
// would lose digits.
Dataset offsetLine(std::size_t n, quint32 seed = 7)
{
    QRandomGenerator random(seed);
    std::vector<double> xs(n);
    std::vector<double> ys(n);
    for (std::size_t i = 0; i < n; ++i) {
        xs[i] = 1000.0 + 20.0 * random.generateDouble();
        ys[i] = 0.5 * xs[i] - 300.0 + (random.generateDouble() - 0.5);
    }
    return Dataset(std::move(xs), std::move(ys));
}

void compareExactly(const Moments &actual, const Moments &expected)
{
    QCOMPARE(actual.count, expected.count);
    QCOMPARE(actual.meanX, expected.meanX);
    QCOMPARE(actual.meanY, expected.meanY);
    QCOMPARE(actual.cxx, expected.cxx);
    QCOMPARE(actual.cxy, expected.cxy);
    QCOMPARE(actual.cyy, expected.cyy);
    QCOMPARE(actual.maxAbsX, expected.maxAbsX);
    QCOMPARE(actual.maxAbsY, expected.maxAbsY);
}

bool near(double actual, double expected, double scale, double tolerance)
{
    return std::fabs(actual - expected) <= tolerance * scale;
}

} // namespace

void TestMoments::lesson()
{
    // x = 1, 2, 3 and y = 2, 4, 6: means 2 and 4; x − x̄ = −1, 0, 1 and y − ȳ = −2, 0, 2.
    const Moments m = Dataset::lesson().moments();
    QCOMPARE(m.count, 3.0);
    QCOMPARE(m.meanX, 2.0);
    QCOMPARE(m.meanY, 4.0);
    QCOMPARE(m.cxx, 2.0);
    QCOMPARE(m.cxy, 4.0);
    QCOMPARE(m.cyy, 8.0);
    QCOMPARE(m.maxAbsX, 3.0);
    QCOMPARE(m.maxAbsY, 6.0);
    QVERIFY(m.isEveryday());
    QCOMPARE(Dataset().moments().count, 0.0);
}

void TestMoments::mergedEqualsWhole()
{
    const Dataset data = offsetLine(3000);
    const Moments whole = Moments::of(data.xs().data(), data.ys().data(), data.size());
    for (const std::size_t split : {std::size_t(0), std::size_t(1), std::size_t(1024),
                                    std::size_t(1777), std::size_t(3000)}) {
        const Moments merged = Moments::merged(
            Moments::of(data.xs().data(), data.ys().data(), split),
            Moments::of(data.xs().data() + split, data.ys().data() + split, data.size() - split));
        QCOMPARE(merged.count, whole.count);
        // Relative 1e-12: the two orders of summation differ by a few roundings per point.
        QVERIFY(near(merged.meanX, whole.meanX, whole.meanX, 1e-12));
        QVERIFY(near(merged.meanY, whole.meanY, std::fabs(whole.meanY), 1e-12));
        QVERIFY(near(merged.cxx, whole.cxx, whole.cxx, 1e-12));
        QVERIFY(near(merged.cxy, whole.cxy, whole.cxy, 1e-12));
        QVERIFY(near(merged.cyy, whole.cyy, whole.cyy, 1e-12));
        QCOMPARE(merged.maxAbsX, whole.maxAbsX);
    }
}

void TestMoments::editsGiveTheMomentsOfTheirPoints()
{
    // After every kind of edit the kept moments are exactly those of a dataset made afresh
    // from the same points: nothing drifts, and undoing an edit restores them bit for bit.
    Dataset data = offsetLine(5000);
    const Dataset original = data;
    const auto fresh = [](const Dataset &d) {
        return Dataset(d.xs(), d.ys()).moments();
    };

    data.setPoint(4000, 5.0, -7.0);
    compareExactly(data.moments(), fresh(data));
    data.setPoint(4000, original.x(4000), original.y(4000));
    compareExactly(data.moments(), original.moments());

    data.append(1.0, 2.0);
    compareExactly(data.moments(), fresh(data));
    data.remove(10);
    compareExactly(data.moments(), fresh(data));
    data.insert(10, original.x(10), original.y(10));
    compareExactly(data.moments(), fresh(data));
    data.remove(10);
    data.insert(0, -3.0, 4.0);
    compareExactly(data.moments(), fresh(data));
    QCOMPARE(data.x(0), -3.0);
    data.remove(0);
    compareExactly(data.moments(), fresh(data));
    for (int i = 0; i < 5000 - 3; ++i)
        data.remove(data.size() - 1);
    QCOMPARE(data.size(), std::size_t(3));
    compareExactly(data.moments(), fresh(data));
    while (!data.isEmpty())
        data.remove(0);
    QCOMPARE(data.moments().count, 0.0);
    for (int i = 0; i < 3000; ++i)
        data.append(original.x(std::size_t(i)), original.y(std::size_t(i)));
    compareExactly(data.moments(), fresh(data));
}

void TestMoments::summaryOnlyForLargeEverydayData()
{
    QVERIFY(!LossFunction::summary(Dataset::lesson()));
    QVERIFY(!LossFunction::summary(offsetLine(LossFunction::summaryThreshold - 1)));
    QVERIFY(LossFunction::summary(offsetLine(LossFunction::summaryThreshold)));
    const Dataset huge(std::vector<double>(5000, 1e200), std::vector<double>(5000, 3e200));
    QVERIFY(!huge.moments().isEveryday());
    QVERIFY(!LossFunction::summary(huge));
}

void TestMoments::largeDataMatchPointByPoint_data()
{
    QTest::addColumn<int>("loss");
    QTest::addColumn<int>("model");
    QTest::addColumn<double>("w");
    QTest::addColumn<double>("b");
    const struct
    {
        const char *name;
        LossKind loss;
    } losses[] = {{"mse", LossKind::Mse}, {"mae", LossKind::Mae}, {"huber", LossKind::Huber}};
    for (const auto &loss : losses) {
        // At the optimum (w = 0.5, b = −300), near it, and far from it.
        QTest::addRow("%s line at optimum", loss.name)
            << int(loss.loss) << int(ModelKind::Line) << 0.5 << -300.0;
        QTest::addRow("%s line near", loss.name)
            << int(loss.loss) << int(ModelKind::Line) << 0.5001 << -299.0;
        QTest::addRow("%s line far", loss.name)
            << int(loss.loss) << int(ModelKind::Line) << -3.0 << 40.0;
        QTest::addRow("%s origin", loss.name)
            << int(loss.loss) << int(ModelKind::Origin) << 0.2 << 0.0;
    }
}

void TestMoments::largeDataMatchPointByPoint()
{
    QFETCH(int, loss);
    QFETCH(int, model);
    QFETCH(double, w);
    QFETCH(double, b);
    Objective objective;
    objective.loss = LossKind(loss);
    objective.model = ModelKind(model);
    objective.delta = 0.3;
    const Dataset data = offsetLine(6000);
    const double bias = objective.hasBias() ? b : 0.0;

    // The definitions, point by point in long double.
    long double sumLoss = 0;
    long double sumSlope = 0;
    long double sumSlopeX = 0;
    // The size of the gradient's terms before they cancel: Σ|ψ·x| for MAE and Huber, whose
    // ψ is bounded; for the MSE, Σ2(|w·x| + |b| + |y|)·|x|, the size of what each residual is
    // made of (x near 1000 and y near 200 leave a residual of a few units).
    long double scale = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const long double r = (long double)w * data.x(i) + bias - data.y(i);
        const long double a = std::fabs(r);
        long double psi = 0;
        switch (objective.loss) {
        case LossKind::Mse:
            sumLoss += r * r;
            psi = 2 * r;
            break;
        case LossKind::Mae:
            sumLoss += a;
            psi = r > 0 ? 1 : (r < 0 ? -1 : 0);
            break;
        case LossKind::Huber:
            sumLoss +=
                a < objective.delta ? r * r / 2 : objective.delta * (a - objective.delta / 2);
            psi = a < objective.delta ? r : std::copysign((long double)objective.delta, r);
            break;
        }
        sumSlope += psi;
        sumSlopeX += psi * data.x(i);
        scale += objective.loss == LossKind::Mse
            ? 2 * (std::fabs(w * data.x(i)) + std::fabs(bias) + std::fabs(data.y(i)))
                * std::fabs(data.x(i))
            : std::fabs(psi * data.x(i));
    }
    const double n = double(data.size());
    const Evaluation value = LossFunction::evaluate(data, objective, w, b);

    // Loss: relative 1e-11. Where the loss is the residual spread alone, the moments' sums
    // (about 20 roundings deep over 6000 points of x near 1000) set the precision.
    QVERIFY2(near(value.loss, double(sumLoss / n), double(sumLoss / n), 1e-11),
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(value.loss, 0, 'g', 17)
                            .arg(double(sumLoss / n), 0, 'g', 17)));
    // Gradients: 1e-13 of the mean size of their terms (they cancel near the optimum, and
    // the moments form the mean residual from means of about 500).
    QVERIFY2(near(value.gradW, double(sumSlopeX / n), double(scale / n), 1e-13),
             qPrintable(QStringLiteral("%1 vs %2")
                            .arg(value.gradW, 0, 'g', 17)
                            .arg(double(sumSlopeX / n), 0, 'g', 17)));
    if (objective.hasBias()) {
        QVERIFY(near(value.gradB, double(sumSlope / n), double(scale / n), 1e-13));
    } else {
        QCOMPARE(value.gradB, 0.0);
    }
    QCOMPARE(LossFunction::loss(data, objective, w, b), value.loss);
}

void TestMoments::largeExtremeDataFallBack()
{
    // 5000 points (1e200, 3e200): r = 1·1e200 − 3e200 = −2e200 at w = 1. The MSE, 4e400, is
    // too large to represent (inf); MAE = 2e200 and its gradient mean(sign(r)·x) = −1e200 are
    // finite, and come from the scaled sums (relative 1e-13: 5000 terms, summed in order).
    const Dataset huge(std::vector<double>(5000, 1e200), std::vector<double>(5000, 3e200));
    Objective mae;
    mae.loss = LossKind::Mae;
    const Evaluation value = LossFunction::evaluate(huge, mae, 1.0);
    QVERIFY(near(value.loss, 2e200, 2e200, 1e-13));
    QVERIFY(near(value.gradW, -1e200, 1e200, 1e-13));
    QCOMPARE(LossFunction::loss(huge, Objective(), 1.0), qInf());
}

void TestMoments::largeDataOptima()
{
    // The least-squares solutions, by the normal equations in long double: w* = Σxy/Σx²
    // through the origin; slope Σx̃ỹ/Σx̃² and b = ȳ − slope·x̄ for the line; at a fixed b,
    // w = Σx(y − b)/Σx²; the rate limits 1/mean(x²) and 1/λ with λ the largest eigenvalue
    // of [[mean(x²), mean(x)], [mean(x), 1]]; the spread of x, √(mean(x²) − x̄²). Relative
    // 1e-11 (1e-9 for the spread, whose reference loses digits to cancellation).
    const Dataset data = offsetLine(8000);
    QVERIFY(LossFunction::summary(data));
    long double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        sx += data.x(i);
        sy += data.y(i);
        sxx += (long double)data.x(i) * data.x(i);
        sxy += (long double)data.x(i) * data.y(i);
    }
    const long double n = data.size();
    const long double slope = (sxy - sx * sy / n) / (sxx - sx * sx / n);
    const long double bias = (sy - slope * sx) / n;
    const long double a = sxx / n;
    const long double c = sx / n;
    const long double lambda = (a + 1) / 2 + std::sqrt((a - 1) * (a - 1) / 4 + c * c);

    const Dataset::Spread spread = data.xSpread();
    QVERIFY(near(spread.mean, double(c), double(c), 1e-12));
    const long double deviation = std::sqrt(a - c * c);
    QVERIFY(near(spread.deviation, double(deviation), double(deviation), 1e-9));

    const auto fit = MseLoss::lineOptimum(data);
    QVERIFY(fit && fit->unique);
    QVERIFY(near(fit->w, double(slope), 0.5, 1e-11));
    QVERIFY(near(fit->b, double(bias), 300.0, 1e-11));
    QVERIFY(near(*MseLoss::optimum(data), double(sxy / sxx), double(sxy / sxx), 1e-11));
    const double sliceAtB = double((sxy - 40 * sx) / sxx);
    QVERIFY(near(*MseLoss::sliceOptimum(data, 40.0), sliceAtB, sliceAtB, 1e-11));
    QVERIFY(near(*MseLoss::stableLearningRateLimit(data), double(1 / a), double(1 / a), 1e-11));
    QVERIFY(near(*MseLoss::stableLearningRateLimit(data, ModelKind::Line), double(1 / lambda),
                 double(1 / lambda), 1e-11));

    // Every x equal (x = 4, y around 9): no unique line; the shortest optimal (w, b) is
    // ȳ·(4, 1)/17, as for small data.
    std::vector<double> ys(5000);
    for (std::size_t i = 0; i < ys.size(); ++i)
        ys[i] = 9.0 + (i % 2 == 0 ? 0.5 : -0.5);
    const Dataset flat(std::vector<double>(5000, 4.0), ys);
    const auto shortest = MseLoss::lineOptimum(flat);
    QVERIFY(shortest && !shortest->unique);
    QVERIFY(near(shortest->w, 9.0 * 4.0 / 17.0, 1.0, 1e-14));
    QVERIFY(near(shortest->b, 9.0 / 17.0, 1.0, 1e-14));
}

QTEST_GUILESS_MAIN(TestMoments)
#include "tst_moments.moc"
