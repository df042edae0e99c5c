#include "adamoptimizer.h"

#include <QCoreApplication>
#include <cmath>

AdamOptimizer::AdamOptimizer(const OptimizerSettings &settings)
    : Optimizer(settings)
{
    Q_ASSERT(settings.kind == OptimizerKind::Adam);
}

void AdamOptimizer::step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::VectorXd &gradient)
{
    Q_ASSERT(parameters.size() == gradient.size());
    const OptimizerSettings &s = m_settings;
    const Eigen::Index n = gradient.size();
    const Eigen::ArrayXd g = gradient.array();

    if (m_steps == 0) {
        m_m = Eigen::VectorXd::Zero(n);
        m_v = Eigen::VectorXd::Zero(n);
        m_vMax = Eigen::VectorXd::Zero(n);
    }
    ++m_steps;

    m_m.array() = s.beta1 * m_m.array() + (1.0 - s.beta1) * g;
    m_v.array() = s.beta2 * m_v.array() + (1.0 - s.beta2) * g * g;

    const double t = double(m_steps);
    m_biasCorrection1 = 1.0 - std::pow(s.beta1, t);
    m_biasCorrection2 = 1.0 - std::pow(s.beta2, t);
    const double stepSize = s.learningRate / m_biasCorrection1;
    const double biasCorrection2Sqrt = std::sqrt(m_biasCorrection2);

    Eigen::ArrayXd denominator;
    if (s.amsgrad) {
        m_vMax = m_vMax.cwiseMax(m_v);
        denominator = m_vMax.array().sqrt() / biasCorrection2Sqrt + s.epsilon();
    } else {
        denominator = m_v.array().sqrt() / biasCorrection2Sqrt + s.epsilon();
    }

    m_effectiveStep = (stepSize * m_m.array() / denominator).matrix();
    parameters -= m_effectiveStep;
}

void AdamOptimizer::reset()
{
    m_m.resize(0);
    m_v.resize(0);
    m_vMax.resize(0);
    m_effectiveStep.resize(0);
    m_biasCorrection1 = 1.0;
    m_biasCorrection2 = 1.0;
    m_steps = 0;
}

std::vector<OptimizerStateEntry> AdamOptimizer::state() const
{
    if (m_steps == 0)
        return {};
    std::vector<OptimizerStateEntry> entries {
        {QStringLiteral("m"), m_m},
        {QStringLiteral("v"), m_v},
        {QStringLiteral("m\u0302"), m_m / m_biasCorrection1},
        {QStringLiteral("v\u0302"), m_v / m_biasCorrection2},
    };
    if (m_settings.amsgrad)
        entries.push_back({QCoreApplication::translate("AdamOptimizer", "v max"), m_vMax});
    entries.push_back(
        {QCoreApplication::translate("AdamOptimizer", "effective step"), m_effectiveStep});
    return entries;
}

bool AdamOptimizer::stateIsFinite() const
{
    return m_m.allFinite() && m_v.allFinite() && m_vMax.allFinite();
}

OptimizerSnapshot AdamOptimizer::snapshot() const
{
    OptimizerSnapshot snapshot = emptySnapshot(m_steps);
    store(m_m, &snapshot.buffers[0]);
    store(m_v, &snapshot.buffers[1]);
    store(m_vMax, &snapshot.buffers[2]);
    store(m_effectiveStep, &snapshot.buffers[3]);
    snapshot.scalars = {m_biasCorrection1, m_biasCorrection2};
    return snapshot;
}

bool AdamOptimizer::restore(const OptimizerSnapshot &snapshot)
{
    reset();
    if (snapshot.kind != OptimizerKind::Adam)
        return false;
    load(snapshot.buffers[0], &m_m);
    load(snapshot.buffers[1], &m_v);
    load(snapshot.buffers[2], &m_vMax);
    load(snapshot.buffers[3], &m_effectiveStep);
    m_biasCorrection1 = snapshot.scalars[0];
    m_biasCorrection2 = snapshot.scalars[1];
    m_steps = snapshot.steps;
    return true;
}
