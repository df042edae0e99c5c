#include "commandline.h"
#include "sessionfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <sstream>

// The headless commands, run in-process. Expected numbers are worked out from the formulas:
// on the lesson, MSE(w) = 14/3·(w − 2)², gradient 28/3·(w − 2), w_k = 2 − 2·(1 − 28/3·lr)^k.
class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gridReproducesTheLesson();
    void gridOnAFile();
    void gridOnASession();
    void trainPrintsTheFirstRows();
    void trainStepsZeroPrintsTheStart();
    void trainStopsOnTolerance();
    void convergedStartTakesNoStep();
    void zeroXPrintsNoNegativeZero();
    void trainLineModel();
    void trainLineFromAGivenStart();
    void trainWithAdamAndMae();
    void trainDivergesWithStatus3();
    void badInputExits2_data();
    void badInputExits2();
    void tooLargeIsSaidInWords_data();
    void tooLargeIsSaidInWords();
    void windowOptions();
    void helpAndVersion();

private:
    struct Result
    {
        int status = 0;
        QString out;
        QString err;
    };
    static Result run(const QStringList &arguments);
    static QString dataFile(const QString &name);
};

TestCommandLine::Result TestCommandLine::run(const QStringList &arguments)
{
    std::ostringstream out;
    std::ostringstream err;
    Result result;
    result.status = CommandLine::run(arguments, out, err);
    result.out = QString::fromStdString(out.str());
    result.err = QString::fromStdString(err.str());
    return result;
}

QString TestCommandLine::dataFile(const QString &name)
{
    return QStringLiteral(LOSSLAB_TEST_DATA "/") + name;
}

void TestCommandLine::gridReproducesTheLesson()
{
    const Result result = run({QStringLiteral("grid")});
    QCOMPARE(result.status, 0);
    QVERIFY(result.err.isEmpty());
    QCOMPARE(result.out.count(QStringLiteral("w = ")), 41);
    QVERIFY(result.out.startsWith(QStringLiteral("w = 0.0\n"
                                                 "\tx:1.0, y:2.0, y_pred:0.00, loss:4.00\n"
                                                 "\tx:2.0, y:4.0, y_pred:0.00, loss:16.00\n"
                                                 "\tx:3.0, y:6.0, y_pred:0.00, loss:36.00\n"
                                                 "MSE = 18.67\n\n")));
    QVERIFY(result.out.contains(QStringLiteral("w = 2.0\n")));
    QVERIFY(result.out.contains(QStringLiteral("MSE = 0.00\n")));
    QVERIFY(!result.out.contains(QStringLiteral("0000000")));
    QVERIFY(result.out.endsWith(QStringLiteral("w = 4.0\n"
                                               "\tx:1.0, y:2.0, y_pred:4.00, loss:4.00\n"
                                               "\tx:2.0, y:4.0, y_pred:8.00, loss:16.00\n"
                                               "\tx:3.0, y:6.0, y_pred:12.00, loss:36.00\n"
                                               "MSE = 18.67\n\n")));
}

void TestCommandLine::gridOnAFile()
{
    // (2,1), (2,3), (2,5) from 1 to 2 by 0.5: MSE(w) = mean((2w − y)²).
    // w = 1.5: residuals 2, 0, −2 → MSE 8/3 = 2.67.
    const Result result = run({QStringLiteral("grid"), QStringLiteral("--data"),
                               dataFile(QStringLiteral("c06-same-x.csv")), QStringLiteral("--from"),
                               QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("2"),
                               QStringLiteral("--step"), QStringLiteral("0.5")});
    QCOMPARE(result.status, 0);
    QCOMPARE(result.out.count(QStringLiteral("w = ")), 3);
    QVERIFY(result.out.contains(QStringLiteral("w = 1.5\n"
                                               "\tx:2.0, y:1.0, y_pred:3.00, loss:4.00\n"
                                               "\tx:2.0, y:3.0, y_pred:3.00, loss:0.00\n"
                                               "\tx:2.0, y:5.0, y_pred:3.00, loss:4.00\n"
                                               "MSE = 2.67\n")));
}

