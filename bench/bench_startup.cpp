#include "benchmark.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <vector>

// Row 7 of issue #5: from process start to exit for `losslab --screenshot FILE`, which lays
// the window out, paints it once and saves it, beside the same for a bare Qt Charts window
// showing one series (bench/barechartwindow.cpp), built in the same tree. Both run on the
// offscreen platform. The summary at the end gives LossLab's median over the bare window's.
class BenchStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void screenshot_data();
    void screenshot();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::map<QString, std::vector<qint64>> m_times; // nanoseconds per run, by tag
};

namespace {

QString programFor(const QString &variant)
{
    return variant == QStringLiteral("losslab") ? QStringLiteral(LOSSLAB_EXECUTABLE)
                                                : QStringLiteral(LOSSLAB_BARE_CHART_WINDOW);
}

double median(std::vector<qint64> values)
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

void BenchStartup::screenshot()
{
    QFETCH(QString, variant);
    const QString file = m_dir.filePath(variant + QStringLiteral(".png"));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);

    QBENCHMARK
    {
        QFile::remove(file);
        QElapsedTimer clock;
        clock.start();
        process.start(programFor(variant), {QStringLiteral("--screenshot"), file});
        QVERIFY(process.waitForFinished(60000));
        m_times[variant].push_back(clock.nsecsElapsed());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
    QVERIFY(QFileInfo(file).size() > 0);
}

void BenchStartup::cleanupTestCase()
{
    const double losslab = median(m_times[QStringLiteral("losslab")]);
    const double bare = median(m_times[QStringLiteral("barechart")]);
    if (losslab > 0.0 && bare > 0.0) {
        qInfo("start to screenshot: losslab %.1f ms, bare chart window %.1f ms (medians of %zu "
              "and %zu runs): ratio %.2f",
              losslab / 1e6, bare / 1e6, m_times[QStringLiteral("losslab")].size(),
              m_times[QStringLiteral("barechart")].size(), losslab / bare);
    }
}

QTEST_GUILESS_MAIN(BenchStartup)
#include "bench_startup.moc"
