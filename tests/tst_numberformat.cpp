#include "numberformat.h"

#include <QTest>

#include <clocale>
#include <cmath>
#include <limits>

class TestNumberFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortest_data();
    void shortest();
    void fixed_data();
    void fixed();
    void fixedOrWords();
    void decimalsOf_data();
    void decimalsOf();
    void parseFinite_data();
    void parseFinite();
    void ignoresTheCLocale();
    void whyNotFinite_data();
    void whyNotFinite();
};

void TestNumberFormat::shortest_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("withDecimal");

    QTest::newRow("tenth") << 0.1 << "0.1"
                           << "0.1";
    QTest::newRow("three tenths by product") << 3 * 0.1 << "0.30000000000000004"
                                             << "0.30000000000000004";
    QTest::newRow("whole") << 2.0 << "2"
                           << "2.0";
    QTest::newRow("negative whole") << -3.0 << "-3"
                                    << "-3.0";
    QTest::newRow("zero") << 0.0 << "0"
                          << "0.0";
    QTest::newRow("large") << 1e20 << "1e+20"
                           << "1.0e+20";
    QTest::newRow("small") << 1.5e-7 << "1.5e-07"
                           << "1.5e-07";
}

void TestNumberFormat::shortest()
{
    QFETCH(double, value);
    QFETCH(QString, plain);
    QFETCH(QString, withDecimal);
    QCOMPARE(QString::fromStdString(NumberFormat::shortest(value)), plain);
    QCOMPARE(QString::fromStdString(NumberFormat::shortestWithDecimal(value)), withDecimal);
}

void TestNumberFormat::fixed_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("text");

    QTest::newRow("56/3") << 56.0 / 3.0 << 2 << "18.67";
    QTest::newRow("zero") << 0.0 << 2 << "0.00";
    QTest::newRow("exact tie rounds to even") << 0.125 << 2 << "0.12";
    QTest::newRow("0.30000000000000004 to one") << 3 * 0.1 << 1 << "0.3";
    QTest::newRow("3.9999999999999996 to one") << 3.9999999999999996 << 1 << "4.0";
    QTest::newRow("negative") << -1.005 << 1 << "-1.0";
}

void TestNumberFormat::fixed()
{
    QFETCH(double, value);
    QFETCH(int, decimals);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(NumberFormat::fixed(value, decimals)), text);
}

void TestNumberFormat::decimalsOf_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("decimals");

    QTest::newRow("0.1") << 0.1 << 1;
    QTest::newRow("0.25") << 0.25 << 2;
    QTest::newRow("5") << 5.0 << 0;
    QTest::newRow("1e-7") << 1e-7 << 7;
    QTest::newRow("1.5e-7") << 1.5e-7 << 8;
    QTest::newRow("1e20") << 1e20 << 0;
    QTest::newRow("-0.05") << -0.05 << 2;
}

void TestNumberFormat::decimalsOf()
{
    QFETCH(double, value);
    QFETCH(int, decimals);
    QCOMPARE(NumberFormat::decimalsOf(value), decimals);
}

void TestNumberFormat::parseFinite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");

    QTest::newRow("decimal") << "1.5" << true << 1.5;
    QTest::newRow("blanks around") << "  2 \t" << true << 2.0;
    QTest::newRow("plus sign") << "+4" << true << 4.0;
    QTest::newRow("leading point") << ".5" << true << 0.5;
    QTest::newRow("exponent") << "-2e3" << true << -2000.0;
    QTest::newRow("negative zero") << "-0" << true << 0.0;
    QTest::newRow("empty") << "" << false << 0.0;
    QTest::newRow("blank") << "   " << false << 0.0;
    QTest::newRow("word") << "abc" << false << 0.0;
    QTest::newRow("decimal comma") << "1,5" << false << 0.0;
    QTest::newRow("trailing garbage") << "3x" << false << 0.0;
    QTest::newRow("two signs") << "+-1" << false << 0.0;
    QTest::newRow("nan") << "nan" << false << 0.0;
    QTest::newRow("inf") << "inf" << false << 0.0;
    QTest::newRow("overflow") << "1e999" << false << 0.0;
    QTest::newRow("hex") << "0x10" << false << 0.0;
}

void TestNumberFormat::parseFinite()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);

    const auto parsed = NumberFormat::parseFinite(text.toStdString());
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, value);
}

void TestNumberFormat::whyNotFinite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("why");

    const QString small =
        QStringLiteral("is too small to represent as a number (below about 1e-308)");
    const QString large =
        QStringLiteral("is too large to represent as a number (above about 1.8e308)");
    const QString notNumber = QStringLiteral("is not a finite number");
    QTest::newRow("valid") << "1.5" << QString();
    QTest::newRow("subnormal") << "1e-310" << QString();
    QTest::newRow("underflow") << "1e-400" << small;
    QTest::newRow("negative underflow") << " -1e-400 " << small;
    QTest::newRow("underflow by leading zeros") << "0.00001e-320" << small;
    QTest::newRow("underflow by a huge exponent") << "1e-99999999999999999999999" << small;
    QTest::newRow("overflow") << "1e400" << large;
    QTest::newRow("negative overflow") << "-1e999" << large;
    QTest::newRow("overflow despite a negative exponent")
        << "1" + QString(420, u'0') + "e-10" << large;
    QTest::newRow("word") << "abc" << notNumber;
    QTest::newRow("inf") << "inf" << notNumber;
    QTest::newRow("nan") << "nan" << notNumber;
    QTest::newRow("trailing garbage") << "1e-400x" << notNumber;
}

void TestNumberFormat::whyNotFinite()
{
    QFETCH(QString, text);
    QFETCH(QString, why);
    QCOMPARE(QString::fromStdString(NumberFormat::whyNotFinite(text.toStdString())), why);
}

void TestNumberFormat::ignoresTheCLocale()
{
    if (!std::setlocale(LC_ALL, "de_DE.UTF-8"))
        QSKIP("the de_DE.UTF-8 locale is not installed");
    const auto parsed = NumberFormat::parseFinite("1.5");
    const std::string printed = NumberFormat::fixed(2.5, 1);
    std::setlocale(LC_ALL, "C");

    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, 1.5);
    QCOMPARE(QString::fromStdString(printed), QStringLiteral("2.5"));
}

void TestNumberFormat::fixedOrWords()
{
    // The grid's format: two decimals for the lesson's numbers, six significant digits past
    // 1e15 (fixed notation would print 1e200 with 201 digits), words where no number is.
    QCOMPARE(NumberFormat::fixedOrWords(56.0 / 3.0, 2), std::string("18.67"));
    QCOMPARE(NumberFormat::fixedOrWords(-0.001, 2), std::string("-0.00"));
    QCOMPARE(NumberFormat::fixedOrWords(999999999999999.0, 2), std::string("999999999999999.00"));
    QCOMPARE(NumberFormat::fixedOrWords(1e15, 2), std::string("1e+15"));
    QCOMPARE(NumberFormat::fixedOrWords(-3.9e200, 2), std::string("-3.9e+200"));
    QCOMPARE(NumberFormat::fixedOrWords(qInf(), 2), std::string("too large to represent"));
    QCOMPARE(NumberFormat::fixedOrWords(-qInf(), 2),
             std::string("negative and too large to represent"));
}

QTEST_GUILESS_MAIN(TestNumberFormat)
#include "tst_numberformat.moc"
