#include "backgroundrowhandler.h"
#include "csvreader.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

#include <stdexcept>
#include <thread>

namespace {

// Writes down everything a handler receives, one line of text per call, and on which thread
// each row arrived.
class Recorder : public CsvRowHandler
{
public:
    void start(char separator, std::span<const CsvCell> first, bool isHeader) override
    {
        calls.append(QStringLiteral("start %1 %2 %3")
                         .arg(QChar(separator))
                         .arg(isHeader)
                         .arg(describe(first)));
    }

    void row(std::span<const CsvCell> cells, int line) override
    {
        if (throwAtRow == calls.size())
            throw std::runtime_error("the handler failed");
        calls.append(QStringLiteral("row %1 %2").arg(line).arg(describe(cells)));
        if (std::this_thread::get_id() != callerThread)
            ++rowsOffCaller;
    }

    static QString describe(std::span<const CsvCell> cells)
    {
        QStringList parts;
        for (const CsvCell &cell : cells)
            parts.append(QStringLiteral("[%1|%2]").arg(cell.toString()).arg(cell.ascii));
        return parts.join(u' ');
    }

    QStringList calls;
    qsizetype throwAtRow = -1; // the call (counting start) that throws instead
    std::thread::id callerThread = std::this_thread::get_id();
    int rowsOffCaller = 0;
};

QStringList readDirectly(const QByteArray &text)
{
    Recorder direct;
    QString error;
    if (!CsvReader::read(QByteArrayView(text), &direct, &error))
        return {QStringLiteral("error: ") + error};
    return direct.calls;
}

// A file of `rows` rows that has every kind of cell the parser makes: plain numbers, blanks,
// quoted cells with separators, line breaks and "" inside, text after a closing quote,
// non-ASCII text, blank lines and short rows.
QByteArray mixedFile(int rows, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray text = "x,y,note\n";
    for (int i = 0; i < rows; ++i) {
        switch (random.bounded(8)) {
        case 0:
            text += "\"1,5\",\"say \"\"hi\"\"\",\"two\nlines\"\n";
            break;
        case 1:
            text += " 2 , ,\xC3\xA9t\xC3\xA9\n";
            break;
        case 2:
            text += "\n";
            break;
        case 3:
            text += "3\r\n";
            break;
        case 4:
            text += "\"a\" b,\"\"\"\",\"\"\n";
            break;
        default:
            text += QByteArray::number(random.generateDouble() * 100.0, 'g', 17) + ','
                + QByteArray::number(i) + ",ok\n";
        }
    }
    return text;
}

} // namespace

class TestBackgroundRowHandler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameCallsAsDirect_data();
    void sameCallsAsDirect();
    void smallFileStaysOnTheCallersThread();
    void largeFileIsHandledOnAnotherThread();
    void deviceReadInSmallChunks();
    void handlerFailureReachesFinish_data();
    void handlerFailureReachesFinish();
    void abandonedReadStopsTheThread();
    void finishTwice();
};

void TestBackgroundRowHandler::sameCallsAsDirect_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("batchBytes");

    const QByteArray lesson = "x,y\n1,2\n2,4\n3,6\n";
    const QByteArray mixed = mixedFile(400, 7);
    const QByteArray noHeader = "1;2\n\n3;4\n5\n";
    for (const int batch : {1, 40, 1000, int(BackgroundRowHandler::DefaultBatchBytes)}) {
        const QByteArray size = QByteArray::number(batch);
        QTest::newRow("lesson, batch " + size) << lesson << batch;
        QTest::newRow("mixed, batch " + size) << mixed << batch;
        QTest::newRow("no header, batch " + size) << noHeader << batch;
    }
}

// Every call reaches the target as it would without the handler between: the same cells,
// ASCII flags, lines and order, however the rows are cut into batches.
void TestBackgroundRowHandler::sameCallsAsDirect()
{
    QFETCH(QByteArray, text);
    QFETCH(int, batchBytes);

    Recorder target;
    BackgroundRowHandler background(&target, std::size_t(batchBytes));
    QString error;
    QVERIFY2(CsvReader::read(QByteArrayView(text), &background, &error), qPrintable(error));
    background.finish();

    const QStringList expected = readDirectly(text);
    QVERIFY(expected.size() > 1);
    QCOMPARE(target.calls, expected);
}

