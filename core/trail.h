#pragma once

#include "trainingstep.h"

#include <vector>

// The steps of a training run kept for drawing, in bounded memory.
//
// Every step is kept until `capacity` are held; then every other one is dropped and from then
// on only every second step is kept, and so on (the stride doubles each time). The kept steps
// stay evenly spaced, the first step is always kept, and the latest step is always available
// through latest() and as the last element of points().
class Trail
{
public:
    explicit Trail(std::size_t capacity = 20000);

    void clear();
    void append(const TrainingStep &step);

    bool isEmpty() const { return m_kept.empty() && !m_hasLatest; }
    std::size_t capacity() const { return m_capacity; }
    qint64 stride() const { return m_stride; }
    const TrainingStep &latest() const { return m_latest; }

    // The kept steps followed by the latest one when it was not kept itself.
    std::vector<TrainingStep> points() const;

private:
    std::size_t m_capacity;
    qint64 m_stride = 1;
    std::vector<TrainingStep> m_kept;
    TrainingStep m_latest;
    bool m_hasLatest = false;
};
