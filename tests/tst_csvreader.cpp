#include "csvreader.h"
#include "trickledevice.h"

#include <QIODevice>
#include <QLocale>
#include <QTest>

#include <algorithm>
#include <clocale>
#include <cstring>

using Rows = QList<QStringList>;

namespace {

// Bytes of a string literal, embedded NULs included.
template<qsizetype N> QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}

// A stream of "x,y\n" and then `rows` rows "1,2\n", made as it is read and never held whole.
class RowStream : public QIODevice
{
public:
    explicit RowStream(qint64 rows)
        : m_size(4 * (rows + 1))
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    qint64 served() const { return m_at; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min(maxSize, m_size - m_at);
        for (qint64 i = 0; i < count; ++i)
            data[i] = m_at + i < 4 ? "x,y\n"[m_at + i] : "1,2\n"[(m_at + i) % 4];
        m_at += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_size;
    qint64 m_at = 0;
};

// Notes, for each row, how far the stream had been read when the row arrived.
class ReadAheadProbe : public CsvRowHandler
{
public:
    explicit ReadAheadProbe(const RowStream *stream)
        : m_stream(stream)
    {
    }

    void start(char, std::span<const CsvCell>, bool) override { }
    void row(std::span<const CsvCell> cells, int line) override
    {
        // Row k (line k + 2) ends at byte 4 · (k + 2) of the stream.
        m_maxAhead = std::max(m_maxAhead, m_stream->served() - 4 * qint64(line));
        m_rows += cells.size() == 2 && cells[0].text == "1" && cells[1].text == "2" ? 1 : 0;
    }

    qint64 maxAhead() const { return m_maxAhead; }
    qint64 rows() const { return m_rows; }

private:
    const RowStream *m_stream;
    qint64 m_maxAhead = 0;
    qint64 m_rows = 0;
};

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void hugeInput_data();
    void hugeInput();
    void wideHeaderOverShortRows();
    void streamInPieces_data();
    void streamInPieces();
    void streamErrorsInPieces_data();
    void streamErrorsInPieces();
    void rowsArriveWhileTheStreamIsRead();
    void locale_data();
    void locale();
};

// A test that changed the locale must not leak it into the next one.
void TestCsvReader::cleanup()
{
    std::setlocale(LC_ALL, "C");
    QLocale::setDefault(QLocale::c());
}

