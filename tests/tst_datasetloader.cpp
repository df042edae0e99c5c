#include "datasetloader.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <clocale>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using Values = QList<double>;

namespace {

template<qsizetype N> QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}

Values toValues(const std::vector<double> &values)
{
    return Values(values.begin(), values.end());
}

std::optional<LoadedData> loadBytes(const QByteArray &input, const QString &x, const QString &y,
                                    QString *error)
{
    const std::optional<CsvTable> table = CsvReader::parse(input, error);
    if (!table)
        return std::nullopt;
    return DatasetLoader::fromTable(*table, x, y, error);
}

// Writes `input` to a file in `dir` and loads it as the program does, row by row.
std::optional<LoadedData> loadThroughFile(const QTemporaryDir &dir, const QByteArray &input,
                                          const QString &x, const QString &y, QString *error)
{
    QFile file(dir.filePath(QStringLiteral("input.csv")));
    if (!file.open(QIODevice::WriteOnly) || file.write(input) != input.size())
        return std::nullopt;
    file.close();
    return DatasetLoader::loadFile(file.fileName(), x, y, error);
}

// The expected columns of the current row of fromTable_data() against what was loaded.
void compareWithExpected(const LoadedData &loaded)
{
    QFETCH(Values, xs);
    QFETCH(Values, ys);
    QFETCH(QString, xName);
    QFETCH(QString, yName);
    QFETCH(int, xIndex);
    QFETCH(int, yIndex);
    QFETCH(qsizetype, skipped);
    QFETCH(QList<int>, skippedLines);
    QCOMPARE(toValues(loaded.data.xs()), xs);
    QCOMPARE(toValues(loaded.data.ys()), ys);
    QCOMPARE(loaded.xName, xName);
    QCOMPARE(loaded.yName, yName);
    QCOMPARE(loaded.xColumn, xIndex);
    QCOMPARE(loaded.yColumn, yIndex);
    QCOMPARE(loaded.skippedRows, skipped);
    QCOMPARE(loaded.skippedLines, skippedLines);
}

} // namespace

class TestDatasetLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void fromTable_data();
    void fromTable();
    void fromTableErrors_data();
    void fromTableErrors();
    void fromFile_data();
    void fromFile();
    void fromFileErrors_data();
    void fromFileErrors();
    void handBuiltTable();
    void numericColumns_data();
    void numericColumns();
    void resolveColumn_data();
    void resolveColumn();
    void skippedSummary_data();
    void skippedSummary();
    void loadFile_data();
    void loadFile();
    void loadFileErrors_data();
    void loadFileErrors();
    void missingFolderAndUnreadable();
    void tooLargeFile();
    void locale_data();
    void locale();
    void millionRows();
    void endlessStreamIsRefusedAtOnce();
    void namedPipeWithoutWriterReadsAsEmpty();
    void namedPipeIsReadRowByRow();
};

void TestDatasetLoader::cleanup()
{
    std::setlocale(LC_ALL, "C");
    QLocale::setDefault(QLocale::c());
}