// --data takes a session wherever it takes a CSV file: its points, with its warnings as notes.
void TestCommandLine::gridOnASession()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("same-x.losslab"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "losslab-session", "version": 1,
                   "data": {"file": "c06-same-x.csv", "xColumn": "x", "yColumn": "y",
                            "x": [2, 2, 2], "y": [1, 3, 5]}})");
    file.close();

    const QStringList range = {QStringLiteral("--from"), QStringLiteral("1"),
                               QStringLiteral("--to"),   QStringLiteral("2"),
                               QStringLiteral("--step"), QStringLiteral("0.5")};
    const Result session =
        run(QStringList {QStringLiteral("grid"), QStringLiteral("--data"), path} + range);
    const Result csv = run(QStringList {QStringLiteral("grid"), QStringLiteral("--data"),
                                        dataFile(QStringLiteral("c06-same-x.csv"))}
                           + range);
    QCOMPARE(session.status, 0);
    QCOMPARE(session.out, csv.out);
    QVERIFY2(session.err.startsWith(QStringLiteral("losslab grid: note: missing model; using the "
                                                   "defaults\n")),
             qPrintable(session.err));

    const Result columns = run({QStringLiteral("grid"), QStringLiteral("--data"), path,
                                QStringLiteral("--x"), QStringLiteral("x")});
    QCOMPARE(columns.status, CommandLine::exitUsage);
    QVERIFY2(columns.err.contains(QStringLiteral("a session keeps the columns it was saved with")),
             qPrintable(columns.err));

    // A session without points has nothing to search or train on.
    const QString empty = dir.filePath(QStringLiteral("empty.losslab"));
    QFile emptyFile(empty);
    QVERIFY(emptyFile.open(QIODevice::WriteOnly));
    emptyFile.write(R"({"format": "losslab-session", "version": 1, "data": {"x": [], "y": []}})");
    emptyFile.close();
    for (const QString &command : {QStringLiteral("grid"), QStringLiteral("train")}) {
        const Result none = run({command, QStringLiteral("--data"), empty});
        QCOMPARE(none.status, CommandLine::exitUsage);
        QVERIFY2(none.err.contains(QStringLiteral("empty.losslab: the session has no points")),
                 qPrintable(none.err));
        QCOMPARE(none.out, QString());
    }
}

void TestCommandLine::trainPrintsTheFirstRows()
{
    const Result result =
        run({QStringLiteral("train"), QStringLiteral("--steps"), QStringLiteral("3")});
    QCOMPARE(result.status, 0);
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QStringLiteral("step,w,loss,grad_w"));

    const double factor = 1.0 - 28.0 / 3.0 * 0.01;
    for (int k = 0; k <= 3; ++k) {
        const QStringList cells = lines[k + 1].split(u',');
        QCOMPARE(cells.size(), 4);
        QCOMPARE(cells[0].toInt(), k);
        const double w = 2.0 - 2.0 * std::pow(factor, k);
        QVERIFY(std::fabs(cells[1].toDouble() - w) < 1e-13);
        QVERIFY(std::fabs(cells[2].toDouble() - 14.0 / 3.0 * (w - 2) * (w - 2)) < 1e-12);
        QVERIFY(std::fabs(cells[3].toDouble() - 28.0 / 3.0 * (w - 2)) < 1e-12);
    }
    // Row 0 is the start: w = 0, loss 56/3, gradient −56/3, each the shortest round-trip text.
    QCOMPARE(lines[1], QStringLiteral("0,0,18.666666666666668,-18.666666666666668"));
}

