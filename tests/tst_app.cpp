#include "hostilefiles.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

// The built `losslab` executable end to end: exit statuses, the screenshot option and the
// same output under a German locale. The in-process suites check the numbers in detail.
class TestApp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exitStatuses_data();
    void exitStatuses();
    void gridIsTheSameInEveryLocale();
    void messagesSpeakTheLanguageAndDataStayAsTheyAre();
    void refusedFilesExitWithUsage_data();
    void refusedFilesExitWithUsage();
    void sessionRefusesColumnsEverywhere();
    void mistypedOptionWithoutADisplay();
    void screenshotOfTheLesson();
    void stopSignalsEndCleanly_data();
    void stopSignalsEndCleanly();
    void secondStopSignalEndsAtOnce();
    void screenshotOfAFile();

private:
    struct Result
    {
        int status = -1;
        QByteArray out;
        QByteArray err;
    };
    static Result run(const QStringList &arguments, const QString &locale = QString());
};

namespace {

QString dataFile(const QString &name)
{
    return QStringLiteral(LOSSLAB_TEST_DATA "/") + name;
}

} // namespace

TestApp::Result TestApp::run(const QStringList &arguments, const QString &locale)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The program's settings (the language chosen, the window's) are the test's own.
    static QTemporaryDir home;
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    if (!locale.isEmpty()) {
        environment.insert(QStringLiteral("LC_ALL"), locale);
        environment.insert(QStringLiteral("LANG"), locale);
    }
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOSSLAB_EXECUTABLE), arguments);
    Result result;
    if (!process.waitForFinished(60000))
        return result;
    result.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestApp::exitStatuses_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");

    QTest::newRow("grid") << QStringList {QStringLiteral("grid")} << 0;
    QTest::newRow("train") << QStringList {QStringLiteral("train"), QStringLiteral("--steps"),
                                           QStringLiteral("5")}
                           << 0;
    QTest::newRow("help") << QStringList {QStringLiteral("--help")} << 0;
    QTest::newRow("version") << QStringList {QStringLiteral("--version")} << 0;
    QTest::newRow("diverges") << QStringList {QStringLiteral("train"), QStringLiteral("--data"),
                                              dataFile(QStringLiteral("c01-unstable.csv")),
                                              QStringLiteral("--lr"), QStringLiteral("1e-3")}
                              << 3;
    QTest::newRow("zero lr") << QStringList {QStringLiteral("train"), QStringLiteral("--lr"),
                                             QStringLiteral("0")}
                             << 2;
    QTest::newRow("missing file") << QStringList {QStringLiteral("grid"), QStringLiteral("--data"),
                                                  QStringLiteral("missing.csv")}
                                  << 2;
    QTest::newRow("unknown window option") << QStringList {QStringLiteral("--bogus")} << 2;
    QTest::newRow("window on a missing file")
        << QStringList {QStringLiteral("missing.csv"), QStringLiteral("--screenshot"),
                        QStringLiteral("unused.png")}
        << 2;
}

void TestApp::exitStatuses()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);

    const Result result = run(arguments);
    QCOMPARE(result.status, status);
    if (status == 2) {
        QVERIFY(result.out.isEmpty());
        // Qt itself may warn first (for instance about XDG_RUNTIME_DIR when run as root).
        QVERIFY2(result.err.startsWith("losslab") || result.err.contains("\nlosslab"),
                 result.err.constData());
    }
}

void TestApp::gridIsTheSameInEveryLocale()
{
    const Result plain = run({QStringLiteral("grid")}, QStringLiteral("C"));
    const Result german = run({QStringLiteral("grid")}, QStringLiteral("de_DE.UTF-8"));
    QCOMPARE(plain.status, 0);
    QCOMPARE(german.status, 0);
    QVERIFY(plain.out.contains("MSE = 18.67\n"));
    QCOMPARE(german.out, plain.out);

    const QString file = dataFile(QStringLiteral("tutorial.csv"));
    const QStringList train = {QStringLiteral("train"), QStringLiteral("--data"), file,
                               QStringLiteral("--lr"), QStringLiteral("0.05")};
    QCOMPARE(run(train, QStringLiteral("de_DE.UTF-8")).out, run(train, QStringLiteral("C")).out);
}

