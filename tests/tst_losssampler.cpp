#include "dataset.h"
#include "lossfunction.h"
#include "losssampler.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>

// LossSampler: a grid sampled on its thread is the loss at each of its (w, b), exactly as
// LossFunction gives it; the latest request is always reported, the ones it replaced never;
// a cancelled request is not reported; destroying the sampler in the middle of a grid neither
// hangs nor reports.
class TestLossSampler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleHereAndNow();
    void cheapness();
    void sampledOnItsThread();
    void latestRequestWins();
    void cancelledRequestIsNotReported();
    void destroyedWhileSampling();
};

namespace {

Dataset randomData(std::size_t n)
{
    QRandomGenerator random(3);
    std::vector<double> xs(n);
    std::vector<double> ys(n);
    for (std::size_t i = 0; i < n; ++i) {
        xs[i] = random.bounded(10.0);
        ys[i] = 2.0 * xs[i] + 1.0 + random.bounded(1.0);
    }
    return Dataset(std::move(xs), std::move(ys));
}

Objective mae()
{
    Objective objective;
    objective.model = ModelKind::Line;
    objective.loss = LossKind::Mae;
    return objective;
}

} // namespace

void TestLossSampler::sampleHereAndNow()
{
    // The lesson at (w, b) = (1, 0), (2, 0), (1, 1), (2, 1) with the line's MSE: residuals
    // −1, −2, −3 → 14/3; 0 → 0; 0, −1, −2 → 5/3; 1, 1, 1 → 1.
    Objective line;
    line.model = ModelKind::Line;
    const std::vector<double> losses =
        LossSampler::sample(Dataset::lesson(), line, {1.0, 2.0}, {0.0, 1.0});
    QCOMPARE(losses.size(), std::size_t(4));
    QCOMPARE(losses[0], 14.0 / 3.0);
    QCOMPARE(losses[1], 0.0);
    QCOMPARE(losses[2], 5.0 / 3.0);
    QCOMPARE(losses[3], 1.0);
}

void TestLossSampler::cheapness()
{
    QVERIFY(LossSampler::isCheap(Dataset::lesson(), mae(), 10800));
    QVERIFY(LossSampler::isCheap(randomData(100000), Objective(), 10800)); // MSE: moments
    QVERIFY(!LossSampler::isCheap(randomData(100000), mae(), 401));
}

void TestLossSampler::sampledOnItsThread()
{
    const Dataset data = randomData(20000);
    const std::vector<double> ws = {0.5, 1.0, 2.0, 3.5};
    const std::vector<double> bs = {-1.0, 0.0, 2.0};
    LossSampler sampler;
    QSignalSpy spy(&sampler, &LossSampler::sampled);
    const auto number = sampler.request(data, mae(), ws, bs);
    QCOMPARE(sampler.latestRequest(), number);
    QVERIFY(spy.wait(10000));
    QVERIFY(!sampler.isBusy());
    const auto grid = sampler.takeResult();
    QVERIFY(grid);
    QCOMPARE(grid->request, number);
    QCOMPARE(grid->ws, ws);
    QCOMPARE(grid->bs, bs);
    QCOMPARE(grid->losses, LossSampler::sample(data, mae(), ws, bs));
    QVERIFY(!sampler.takeResult()); // once
}

void TestLossSampler::latestRequestWins()
{
    // Three requests in a row on a grid that takes a while: the one being sampled is
    // finished, one waiting is replaced by the next, and the third is reported last.
    const Dataset data = randomData(200000);
    const std::vector<double> ws = LossFunction::evenlySpaced(0.0, 4.0, 100);
    LossSampler sampler;
    std::vector<std::uint64_t> reported;
    connect(&sampler, &LossSampler::sampled, this, [&] {
        if (const auto grid = sampler.takeResult()) {
            reported.push_back(grid->request);
            QCOMPARE(grid->losses, LossSampler::sample(data, mae(), ws, grid->bs));
        }
    });
    const auto first = sampler.request(data, mae(), ws, {0.0});
    const auto second = sampler.request(data, mae(), ws, {1.0});
    const auto last = sampler.request(data, mae(), ws, {2.0});
    QVERIFY(first < second && second < last);
    QTRY_VERIFY_WITH_TIMEOUT(!reported.empty() && reported.back() == last, 20000);
    QVERIFY(!sampler.isBusy());
    // Whichever of the first two was being sampled when the third came, at most it and the
    // third are reported, in order.
    QVERIFY(reported.size() <= 2);
    QVERIFY(std::is_sorted(reported.begin(), reported.end()));
}

void TestLossSampler::cancelledRequestIsNotReported()
{
    const Dataset data = randomData(200000);
    LossSampler sampler;
    QSignalSpy spy(&sampler, &LossSampler::sampled);
    sampler.request(data, mae(), LossFunction::evenlySpaced(0.0, 4.0, 50), {0.0, 1.0});
    sampler.cancel();
    QVERIFY(!sampler.isBusy());
    QTest::qWait(300);
    QCOMPARE(spy.count(), 0);
    QVERIFY(!sampler.takeResult());
}

void TestLossSampler::destroyedWhileSampling()
{
    // A grid of about a second: destroying the sampler abandons it within a row.
    auto sampler = std::make_unique<LossSampler>();
    QSignalSpy spy(sampler.get(), &LossSampler::sampled);
    sampler->request(randomData(500000), mae(), LossFunction::evenlySpaced(0.0, 4.0, 40),
                     LossFunction::evenlySpaced(-1.0, 1.0, 40));
    QTest::qWait(20);
    QVERIFY(sampler->isBusy());
    sampler.reset();
    QCOMPARE(spy.count(), 0);
}

QTEST_GUILESS_MAIN(TestLossSampler)
#include "tst_losssampler.moc"
