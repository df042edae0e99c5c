#pragma once

#include "optimizer.h"

// RMSprop, following torch.optim.RMSprop's convention (weight_decay 0, maximize off).
//
// s ← α·s + (1 − α)·g²
// centered:     ḡ ← α·ḡ + (1 − α)·g;  avg = √(s − ḡ²) + eps
// not centered: avg = √s + eps
// momentum > 0: buf ← momentum·buf + g/avg;  p ← p − lr·buf
// otherwise:    p ← p − lr·g/avg
//
// s, ḡ and buf start at 0; eps defaults to 1e-8. In exact arithmetic s ≥ ḡ², so s − ḡ² is taken
// as 0 where rounding makes it negative (torch would take the root of the negative number and
// produce NaN). The state is "square average" (s), "gradient average" (ḡ, centered only) and
// "velocity" (buf, momentum > 0 only); steps() is torch's step count, which the rule does not
// use. A snapshot holds s, ḡ and buf as buffers 0, 1 and 2.
class RmspropOptimizer : public Optimizer
{
public:
    explicit RmspropOptimizer(const OptimizerSettings &settings);

    void step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::VectorXd &gradient) override;
    void reset() override;
    std::vector<OptimizerStateEntry> state() const override;
    bool stateIsFinite() const override;
    qint64 steps() const override { return m_steps; }
    OptimizerSnapshot snapshot() const override;
    bool restore(const OptimizerSnapshot &snapshot) override;

private:
    Eigen::VectorXd m_squareAverage;
    Eigen::VectorXd m_gradientAverage;
    Eigen::VectorXd m_velocity;
    qint64 m_steps = 0;
};