// On a Chinese system the command line's messages are Chinese; what it prints on standard
// output is data, the same in every language.
void TestApp::messagesSpeakTheLanguageAndDataStayAsTheyAre()
{
    const QString chinese = QStringLiteral("zh_CN.UTF-8");
    const Result refused =
        run({QStringLiteral("train"), QStringLiteral("--lr"), QStringLiteral("0")}, chinese);
    QCOMPARE(refused.status, 2);
    const QString err = QString::fromUtf8(refused.err);
    QVERIFY2(err.contains(QStringLiteral("--lr")) && err.contains(QStringLiteral("不是正数")),
             qPrintable(err));
    QVERIFY(run({QStringLiteral("--help")}, chinese).out.contains("用法"));

    QCOMPARE(run({QStringLiteral("grid")}, chinese).out,
             run({QStringLiteral("grid")}, QStringLiteral("C")).out);
    const QStringList train = {QStringLiteral("train"), QStringLiteral("--data"),
                               dataFile(QStringLiteral("tutorial.csv")), QStringLiteral("--lr"),
                               QStringLiteral("0.05")};
    QCOMPARE(run(train, chinese).out, run(train, QStringLiteral("C")).out);
}

void TestApp::refusedFilesExitWithUsage_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("locale");
    for (const QString &locale : {QStringLiteral("C"), QStringLiteral("de_DE.UTF-8")}) {
        for (const HostileFile &file : hostileFiles()) {
            QTest::addRow("%s, %s", file.name, qPrintable(locale))
                << file.content << file.expected << locale;
        }
    }
}

void TestApp::refusedFilesExitWithUsage()
{
    // The files the window refuses: `grid`, `train` and the window's --screenshot exit with
    // status 2 and one line that names the file, the problem and, where there is one, the line.
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QFETCH(QString, locale);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    file.close();

    const QList<QStringList> commands = {
        {QStringLiteral("grid"), QStringLiteral("--data"), path},
        {QStringLiteral("train"), QStringLiteral("--data"), path},
        {path, QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("unused.png"))},
    };
    for (const QStringList &arguments : commands) {
        const Result result = run(arguments, locale);
        QCOMPARE(result.status, 2);
        QVERIFY(result.out.isEmpty());
        const QString err = QString::fromUtf8(result.err);
        QVERIFY2(err.contains(QStringLiteral("bad.csv: ") + expected), qPrintable(err));
    }
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("unused.png"))));
}

// A session keeps its columns: --x with a session is refused by the window as by train.
void TestApp::sessionRefusesColumnsEverywhere()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kept.losslab"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "losslab-session", "version": 1, "data": {"x": [1], "y": [2]}})");
    file.close();
    const QString png = dir.filePath(QStringLiteral("unused.png"));
    const QList<QStringList> commands = {
        {QStringLiteral("train"), QStringLiteral("--data"), path, QStringLiteral("--x"),
         QStringLiteral("a")},
        {path, QStringLiteral("--x"), QStringLiteral("a"), QStringLiteral("--screenshot"), png},
    };
    for (const QStringList &arguments : commands) {
        const Result result = run(arguments, QStringLiteral("C"));
        QCOMPARE(result.status, 2);
        const QString err = QString::fromUtf8(result.err);
        QVERIFY2(err.contains(QStringLiteral("kept.losslab: a session keeps the columns")),
                 qPrintable(err));
    }
    QVERIFY(!QFile::exists(png));
}