void TestCommandLine::trainStepsZeroPrintsTheStart()
{
    const Result result = run({QStringLiteral("train"), QStringLiteral("--steps"),
                               QStringLiteral("0"), QStringLiteral("--w0"), QStringLiteral("2")});
    QCOMPARE(result.status, 0);
    QCOMPARE(result.out, QStringLiteral("step,w,loss,grad_w\n0,2,0,0\n"));
}

void TestCommandLine::trainStopsOnTolerance()
{
    const Result result =
        run({QStringLiteral("train"), QStringLiteral("--steps"), QStringLiteral("100000"),
             QStringLiteral("--tol"), QStringLiteral("1e-8")});
    QCOMPARE(result.status, 0);
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    const double factor = 1.0 - 28.0 / 3.0 * 0.01;
    const auto expected = qint64(std::ceil(std::log(1e-8 / (56.0 / 3.0)) / std::log(factor)));
    QCOMPARE(lines.size(), int(expected) + 2);
    QVERIFY(lines.last().startsWith(QStringLiteral("%1,").arg(expected)));
}

void TestCommandLine::convergedStartTakesNoStep()
{
    // At w0 = 2 the gradient 28/3·(2 − 2) is 0, below any tolerance: only row 0 is printed.
    const Result result = run({QStringLiteral("train"), QStringLiteral("--w0"), QStringLiteral("2"),
                               QStringLiteral("--tol"), QStringLiteral("1e-6")});
    QCOMPARE(result.status, 0);
    QCOMPARE(result.out, QStringLiteral("step,w,loss,grad_w\n0,2,0,0\n"));
}

void TestCommandLine::zeroXPrintsNoNegativeZero()
{
    // All x = 0: the gradient (2/n)·Σ 0·(w·0 − y) is 0, printed as "0", never "-0".
    const Result result = run({QStringLiteral("train"), QStringLiteral("--data"),
                               dataFile(QStringLiteral("c06-zero-x.csv")),
                               QStringLiteral("--steps"), QStringLiteral("2")});
    QCOMPARE(result.status, 0);
    // MSE = (1 + 4 + 9)/3 = 14/3 whatever w is.
    QCOMPARE(result.out,
             QStringLiteral("step,w,loss,grad_w\n"
                            "0,0,4.666666666666667,0\n"
                            "1,0,4.666666666666667,0\n"
                            "2,0,4.666666666666667,0\n"));
}

void TestCommandLine::trainLineModel()
{
    // y = w·x + b on the lesson from (0, 0): r = −2, −4, −6, loss 56/3,
    // dL/dw = 2·(−2 − 8 − 18)/3 = −56/3, dL/db = 2·(−12)/3 = −8.
    const Result result =
        run({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("line"),
             QStringLiteral("--steps"), QStringLiteral("1")});
    QCOMPARE(result.status, 0);
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QStringLiteral("step,w,b,loss,grad_w,grad_b"));
    QCOMPARE(lines[1], QStringLiteral("0,0,0,18.666666666666668,-18.666666666666668,-8"));

    // One step of lr 0.01: w = 0.56/3, b = 0.08; then r = w·x + b − y.
    const double w = 0.56 / 3.0;
    const double b = 0.08;
    double loss = 0.0, gradW = 0.0, gradB = 0.0;
    for (int x = 1; x <= 3; ++x) {
        const double r = w * x + b - 2.0 * x;
        loss += r * r / 3.0;
        gradW += 2.0 * r * x / 3.0;
        gradB += 2.0 * r / 3.0;
    }
    const QStringList cells = lines[2].split(u',');
    QCOMPARE(cells.size(), 6);
    QCOMPARE(cells[0], QStringLiteral("1"));
    const double expected[] = {w, b, loss, gradW, gradB};
    for (int i = 0; i < 5; ++i)
        QVERIFY2(std::fabs(cells[i + 1].toDouble() - expected[i])
                     <= 1e-13 * std::max(1.0, std::fabs(expected[i])),
                 qPrintable(cells[i + 1]));
}