void TestCsvReader::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QChar>("separator");
    QTest::addColumn<bool>("hasHeader");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<Rows>("rows");
    QTest::addColumn<QList<int>>("lines");

    const QStringList xy {"x", "y"};
    const QStringList ab {"a", "b"};

    QTest::newRow("header and rows") << bytes("x,y\n1,2\n3,4\n") << QChar(u',') << true << xy
                                     << Rows {{"1", "2"}, {"3", "4"}} << QList<int> {2, 3};
    QTest::newRow("no final newline") << bytes("x,y\n1,2\n3,4") << QChar(u',') << true << xy
                                      << Rows {{"1", "2"}, {"3", "4"}} << QList<int> {2, 3};
    // The first is the file's; QString::fromUtf8() drops the second from the cell.
    QTest::newRow("a second byte order mark") << bytes("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                       "1,2\n3,4\n")
                                              << QChar(u',') << false << QStringList {"1", "2"}
                                              << Rows {{"1", "2"}, {"3", "4"}} << QList<int> {1, 2};
    QTest::newRow("CRLF") << bytes("x,y\r\n1,2\r\n3,4\r\n") << QChar(u',') << true << xy
                          << Rows {{"1", "2"}, {"3", "4"}} << QList<int> {2, 3};
    QTest::newRow("lone CR") << bytes("x,y\r1,2\r3,4\r") << QChar(u',') << true << xy
                             << Rows {{"1", "2"}, {"3", "4"}} << QList<int> {2, 3};
    QTest::newRow("BOM") << bytes("\xEF\xBB\xBFx,y\n1,2\n") << QChar(u',') << true << xy
                         << Rows {{"1", "2"}} << QList<int> {2};
    QTest::newRow("BOM, CRLF, no header, no final newline")
        << bytes("\xEF\xBB\xBF"
                 "1,2\r\n3,4")
        << QChar(u',') << false << QStringList {"1", "2"} << Rows {{"1", "2"}, {"3", "4"}}
        << QList<int> {1, 2};
    QTest::newRow("blank lines still count")
        << bytes("\n  \nx,y\n\n1,2\r\n\t\r\n3,4\n\n") << QChar(u',') << true << xy
        << Rows {{"1", "2"}, {"3", "4"}} << QList<int> {5, 7};
    QTest::newRow("no header") << bytes("1,2\n3,4\n") << QChar(u',') << false
                               << QStringList {"1", "2"} << Rows {{"1", "2"}, {"3", "4"}}
                               << QList<int> {1, 2};
    QTest::newRow("no header, scientific notation and an empty cell")
        << bytes("1e3,\n-2.5E-2,4\n") << QChar(u',') << false << QStringList {"1", "2"}
        << Rows {{"1e3", ""}, {"-2.5E-2", "4"}} << QList<int> {1, 2};
    QTest::newRow("one text cell makes a header")
        << bytes("2,x\n1,2\n") << QChar(u',') << true << QStringList {"2", "x"} << Rows {{"1", "2"}}
        << QList<int> {2};
    QTest::newRow("nan is text, not a number")
        << bytes("nan,1\n2,3\n") << QChar(u',') << true << QStringList {"nan", "1"}
        << Rows {{"2", "3"}} << QList<int> {2};
    QTest::newRow("semicolons") << bytes("a;b\n1.5;2\n") << QChar(u';') << true << ab
                                << Rows {{"1.5", "2"}} << QList<int> {2};
    QTest::newRow("semicolons with decimal commas")
        << bytes("a;b\n1,5;2,5\n") << QChar(u';') << true << ab << Rows {{"1,5", "2,5"}}
        << QList<int> {2};
    QTest::newRow("decimal commas without a header")
        << bytes("1,5;3,0\n2,5;4,5\n") << QChar(u';') << true << QStringList {"1,5", "3,0"}
        << Rows {{"2,5", "4,5"}} << QList<int> {2};
    QTest::newRow("tabs") << bytes("a\tb\n1\t2\n") << QChar(u'\t') << true << ab
                          << Rows {{"1", "2"}} << QList<int> {2};
    QTest::newRow("tabs keep empty cells")
        << bytes("a\tb\tc\n1\t\t3\n") << QChar(u'\t') << true << QStringList {"a", "b", "c"}
        << Rows {{"1", "", "3"}} << QList<int> {2};
    QTest::newRow("separator inside quotes")
        << bytes("name,v\n\"a,b\",1\n") << QChar(u',') << true << QStringList {"name", "v"}
        << Rows {{"a,b", "1"}} << QList<int> {2};
    QTest::newRow("newline inside quotes")
        << bytes("name,v\n\"two\nlines\",1\n2,3\n") << QChar(u',') << true
        << QStringList {"name", "v"} << Rows {{"two\nlines", "1"}, {"2", "3"}} << QList<int> {2, 4};
    QTest::newRow("CRLF inside quotes")
        << bytes("name,v\r\n\"two\r\nlines\",1\r\n2,3\r\n") << QChar(u',') << true
        << QStringList {"name", "v"} << Rows {{"two\r\nlines", "1"}, {"2", "3"}}
        << QList<int> {2, 4};
    QTest::newRow("doubled quote")
        << bytes("name,v\n\"say \"\"hi\"\"\",1\n") << QChar(u',') << true
        << QStringList {"name", "v"} << Rows {{"say \"hi\"", "1"}} << QList<int> {2};
    QTest::newRow("quoted header")
        << bytes("\"x value\",\"y;value\"\n1,2\n") << QChar(u',') << true
        << QStringList {"x value", "y;value"} << Rows {{"1", "2"}} << QList<int> {2};
    QTest::newRow("separators inside quotes are not counted")
        << bytes("\"a;b;c\",d\n1,2\n") << QChar(u',') << true << QStringList {"a;b;c", "d"}
        << Rows {{"1", "2"}} << QList<int> {2};
    QTest::newRow("empty quoted cell") << bytes("a,b\n\"\",1\n") << QChar(u',') << true << ab
                                       << Rows {{"", "1"}} << QList<int> {2};
    QTest::newRow("blanks inside quotes are kept")
        << bytes("a,b\n\" x \",1\n") << QChar(u',') << true << ab << Rows {{" x ", "1"}}
        << QList<int> {2};
    QTest::newRow("blanks outside quotes are trimmed")
        << bytes("a , b\n 1 ,\t2 \n \"q\" ,3\n") << QChar(u',') << true << ab
        << Rows {{"1", "2"}, {"q", "3"}} << QList<int> {2, 3};
    QTest::newRow("text after a closing quote is kept")
        << bytes("a,b\n\"x\"y,1\n") << QChar(u',') << true << ab << Rows {{"xy", "1"}}
        << QList<int> {2};
    QTest::newRow("quote inside an unquoted cell is text")
        << bytes("a,b\n5\"3,1\n") << QChar(u',') << true << ab << Rows {{"5\"3", "1"}}
        << QList<int> {2};
    QTest::newRow("quote inside an unquoted header cell")
        << bytes("length (5\"),width\n1,2\n") << QChar(u',') << true
        << QStringList {"length (5\")", "width"} << Rows {{"1", "2"}} << QList<int> {2};
    QTest::newRow("short rows keep their cells")
        << bytes("a,b,c\n1\n1,2\n") << QChar(u',') << true << QStringList {"a", "b", "c"}
        << Rows {{"1"}, {"1", "2"}} << QList<int> {2, 3};
    QTest::newRow("long rows are kept") << bytes("a,b\n1,2,3\n") << QChar(u',') << true << ab
                                        << Rows {{"1", "2", "3"}} << QList<int> {2};
    QTest::newRow("single column") << bytes("v\n1\n2\n") << QChar(u',') << true << QStringList {"v"}
                                   << Rows {{"1"}, {"2"}} << QList<int> {2, 3};
    QTest::newRow("tie between comma and semicolon")
        << bytes("a,b;c\n1,2;3\n") << QChar(u';') << true << QStringList {"a,b", "c"}
        << Rows {{"1,2", "3"}} << QList<int> {2};
    QTest::newRow("most frequent separator wins")
        << bytes("a;b,c,d\n1;2,3,4\n") << QChar(u',') << true << QStringList {"a;b", "c", "d"}
        << Rows {{"1;2", "3", "4"}} << QList<int> {2};
    QTest::newRow("UTF-8 text") << bytes("temp\xC3\xA9rature,\xCE\x94y\n1,2\n") << QChar(u',')
                                << true
                                << QStringList {QString::fromUtf8("température"),
                                                QString::fromUtf8("Δy")}
                                << Rows {{"1", "2"}} << QList<int> {2};
}

