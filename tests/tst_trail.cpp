#include "trail.h"

#include <QTest>

class TestTrail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsEveryStepUpToCapacity();
    void decimatesEvenlyAndKeepsTheLatest();
    void staysBoundedOverALongRun();
    void clear();
};

namespace {

TrainingStep stepAt(qint64 k)
{
    return {k, double(k), 0.0, 1.0 / double(k + 1), 0.0, 0.0};
}

} // namespace

void TestTrail::keepsEveryStepUpToCapacity()
{
    Trail trail(8);
    for (qint64 k = 0; k < 8; ++k)
        trail.append(stepAt(k));
    const auto points = trail.points();
    QCOMPARE(points.size(), std::size_t(8));
    for (qint64 k = 0; k < 8; ++k)
        QCOMPARE(points[std::size_t(k)].step, k);
    QCOMPARE(trail.stride(), 1);
}

void TestTrail::decimatesEvenlyAndKeepsTheLatest()
{
    // Capacity 8: steps 0…7 fill it; step 8 doubles the stride to 2 (keeping 0, 2, 4, 6, 8);
    // 9 is skipped but is the latest.
    Trail trail(8);
    for (qint64 k = 0; k <= 9; ++k)
        trail.append(stepAt(k));
    QCOMPARE(trail.stride(), 2);
    const auto points = trail.points();
    const std::vector<qint64> expected = {0, 2, 4, 6, 8, 9};
    QCOMPARE(points.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(points[i].step, expected[i]);
    QCOMPARE(trail.latest().step, 9);
}

void TestTrail::staysBoundedOverALongRun()
{
    Trail trail(100);
    for (qint64 k = 0; k <= 1'000'000; ++k)
        trail.append(stepAt(k));
    const auto points = trail.points();
    QVERIFY(points.size() <= 101);
    QVERIFY(points.size() >= 50);
    QCOMPARE(points.front().step, 0);
    QCOMPARE(points.back().step, 1'000'000);
    for (std::size_t i = 1; i + 1 < points.size(); ++i)
        QCOMPARE(points[i].step - points[i - 1].step, trail.stride());
}

void TestTrail::clear()
{
    Trail trail(4);
    for (qint64 k = 0; k < 10; ++k)
        trail.append(stepAt(k));
    trail.clear();
    QVERIFY(trail.isEmpty());
    QVERIFY(trail.points().empty());
    QCOMPARE(trail.stride(), 1);
}

QTEST_GUILESS_MAIN(TestTrail)
#include "tst_trail.moc"