void TestDatasetLoader::fromTable_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("xColumn");
    QTest::addColumn<QString>("yColumn");
    QTest::addColumn<Values>("xs");
    QTest::addColumn<Values>("ys");
    QTest::addColumn<QString>("xName");
    QTest::addColumn<QString>("yName");
    QTest::addColumn<int>("xIndex");
    QTest::addColumn<int>("yIndex");
    QTest::addColumn<qsizetype>("skipped");
    QTest::addColumn<QList<int>>("skippedLines");

    const QList<int> none;

    QTest::newRow("defaults") << bytes("x,y\n1,2\n3,4\n") << ""
                              << "" << Values {1, 3} << Values {2, 4} << "x"
                              << "y" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("defaults skip a text column") << bytes("name,a,b\nfoo,1,2\nbar,3,4\n") << ""
                                                 << "" << Values {1, 3} << Values {2, 4} << "a"
                                                 << "b" << 1 << 2 << qsizetype(0) << none;
    QTest::newRow("defaults skip a mostly text column")
        << bytes("a,b,c\nx,1,2\ny,3,4\n5,6,7\n") << ""
        << "" << Values {1, 3, 6} << Values {2, 4, 7} << "b"
        << "c" << 1 << 2 << qsizetype(0) << none;
    QTest::newRow("mostly numeric column with a bad cell")
        << bytes("x,y\n1,2\n?,3\n4,5\n") << ""
        << "" << Values {1, 4} << Values {2, 5} << "x"
        << "y" << 0 << 1 << qsizetype(1) << QList<int> {3};
    QTest::newRow("by name") << bytes("a,b,c\n1,2,3\n4,5,6\n") << "c"
                             << "a" << Values {3, 6} << Values {1, 4} << "c"
                             << "a" << 2 << 0 << qsizetype(0) << none;
    QTest::newRow("by name, any case") << bytes("Year,Temp\n1880,-0.17\n") << "year"
                                       << "TEMP" << Values {1880} << Values {-0.17} << "Year"
                                       << "Temp" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("exact case first") << bytes("t,T\n1,2\n") << "T"
                                      << "t" << Values {2} << Values {1} << "T"
                                      << "t" << 1 << 0 << qsizetype(0) << none;
    QTest::newRow("by number") << bytes("a,b,c\n1,2,3\n") << "3"
                               << "1" << Values {3} << Values {1} << "c"
                               << "a" << 2 << 0 << qsizetype(0) << none;
    QTest::newRow("a digit header matches by name first")
        << bytes("b,a,1\n10,20,30\n") << "1"
        << "a" << Values {30} << Values {20} << "1"
        << "a" << 2 << 1 << qsizetype(0) << none;
    QTest::newRow("only x given") << bytes("a,b,c\n1,2,3\n") << "b"
                                  << "" << Values {2} << Values {1} << "b"
                                  << "a" << 1 << 0 << qsizetype(0) << none;
    QTest::newRow("only y given") << bytes("a,b,c\n1,2,3\n") << ""
                                  << "a" << Values {2} << Values {1} << "b"
                                  << "a" << 1 << 0 << qsizetype(0) << none;
    QTest::newRow("only y given, not the first column") << bytes("a,b,c\n1,2,3\n") << ""
                                                        << "c" << Values {1} << Values {3} << "a"
                                                        << "c" << 0 << 2 << qsizetype(0) << none;
    QTest::newRow("the same column twice") << bytes("v\n1\n2\n") << "v"
                                           << "v" << Values {1, 2} << Values {1, 2} << "v"
                                           << "v" << 0 << 0 << qsizetype(0) << none;
    QTest::newRow("no header: columns are named by number")
        << bytes("1,2\n3,4\n") << ""
        << "" << Values {1, 3} << Values {2, 4} << "1"
        << "2" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("an empty header name becomes the number")
        << bytes(",v,w\n1,2,3\n") << ""
        << "" << Values {1} << Values {2} << "1"
        << "v" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("invalid cells are skipped and counted")
        << bytes("x,y\n1,2\nfoo,3\n4,\n\n5,6\n7,nan\n8,inf\n9,1e999\n10,0x10\n11,12\n") << "x"
        << "y" << Values {1, 5, 11} << Values {2, 6, 12} << "x"
        << "y" << 0 << 1 << qsizetype(6) << QList<int> {3, 4, 7, 8, 9};
    QTest::newRow("scientific notation and signs")
        << bytes("x,y\n1e3,-2.5E-2\n+4,.5\n-0.0,1E+2\n") << ""
        << "" << Values {1000, 4, 0} << Values {-0.025, 0.5, 100} << "x"
        << "y" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("blanks around a quoted number") << bytes("x,y\n\" 1.5 \",2\n") << ""
                                                   << "" << Values {1.5} << Values {2} << "x"
                                                   << "y" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("a decimal comma is not a number")
        << bytes("x;y\n1,5;2\n3;4\n") << "x"
        << "y" << Values {3} << Values {4} << "x"
        << "y" << 0 << 1 << qsizetype(1) << QList<int> {2};
    QTest::newRow("extra cells are ignored") << bytes("x,y\n1,2,3\n4,5,six\n") << ""
                                             << "" << Values {1, 4} << Values {2, 5} << "x"
                                             << "y" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("short rows are skipped") << bytes("x,y\n1,2\n3\n5,6\n") << ""
                                            << "" << Values {1, 5} << Values {2, 6} << "x"
                                            << "y" << 0 << 1 << qsizetype(1) << QList<int> {3};
    // QString::fromUtf8() drops a byte order mark at the start of a cell, as it does at the
    // start of the file.
    QTest::newRow("a byte order mark before a number")
        << bytes("x,y\n1,2\n\xEF\xBB\xBF"
                 "3,4\n")
        << ""
        << "" << Values {1, 3} << Values {2, 4} << "x"
        << "y" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("a short first row") << bytes("x,y,z\n1,2\n3,4,5\n") << ""
                                       << "" << Values {1, 3} << Values {2, 4} << "x"
                                       << "y" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("a first row without y") << bytes("x,y\n1\n2,3\n") << ""
                                           << "" << Values {2} << Values {3} << "x"
                                           << "y" << 0 << 1 << qsizetype(1) << QList<int> {2};
    QTest::newRow("a first row without x and y") << bytes("a,x,y\n1\n2,3,4\n") << "x"
                                                 << "y" << Values {3} << Values {4} << "x"
                                                 << "y" << 1 << 2 << qsizetype(1) << QList<int> {2};
    QTest::newRow("skipped line is where the row starts")
        << bytes("name,x,y\n\"a\nb\",1,2\n\"c\",oops,3\n4,5,6\n") << "x"
        << "y" << Values {1, 5} << Values {2, 6} << "x"
        << "y" << 1 << 2 << qsizetype(1) << QList<int> {4};
    QTest::newRow("tabs and CRLF") << bytes("t\tv\r\n1\t2\r\n") << ""
                                   << "" << Values {1} << Values {2} << "t"
                                   << "v" << 0 << 1 << qsizetype(0) << none;
    QTest::newRow("semicolons, BOM, no final newline")
        << bytes("\xEF\xBB\xBFt;v\n-1.5;2e-3") << ""
        << "" << Values {-1.5} << Values {0.002} << "t"
        << "v" << 0 << 1 << qsizetype(0) << none;
}