void TestCsvReader::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QChar, separator);
    QFETCH(bool, hasHeader);
    QFETCH(QStringList, header);
    QFETCH(Rows, rows);
    QFETCH(QList<int>, lines);

    QString error;
    const std::optional<CsvTable> table = CsvReader::parse(input, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->separator, separator);
    QCOMPARE(table->hasHeader, hasHeader);
    QCOMPARE(table->header, header);
    QCOMPARE(table->columnCount(), header.size());
    QCOMPARE(table->rows, rows);
    QCOMPARE(table->lineNumbers, lines);
}

void TestCsvReader::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QByteArray() << "the file is empty";
    QTest::newRow("only a BOM") << bytes("\xEF\xBB\xBF") << "the file is empty";
    QTest::newRow("only blank lines")
        << bytes("\n \r\n\t\n") << "the file is empty (it has only blank lines)";
    QTest::newRow("header only") << bytes("x,y\n") << "no data rows";
    QTest::newRow("header and blank lines") << bytes("x,y\r\n\r\n  \r\n") << "no data rows";
    QTest::newRow("NUL byte") << bytes("x,y\n1,2\n3\0,4\n")
                              << "not a text file (binary data at line 3)";
    QTest::newRow("NUL byte in a quoted cell")
        << bytes("a,b\n\"x\n\0\",1\n") << "not a text file (binary data at line 3)";
    QTest::newRow("invalid UTF-8 byte")
        << bytes("x,y\n1,\xFF\n") << "not a text file (binary data at line 2)";
    QTest::newRow("Latin-1 text") << bytes("caf\xE9,y\n1,2\n")
                                  << "not a text file (binary data at line 1)";
    QTest::newRow("overlong encoding")
        << bytes("x,y\n\xC0\xAF,1\n") << "not a text file (binary data at line 2)";
    QTest::newRow("UTF-16 surrogate")
        << bytes("x,y\n\xED\xA0\x80,1\n") << "not a text file (binary data at line 2)";
    QTest::newRow("beyond U+10FFFF")
        << bytes("x,y\n1,2\n\xF4\x90\x80\x80\n") << "not a text file (binary data at line 3)";
    QTest::newRow("sequence cut off at the end")
        << bytes("x,y\n1,\xE2\x82") << "not a text file (binary data at line 2)";
    QTest::newRow("stray continuation byte")
        << bytes("x,y\n1,2\n\x80\n") << "not a text file (binary data at line 3)";
    QTest::newRow("PNG header") << bytes("\x89PNG\r\n\x1A\n\0\0\0\rIHDR")
                                << "not a text file (binary data at line 1)";
    QTest::newRow("gzip header after text")
        << bytes("x,y\n\x1F\x8B\x08\0\0\0\0\0") << "not a text file (binary data at line 2)";
    QTest::newRow("unterminated quote")
        << bytes("x,y\n\"abc,1\n2,3\n") << "a quoted field that starts on line 2 never ends";
    QTest::newRow("unterminated quote in the header")
        << bytes("\"x,y\n1,2\n") << "a quoted field that starts on line 1 never ends";
    QTest::newRow("unterminated quote ending in a doubled quote")
        << bytes("a,b\n\n1,\"x\"\"\n") << "a quoted field that starts on line 3 never ends";
}

