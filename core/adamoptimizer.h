#pragma once

#include "optimizer.h"

// Adam, following torch.optim.Adam's convention (weight_decay 0, maximize off), in torch's order
// of floating-point operations.
//
// t ← t + 1
// m ← β1·m + (1 − β1)·g
// v ← β2·v + (1 − β2)·g²
// bc1 = 1 − β1^t;  bc2 = 1 − β2^t;  step_size = lr / bc1
// amsgrad:     vmax ← max(vmax, v);  denom = √vmax / √bc2 + eps
// not amsgrad: denom = √v / √bc2 + eps
// p ← p − step_size·m / denom
//
// m, v and vmax start at 0; eps defaults to 1e-8. The state is "m", "v", "m̂" (m / bc1),
// "v̂" (v / bc2), "v max" (amsgrad only) and "effective step" (step_size·m / denom, what the
// last step subtracted from each parameter); steps() is t. A snapshot holds m, v, vmax and the
// effective step as buffers 0 to 3, and bc1 and bc2 of the last step as scalars 0 and 1.
class AdamOptimizer : public Optimizer
{
public:
    explicit AdamOptimizer(const OptimizerSettings &settings);

    void step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::VectorXd &gradient) override;
    void reset() override;
    std::vector<OptimizerStateEntry> state() const override;
    bool stateIsFinite() const override;
    qint64 steps() const override { return m_steps; }
    OptimizerSnapshot snapshot() const override;
    bool restore(const OptimizerSnapshot &snapshot) override;

private:
    Eigen::VectorXd m_m;
    Eigen::VectorXd m_v;
    Eigen::VectorXd m_vMax;
    Eigen::VectorXd m_effectiveStep;
    double m_biasCorrection1 = 1.0;
    double m_biasCorrection2 = 1.0;
    qint64 m_steps = 0;
};
