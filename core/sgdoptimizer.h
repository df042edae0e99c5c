#pragma once

#include "optimizer.h"

// Gradient descent, with classical or Nesterov momentum, following torch.optim.SGD's convention
// (weight_decay 0, maximize off).
//
// gd:       p ← p − lr·g
// momentum: buf ← g at the first step (a copy, no dampening),
//           buf ← μ·buf + (1 − τ)·g afterwards;  p ← p − lr·buf
// nesterov: the same buf with τ = 0 (torch accepts no other dampening);  p ← p − lr·(g + μ·buf)
//
// μ is settings().momentum and τ settings().dampening. The state is "velocity" (buf) for momentum
// and nesterov; gd keeps none. A snapshot holds buf as buffer 0 (size 0 before the first step
// and for gd).
class SgdOptimizer : public Optimizer
{
public:
    // `settings.kind` is Gd, Momentum or Nesterov.
    explicit SgdOptimizer(const OptimizerSettings &settings);

    void step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::VectorXd &gradient) override;
    void reset() override;
    std::vector<OptimizerStateEntry> state() const override;
    bool stateIsFinite() const override;
    qint64 steps() const override { return m_steps; }
    OptimizerSnapshot snapshot() const override;
    bool restore(const OptimizerSnapshot &snapshot) override;

private:
    Eigen::VectorXd m_velocity;
    qint64 m_steps = 0;
};