void TestCommandLine::trainLineFromAGivenStart()
{
    // --w0 2 --b0 1 on y = 2x: r = 1 at every point, loss 1, dL/dw = 2·(1 + 2 + 3)/3 = 4,
    // dL/db = 2.
    const Result result =
        run({QStringLiteral("train"), QStringLiteral("--model"), QStringLiteral("line"),
             QStringLiteral("--w0"), QStringLiteral("2"), QStringLiteral("--b0"),
             QStringLiteral("1"), QStringLiteral("--steps"), QStringLiteral("0")});
    QCOMPARE(result.status, 0);
    QCOMPARE(result.out, QStringLiteral("step,w,b,loss,grad_w,grad_b\n0,2,1,1,4,2\n"));
}

void TestCommandLine::trainWithAdamAndMae()
{
    // Adam's first step: m̂ = g and v̂ = g², so w1 = 0 − lr·g/(|g| + eps) with g = −56/3.
    const Result adam =
        run({QStringLiteral("train"), QStringLiteral("--optimizer"), QStringLiteral("adam"),
             QStringLiteral("--steps"), QStringLiteral("1")});
    QCOMPARE(adam.status, 0);
    const double g = -56.0 / 3.0;
    const double w1 = -0.01 * g / (std::fabs(g) + 1e-8);
    const QString row1 = adam.out.split(u'\n', Qt::SkipEmptyParts).value(2);
    QVERIFY2(std::fabs(row1.split(u',').value(1).toDouble() - w1) < 1e-16, qPrintable(row1));

    // MAE at w = 0: loss (2 + 4 + 6)/3 = 4, gradient mean(sign(−y)·x) = −2.
    const Result mae = run({QStringLiteral("train"), QStringLiteral("--loss"),
                            QStringLiteral("mae"), QStringLiteral("--steps"), QStringLiteral("0")});
    QCOMPARE(mae.out, QStringLiteral("step,w,loss,grad_w\n0,0,4,-2\n"));
}

void TestCommandLine::trainDivergesWithStatus3()
{
    // c01 with lr 1e-3: steps 1–4 are printed, step 5 explodes (see tst_trainer).
    const Result result = run({QStringLiteral("train"), QStringLiteral("--data"),
                               dataFile(QStringLiteral("c01-unstable.csv")), QStringLiteral("--lr"),
                               QStringLiteral("1e-3")});
    QCOMPARE(result.status, 3);
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QVERIFY(lines.last().startsWith(QStringLiteral("4,-749.00368")));
    QVERIFY(result.err.contains(QStringLiteral("Diverged at step 5")));
    QVERIFY(result.err.contains(QStringLiteral("lr < 0.00037037")));
    QVERIFY(!result.out.contains(QStringLiteral("nan")));
    QVERIFY(!result.out.contains(QStringLiteral("inf")));
}