void TestApp::mistypedOptionWithoutADisplay()
{
    // With no display at all, a typo is still a clear usage error, not a Qt abort.
    for (const QString &argument : {QStringLiteral("--bogus"), QStringLiteral("frob")}) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(LOSSLAB_EXECUTABLE), {argument});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 2);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.startsWith("losslab: ") && err.count('\n') == 1, err.constData());
        QVERIFY(err.contains(argument.toUtf8()));
    }
}

void TestApp::stopSignalsEndCleanly_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("signalNumber");

    const QStringList train = {QStringLiteral("train"), QStringLiteral("--steps"),
                               QStringLiteral("100000000"), QStringLiteral("--lr"),
                               QStringLiteral("1e-6")};
    QTest::newRow("train, SIGINT") << train << SIGINT;
    QTest::newRow("train, SIGTERM") << train << SIGTERM;
    QTest::newRow("window, SIGINT") << QStringList() << SIGINT;
    QTest::newRow("window, SIGTERM") << QStringList() << SIGTERM;
    // The signal comes while the window says it cannot open the file.
    const QStringList refused = {QStringLiteral(LOSSLAB_TEST_DATA "/truncated.losslab")};
    QTest::newRow("window on a refused file, SIGINT") << refused << SIGINT;
    QTest::newRow("window on a refused file, SIGTERM") << refused << SIGTERM;
}

void TestApp::stopSignalsEndCleanly()
{
    // SIGINT and SIGTERM stop the program as a user would: status 0, whole rows only, and no
    // Qt warning about threads or timers.
    QFETCH(QStringList, arguments);
    QFETCH(int, signalNumber);

    const bool window = arguments.value(0) != QLatin1String("train");
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // The window's settings and autosave go to a folder of the test's.
    QTemporaryDir home;
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LOSSLAB_EXECUTABLE), arguments);
    QVERIFY(process.waitForStarted());
    QTest::qWait(window ? 1500 : 300);
    QCOMPARE(process.state(), QProcess::Running);
    QCOMPARE(::kill(pid_t(process.processId()), signalNumber), 0);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    const QByteArray err = process.readAllStandardError();
    QVERIFY2(!err.contains("QThread") && !err.contains("QObject") && !err.contains("Timer"),
             err.constData());
    if (!window) {
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY(out.endsWith('\n'));
        const QList<QByteArray> lines = out.trimmed().split('\n');
        QVERIFY(lines.size() > 1);
        QCOMPARE(lines.last().count(','), 3);
        QVERIFY(err.contains("interrupted"));
    }
}

void TestApp::secondStopSignalEndsAtOnce()
{
    // Blocked reading a pipe that nobody writes to, the program cannot finish politely; a
    // second SIGINT ends it at once, with the shell's status for SIGINT.
#if defined(__SANITIZE_THREAD__)
    QSKIP("ThreadSanitizer's runtime holds signal handlers back while the program is blocked in "
          "read(), so no signal can reach it there");
#endif
    QProcess process;
    process.start(
        QStringLiteral(LOSSLAB_EXECUTABLE),
        {QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("/dev/stdin")});
    QVERIFY(process.waitForStarted());
    QTest::qWait(300);
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY(!process.waitForFinished(300)); // the first is a request, noted for later
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 128 + SIGINT);
}

void TestApp::screenshotOfTheLesson()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.png"));
    const Result result = run({QStringLiteral("--screenshot"), path});
    QCOMPARE(result.status, 0);
    const QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 800);
    QVERIFY(image.height() >= 600);
}

void TestApp::screenshotOfAFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gapminder.png"));
    const Result result =
        run({dataFile(QStringLiteral("gapminder-health-income.csv")), QStringLiteral("--x"),
             QStringLiteral("income"), QStringLiteral("--y"), QStringLiteral("health"),
             QStringLiteral("--screenshot"), path});
    QCOMPARE(result.status, 0);
    QVERIFY(!QImage(path).isNull());
}

QTEST_GUILESS_MAIN(TestApp)
#include "tst_app.moc"
