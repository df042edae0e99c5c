#include "benchmark.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <algorithm>
#include <map>
#include <vector>

// Row 7 of issue #5: from process start to exit for `losslab --screenshot FILE`, which lays
// the window out, paints it once and saves it, beside the same for a bare Qt Charts window
// showing one series (bench/barechartwindow.cpp), built in the same tree. Both run on the
// offscreen platform. interleaved() alternates the two and prints the ratio of the medians.
class BenchStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void screenshot_data();
    void screenshot();
    void interleaved();

private:
    // Runs `variant` once; returns false (and fails the test) if it did not save its PNG.
    bool runOnce(const QString &variant, qint64 *wallNs, double *cpuMs);

    QTemporaryDir m_dir;
};

namespace {

QString programFor(const QString &variant)
{
    return variant == QStringLiteral("losslab") ? QStringLiteral(LOSSLAB_EXECUTABLE)
                                                : QStringLiteral(LOSSLAB_BARE_CHART_WINDOW);
}

// CPU time used by the children waited for so far, in milliseconds.
double childrenCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

template<typename T> double median(std::vector<T> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? double(values[middle])
                             : (double(values[middle - 1]) + double(values[middle])) / 2.0;
}

} // namespace

void BenchStartup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(programFor(QStringLiteral("losslab"))));
    QVERIFY(QFileInfo::exists(programFor(QStringLiteral("barechart"))));
}

void BenchStartup::screenshot_data()
{
    QTest::addColumn<QString>("variant");
    QTest::newRow("losslab") << QStringLiteral("losslab");
    QTest::newRow("barechart") << QStringLiteral("barechart");
}

bool BenchStartup::runOnce(const QString &variant, qint64 *wallNs, double *cpuMs)
{
    const QString file = m_dir.filePath(variant + QStringLiteral(".png"));
    QFile::remove(file);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);

    const double cpuBefore = childrenCpuMs();
    QElapsedTimer clock;
    clock.start();
    process.start(programFor(variant), {QStringLiteral("--screenshot"), file});
    const bool finished = process.waitForFinished(60000);
    *wallNs = clock.nsecsElapsed();
    *cpuMs = childrenCpuMs() - cpuBefore;
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QTest::qFail(qPrintable(variant + QStringLiteral(" did not exit with status 0")), __FILE__,
                     __LINE__);
        return false;
    }
    if (QFileInfo(file).size() == 0) {
        QTest::qFail(qPrintable(variant + QStringLiteral(" saved no screenshot")), __FILE__,
                     __LINE__);
        return false;
    }
    return true;
}

void BenchStartup::screenshot()
{
    QFETCH(QString, variant);
    qint64 wallNs = 0;
    double cpuMs = 0.0;
    QBENCHMARK
    {
        if (!runOnce(variant, &wallNs, &cpuMs))
            return;
    }
}

void BenchStartup::interleaved()
{
    // The rows above run one after the other, so a change in the machine's load between them
    // shows in their ratio. Here the two alternate, and the children's CPU time is given too,
    // which other processes on the machine hardly change.
    const int pairs = Benchmark::quick() ? 1 : 10;
    std::map<QString, std::vector<qint64>> wall;
    std::map<QString, std::vector<double>> cpu;
    for (int i = 0; i < pairs; ++i) {
        for (const QString &variant : {QStringLiteral("losslab"), QStringLiteral("barechart")}) {
            qint64 wallNs = 0;
            double cpuMs = 0.0;
            if (!runOnce(variant, &wallNs, &cpuMs))
                return;
            wall[variant].push_back(wallNs);
            cpu[variant].push_back(cpuMs);
        }
    }
    const QString losslab = QStringLiteral("losslab");
    const QString bare = QStringLiteral("barechart");
    qInfo("start to screenshot, %d alternating pairs: losslab %.1f ms (CPU %.1f ms), bare chart "
          "window %.1f ms (CPU %.1f ms); ratio %.2f (CPU %.2f)",
          pairs, median(wall[losslab]) / 1e6, median(cpu[losslab]), median(wall[bare]) / 1e6,
          median(cpu[bare]), median(wall[losslab]) / median(wall[bare]),
          median(cpu[losslab]) / median(cpu[bare]));
}

QTEST_GUILESS_MAIN(BenchStartup)
#include "bench_startup.moc"