void TestDatasetLoader::fromTable()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, xColumn);
    QFETCH(QString, yColumn);
    QString error;
    const std::optional<LoadedData> loaded = loadBytes(input, xColumn, yColumn, &error);
    QVERIFY2(loaded, qPrintable(error));
    compareWithExpected(*loaded);
}

void TestDatasetLoader::fromTableErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("xColumn");
    QTest::addColumn<QString>("yColumn");
    QTest::addColumn<QString>("error");

    const QByteArray abc = bytes("a,b,c\n1,2,3\n");
    QTest::newRow("unknown x name") << abc << "foo"
                                    << ""
                                    << "no column named 'foo'; the columns are: a, b, c";
    QTest::newRow("unknown y name") << abc << "a"
                                    << "bar"
                                    << "no column named 'bar'; the columns are: a, b, c";
    QTest::newRow("number out of range") << abc << "4"
                                         << ""
                                         << "no column number 4; the columns are: a, b, c";
    QTest::newRow("zero is no column number") << abc << ""
                                              << "0"
                                              << "no column number 0; the columns are: a, b, c";
    QTest::newRow("no header") << bytes("1,2\n3,4\n") << "c"
                               << ""
                               << "no column named 'c'; the columns are: 1, 2";
    QTest::newRow("at most ten columns listed")
        << bytes("a,b,c,d,e,f,g,h,i,j,k,l\n1,2,3,4,5,6,7,8,9,10,11,12\n") << "z"
        << ""
        << "no column named 'z'; the columns are: a, b, c, d, e, f, g, h, i, j, …";
    QTest::newRow("long name shortened")
        << bytes("a,b\n1,2\n") << QString(50, u'q') << ""
        << "no column named '" + QString(39, u'q') + "…'; the columns are: a, b";
    // The cut fell between the two halves of the emoji, leaving half a character.
    QTest::newRow("long name shortened before an emoji")
        << bytes("a,b\n1,2\n") << QString(38, u'q') + QStringLiteral("\U0001F600tail") << ""
        << "no column named '" + QString(38, u'q') + "…'; the columns are: a, b";
    QTest::newRow("long header name shortened before an emoji")
        << bytes("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\xf0\x9f\x98\x80tail\n1\n") << "2"
        << ""
        << "no column number 2; the columns are: " + QString(38, u'q') + "…";
    QTest::newRow("line break in a name") << bytes("a,b\n1,2\n") << "two\nlines"
                                          << ""
                                          << "no column named 'two lines'; the columns are: a, b";
    QTest::newRow("one column") << bytes("v\n1\n2\n") << ""
                                << ""
                                << "only one column found (columns must be separated by commas, "
                                   "semicolons or tabs); x and y need two";
    QTest::newRow("one column, x given")
        << bytes("v\n1\n2\n") << "v"
        << ""
        << "only one column found (columns must be separated by commas, semicolons or tabs); "
           "x and y need two";
    QTest::newRow("one numeric column")
        << bytes("name,v\na,1\nb,2\n") << ""
        << ""
        << "only column 'v' holds numbers; x and y need two (line 2: 'a' is not "
           "a number)";
    QTest::newRow("no numeric column")
        << bytes("a,b\nx,y\n") << ""
        << ""
        << "no column holds numbers; x and y need two (line 2: 'x' is not a "
           "number)";
    QTest::newRow("no other numeric column for y")
        << bytes("name,v\na,1\n") << "v"
        << ""
        << "no column other than 'v' holds numbers to use for y (line 2: 'a' is not a number)";
    QTest::newRow("no other numeric column for x")
        << bytes("name,v\na,1\n") << ""
        << "v"
        << "no column other than 'v' holds numbers to use for x (line 2: 'a' is not a number)";
    QTest::newRow("decimal commas")
        << bytes("x;y\n1;2\n1,5;3,0\n") << ""
        << ""
        << "no column holds numbers; x and y need two (line 3: '1,5' is not a number: decimals "
           "take a dot)";
    QTest::newRow("no usable rows")
        << bytes("x,y\n1,\n,2\n") << ""
        << ""
        << "no usable rows: every row has a missing or non-numeric value in column 'x' or 'y' "
           "(the first at line 2)";
    QTest::newRow("no usable rows in text columns")
        << bytes("country,income\nA,1\n") << "country"
        << "income"
        << "no usable rows: every row has a missing or non-numeric value in column 'country' "
           "or 'income' (the first at line 2)";
    QTest::newRow("no usable rows in one column")
        << bytes("country,income\nA,1\n") << "country"
        << "country"
        << "no usable rows: every row has a missing or non-numeric value in column 'country' "
           "(the first at line 2)";
}

