#include "atomicfile.h"
#include "csvwriter.h"
#include "datasetloader.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace {

QByteArray textOf(const std::function<void(QIODevice *)> &write)
{
    QByteArray text;
    QBuffer buffer(&text);
    buffer.open(QIODevice::WriteOnly);
    write(&buffer);
    return text;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

// The data and trails written for export, and the atomic file they are written through.
class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void datasetReadsBackBitForBit_data();
    void datasetReadsBackBitForBit();
    void headerCells_data();
    void headerCells();
    void trails();
    void largeDatasetIsWrittenInPieces();
    void failedWriteKeepsTheOldFile();
    void missingFolderIsNamed();
};

void TestCsvWriter::cleanup()
{
    std::setlocale(LC_ALL, "C");
    QLocale::setDefault(QLocale::c());
}

void TestCsvWriter::datasetReadsBackBitForBit_data()
{
    QTest::addColumn<QByteArray>("cLocale");
    QTest::addColumn<QLocale::Language>("qtLocale");
    QTest::newRow("C") << QByteArray("C") << QLocale::C;
    QTest::newRow("German") << QByteArray("de_DE.UTF-8") << QLocale::German;
}

// Whatever the locale, every double comes back with the same bits: the shortest round-trip
// text with a dot.
void TestCsvWriter::datasetReadsBackBitForBit()
{
    QFETCH(QByteArray, cLocale);
    QFETCH(QLocale::Language, qtLocale);
    if (!std::setlocale(LC_ALL, cLocale.constData()))
        QSKIP("this locale is not installed");
    QLocale::setDefault(QLocale(qtLocale));

    const Dataset data({0.1, 1.0 / 3.0, 5e-324, -0.0, 1e-300, std::numeric_limits<double>::max()},
                       {2.0, -2.5e-8, 1.7976931348623157e308, 123456789.125, 0.3, -1e22});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("points.csv"));
    QString error;
    QVERIFY2(AtomicFile::write(
                 path,
                 [&](QIODevice *device) {
                     CsvWriter::writeDataset(device, data, QStringLiteral("income, US$"),
                                             QStringLiteral("life \"expectancy\""));
                 },
                 &error),
             qPrintable(error));
    QVERIFY(contentsOf(path).startsWith(
        "\"income, US$\",\"life \"\"expectancy\"\"\"\n0.1,2\n0.3333333333333333,-2.5e-08\n"));

    const std::optional<LoadedData> loaded = DatasetLoader::loadFile(path, {}, {}, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->xName, QStringLiteral("income, US$"));
    QCOMPARE(loaded->yName, QStringLiteral("life \"expectancy\""));
    QCOMPARE(loaded->data.size(), data.size());
    for (std::size_t i = 0; i < data.size(); ++i) {
        QVERIFY2(sameBits(loaded->data.x(i), data.x(i)), qPrintable(QString::number(i)));
        QVERIFY2(sameBits(loaded->data.y(i), data.y(i)), qPrintable(QString::number(i)));
    }
}

void TestCsvWriter::headerCells_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("cell");
    QTest::newRow("plain") << QStringLiteral("year") << QByteArray("year");
    QTest::newRow("non-ASCII") << QStringLiteral("温度 °C") << QByteArray("温度 °C");
    QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("semicolon") << QStringLiteral("a;b") << QByteArray("\"a;b\"");
    QTest::newRow("tab") << QStringLiteral("a\tb") << QByteArray("\"a\tb\"");
    QTest::newRow("quote") << QStringLiteral("5\" pipe") << QByteArray("\"5\"\" pipe\"");
    QTest::newRow("line break") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
    QTest::newRow("blanks around") << QStringLiteral(" x ") << QByteArray("\" x \"");
    QTest::newRow("empty") << QString() << QByteArray("\"\"");
}

void TestCsvWriter::headerCells()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, cell);
    QCOMPARE(CsvWriter::cell(name), cell);
}

void TestCsvWriter::trails()
{
    TrainingStep first;
    first.w = 0.0;
    first.loss = 18.5;
    first.gradW = -28.0;
    TrainingStep second = first;
    second.step = 1;
    second.w = 0.1;
    second.b = -0.25;
    second.loss = 0.125;
    second.gradW = 3.0;
    second.gradB = 1e-20;
    TrainingStep tooLarge = second;
    tooLarge.step = 7;
    tooLarge.w = 1e300;
    tooLarge.loss = tooLarge.gradW = tooLarge.gradB = 0.0;
    tooLarge.tooLarge = true;

    const QByteArray text = textOf([&](QIODevice *device) {
        CsvWriter::writeTrails(device,
                               {{QStringLiteral("Gradient descent"), {first, second}},
                                {QStringLiteral("Adam, β₁ 0.9"), {tooLarge}}});
    });
    QCOMPARE(text,
             QByteArray("optimizer,step,w,b,loss,dloss/dw,dloss/db\n"
                        "Gradient descent,0,0,0,18.5,-28,0\n"
                        "Gradient descent,1,0.1,-0.25,0.125,3,1e-20\n"
                        "\"Adam, β₁ 0.9\",7,1e+300,-0.25,,,\n"));
}

// 100000 rows pass the 64 KiB pieces many times; the text is the same as row by row.
void TestCsvWriter::largeDatasetIsWrittenInPieces()
{
    std::vector<double> xs(100'000), ys(100'000);
    QByteArray expected = "x,y\n";
    for (std::size_t i = 0; i < xs.size(); ++i) {
        xs[i] = double(i) / 4.0;
        ys[i] = double(i);
        expected += QByteArray::number(double(i) / 4.0, 'g', 17) + ','
            + QByteArray::number(qulonglong(i)) + '\n';
    }
    const QByteArray text = textOf(
        [&](QIODevice *device) { CsvWriter::writeDataset(device, Dataset(xs, ys), {}, {}); });
    QCOMPARE(text.size(), expected.size());
    QCOMPARE(text, expected);
}

// A save that stops half-way (here the writer throws, as a crash would stop it) leaves the old
// file as it was and no temporary file beside it.
void TestCsvWriter::failedWriteKeepsTheOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.csv"));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("x,y\n1,2\n");
    old.close();

    bool thrown = false;
    try {
        AtomicFile::write(
            path,
            [](QIODevice *device) {
                device->write("x,y\n9,");
                throw std::runtime_error("stopped half-way");
            },
            nullptr);
    } catch (const std::runtime_error &) {
        thrown = true;
    }
    QVERIFY(thrown);
    QCOMPARE(contentsOf(path), QByteArray("x,y\n1,2\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("lesson.csv")});
}

void TestCsvWriter::missingFolderIsNamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no such folder/points.csv"));
    QString error;
    QVERIFY(!AtomicFile::write(
        path, [](QIODevice *device) { device->write("x,y\n"); }, &error));
    QCOMPARE(error,
             QStringLiteral("%1: cannot save: the folder %2 does not exist")
                 .arg(path, dir.filePath(QStringLiteral("no such folder"))));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