void TestCsvReader::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);

    QString message;
    QVERIFY(!CsvReader::parse(input, &message));
    QCOMPARE(message, error);
}

// Each input is prefix + filler repeated + suffix, built in the test so that only one large
// buffer exists at a time.
void TestCsvReader::hugeInput_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<QByteArray>("filler");
    QTest::addColumn<qsizetype>("repeat");
    QTest::addColumn<QByteArray>("suffix");
    QTest::addColumn<QString>("error");

    const qsizetype hundredMB = 100 * 1000 * 1000;
    QTest::newRow("100 MB line") << QByteArray() << bytes("a") << hundredMB << QByteArray()
                                 << "line 1 is longer than 64 MiB";
    QTest::newRow("100 MB line after a header") << bytes("x\n") << bytes("7") << hundredMB
                                                << bytes("\n1\n") << "line 2 is longer than 64 MiB";
    QTest::newRow("100 MB quoted cell") << bytes("x,y\n\n\"") << bytes("a") << hundredMB
                                        << bytes("\",1\n") << "line 3 is longer than 64 MiB";
    QTest::newRow("100 MB unterminated quote")
        << bytes("x,y\n1,\"") << bytes("a") << hundredMB << QByteArray()
        << "a quoted field that starts on line 2 never ends";
    QTest::newRow("100 MB of cells") << QByteArray() << bytes("1,") << hundredMB / 2 << QByteArray()
                                     << "line 1 has more than 16384 columns";
}

void TestCsvReader::hugeInput()
{
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, filler);
    QFETCH(qsizetype, repeat);
    QFETCH(QByteArray, suffix);
    QFETCH(QString, error);

    const QByteArray input = prefix + filler.repeated(repeat) + suffix;
    QString message;
    QVERIFY(!CsvReader::parse(input, &message));
    QCOMPARE(message, error);
}

