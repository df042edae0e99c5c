#include "losssampler.h"

#include "lossfunction.h"

#include <QMetaObject>

#include <utility>

namespace {

// About a millisecond of point-by-point evaluations (see BENCHMARKS.md, row 3).
constexpr double cheapEvaluations = 1 << 21;

// The loss at every (w, b) of the grid into `losses`, row by row; gives up (returning false)
// as soon as `abandon` says so, which it is asked after every sample.
template<typename Abandon>
bool sampleInto(const Dataset &data, const Objective &objective, const std::vector<double> &ws,
                const std::vector<double> &bs, std::vector<double> &losses, Abandon abandon)
{
    losses.reserve(ws.size() * bs.size());
    for (const double b : bs) {
        for (const double w : ws) {
            losses.push_back(LossFunction::loss(data, objective, w, b));
            if (abandon())
                return false;
        }
    }
    return true;
}

} // namespace

LossSampler::LossSampler(QObject *parent)
    : QObject(parent)
{
}

LossSampler::~LossSampler()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::vector<double> LossSampler::sample(const Dataset &data, const Objective &objective,
                                        const std::vector<double> &ws,
                                        const std::vector<double> &bs)
{
    std::vector<double> losses;
    sampleInto(data, objective, ws, bs, losses, [] { return false; });
    return losses;
}

bool LossSampler::isCheap(const Dataset &data, const Objective &objective, std::size_t samples)
{
    if (objective.loss == LossKind::Mse && LossFunction::summary(data))
        return true;
    return double(data.size()) * double(samples) <= cheapEvaluations;
}

std::uint64_t LossSampler::request(Dataset data, const Objective &objective, std::vector<double> ws,
                                   std::vector<double> bs)
{
    std::uint64_t number = 0;
    {
        const std::lock_guard lock(m_mutex);
        number = ++m_latest;
        m_pending =
            Job {std::move(data), objective, Grid {std::move(ws), std::move(bs), {}, number}};
        m_busy = true;
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_all();
    return number;
}

void LossSampler::cancel()
{
    const std::lock_guard lock(m_mutex);
    m_cancelled = m_latest;
    m_pending.reset();
    m_result.reset();
    m_busy = false;
}

std::uint64_t LossSampler::latestRequest() const
{
    const std::lock_guard lock(m_mutex);
    return m_latest;
}

bool LossSampler::isBusy() const
{
    const std::lock_guard lock(m_mutex);
    return m_busy;
}

std::optional<LossSampler::Grid> LossSampler::takeResult()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_result, std::nullopt);
}

void LossSampler::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || m_pending; });
        if (m_stopping)
            return;
        Job job = std::move(*m_pending);
        m_pending.reset();
        lock.unlock();

        // Sample by sample, giving up as soon as the request is cancelled or the sampler ends
        // (a sample of a million points takes about a millisecond).
        Grid &grid = job.grid;
        const bool finished =
            sampleInto(job.data, job.objective, grid.ws, grid.bs, grid.losses, [this, &grid] {
                const std::lock_guard check(m_mutex);
                return m_stopping || grid.request <= m_cancelled;
            });

        lock.lock();
        if (!finished || grid.request <= m_cancelled)
            continue;
        m_result = std::move(grid);
        m_busy = m_pending.has_value();
        // Queued by name, so that `sampled` is emitted in the sampler's own thread (and
        // QSignalSpy and direct connections run there) and Qt, not this code, allocates the
        // event: its hand-over happens inside Qt, where ThreadSanitizer is told to look away.
        QMetaObject::invokeMethod(this, "sampled", Qt::QueuedConnection);
    }
}
