#include "trail.h"

#include <algorithm>

Trail::Trail(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 2))
{
    m_kept.reserve(m_capacity);
    m_keptStates.reserve(m_capacity);
}

void Trail::clear()
{
    m_kept.clear();
    m_keptStates.clear();
    m_stride = 1;
    m_hasLatest = false;
    m_latestState.reset();
}

void Trail::append(const TrainingStep &step, const State &state)
{
    m_latest = step;
    m_latestState = state;
    m_hasLatest = true;
    if (step.step % m_stride != 0)
        return;

    while (m_kept.size() >= m_capacity && m_stride < (qint64(1) << 60)) {
        m_stride *= 2;
        // Both lists lose the same entries: the steps off the new stride.
        std::size_t kept = 0;
        for (std::size_t i = 0; i < m_kept.size(); ++i) {
            if (m_kept[i].step % m_stride != 0)
                continue;
            m_kept[kept] = m_kept[i];
            m_keptStates[kept] = m_keptStates[i];
            ++kept;
        }
        m_kept.resize(kept);
        m_keptStates.resize(kept);
        if (step.step % m_stride != 0)
            return;
    }
    m_kept.push_back(step);
    m_keptStates.push_back(state);
}

void Trail::setLatestState(qint64 step, const State &state)
{
    if (!m_hasLatest || m_latest.step != step)
        return;
    m_latestState = state;
}

void Trail::assign(qint64 stride, const std::vector<TrainingStep> &steps,
                   const std::vector<State> &states)
{
    clear();
    m_stride = std::max<qint64>(stride, 1);
    for (std::size_t i = 0; i < steps.size(); ++i)
        append(steps[i], i < states.size() ? states[i] : std::nullopt);
}

std::optional<std::pair<TrainingStep, Trail::State>> Trail::truncateAfter(qint64 step)
{
    if (m_hasLatest && m_latest.step <= step)
        return std::make_pair(m_latest, latestIsKept() ? m_keptStates.back() : m_latestState);
    const auto after =
        std::upper_bound(m_kept.begin(), m_kept.end(), step,
                         [](qint64 value, const TrainingStep &kept) { return value < kept.step; });
    if (after == m_kept.begin())
        return std::nullopt;
    const auto count = std::size_t(after - m_kept.begin());
    m_kept.resize(count);
    m_keptStates.resize(count);
    m_latest = m_kept.back();
    m_latestState = m_keptStates.back();
    m_hasLatest = true;
    return std::make_pair(m_latest, m_latestState);
}

bool Trail::latestIsKept() const
{
    return !m_kept.empty() && m_kept.back() == m_latest;
}

std::vector<TrainingStep> Trail::points() const
{
    std::vector<TrainingStep> points = m_kept;
    if (m_hasLatest && !latestIsKept())
        points.push_back(m_latest);
    return points;
}

std::vector<Trail::State> Trail::states() const
{
    std::vector<State> states = m_keptStates;
    if (m_hasLatest && !latestIsKept())
        states.push_back(m_latestState);
    return states;
}