// Short rows padded to a 16384-column header turned this 64 KiB file into more than a
// gigabyte of empty cells. Each row holds only the cells of its line.
void TestCsvReader::wideHeaderOverShortRows()
{
    const qsizetype columns = 16384;
    const qsizetype lines = 16000;
    const QByteArray input =
        bytes("a,").repeated(columns - 1) + bytes("a\n") + bytes("1\n").repeated(lines);

    QString error;
    const std::optional<CsvTable> table = CsvReader::parse(input, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->columnCount(), columns);
    QCOMPARE(table->rows.size(), lines);
    for (const QStringList &row : table->rows) {
        QCOMPARE(row, QStringList {"1"});
        QVERIFY(row.capacity() < columns);
    }
}

void TestCsvReader::streamInPieces_data()
{
    parse_data();
}

// A stream gives the table the whole text gives, wherever its pieces and chunks end.
void TestCsvReader::streamInPieces()
{
    QFETCH(QByteArray, input);

    QString error;
    const std::optional<CsvTable> expected = CsvReader::parse(input, &error);
    QVERIFY2(expected, qPrintable(error));
    for (const qint64 step : {1, 2, 3, 5, 1 << 20}) {
        TrickleDevice device(input, step);
        const std::optional<CsvTable> table = CsvReader::parse(&device, &error, step);
        QVERIFY2(table, qPrintable(QStringLiteral("%1 (step %2)").arg(error).arg(step)));
        QCOMPARE(table->separator, expected->separator);
        QCOMPARE(table->hasHeader, expected->hasHeader);
        QCOMPARE(table->header, expected->header);
        QCOMPARE(table->rows, expected->rows);
        QCOMPARE(table->lineNumbers, expected->lineNumbers);
    }
}

void TestCsvReader::streamErrorsInPieces_data()
{
    errors_data();
}

void TestCsvReader::streamErrorsInPieces()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, error);

    for (const qint64 step : {1, 2, 3, 5, 1 << 20}) {
        TrickleDevice device(input, step);
        QString message;
        QVERIFY(!CsvReader::parse(&device, &message, step));
        QCOMPARE(message, error);
    }
}

// Rows are handed on while the stream is read, not after: 16 MB of rows arrive with the
// stream never more than a few chunks (of 1 MiB) ahead of them, so that the text held stays
// that small.
void TestCsvReader::rowsArriveWhileTheStreamIsRead()
{
    const qint64 rows = 4'000'000;
    RowStream stream(rows);
    ReadAheadProbe probe(&stream);
    QString error;
    QVERIFY2(CsvReader::read(&stream, &probe, &error), qPrintable(error));
    QCOMPARE(probe.rows(), rows);
    QVERIFY2(probe.maxAhead() <= 4 << 20, qPrintable(QString::number(probe.maxAhead())));
}

void TestCsvReader::locale_data()
{
    QTest::addColumn<QByteArray>("cLocale");
    QTest::addColumn<QLocale::Language>("qtLocale");

    QTest::newRow("C") << QByteArray("C") << QLocale::C;
    QTest::newRow("German") << QByteArray("de_DE.UTF-8") << QLocale::German;
}

// Header detection reads numbers; a German locale (decimal comma) must not change it.
void TestCsvReader::locale()
{
    QFETCH(QByteArray, cLocale);
    QFETCH(QLocale::Language, qtLocale);

    if (!std::setlocale(LC_ALL, cLocale.constData()))
        QSKIP("this locale is not installed");
    QLocale::setDefault(QLocale(qtLocale));

    QString error;
    const std::optional<CsvTable> table = CsvReader::parse("1.5,2e3\n-0.25,4\n", &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(table->hasHeader, false);
    QCOMPARE(table->rows, (Rows {{"1.5", "2e3"}, {"-0.25", "4"}}));

    const std::optional<CsvTable> withHeader = CsvReader::parse("1,5;2\n3;4\n", &error);
    QVERIFY2(withHeader, qPrintable(error));
    QCOMPARE(withHeader->hasHeader, true);
    QCOMPARE(withHeader->header, (QStringList {"1,5", "2"}));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