void TestCommandLine::badInputExits2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    const QString grid = QStringLiteral("grid");
    const QString train = QStringLiteral("train");
    QTest::newRow("unknown option")
        << QStringList {grid, QStringLiteral("--bogus"), QStringLiteral("1")} << "--bogus";
    QTest::newRow("missing value") << QStringList {train, QStringLiteral("--lr")} << "--lr";
    QTest::newRow("given twice") << QStringList {train, QStringLiteral("--steps"),
                                                 QStringLiteral("1"), QStringLiteral("--steps=2")}
                                 << "--steps is given twice";
    QTest::newRow("missing file") << QStringList {train, QStringLiteral("--data"),
                                                  QStringLiteral("no-such-file.csv")}
                                  << "no-such-file.csv";
    QTest::newRow("zero step") << QStringList {grid, QStringLiteral("--step"), QStringLiteral("0")}
                               << "step";
    QTest::newRow("negative step")
        << QStringList {grid, QStringLiteral("--step"), QStringLiteral("-0.1")} << "step";
    QTest::newRow("reversed grid")
        << QStringList {grid, QStringLiteral("--from"), QStringLiteral("4"), QStringLiteral("--to"),
                        QStringLiteral("0")}
        << "below";
    QTest::newRow("zero lr") << QStringList {train, QStringLiteral("--lr"), QStringLiteral("0")}
                             << "--lr";
    QTest::newRow("negative lr") << QStringList {train, QStringLiteral("--lr=-1")} << "--lr";
    QTest::newRow("nan lr") << QStringList {train, QStringLiteral("--lr"), QStringLiteral("nan")}
                            << "--lr";
    QTest::newRow("infinite lr") << QStringList {train, QStringLiteral("--lr"),
                                                 QStringLiteral("inf")}
                                 << "--lr";
    QTest::newRow("lr too small to represent")
        << QStringList {train, QStringLiteral("--lr"), QStringLiteral("1e-400")}
        << "--lr: '1e-400' is too small to represent as a number (below about 1e-308)";
    QTest::newRow("w0 too small to represent")
        << QStringList {train, QStringLiteral("--w0"), QStringLiteral("1e-400")}
        << "--w0: '1e-400' is too small to represent as a number (below about 1e-308)";
    QTest::newRow("lr too large to represent")
        << QStringList {train, QStringLiteral("--lr"), QStringLiteral("1e400")}
        << "--lr: '1e400' is too large to represent as a number (above about 1.8e308)";
    QTest::newRow("steps not a number")
        << QStringList {train, QStringLiteral("--steps"), QStringLiteral("ten")} << "--steps";
    QTest::newRow("negative steps")
        << QStringList {train, QStringLiteral("--steps"), QStringLiteral("-5")} << "--steps";
    QTest::newRow("steps too large")
        << QStringList {train, QStringLiteral("--steps"), QStringLiteral("99999999999999999999")}
        << "too large";
    QTest::newRow("unknown model")
        << QStringList {train, QStringLiteral("--model"), QStringLiteral("cubic")} << "cubic";
    QTest::newRow("unknown loss") << QStringList {train, QStringLiteral("--loss"),
                                                  QStringLiteral("hinge")}
                                  << "hinge";
    QTest::newRow("unknown optimizer")
        << QStringList {train, QStringLiteral("--optimizer"), QStringLiteral("sgdx")} << "sgdx";
    QTest::newRow("zero delta") << QStringList {train, QStringLiteral("--delta"),
                                                QStringLiteral("0")}
                                << "--delta";
    QTest::newRow("bias without a line")
        << QStringList {train, QStringLiteral("--b0"), QStringLiteral("1")} << "--b0";
    QTest::newRow("beta1 of 1") << QStringList {
        train, QStringLiteral("--optimizer"), QStringLiteral("adam"), QStringLiteral("--beta1"),
        QStringLiteral("1")} << "--beta1";
    QTest::newRow("nesterov with dampening")
        << QStringList {train, QStringLiteral("--optimizer"), QStringLiteral("nesterov"),
                        QStringLiteral("--dampening"), QStringLiteral("0.5")}
        << "nesterov";
    QTest::newRow("stray argument") << QStringList {train, QStringLiteral("extra")} << "extra";
    QTest::newRow("unknown column")
        << QStringList {grid, QStringLiteral("--data"), dataFile(QStringLiteral("tutorial.csv")),
                        QStringLiteral("--x"), QStringLiteral("nope")}
        << "nope";
    QTest::newRow("line break in a value")
        << QStringList {train, QStringLiteral("--lr"), QStringLiteral("1e-3\n--tol=1e-9")}
        << "'1e-3 --tol=1e-9'";
    QTest::newRow("line break in an option")
        << QStringList {grid, QStringLiteral("--a\nb")} << "--a b";
    QTest::newRow("columns without data")
        << QStringList {train, QStringLiteral("--x"), QStringLiteral("1")} << "--data";
}

void TestCommandLine::badInputExits2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    const Result result = run(arguments);
    QCOMPARE(result.status, 2);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(result.err.count(u'\n'), 1);
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
}