void TestDatasetLoader::fromTableErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, xColumn);
    QFETCH(QString, yColumn);
    QFETCH(QString, error);

    QString message;
    QVERIFY(!loadBytes(input, xColumn, yColumn, &message));
    QCOMPARE(message, error);
}

void TestDatasetLoader::fromFile_data()
{
    fromTable_data();
}

// A file is read row by row into numbers, without a table of text cells: the result is the
// table's, row for row.
void TestDatasetLoader::fromFile()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, xColumn);
    QFETCH(QString, yColumn);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const std::optional<LoadedData> loaded = loadThroughFile(dir, input, xColumn, yColumn, &error);
    QVERIFY2(loaded, qPrintable(error));
    compareWithExpected(*loaded);
}

void TestDatasetLoader::fromFileErrors_data()
{
    fromTableErrors_data();
}

void TestDatasetLoader::fromFileErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, xColumn);
    QFETCH(QString, yColumn);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString message;
    QVERIFY(!loadThroughFile(dir, input, xColumn, yColumn, &message));
    QCOMPARE(message, dir.filePath(QStringLiteral("input.csv")) + QStringLiteral(": ") + error);
}

// Tables not made by CsvReader: no rows at all, and rows without line numbers.
void TestDatasetLoader::handBuiltTable()
{
    CsvTable table;
    table.header = {"x", "y"};
    table.hasHeader = true;

    QString error;
    QVERIFY(!DatasetLoader::fromTable(table, QString(), QString(), &error));
    QCOMPARE(error, "no data rows");

    table.rows = {{"1", "2"}, {"a", "3"}, {"4"}};
    const std::optional<LoadedData> loaded =
        DatasetLoader::fromTable(table, QString(), QString(), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->data.size(), std::size_t(1));
    QCOMPARE(loaded->skippedRows, qsizetype(2));
    QCOMPARE(loaded->skippedLines, (QList<int> {3, 4}));
}