void TestBackgroundRowHandler::smallFileStaysOnTheCallersThread()
{
    Recorder target;
    BackgroundRowHandler background(&target);
    QVERIFY(CsvReader::read(QByteArrayView("x,y\n1,2\n2,4\n3,6\n"), &background, nullptr));
    background.finish();
    QCOMPARE(target.calls.size(), 4);
    QCOMPARE(target.rowsOffCaller, 0);
}

void TestBackgroundRowHandler::largeFileIsHandledOnAnotherThread()
{
    const QByteArray text = mixedFile(20'000, 11);
    Recorder target;
    BackgroundRowHandler background(&target, 4096);
    QVERIFY(CsvReader::read(QByteArrayView(text), &background, nullptr));
    background.finish();
    QCOMPARE(target.calls, readDirectly(text));
    QVERIFY2(target.rowsOffCaller > 0, "every row was handled on the reading thread");
}

// Through a device read a few bytes at a time, rows cut by a chunk's end are read again; the
// target still sees each once.
void TestBackgroundRowHandler::deviceReadInSmallChunks()
{
    QByteArray text = mixedFile(3000, 13);
    QBuffer device(&text);
    QVERIFY(device.open(QIODevice::ReadOnly));
    Recorder target;
    BackgroundRowHandler background(&target, 512);
    QString error;
    QVERIFY2(CsvReader::read(&device, &background, &error, 7), qPrintable(error));
    background.finish();
    QCOMPARE(target.calls, readDirectly(text));
}

void TestBackgroundRowHandler::handlerFailureReachesFinish_data()
{
    QTest::addColumn<int>("batchBytes");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("throwAt");
    QTest::newRow("on the caller's thread")
        << int(BackgroundRowHandler::DefaultBatchBytes) << 10 << 5;
    QTest::newRow("on the handler's thread") << 256 << 5000 << 4000;
}

// What the target throws is rethrown by finish(), and no row after it reaches the target.
void TestBackgroundRowHandler::handlerFailureReachesFinish()
{
    QFETCH(int, batchBytes);
    QFETCH(int, rows);
    QFETCH(int, throwAt);

    QByteArray text = "x,y\n";
    for (int i = 0; i < rows; ++i)
        text += QByteArray::number(i) + ",1\n";
    Recorder target;
    target.throwAtRow = throwAt;
    BackgroundRowHandler background(&target, std::size_t(batchBytes));
    QVERIFY(CsvReader::read(QByteArrayView(text), &background, nullptr));
    bool thrown = false;
    try {
        background.finish();
    } catch (const std::runtime_error &failure) {
        thrown = QByteArray(failure.what()) == "the handler failed";
    }
    QVERIFY(thrown);
    QCOMPARE(target.calls.size(), throwAt);
    QCOMPARE(target.calls.last(),
             QStringLiteral("row %1 [%2|1] [1|1]").arg(throwAt).arg(throwAt - 2));
}

// A read that fails half-way drops the rows not yet handled: the handler's destructor returns
// without finish(), and what the target got is the file's first rows in order.
void TestBackgroundRowHandler::abandonedReadStopsTheThread()
{
    QByteArray text = "x,y\n";
    for (int i = 0; i < 20'000; ++i)
        text += QByteArray::number(i) + ",1\n";
    text += QByteArray("5,\0\n", 4);
    Recorder target;
    {
        BackgroundRowHandler background(&target, 1024);
        QString error;
        QVERIFY(!CsvReader::read(QByteArrayView(text), &background, &error));
        QCOMPARE(error, QStringLiteral("not a text file (binary data at line 20002)"));
    }
    QVERIFY(target.calls.size() <= 20'001);
    for (qsizetype i = 1; i < target.calls.size(); ++i)
        QCOMPARE(target.calls.at(i), QStringLiteral("row %1 [%2|1] [1|1]").arg(i + 1).arg(i - 1));
}

void TestBackgroundRowHandler::finishTwice()
{
    Recorder target;
    BackgroundRowHandler background(&target, 64);
    QVERIFY(CsvReader::read(QByteArrayView(mixedFile(200, 3)), &background, nullptr));
    background.finish();
    const qsizetype first = target.calls.size();
    QVERIFY(CsvReader::read(QByteArrayView(mixedFile(200, 3)), &background, nullptr));
    background.finish();
    QCOMPARE(target.calls.size(), 2 * first);
    QCOMPARE(target.calls.mid(first), target.calls.mid(0, first));
}

QTEST_GUILESS_MAIN(TestBackgroundRowHandler)
#include "tst_backgroundrowhandler.moc"
