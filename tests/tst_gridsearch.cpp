#include "dataset.h"
#include "gridsearch.h"

#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <sstream>

// The lesson's printout, checked against values worked out by hand: MSE(w) = 14/3·(w − 2)².
class TestGridSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gridIsBuiltByIndex();
    void gridNeverPassesTheEnd_data();
    void gridNeverPassesTheEnd();
    void gridValidation_data();
    void gridValidation();
    void reportFirstBlocks();
    void reportHas41CleanLabels();
    void minimumIsExactlyZeroAtTwo();
    void labelDecimalsFollowTheStep_data();
    void labelDecimalsFollowTheStep();
    void zeroXTies();
    void blockShowsItsFirstPoints();
    void writeStreamsTheReport();
    void csvHasEveryDigit();
    void hugeWIsLabelledShortly();
};

void TestGridSearch::gridIsBuiltByIndex()
{
    const auto grid = GridSearch::grid(0.0, 4.0, 0.1);
    QCOMPARE(grid.size(), std::size_t(41));
    QCOMPARE(grid.front(), 0.0);
    QCOMPARE(grid[3], 0.3); // not 0.30000000000000004
    QCOMPARE(grid[7], 0.7);
    QCOMPARE(grid[20], 2.0);
    QCOMPARE(grid.back(), 4.0);
}

void TestGridSearch::gridNeverPassesTheEnd_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("count");
    QTest::addColumn<double>("last");

    // ⌊(to − from)/step⌋ + 1 points: 1/0.4 = 2.5 → 3 points, the last 0.8 (not 1.2).
    QTest::newRow("0 to 1 by 0.4") << 0.0 << 1.0 << 0.4 << 3 << 0.8;
    QTest::newRow("0 to 1 by 0.6") << 0.0 << 1.0 << 0.6 << 2 << 0.6;
    QTest::newRow("0 to 0.25 by 0.1") << 0.0 << 0.25 << 0.1 << 3 << 0.2;
    // 0.3/0.1 is 2.9999999999999996 in doubles: still 4 points, ending on 0.3.
    QTest::newRow("0 to 0.3 by 0.1") << 0.0 << 0.3 << 0.1 << 4 << 0.3;
    QTest::newRow("lesson") << 0.0 << 4.0 << 0.1 << 41 << 4.0;
}

void TestGridSearch::gridNeverPassesTheEnd()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(double, step);
    QFETCH(int, count);
    QFETCH(double, last);

    const auto grid = GridSearch::grid(from, to, step);
    QCOMPARE(int(grid.size()), count);
    QCOMPARE(grid.back(), last);
    QVERIFY(grid.back() <= to);
}

void TestGridSearch::gridValidation_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<double>("step");
    QTest::addColumn<bool>("valid");

    QTest::newRow("lesson") << 0.0 << 4.0 << 0.1 << true;
    QTest::newRow("single point") << 1.0 << 1.0 << 0.1 << true;
    QTest::newRow("zero step") << 0.0 << 4.0 << 0.0 << false;
    QTest::newRow("negative step") << 0.0 << 4.0 << -0.1 << false;
    QTest::newRow("reversed") << 4.0 << 0.0 << 0.1 << false;
    QTest::newRow("nan step") << 0.0 << 4.0 << qQNaN() << false;
    QTest::newRow("infinite end") << 0.0 << qInf() << 0.1 << false;
    QTest::newRow("too many points") << 0.0 << 1.0 << 1e-9 << false;
}