void TestDatasetLoader::numericColumns_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<int>>("columns");

    QTest::newRow("all numeric") << bytes("x,y\n1,2\n") << QList<int> {0, 1};
    QTest::newRow("text column") << bytes("name,a\nfoo,1\n") << QList<int> {1};
    QTest::newRow("no number at all") << bytes("a,b\n1,x\n2,y\n3,\n") << QList<int> {0};
    QTest::newRow("exactly half is not enough") << bytes("a,b\n1,1\nx,2\n") << QList<int> {1};
    QTest::newRow("more than half") << bytes("a,b\n1,x\n2,y\nz,3\n") << QList<int> {0};
    QTest::newRow("empty cells do not count") << bytes("a,b\n1,\n,x\n,\n") << QList<int> {0};
    QTest::newRow("an all-empty column") << bytes("a,b\n1,\n2,\n") << QList<int> {0};
    QTest::newRow("no header") << bytes("1,2\n") << QList<int> {0, 1};
    QTest::newRow("nan and inf are not numbers")
        << bytes("a,b\nnan,1\ninf,2\n-inf,3\n") << QList<int> {1};
    QTest::newRow("short rows") << bytes("a,b,c\n1\n2,x\n") << QList<int> {0};
    // Counting every column of every row took seconds on this 64 KiB file; only the cells a
    // row has are read now.
    QTest::newRow("wide header over short rows") << bytes("a,").repeated(16383) + bytes("a\n")
            + bytes("1,2\n").repeated(8000) << QList<int> {0, 1};
}

void TestDatasetLoader::numericColumns()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<int>, columns);

    QString error;
    const std::optional<CsvTable> table = CsvReader::parse(input, &error);
    QVERIFY2(table, qPrintable(error));
    QCOMPARE(DatasetLoader::numericColumns(*table), columns);
}

void TestDatasetLoader::resolveColumn_data()
{
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QString>("column");
    QTest::addColumn<int>("index");

    const QStringList abc {"a", "b", "c"};
    QTest::newRow("name") << abc << "b" << 1;
    QTest::newRow("name, other case") << abc << "B" << 1;
    QTest::newRow("number") << abc << "2" << 1;
    QTest::newRow("last number") << abc << "3" << 2;
    QTest::newRow("number with blanks") << abc << " 2 " << 1;
    QTest::newRow("number too large") << abc << "4" << -1;
    QTest::newRow("zero") << abc << "0" << -1;
    QTest::newRow("negative") << abc << "-1" << -1;
    QTest::newRow("plus sign") << abc << "+2" << -1;
    QTest::newRow("decimal") << abc << "2.0" << -1;
    QTest::newRow("huge number") << abc << "99999999999999999999" << -1;
    QTest::newRow("empty") << abc << "" << -1;
    QTest::newRow("unknown") << abc << "d" << -1;
    QTest::newRow("digit name before number") << QStringList {"b", "a", "1"} << "1" << 2;
    QTest::newRow("exact case first") << QStringList {"x", "X"} << "X" << 1;
    QTest::newRow("exact case first, lower") << QStringList {"x", "X"} << "x" << 0;
    QTest::newRow("first of any case") << QStringList {"Year", "Temp"} << "temp" << 1;
}

void TestDatasetLoader::resolveColumn()
{
    QFETCH(QStringList, header);
    QFETCH(QString, column);
    QFETCH(int, index);

    CsvTable table;
    table.header = header;
    table.hasHeader = true;
    QCOMPARE(DatasetLoader::resolveColumn(table, column), index);
}

