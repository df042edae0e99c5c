#include "csvreader.h"
#include "numberformat.h"
#include "numerictable.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

#include <cstring>

namespace {

// Writes down, row by row, whether the parser handed it over as numbers, and checks those
// numbers against what NumberFormat reads from the cells.
class NumericRowProbe : public CsvRowHandler
{
public:
    void start(char, std::span<const CsvCell>, bool) override { }
    void row(std::span<const CsvCell> cells, int line) override
    {
        rows.append(QStringLiteral("text %1: %2").arg(line).arg(joined(cells)));
    }
    void numericRow(std::span<const CsvCell> cells, std::span<const double> numbers,
                    int line) override
    {
        rows.append(QStringLiteral("numbers %1: %2").arg(line).arg(joined(cells)));
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::optional<double> parsed = NumberFormat::parseFinite(cells[i].text);
            if (!parsed || std::memcmp(&*parsed, &numbers[i], sizeof(double)) != 0)
                mismatches.append(cells[i].toString());
        }
    }

    static QString joined(std::span<const CsvCell> cells)
    {
        QStringList texts;
        for (const CsvCell &cell : cells)
            texts.append(cell.toString());
        return texts.join(u'|');
    }

    QStringList rows;
    QStringList mismatches;
};

// A file that mixes plain numeric rows with every kind of row the fast path must decline.
QByteArray mixedFile(int rows, quint32 seed)
{
    const QList<QByteArray> unusual = {
        "+1,2",  " 1,2",       "1 ,2",          "1,2 ",    "\"1\",2",     "1,,2",
        "1,2,",  "inf,2",      "nan,2",         "1e400,2", "0x10,2",      "1e,2",
        "1.,.5", "-0,-0.0",    "1e-320,5e-324", "1,5;2",   "a,b",         "1\t2",
        "１,2",  "1e+05,2E-3", "1,2\r",         "",        "   ",         "3.25,4,5,6",
        "7",     "8,",         "-.5,-5.",       "1,2\x7f", "00012,0.000", "1_0,2",
    };
    QRandomGenerator random(seed);
    QByteArray text = "x,y\n";
    for (int i = 0; i < rows; ++i) {
        if (random.bounded(4) == 0) {
            text += unusual.at(random.bounded(int(unusual.size())));
        } else {
            text += QByteArray::number(random.generateDouble() * 2000.0 - 1000.0, 'g',
                                       1 + random.bounded(17))
                + ',' + QByteArray::number(random.bounded(-50, 50));
        }
        text += random.bounded(3) == 0 ? "\r\n" : "\n";
    }
    return text + "9,10"; // the last line without a line end
}

void compareTables(const NumericTable &actual, const NumericTable &expected)
{
    QCOMPARE(actual.header(), expected.header());
    QCOMPARE(actual.rowCount(), expected.rowCount());
    for (qsizetype column = 0; column < expected.columnCount(); ++column) {
        QCOMPARE(actual.filledCells(column), expected.filledCells(column));
        QCOMPARE(actual.numberCells(column), expected.numberCells(column));
        QCOMPARE(actual.firstText(column).row, expected.firstText(column).row);
        QCOMPARE(actual.firstText(column).text, expected.firstText(column).text);
    }
    for (qsizetype row = 0; row < expected.rowCount(); ++row) {
        QCOMPARE(actual.lineOf(row), expected.lineOf(row));
        for (qsizetype column = 0; column < expected.columnCount(); ++column) {
            const double a = actual.value(row, column);
            const double e = expected.value(row, column);
            QVERIFY2(std::memcmp(&a, &e, sizeof a) == 0 || (std::isnan(a) && std::isnan(e)),
                     qPrintable(QStringLiteral("row %1, column %2: %3 against %4")
                                    .arg(row)
                                    .arg(column)
                                    .arg(a)
                                    .arg(e)));
        }
    }
}

} // namespace

// NumericTable as it reads a file, whose plain numeric rows the parser hands over already
// parsed (CsvRowHandler::numericRow), against the same table built from the text cells.
class TestNumericTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whichRowsAreNumeric();
    void sameTableAsFromTheCells_data();
    void sameTableAsFromTheCells();
};

void TestNumericTable::whichRowsAreNumeric()
{
    const QByteArray text =
        "x,y\n1.,.5\n+1,2\n-0,1e-320\n 1,2\n1,2,\n1e400,2\r\n3,4\r5,6\ninf,2\n2,nan";
    NumericRowProbe probe;
    QString error;
    QVERIFY2(CsvReader::read(QByteArrayView(text), &probe, &error), qPrintable(error));
    QCOMPARE(probe.rows,
             (QStringList {
                 QStringLiteral("numbers 2: 1.|.5"),
                 QStringLiteral("text 3: +1|2"),
                 QStringLiteral("numbers 4: -0|1e-320"),
                 QStringLiteral("text 5: 1|2"),
                 QStringLiteral("text 6: 1|2|"),
                 QStringLiteral("text 7: 1e400|2"),
                 QStringLiteral("numbers 8: 3|4"),
                 QStringLiteral("numbers 9: 5|6"),
                 QStringLiteral("text 10: inf|2"),
                 QStringLiteral("text 11: 2|nan"),
             }));
    QCOMPARE(probe.mismatches, QStringList());
}

void TestNumericTable::sameTableAsFromTheCells_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("chunkBytes");
    const QByteArray mixed = mixedFile(3000, 5);
    const QByteArray plain = mixedFile(0, 1) + "\n" + QByteArray("1,2\n").repeated(2000);
    for (const qint64 chunk : {qint64(1), qint64(5), qint64(64), CsvReader::DefaultChunkBytes}) {
        QTest::addRow("mixed, chunks of %lld", chunk) << mixed << chunk;
        QTest::addRow("plain, chunks of %lld", chunk) << plain << chunk;
    }
    QTest::newRow("a short row first") << QByteArray("a,b,c\n1,2\n3,4,5\n6,7,8,9\n") << qint64(3);
    QTest::newRow("semicolons") << QByteArray("1;2\n3,5;4\n5;6\n") << qint64(4);
}

void TestNumericTable::sameTableAsFromTheCells()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, chunkBytes);

    QString error;
    const std::optional<CsvTable> cells = CsvReader::parse(QByteArrayView(text), &error);
    QVERIFY2(cells, qPrintable(error));
    QBuffer device(&text);
    QVERIFY(device.open(QIODevice::ReadOnly));
    const std::optional<NumericTable> read = NumericTable::read(&device, &error, chunkBytes);
    QVERIFY2(read, qPrintable(error));
    compareTables(*read, NumericTable::fromTable(*cells));
}

QTEST_GUILESS_MAIN(TestNumericTable)
#include "tst_numerictable.moc"
