#include "benchmark.h"
#include "dataset.h"
#include "lossfunction.h"

#include <QTest>

#include <map>

// Rows 3 and 4 of BENCHMARKS.md: one full-batch gradient step of y = w·x + b over N points
// (the loss and both partial derivatives, then the update), for each loss.
//   losslab  LossFunction::evaluate, as the trainer calls it
//   floor    a plain sum over the same two arrays: what reading them costs at least
//   numpy    the same step with numpy whole-array operations (bench/references.py)
class BenchTrainingStep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mse_data() { addRows(); }
    void mse() { step(LossKind::Mse); }
    void mae_data() { addRows(); }
    void mae() { step(LossKind::Mae); }
    void huber_data() { addRows(); }
    void huber() { step(LossKind::Huber); }

private:
    void addRows();
    void step(LossKind loss);
    const Dataset &data(qint64 n);

    std::map<qint64, Dataset> m_data;
};

namespace {

// Compiled as core/lossfunction.cpp compiles its pass, so that the floor is a fair one.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_THREAD__)
[[gnu::target_clones("avx2", "default")]]
#endif
double
plainSum(const double *xs, const double *ys, std::size_t n)
{
    double sum = 0.0;
#pragma omp simd reduction(+ : sum)
    for (std::size_t i = 0; i < n; ++i)
        sum += xs[i] + ys[i];
    return sum;
}

QString lossName(LossKind loss)
{
    return Objective::name(loss);
}

} // namespace

void BenchTrainingStep::addRows()
{
    Benchmark::addRows(
        {QStringLiteral("losslab"), QStringLiteral("floor"), QStringLiteral("numpy")},
        Benchmark::sizes({1000, 10000, 100000, 1000000, 10000000}));
}

const Dataset &BenchTrainingStep::data(qint64 n)
{
    // One set per size at a time: 1e7 points take 160 MB.
    if (m_data.count(n) == 0) {
        m_data.clear();
        m_data.emplace(n, Benchmark::noisyLine(n));
    }
    return m_data.at(n);
}

void BenchTrainingStep::step(LossKind loss)
{
    QFETCH(QString, variant);
    QFETCH(qint64, n);

    if (variant == QLatin1String("numpy")) {
        QString whyNot;
        const auto ms = Benchmark::pythonReference(
            {QStringLiteral("step"), QString::number(n), lossName(loss)}, &whyNot);
        if (!ms)
            QSKIP(qPrintable(whyNot));
        QTest::setBenchmarkResult(*ms, QTest::WalltimeMilliseconds);
        return;
    }

    const Dataset &points = data(n);
    if (variant == QLatin1String("floor")) {
        double sum = 0.0;
        QBENCHMARK
        {
            sum += plainSum(points.xs().data(), points.ys().data(), points.size());
        }
        QVERIFY(sum > 0.0);
        return;
    }

    Objective objective;
    objective.model = ModelKind::Line;
    objective.loss = loss;
    double w = 0.5;
    double b = 0.25;
    QBENCHMARK
    {
        const Evaluation value = LossFunction::evaluate(points, objective, w, b);
        w -= 1e-3 * value.gradW;
        b -= 1e-3 * value.gradB;
    }
    QVERIFY(std::isfinite(w) && std::isfinite(b));
}

QTEST_GUILESS_MAIN(BenchTrainingStep)
#include "bench_trainingstep.moc"