void TestDatasetLoader::skippedSummary_data()
{
    QTest::addColumn<qsizetype>("rows");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QString>("summary");

    QTest::newRow("none") << qsizetype(0) << QList<int>() << QString();
    QTest::newRow("one") << qsizetype(1) << QList<int> {4}
                         << "Skipped 1 row with a missing or non-numeric value in the chosen "
                            "columns (line 4).";
    QTest::newRow("three") << qsizetype(3) << QList<int> {4, 9, 12}
                           << "Skipped 3 rows with a missing or non-numeric value in the chosen "
                              "columns (lines 4, 9, 12).";
    QTest::newRow("five") << qsizetype(5) << QList<int> {1, 2, 3, 4, 5}
                          << "Skipped 5 rows with a missing or non-numeric value in the chosen "
                             "columns (lines 1, 2, 3, 4, 5).";
    QTest::newRow("more than five")
        << qsizetype(7) << QList<int> {2, 3, 5, 8, 13}
        << "Skipped 7 rows with a missing or non-numeric value in the chosen columns "
           "(lines 2, 3, 5, 8, 13, …).";
    QTest::newRow("no line numbers")
        << qsizetype(2) << QList<int>()
        << "Skipped 2 rows with a missing or non-numeric value in the chosen columns.";
}

void TestDatasetLoader::skippedSummary()
{
    QFETCH(qsizetype, rows);
    QFETCH(QList<int>, lines);
    QFETCH(QString, summary);

    LoadedData loaded;
    loaded.skippedRows = rows;
    loaded.skippedLines = lines;
    QCOMPARE(loaded.skippedSummary(), summary);
}

void TestDatasetLoader::loadFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("xColumn");
    QTest::addColumn<QString>("yColumn");
    QTest::addColumn<qsizetype>("count");
    QTest::addColumn<QString>("xName");
    QTest::addColumn<QString>("yName");
    QTest::addColumn<QPointF>("first");
    QTest::addColumn<QPointF>("last");

    QTest::newRow("gapminder, default columns")
        << "gapminder-health-income.csv"
        << ""
        << "" << qsizetype(187) << "income"
        << "health" << QPointF(1925, 57.63) << QPointF(1801, 60.01);
    QTest::newRow("gapminder, by name and number")
        << "gapminder-health-income.csv"
        << "population"
        << "3" << qsizetype(187) << "population"
        << "health" << QPointF(32526562, 57.63) << QPointF(15602751, 60.01);
    QTest::newRow("global temperature") << "global-temp.csv"
                                        << ""
                                        << "" << qsizetype(144) << "year"
                                        << "temp" << QPointF(1880, -0.17) << QPointF(2023, 1.17);
    QTest::newRow("tutorial") << "tutorial.csv"
                              << ""
                              << "" << qsizetype(3) << "x"
                              << "y" << QPointF(1, 2) << QPointF(3, 6);
}

