#include "trail.h"

#include <algorithm>

Trail::Trail(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 2))
{
    m_kept.reserve(m_capacity);
}

void Trail::clear()
{
    m_kept.clear();
    m_stride = 1;
    m_hasLatest = false;
}

void Trail::append(const TrainingStep &step)
{
    m_latest = step;
    m_hasLatest = true;
    if (step.step % m_stride != 0)
        return;

    while (m_kept.size() >= m_capacity && m_stride < (qint64(1) << 60)) {
        m_stride *= 2;
        const auto offStride = [this](const TrainingStep &kept) {
            return kept.step % m_stride != 0;
        };
        m_kept.erase(std::remove_if(m_kept.begin(), m_kept.end(), offStride), m_kept.end());
        if (step.step % m_stride != 0)
            return;
    }
    m_kept.push_back(step);
}

std::vector<TrainingStep> Trail::points() const
{
    std::vector<TrainingStep> points = m_kept;
    if (m_hasLatest && (points.empty() || !(points.back() == m_latest)))
        points.push_back(m_latest);
    return points;
}
