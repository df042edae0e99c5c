#pragma once

#include "optimizer.h"
#include "trainingstep.h"

#include <optional>
#include <vector>

// The steps of a training run kept for drawing and for going back to, in bounded memory.
//
// Every step is kept until `capacity` are held; then every other one is dropped and from then
// on only every second step is kept, and so on (the stride doubles each time). The kept steps
// stay evenly spaced, the first step is always kept, and the latest step is always available
// through latest() and as the last element of points().
//
// Each kept step may carry the optimizer's state after it (empty: unknown), so that training
// can go back to it (see TrainingController::continueFrom()); keeps() says which steps are
// worth a snapshot, so that one is taken only for them.
class Trail
{
public:
    using State = std::optional<OptimizerSnapshot>;

    explicit Trail(std::size_t capacity = 20000);

    void clear();
    // Whether append() would keep `step` (the latest step is available either way).
    bool keeps(qint64 step) const { return step % m_stride == 0; }
    // Appends the next step, with the optimizer's state after it when known.
    void append(const TrainingStep &step, const State &state = std::nullopt);
    // The optimizer's state after latest() when it was not kept, taken after the fact; ignored
    // when latest() is not `step` (a kept step keeps the state it was appended with).
    void setLatestState(qint64 step, const State &state);
    // Starts again from `steps` kept `stride` apart and their states (`states` may be shorter:
    // the missing ones are unknown), as a saved trail holds them.
    void assign(qint64 stride, const std::vector<TrainingStep> &steps,
                const std::vector<State> &states);
    // Drops every step after `step`; the last kept step at or before it becomes the latest, and
    // is returned with its state. Nothing when no step is kept at or before it (the trail is
    // left as it was).
    std::optional<std::pair<TrainingStep, State>> truncateAfter(qint64 step);

    bool isEmpty() const { return m_kept.empty() && !m_hasLatest; }
    std::size_t capacity() const { return m_capacity; }
    qint64 stride() const { return m_stride; }
    const TrainingStep &latest() const { return m_latest; }

    // The kept steps followed by the latest one when it was not kept itself.
    std::vector<TrainingStep> points() const;
    // The optimizer's state after each of points().
    std::vector<State> states() const;

private:
    bool latestIsKept() const;

    std::size_t m_capacity;
    qint64 m_stride = 1;
    std::vector<TrainingStep> m_kept;
    std::vector<State> m_keptStates; // one per kept step
    TrainingStep m_latest;
    State m_latestState;
    bool m_hasLatest = false;
};