void TestDatasetLoader::loadFile()
{
    QFETCH(QString, file);
    QFETCH(QString, xColumn);
    QFETCH(QString, yColumn);
    QFETCH(qsizetype, count);
    QFETCH(QString, xName);
    QFETCH(QString, yName);
    QFETCH(QPointF, first);
    QFETCH(QPointF, last);

    QString error;
    const std::optional<LoadedData> loaded = DatasetLoader::loadFile(
        QStringLiteral(LOSSLAB_TEST_DATA "/") + file, xColumn, yColumn, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(qsizetype(loaded->data.size()), count);
    QCOMPARE(loaded->xName, xName);
    QCOMPARE(loaded->yName, yName);
    QCOMPARE(loaded->skippedRows, qsizetype(0));
    QCOMPARE(loaded->skippedSummary(), QString());
    QCOMPARE(loaded->data.x(0), first.x());
    QCOMPARE(loaded->data.y(0), first.y());
    QCOMPARE(loaded->data.x(loaded->data.size() - 1), last.x());
    QCOMPARE(loaded->data.y(loaded->data.size() - 1), last.y());
}

void TestDatasetLoader::loadFileErrors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("xColumn");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << "empty.csv" << QByteArray() << ""
                           << "empty.csv: the file is empty";
    QTest::newRow("header only") << "header.csv" << bytes("x,y\n") << ""
                                 << "header.csv: no data rows";
    QTest::newRow("binary") << "image.png" << bytes("\x89PNG\r\n\x1A\n\0\0\0\rIHDR") << ""
                            << "image.png: not a text file (binary data at line 1)";
    QTest::newRow("NUL byte") << "nul.csv" << bytes("x,y\n1,2\n\n3,\0\n") << ""
                              << "nul.csv: not a text file (binary data at line 4)";
    QTest::newRow("unterminated quote")
        << "quote.csv" << bytes("x,y\n1,2\n\"3,4\n") << ""
        << "quote.csv: a quoted field that starts on line 3 never ends";
    QTest::newRow("unknown column") << "data.csv" << bytes("x,y\n1,2\n") << "foo"
                                    << "data.csv: no column named 'foo'; the columns are: x, y";
    QTest::newRow("no usable rows")
        << "text.csv" << bytes("x,y\n1,\n,2\n") << ""
        << "text.csv: no usable rows: every row has a missing or non-numeric value in column "
           "'x' or 'y' (the first at line 2)";
    QTest::newRow("long file name") << QString(100, u'f') + ".csv" << QByteArray() << ""
                                    << QString(100, u'f') + ".csv: the file is empty";
}

void TestDatasetLoader::loadFileErrors()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, xColumn);
    QFETCH(QString, error);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(file);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QCOMPARE(out.write(content), content.size());
    out.close();

    // Messages name the file as the caller gave it, folder included.
    QString message;
    QVERIFY(!DatasetLoader::loadFile(path, xColumn, QString(), &message));
    QCOMPARE(message, dir.path() + u'/' + error);
}

void TestDatasetLoader::missingFolderAndUnreadable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QString error;
    QVERIFY(!DatasetLoader::loadFile(dir.filePath("missing.csv"), QString(), QString(), &error));
    QCOMPARE(error,
             dir.filePath("missing.csv") + ": cannot open the file: No such file or directory");

    QVERIFY(QDir(dir.path()).mkdir("folder.csv"));
    QVERIFY(!DatasetLoader::loadFile(dir.filePath("folder.csv"), QString(), QString(), &error));
    QCOMPARE(error, dir.filePath("folder.csv") + ": this is a folder, not a file");

    const QString locked = dir.filePath("locked.csv");
    QFile file(locked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x,y\n1,2\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::Permissions()));
    if (file.open(QIODevice::ReadOnly))
        QSKIP("this user can read files without read permission (root?)");
    QVERIFY(!DatasetLoader::loadFile(locked, QString(), QString(), &error));
    QCOMPARE(error, "locked.csv: cannot open the file: Permission denied");
}

// A sparse file reports its size without taking disk space, so the limit is checked cheaply.
void TestDatasetLoader::tooLargeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath("huge.csv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    if (!file.resize(qint64(3) * 1024 * 1024 * 1024))
        QSKIP("this file system cannot make a 3 GiB sparse file");
    file.close();

    QString error;
    QVERIFY(!DatasetLoader::loadFile(file.fileName(), QString(), QString(), &error));
    QCOMPARE(error, dir.filePath("huge.csv") + ": the file is larger than 2 GiB");
}

void TestDatasetLoader::locale_data()
{
    QTest::addColumn<QByteArray>("cLocale");
    QTest::addColumn<QLocale::Language>("qtLocale");

    QTest::newRow("C") << QByteArray("C") << QLocale::C;
    QTest::newRow("German") << QByteArray("de_DE.UTF-8") << QLocale::German;
}