void TestCommandLine::tooLargeIsSaidInWords_data()
{
    // Losses past the largest double, which once printed "inf" as a number: train refuses a
    // start it cannot represent (status 3, why on stderr, the header alone on stdout); grid
    // writes the words in the row.
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    const QString grid = QStringLiteral("grid");
    const QString train = QStringLiteral("train");
    QTest::newRow("start too far for the loss")
        << QStringList {train, QStringLiteral("--w0"), QStringLiteral("1e300")} << 3;
    QTest::newRow("line start too far for the loss")
        << QStringList {train, QStringLiteral("--model"), QStringLiteral("line"),
                        QStringLiteral("--b0"), QStringLiteral("-1e300")}
        << 3;
    QTest::newRow("grid too far for the loss")
        << QStringList {grid, QStringLiteral("--from"), QStringLiteral("1e200"),
                        QStringLiteral("--to"), QStringLiteral("1e200")}
        << 0;
    QTest::newRow("grid end too far for the data")
        << QStringList {grid, QStringLiteral("--data"), dataFile(QStringLiteral("fuzz/huge-x.csv"))}
        << 0;
}

void TestCommandLine::tooLargeIsSaidInWords()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    const Result result = run(arguments);
    QCOMPARE(result.status, status);
    for (const QString &text : {result.out, result.err}) {
        QVERIFY2(!text.contains(QStringLiteral("inf"), Qt::CaseInsensitive)
                     && !text.contains(QStringLiteral("nan"), Qt::CaseInsensitive),
                 qPrintable(text));
    }
    QVERIFY2((result.out + result.err).contains(QStringLiteral("too large to represent")),
             qPrintable(result.out + result.err));
}

void TestCommandLine::windowOptions()
{
    QString error;
    const auto options = CommandLine::parseWindowOptions(
        {QStringLiteral("data.csv"), QStringLiteral("--x"), QStringLiteral("income"),
         QStringLiteral("--y=2"), QStringLiteral("--screenshot"), QStringLiteral("out.png")},
        &error);
    QVERIFY(options.has_value());
    QCOMPARE(options->dataFile, QStringLiteral("data.csv"));
    QCOMPARE(options->xColumn, QStringLiteral("income"));
    QCOMPARE(options->yColumn, QStringLiteral("2"));
    QCOMPARE(options->screenshot, QStringLiteral("out.png"));

    QVERIFY(
        !CommandLine::parseWindowOptions({QStringLiteral("--zoom"), QStringLiteral("2")}, &error));
    QVERIFY(error.contains(QStringLiteral("--zoom")));
    QVERIFY(!CommandLine::parseWindowOptions({QStringLiteral("a.csv"), QStringLiteral("b.csv")},
                                             &error));

    // An argument with a line break in it is quoted on one line.
    QVERIFY(!CommandLine::checkWindowArguments({QStringLiteral("\n")}, &error));
    QCOMPARE(error.left(3), QStringLiteral(" : "));
    QVERIFY(!CommandLine::parseWindowOptions({QStringLiteral("--a\rb")}, &error));
    QCOMPARE(error, QStringLiteral("unknown option --a b"));

    QVERIFY(CommandLine::isHeadless({QStringLiteral("grid")}));
    QVERIFY(!CommandLine::isHeadless({QStringLiteral("data.csv")}));
    QVERIFY(!CommandLine::isHeadless({}));
}

void TestCommandLine::helpAndVersion()
{
    const Result help = run({QStringLiteral("--help")});
    QCOMPARE(help.status, 0);
    QVERIFY(help.out.contains(QStringLiteral("losslab grid")));
    QVERIFY(help.out.contains(QStringLiteral("losslab train")));
    const Result version = run({QStringLiteral("--version")});
    QCOMPARE(version.status, 0);
    QCOMPARE(version.out, QStringLiteral("losslab %1\n").arg(CommandLine::version()));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
