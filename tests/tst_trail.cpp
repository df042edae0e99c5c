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
    void statesStayWithTheirSteps();
    void truncateAfterGoesBackToAKeptStep();
    void assignKeepsTheSavedStride();
};

namespace {

TrainingStep stepAt(qint64 k)
{
    return {k, double(k), 0.0, 1.0 / double(k + 1), 0.0, 0.0};
}

// A state that names its step: k steps taken.
OptimizerSnapshot stateAt(qint64 k)
{
    OptimizerSnapshot state;
    state.kind = OptimizerKind::Momentum;
    state.steps = k;
    return state;
}

QList<qint64> stepsOf(const std::vector<TrainingStep> &points)
{
    QList<qint64> steps;
    for (const TrainingStep &point : points)
        steps.append(point.step);
    return steps;
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

void TestTrail::statesStayWithTheirSteps()
{
    // Through two doublings of the stride (capacity 8, steps 0…20: stride 4 keeps 0, 4, …, 20),
    // each kept step keeps its own state; the latest, 21, has the one set after the fact.
    Trail trail(8);
    for (qint64 k = 0; k <= 21; ++k) {
        if (trail.keeps(k))
            trail.append(stepAt(k), stateAt(k));
        else
            trail.append(stepAt(k));
    }
    trail.setLatestState(21, stateAt(21));
    trail.setLatestState(20, stateAt(99)); // not the latest: ignored
    QCOMPARE(trail.stride(), 4);
    QCOMPARE(stepsOf(trail.points()), (QList<qint64> {0, 4, 8, 12, 16, 20, 21}));
    const auto points = trail.points();
    const auto states = trail.states();
    QCOMPARE(states.size(), points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        QVERIFY(states[i].has_value());
        QCOMPARE(states[i]->steps, points[i].step);
    }
}

void TestTrail::truncateAfterGoesBackToAKeptStep()
{
    Trail trail(8);
    for (qint64 k = 0; k <= 9; ++k)
        trail.append(stepAt(k), stateAt(k));
    // Kept: 0, 2, 4, 6, 8 and the latest 9. Back to 5 is back to 4, the last kept before it.
    const auto kept = trail.truncateAfter(5);
    QVERIFY(kept.has_value());
    QCOMPARE(kept->first.step, 4);
    QCOMPARE(kept->second->steps, 4);
    QCOMPARE(trail.latest().step, 4);
    QCOMPARE(stepsOf(trail.points()), (QList<qint64> {0, 2, 4}));

    // Going on from there keeps the stride: 5 is the latest only, 6 is kept.
    trail.append(stepAt(5), stateAt(5));
    trail.append(stepAt(6), stateAt(6));
    trail.append(stepAt(7), stateAt(7));
    QCOMPARE(stepsOf(trail.points()), (QList<qint64> {0, 2, 4, 6, 7}));
    QCOMPARE(trail.states().back()->steps, 7);

    // At or after the latest nothing is dropped; before the first kept step nothing is found.
    QCOMPARE(trail.truncateAfter(100)->first.step, 7);
    QCOMPARE(stepsOf(trail.points()), (QList<qint64> {0, 2, 4, 6, 7}));
    QVERIFY(!trail.truncateAfter(-1).has_value());
    QCOMPARE(trail.latest().step, 7);
}

void TestTrail::assignKeepsTheSavedStride()
{
    // A saved trail of stride 4 with a latest step off the stride, and a state known only for
    // the first two steps.
    const std::vector<TrainingStep> steps = {stepAt(0), stepAt(4), stepAt(8), stepAt(10)};
    Trail trail(100);
    trail.assign(4, steps, {stateAt(0), std::nullopt});
    QCOMPARE(trail.stride(), 4);
    QCOMPARE(stepsOf(trail.points()), (QList<qint64> {0, 4, 8, 10}));
    const auto states = trail.states();
    QCOMPARE(states.size(), std::size_t(4));
    QCOMPARE(states[0]->steps, 0);
    QVERIFY(!states[1] && !states[2] && !states[3]);

    // The next steps follow the stride: 11 is not kept, 12 is.
    QVERIFY(!trail.keeps(11));
    QVERIFY(trail.keeps(12));
}
