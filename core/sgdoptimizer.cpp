#include "sgdoptimizer.h"

#include <QCoreApplication>

SgdOptimizer::SgdOptimizer(const OptimizerSettings &settings)
    : Optimizer(settings)
{
    Q_ASSERT(settings.kind == OptimizerKind::Gd || settings.kind == OptimizerKind::Momentum
             || settings.kind == OptimizerKind::Nesterov);
}

void SgdOptimizer::step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::VectorXd &gradient)
{
    Q_ASSERT(parameters.size() == gradient.size());
    const OptimizerSettings &s = m_settings;

    if (s.kind == OptimizerKind::Gd) {
        parameters -= s.learningRate * gradient;
        ++m_steps;
        return;
    }

    const double dampening = s.kind == OptimizerKind::Nesterov ? 0.0 : s.dampening;
    if (m_steps == 0)
        m_velocity = gradient;
    else
        m_velocity = s.momentum * m_velocity + (1.0 - dampening) * gradient;

    if (s.kind == OptimizerKind::Nesterov)
        parameters -= s.learningRate * (gradient + s.momentum * m_velocity);
    else
        parameters -= s.learningRate * m_velocity;
    ++m_steps;
}

void SgdOptimizer::reset()
{
    m_velocity.resize(0);
    m_steps = 0;
}

std::vector<OptimizerStateEntry> SgdOptimizer::state() const
{
    if (m_steps == 0 || m_settings.kind == OptimizerKind::Gd)
        return {};
    return {{QCoreApplication::translate("Optimizer", "velocity"), m_velocity}};
}

bool SgdOptimizer::stateIsFinite() const
{
    return m_velocity.allFinite();
}

OptimizerSnapshot SgdOptimizer::snapshot() const
{
    OptimizerSnapshot snapshot = emptySnapshot(m_steps);
    store(m_velocity, &snapshot.buffers[0]);
    return snapshot;
}

bool SgdOptimizer::restore(const OptimizerSnapshot &snapshot)
{
    reset();
    if (snapshot.kind != m_settings.kind)
        return false;
    load(snapshot.buffers[0], &m_velocity);
    m_steps = snapshot.steps;
    return true;
}
