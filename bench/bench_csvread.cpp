// Row 6 of BENCHMARKS.md: reading a CSV file of N rows and two numeric columns, as LossLab
// opens one (`losslab FILE.csv`, File > Open), beside numpy.loadtxt and pandas.read_csv on the
// same file.

#include "benchmark.h"

#include "dataset.h"
#include "datasetloader.h"
#include "numberformat.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

class BenchCsvRead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data();
    void read();

private:
    QString fileOf(qint64 n);

    QTemporaryDir m_dir;
    QHash<qint64, QString> m_files;
};

// The file of n rows, written once per size: a header, then x and y of Benchmark::noisyLine in
// the shortest text that reads back to the same double (about 37 bytes a row).
QString BenchCsvRead::fileOf(qint64 n)
{
    if (const auto found = m_files.constFind(n); found != m_files.cend())
        return *found;

    const QString path = m_dir.filePath(QStringLiteral("%1.csv").arg(Benchmark::sizeLabel(n)));
    const Dataset data = Benchmark::noisyLine(n);
    QByteArray text = "x,y\n";
    text.reserve(n * 40);
    for (std::size_t i = 0; i < data.size(); ++i) {
        text += NumberFormat::shortest(data.x(i));
        text += ',';
        text += NumberFormat::shortest(data.y(i));
        text += '\n';
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return QString();
    m_files.insert(n, path);
    return path;
}

void BenchCsvRead::read_data()
{
    Benchmark::addRows(
        {QStringLiteral("losslab"), QStringLiteral("numpy"), QStringLiteral("pandas")},
        Benchmark::sizes({10'000, 100'000, 1'000'000}));
}

void BenchCsvRead::read()
{
    QFETCH(QString, variant);
    QFETCH(qint64, n);

    QVERIFY(m_dir.isValid());
    const QString path = fileOf(n);
    QVERIFY2(!path.isEmpty(), "cannot write the generated file");

    if (variant == QLatin1String("losslab")) {
        std::optional<LoadedData> loaded;
        QString error;
        QBENCHMARK
        {
            loaded = DatasetLoader::loadFile(path, QString(), QString(), &error);
        }
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(qint64(loaded->data.size()), n);
        QCOMPARE(loaded->data, Benchmark::noisyLine(n));
        return;
    }

    const QString command =
        variant == QLatin1String("numpy") ? QStringLiteral("loadtxt") : QStringLiteral("pandas");
    QString whyNot;
    const std::optional<double> milliseconds = Benchmark::pythonReference({command, path}, &whyNot);
    if (!milliseconds)
        QSKIP(qPrintable(whyNot));
    QTest::setBenchmarkResult(*milliseconds, QTest::WalltimeMilliseconds);
}

QTEST_GUILESS_MAIN(BenchCsvRead)
#include "bench_csvread.moc"
