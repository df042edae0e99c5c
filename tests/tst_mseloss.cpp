#include "dataset.h"
#include "mseloss.h"

#include <QTest>

#include <cmath>

Q_DECLARE_METATYPE(std::vector<double>)

// Expected values are worked out by hand from MSE(w) = (1/n)·Σ(w·x − y)² and its derivative
// (2/n)·Σ x·(w·x − y); the tolerance is relative, 1e-12.
class TestMseLoss : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lossAndGradient_data();
    void lossAndGradient();
    void optimum_data();
    void optimum();
    void stabilityLimit();
    void degenerateData();
    void curveSpansTheRange();
};

namespace {

bool near(double actual, double expected, double tolerance = 1e-12)
{
    return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

} // namespace

void TestMseLoss::lossAndGradient_data()
{
    QTest::addColumn<Dataset>("data");
    QTest::addColumn<double>("w");
    QTest::addColumn<double>("loss");
    QTest::addColumn<double>("gradient");

    // Lesson: MSE = 14/3·(w − 2)², gradient = 28/3·(w − 2).
    QTest::newRow("lesson w=0") << Dataset::lesson() << 0.0 << 56.0 / 3.0 << -56.0 / 3.0;
    QTest::newRow("lesson w=2") << Dataset::lesson() << 2.0 << 0.0 << 0.0;
    QTest::newRow("lesson w=3") << Dataset::lesson() << 3.0 << 14.0 / 3.0 << 28.0 / 3.0;
    QTest::newRow("lesson w=1.5") << Dataset::lesson() << 1.5 << 14.0 / 12.0 << -14.0 / 3.0;

    // (30,61) … (70,141): Σx² = 13500, Σxy = 27050, Σy² = 54205, n = 5.
    const Dataset c01({30, 40, 50, 60, 70}, {61, 79, 101, 119, 141});
    QTest::newRow("c01 w=0") << c01 << 0.0 << 10841.0 << -10820.0;
    // w = 2: residuals −1, 1, −1, 1, −1 → MSE 1; gradient (2/5)(−30+40−50+60−70) = −20.
    QTest::newRow("c01 w=2") << c01 << 2.0 << 1.0 << -20.0;

    // Negative x and y: (−1, 1), (2, −3). w = 1: residuals −2, 5 → MSE 14.5;
    // gradient (2/2)(−1·−2 + 2·5) = 12.
    const Dataset mixed({-1, 2}, {1, -3});
    QTest::newRow("mixed signs") << mixed << 1.0 << 14.5 << 12.0;
}

void TestMseLoss::lossAndGradient()
{
    QFETCH(Dataset, data);
    QFETCH(double, w);
    QFETCH(double, loss);
    QFETCH(double, gradient);

    QVERIFY2(near(MseLoss::loss(data, w), loss),
             qPrintable(QString::number(MseLoss::loss(data, w))));
    QVERIFY(near(MseLoss::gradient(data, w), gradient));
    const LossValue value = MseLoss::evaluate(data, w);
    QVERIFY(near(value.loss, loss));
    QVERIFY(near(value.gradient, gradient));
}

void TestMseLoss::optimum_data()
{
    QTest::addColumn<Dataset>("data");
    QTest::addColumn<double>("optimum");

    QTest::newRow("lesson") << Dataset::lesson() << 2.0;
    QTest::newRow("c01") << Dataset({30, 40, 50, 60, 70}, {61, 79, 101, 119, 141})
                         << 27050.0 / 13500.0;
    QTest::newRow("one point") << Dataset({2}, {3}) << 1.5;
    QTest::newRow("all x equal") << Dataset({2, 2, 2}, {1, 3, 5}) << 1.5;
}

void TestMseLoss::optimum()
{
    QFETCH(Dataset, data);
    QFETCH(double, optimum);

    const auto found = MseLoss::optimum(data);
    QVERIFY(found.has_value());
    QVERIFY(near(*found, optimum));
    QVERIFY(near(MseLoss::gradient(data, *found), 0.0, 1e-9));
}

void TestMseLoss::stabilityLimit()
{
    // 1/mean(x²): lesson 3/14, c01 1/2700.
    QVERIFY(near(*MseLoss::stableLearningRateLimit(Dataset::lesson()), 3.0 / 14.0));
    const Dataset c01({30, 40, 50, 60, 70}, {61, 79, 101, 119, 141});
    QVERIFY(near(*MseLoss::stableLearningRateLimit(c01), 1.0 / 2700.0));
}

void TestMseLoss::degenerateData()
{
    // All x zero: the loss is mean(y²) = 14/3 for every w, the gradient 0, no optimum.
    const Dataset zeroX({0, 0, 0}, {1, 2, 3});
    QVERIFY(!MseLoss::optimum(zeroX).has_value());
    QVERIFY(!MseLoss::stableLearningRateLimit(zeroX).has_value());
    for (double w : {-5.0, 0.0, 1.5, 4.0}) {
        QVERIFY(near(MseLoss::loss(zeroX, w), 14.0 / 3.0));
        QCOMPARE(MseLoss::gradient(zeroX, w), 0.0);
    }

    // No points: loss and gradient are 0 by definition, nothing is NaN.
    const Dataset empty;
    QCOMPARE(MseLoss::loss(empty, 1.0), 0.0);
    QCOMPARE(MseLoss::gradient(empty, 1.0), 0.0);
    QVERIFY(!MseLoss::optimum(empty).has_value());
    QVERIFY(!MseLoss::stableLearningRateLimit(empty).has_value());
}

void TestMseLoss::curveSpansTheRange()
{
    const auto curve = MseLoss::curve(Dataset::lesson(), 0.0, 4.0, 41);
    QCOMPARE(curve.size(), std::size_t(41));
    QCOMPARE(curve.front().x(), 0.0);
    QCOMPARE(curve.back().x(), 4.0);
    QVERIFY(near(curve.front().y(), 56.0 / 3.0));
    QVERIFY(near(curve[20].x(), 2.0));
    QVERIFY(near(curve[20].y(), 0.0));
    QVERIFY(MseLoss::curve(Dataset::lesson(), 0.0, 4.0, 1).empty());
}

QTEST_GUILESS_MAIN(TestMseLoss)
#include "tst_mseloss.moc"
