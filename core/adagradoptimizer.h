#pragma once

#include "optimizer.h"

// Adagrad, following torch.optim.Adagrad's convention (weight_decay 0, maximize off).
//
// t ← t + 1
// clr = lr / (1 + (t − 1)·lr_decay)
// s ← s + g²                      (s starts at initial_accumulator_value)
// p ← p − clr·g / (√s + eps)      (eps defaults to 1e-10)
//
// The state is "sum of squares" (s) and "learning rate" (clr of the last step, repeated for
// every parameter); steps() is t. A snapshot holds s as buffer 0 and clr as scalar 0.
class AdagradOptimizer : public Optimizer
{
public:
    explicit AdagradOptimizer(const OptimizerSettings &settings);

    void step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::VectorXd &gradient) override;
    void reset() override;
    std::vector<OptimizerStateEntry> state() const override;
    bool stateIsFinite() const override;
    qint64 steps() const override { return m_steps; }
    OptimizerSnapshot snapshot() const override;
    bool restore(const OptimizerSnapshot &snapshot) override;

private:
    Eigen::VectorXd m_sumOfSquares;
    double m_currentLearningRate = 0.0;
    qint64 m_steps = 0;
};
