#include "adagradoptimizer.h"

#include <QCoreApplication>

AdagradOptimizer::AdagradOptimizer(const OptimizerSettings &settings)
    : Optimizer(settings)
{
    Q_ASSERT(settings.kind == OptimizerKind::Adagrad);
}

void AdagradOptimizer::step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::VectorXd &gradient)
{
    Q_ASSERT(parameters.size() == gradient.size());
    const OptimizerSettings &s = m_settings;

    if (m_steps == 0)
        m_sumOfSquares = Eigen::VectorXd::Constant(gradient.size(), s.initialAccumulator);
    ++m_steps;
    m_currentLearningRate = s.learningRate / (1.0 + double(m_steps - 1) * s.lrDecay);

    m_sumOfSquares.array() += gradient.array() * gradient.array();

    const Eigen::ArrayXd denominator = m_sumOfSquares.array().sqrt() + s.epsilon();
    parameters.array() -= m_currentLearningRate * gradient.array() / denominator;
}

void AdagradOptimizer::reset()
{
    m_sumOfSquares.resize(0);
    m_currentLearningRate = 0.0;
    m_steps = 0;
}

std::vector<OptimizerStateEntry> AdagradOptimizer::state() const
{
    if (m_steps == 0)
        return {};
    return {
        {QCoreApplication::translate("AdagradOptimizer", "sum of squares"), m_sumOfSquares},
        {QCoreApplication::translate("AdagradOptimizer", "learning rate"),
         Eigen::VectorXd::Constant(m_sumOfSquares.size(), m_currentLearningRate)},
    };
}

bool AdagradOptimizer::stateIsFinite() const
{
    return m_sumOfSquares.allFinite();
}

OptimizerSnapshot AdagradOptimizer::snapshot() const
{
    OptimizerSnapshot snapshot = emptySnapshot(m_steps);
    store(m_sumOfSquares, &snapshot.buffers[0]);
    snapshot.scalars[0] = m_currentLearningRate;
    return snapshot;
}

bool AdagradOptimizer::restore(const OptimizerSnapshot &snapshot)
{
    reset();
    if (snapshot.kind != OptimizerKind::Adagrad)
        return false;
    load(snapshot.buffers[0], &m_sumOfSquares);
    m_currentLearningRate = snapshot.scalars[0];
    m_steps = snapshot.steps;
    return true;
}
