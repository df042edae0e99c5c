#include "benchmark.h"
#include "dataset.h"
#include "lossfunction.h"
#include "mseloss.h"

#include <QTest>

#include <cmath>

// Row 2 of BENCHMARKS.md: after one point is moved, the MSE loss curve (401 samples of w, as
// LossCurveView draws it, with its optimum and the marker's loss and gradient) and the loss
// surface of y = w·x + b (120 × 90 samples, as LossSurfaceView draws it).
//   losslab  the point moved in the Dataset, then LossFunction / MseLoss
//   naive    the same samples, each a loop over every point
class BenchLossCurve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curve_data();
    void curve();
    void surface_data();
    void surface();
};

namespace {

constexpr int curveSamples = 401;
constexpr int surfaceColumns = 120;
constexpr int surfaceRows = 90;

double naiveMse(const Dataset &data, double w, double b)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const double r = w * data.x(i) + b - data.y(i);
        sum += r * r;
    }
    return sum / double(data.size());
}

// Moves point 0 a little, differently each time, as a drag does.
void drag(Dataset &data, int frame)
{
    data.setPoint(0, data.x(0), data.y(0) + (frame % 2 == 0 ? 0.01 : -0.01));
}

} // namespace

void BenchLossCurve::curve_data()
{
    Benchmark::addRows({QStringLiteral("losslab"), QStringLiteral("naive")},
                       Benchmark::sizes({1000, 10000, 100000, 1000000}));
}

void BenchLossCurve::curve()
{
    QFETCH(QString, variant);
    QFETCH(qint64, n);
    Dataset data = Benchmark::noisyLine(n);
    int frame = 0;
    double total = 0.0;

    if (variant == QLatin1String("naive")) {
        QBENCHMARK
        {
            drag(data, ++frame);
            for (int k = 0; k < curveSamples; ++k)
                total += naiveMse(data, 4.0 * k / (curveSamples - 1), 0.0);
        }
        QVERIFY(total > 0.0);
        return;
    }
    QBENCHMARK
    {
        drag(data, ++frame);
        for (const QPointF &point :
             LossFunction::curve(data, Objective(), 0.0, 0.0, 4.0, curveSamples))
            total += point.y();
        total += LossFunction::evaluate(data, Objective(), 1.5).loss;
        total += *MseLoss::sliceOptimum(data, 0.0);
    }
    QVERIFY(total > 0.0);
}

void BenchLossCurve::surface_data()
{
    curve_data();
}

void BenchLossCurve::surface()
{
    QFETCH(QString, variant);
    QFETCH(qint64, n);
    if (variant == QLatin1String("naive") && n > 100000)
        QSKIP("10800 loops over a million points take about 10 s a frame");
    Dataset data = Benchmark::noisyLine(n);
    Objective line;
    line.model = ModelKind::Line;
    const bool naive = variant == QLatin1String("naive");
    int frame = 0;
    double total = 0.0;
    QBENCHMARK
    {
        drag(data, ++frame);
        for (int row = 0; row < surfaceRows; ++row) {
            const double b = -5.0 + 10.0 * row / (surfaceRows - 1);
            for (int column = 0; column < surfaceColumns; ++column) {
                const double w = 4.0 * column / (surfaceColumns - 1);
                total += naive ? naiveMse(data, w, b) : LossFunction::loss(data, line, w, b);
            }
        }
    }
    QVERIFY(total > 0.0);
}

QTEST_GUILESS_MAIN(BenchLossCurve)
#include "bench_losscurve.moc"