void TestGridSearch::gridValidation()
{
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(double, step);
    QFETCH(bool, valid);

    QString error;
    QCOMPARE(GridSearch::validate(from, to, step, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
    QCOMPARE(GridSearch::grid(from, to, step).empty(), !valid);
}

void TestGridSearch::reportFirstBlocks()
{
    const QString report = GridSearch::report(Dataset::lesson(), 0.0, 4.0, 0.1);
    // w = 0: predictions 0, squared errors 4, 16, 36, MSE 56/3 = 18.67.
    // w = 0.1: predictions 0.1, 0.2, 0.3; squared errors 1.9² = 3.61, 3.8² = 14.44,
    // 5.7² = 32.49; MSE 50.54/3 = 16.846… → 16.85.
    const QString expected = QStringLiteral("w = 0.0\n"
                                            "\tx:1.0, y:2.0, y_pred:0.00, loss:4.00\n"
                                            "\tx:2.0, y:4.0, y_pred:0.00, loss:16.00\n"
                                            "\tx:3.0, y:6.0, y_pred:0.00, loss:36.00\n"
                                            "MSE = 18.67\n"
                                            "\n"
                                            "w = 0.1\n"
                                            "\tx:1.0, y:2.0, y_pred:0.10, loss:3.61\n"
                                            "\tx:2.0, y:4.0, y_pred:0.20, loss:14.44\n"
                                            "\tx:3.0, y:6.0, y_pred:0.30, loss:32.49\n"
                                            "MSE = 16.85\n"
                                            "\n");
    QVERIFY(report.startsWith(expected));
    // w = 4: predictions 4, 8, 12; squared errors 4, 16, 36 again.
    QVERIFY(report.endsWith(QStringLiteral("w = 4.0\n"
                                           "\tx:1.0, y:2.0, y_pred:4.00, loss:4.00\n"
                                           "\tx:2.0, y:4.0, y_pred:8.00, loss:16.00\n"
                                           "\tx:3.0, y:6.0, y_pred:12.00, loss:36.00\n"
                                           "MSE = 18.67\n"
                                           "\n")));
}

void TestGridSearch::reportHas41CleanLabels()
{
    const QString report = GridSearch::report(Dataset::lesson(), 0.0, 4.0, 0.1);
    static const QRegularExpression label(QStringLiteral("^w = (.*)$"),
                                          QRegularExpression::MultilineOption);
    QStringList labels;
    for (auto it = label.globalMatch(report); it.hasNext();)
        labels.append(it.next().captured(1));

    QCOMPARE(labels.size(), 41);
    for (int i = 0; i < 41; ++i)
        QCOMPARE(labels[i], QStringLiteral("%1.%2").arg(i / 10).arg(i % 10));
    QCOMPARE(report.count(QStringLiteral("MSE = ")), 41);
}

void TestGridSearch::minimumIsExactlyZeroAtTwo()
{
    const auto best = GridSearch::bestW(Dataset::lesson(), 0.0, 4.0, 0.1);
    QVERIFY(best.has_value());
    QCOMPARE(*best, 2.0);
    QVERIFY(GridSearch::report(Dataset::lesson(), 0.0, 4.0, 0.1)
                .contains(QStringLiteral("w = 2.0\n"
                                         "\tx:1.0, y:2.0, y_pred:2.00, loss:0.00\n"
                                         "\tx:2.0, y:4.0, y_pred:4.00, loss:0.00\n"
                                         "\tx:3.0, y:6.0, y_pred:6.00, loss:0.00\n"
                                         "MSE = 0.00\n")));
}

void TestGridSearch::labelDecimalsFollowTheStep_data()
{
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("step");
    QTest::addColumn<int>("decimals");

    QTest::newRow("lesson") << 0.0 << 0.1 << 1;
    QTest::newRow("quarter") << 0.0 << 0.25 << 2;
    QTest::newRow("whole step keeps one") << 0.0 << 1.0 << 1;
    QTest::newRow("start has more") << 0.05 << 0.1 << 2;
}

void TestGridSearch::labelDecimalsFollowTheStep()
{
    QFETCH(double, from);
    QFETCH(double, step);
    QFETCH(int, decimals);
    QCOMPARE(GridSearch::labelDecimals(from, step), decimals);
}

void TestGridSearch::zeroXTies()
{
    // All x zero: every w has MSE 14/3; the best is the first grid point.
    const Dataset zeroX({0, 0, 0}, {1, 2, 3});
    QCOMPARE(*GridSearch::bestW(zeroX, 0.0, 4.0, 0.1), 0.0);
    QVERIFY(!GridSearch::report(zeroX, 0.0, 4.0, 0.1).contains(QStringLiteral("nan")));
}

void TestGridSearch::blockShowsItsFirstPoints()
{
    // 25 points (x = 1 … 25, y = 2x) at w = 2: every loss 0, MSE 0. Two shown, 23 more.
    std::vector<double> xs;
    std::vector<double> ys;
    for (int i = 1; i <= 25; ++i) {
        xs.push_back(i);
        ys.push_back(2.0 * i);
    }
    const QString block = GridSearch::reportBlock(Dataset(xs, ys), 2.0, 1, 2);
    QCOMPARE(block,
             QStringLiteral("w = 2.0\n"
                            "\tx:1.0, y:2.0, y_pred:2.00, loss:0.00\n"
                            "\tx:2.0, y:4.0, y_pred:4.00, loss:0.00\n"
                            "\t… and 23 more points\n"
                            "MSE = 0.00\n\n"));
    // All of them by default.
    QCOMPARE(GridSearch::reportBlock(Dataset(xs, ys), 2.0, 1).count(QStringLiteral("\tx:")), 25);
}

void TestGridSearch::writeStreamsTheReport()
{
    std::ostringstream out;
    GridSearch::write(out, Dataset::lesson(), 0.0, 4.0, 0.1);
    QCOMPARE(QString::fromStdString(out.str()),
             GridSearch::report(Dataset::lesson(), 0.0, 4.0, 0.1));
    QVERIFY(out.str().starts_with("w = 0.0\n\tx:1.0, y:2.0, y_pred:0.00, loss:4.00\n"));
}

// With every digit, the CSV can be checked to 1e-12 against the formulas: prediction w·x,
// squared error (w·x − y)², MSE(w) = 14/3·(w − 2)², for the 41 w of the lesson's grid, each w
// written as its label (0.3, never 0.30000000000000004).
void TestGridSearch::csvHasEveryDigit()
{
    std::ostringstream out;
    GridSearch::writeCsv(out, Dataset::lesson(), 0.0, 4.0, 0.1);
    const QStringList lines = QString::fromStdString(out.str()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 41 * 3);
    QCOMPARE(lines.first(), QStringLiteral("w,x,y,prediction,squared_error,mse"));
    const auto near = [](double actual, double expected) {
        return std::fabs(actual - expected) <= 1e-12 * std::max(1.0, std::fabs(expected));
    };
    for (int row = 1; row < lines.size(); ++row) {
        const QStringList cells = lines[row].split(u',');
        QCOMPARE(cells.size(), 6);
        const int i = (row - 1) / 3;
        const double x = double((row - 1) % 3 + 1);
        QCOMPARE(cells[0], i % 10 == 0 ? QString::number(i / 10) : QString::number(i / 10.0));
        const double w = i / 10.0;
        QCOMPARE(cells[1].toDouble(), x);
        QCOMPARE(cells[2].toDouble(), 2.0 * x);
        QVERIFY2(near(cells[3].toDouble(), w * x), qPrintable(lines[row]));
        QVERIFY2(near(cells[4].toDouble(), (w * x - 2.0 * x) * (w * x - 2.0 * x)),
                 qPrintable(lines[row]));
        QVERIFY2(near(cells[5].toDouble(), 14.0 / 3.0 * (w - 2.0) * (w - 2.0)),
                 qPrintable(lines[row]));
    }
    // The bottom of the U is exactly 0, at w = 2.
    QCOMPARE(lines[1 + 20 * 3], QStringLiteral("2,1,2,2,0,0"));
}

// A w of 1e200 is labelled as such, not with the 201 digits of its fixed notation.
void TestGridSearch::hugeWIsLabelledShortly()
{
    const QString block = GridSearch::reportBlock(Dataset::lesson(), 1e200, 1);
    QVERIFY2(block.startsWith(QStringLiteral("w = 1e+200\n")), qPrintable(block.left(80)));
}

QTEST_GUILESS_MAIN(TestGridSearch)
#include "tst_gridsearch.moc"
