#include "rmspropoptimizer.h"

#include <QCoreApplication>

RmspropOptimizer::RmspropOptimizer(const OptimizerSettings &settings)
    : Optimizer(settings)
{
    Q_ASSERT(settings.kind == OptimizerKind::Rmsprop);
}

void RmspropOptimizer::step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::VectorXd &gradient)
{
    Q_ASSERT(parameters.size() == gradient.size());
    const OptimizerSettings &s = m_settings;
    const Eigen::Index n = gradient.size();
    const Eigen::ArrayXd g = gradient.array();

    if (m_steps == 0) {
        m_squareAverage = Eigen::VectorXd::Zero(n);
        m_gradientAverage = Eigen::VectorXd::Zero(n);
        m_velocity = Eigen::VectorXd::Zero(n);
    }
    ++m_steps;

    m_squareAverage.array() = s.alpha * m_squareAverage.array() + (1.0 - s.alpha) * g * g;

    Eigen::ArrayXd average;
    if (s.centered) {
        m_gradientAverage.array() = s.alpha * m_gradientAverage.array() + (1.0 - s.alpha) * g;
        const Eigen::ArrayXd variance =
            m_squareAverage.array() - m_gradientAverage.array() * m_gradientAverage.array();
        average = variance.max(0.0).sqrt() + s.epsilon();
    } else {
        average = m_squareAverage.array().sqrt() + s.epsilon();
    }

    if (s.rmspropMomentum > 0.0) {
        m_velocity.array() = s.rmspropMomentum * m_velocity.array() + g / average;
        parameters -= s.learningRate * m_velocity;
    } else {
        parameters.array() -= s.learningRate * g / average;
    }
}

void RmspropOptimizer::reset()
{
    m_squareAverage.resize(0);
    m_gradientAverage.resize(0);
    m_velocity.resize(0);
    m_steps = 0;
}

std::vector<OptimizerStateEntry> RmspropOptimizer::state() const
{
    if (m_steps == 0)
        return {};
    std::vector<OptimizerStateEntry> entries {
        {QCoreApplication::translate("RmspropOptimizer", "square average"), m_squareAverage}};
    if (m_settings.centered)
        entries.push_back({QCoreApplication::translate("RmspropOptimizer", "gradient average"),
                           m_gradientAverage});
    if (m_settings.rmspropMomentum > 0.0)
        entries.push_back({QCoreApplication::translate("Optimizer", "velocity"), m_velocity});
    return entries;
}

bool RmspropOptimizer::stateIsFinite() const
{
    return m_squareAverage.allFinite() && m_gradientAverage.allFinite() && m_velocity.allFinite();
}

OptimizerSnapshot RmspropOptimizer::snapshot() const
{
    OptimizerSnapshot snapshot = emptySnapshot(m_steps);
    store(m_squareAverage, &snapshot.buffers[0]);
    store(m_gradientAverage, &snapshot.buffers[1]);
    store(m_velocity, &snapshot.buffers[2]);
    return snapshot;
}

bool RmspropOptimizer::restore(const OptimizerSnapshot &snapshot)
{
    reset();
    if (snapshot.kind != OptimizerKind::Rmsprop)
        return false;
    load(snapshot.buffers[0], &m_squareAverage);
    load(snapshot.buffers[1], &m_gradientAverage);
    load(snapshot.buffers[2], &m_velocity);
    m_steps = snapshot.steps;
    return true;
}