// A German locale (decimal comma) in the environment or in Qt changes no number.
void TestDatasetLoader::locale()
{
    QFETCH(QByteArray, cLocale);
    QFETCH(QLocale::Language, qtLocale);

    if (!std::setlocale(LC_ALL, cLocale.constData()))
        QSKIP("this locale is not installed");
    QLocale::setDefault(QLocale(qtLocale));

    QString error;
    const std::optional<LoadedData> loaded =
        loadBytes("x,y\n1.5,2.25\n-3e-1,4\n\"1,5\",7\n", "x", "y", &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(toValues(loaded->data.xs()), (Values {1.5, -0.3}));
    QCOMPARE(toValues(loaded->data.ys()), (Values {2.25, 4}));
    QCOMPARE(loaded->skippedRows, qsizetype(1));
    QCOMPARE(loaded->skippedLines, QList<int> {4});
}

// A million rows load whole and exactly. How fast is the benchmarks' business (bench_csvread,
// BENCHMARKS.md row 6): a test asserts no wall-clock time.
void TestDatasetLoader::millionRows()
{
    const int count = 1000000;
    QByteArray input = "index,half,label\n";
    input.reserve(count * 24);
    for (int i = 0; i < count; ++i) {
        input += QByteArray::number(i) + ',' + QByteArray::number(i / 2) + ".5,row"
            + QByteArray::number(i) + '\n';
    }

    QString error;
    const std::optional<LoadedData> loaded = loadBytes(input, QString(), QString(), &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->data.size(), std::size_t(count));
    QCOMPARE(loaded->data.x(count - 1), double(count - 1));
    QCOMPARE(loaded->data.y(count - 1), double((count - 1) / 2) + 0.5);
}

QTEST_GUILESS_MAIN(TestDatasetLoader)
void TestDatasetLoader::endlessStreamIsRefusedAtOnce()
{
    // A device that never ends once read until memory ran out; its first NUL byte ends it.
    QString error;
    QVERIFY(!DatasetLoader::loadFile(QStringLiteral("/dev/zero"), {}, {}, &error));
    QVERIFY2(error.contains(QStringLiteral("not a text file (binary data at line 1)")),
             qPrintable(error));
}

void TestDatasetLoader::namedPipeWithoutWriterReadsAsEmpty()
{
    // Opening a named pipe once waited for a writer forever, deaf to Ctrl+C.
    QTemporaryDir dir;
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("pipe.csv")));
    QCOMPARE(::mkfifo(path.constData(), 0600), 0);
    QString error;
    QVERIFY(!DatasetLoader::loadFile(QFile::decodeName(path), {}, {}, &error));
    QVERIFY2(error.contains(QStringLiteral("pipe.csv")) && error.contains(QStringLiteral("empty")),
             qPrintable(error));
}

// A pipe hands its text over in pieces of any size; rows cut between two reads come out whole.
void TestDatasetLoader::namedPipeIsReadRowByRow()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("pipe.csv")));
    QCOMPARE(::mkfifo(path.constData(), 0600), 0);

    const int count = 300000;
    QByteArray text = "x,y\n";
    for (int i = 0; i < count; ++i)
        text += QByteArray::number(i) + ',' + QByteArray::number(i) + ".25\n";

    // Opened for reading and writing, the pipe has a writer before the loader opens it, and
    // keeps its text until the loader has read it all.
    const int fd = ::open(path.constData(), O_RDWR | O_CLOEXEC);
    QVERIFY(fd >= 0);
    std::thread writer([fd, &text] {
        // Odd pieces, so that rows and numbers are cut between two reads.
        const qsizetype piece = 10007;
        for (qsizetype at = 0; at < text.size();) {
            const ssize_t written =
                ::write(fd, text.constData() + at, std::size_t(std::min(piece, text.size() - at)));
            if (written <= 0)
                break;
            at += written;
        }
        ::close(fd);
    });

    QString error;
    const std::optional<LoadedData> loaded =
        DatasetLoader::loadFile(QFile::decodeName(path), {}, {}, &error);
    writer.join();
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->data.size(), std::size_t(count));
    QCOMPARE(loaded->data.x(count - 1), double(count - 1));
    QCOMPARE(loaded->data.y(count - 1), double(count - 1) + 0.25);
    QCOMPARE(loaded->skippedRows, qsizetype(0));
}

#include "tst_datasetloader.moc"
