#include "trainer.h"

#include "lossfunction.h"
#include "mseloss.h"
#include "numberformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

namespace {

QString number(double value)
{
    return QString::fromStdString(NumberFormat::readable(value));
}

double gradientNorm(const TrainingStep &state)
{
    return std::hypot(state.gradW, state.gradB);
}

} // namespace

Trainer::Trainer(Dataset data, double startW, double startB)
    : m_data(std::move(data))
    , m_optimizer(Optimizer::create({}))
    , m_startW(startW)
    , m_startB(startB)
{
    reset();
}

Trainer::~Trainer() = default;

void Trainer::setDataset(Dataset data)
{
    m_data = std::move(data);
    m_current = evaluated(m_current.step, m_current.w, m_current.b);
    refreshReference();
}

void Trainer::setObjective(const Objective &objective)
{
    // Another model has other parameters: state kept for the old ones means nothing to them.
    if (objective.model != m_objective.model)
        m_optimizer->reset();
    m_objective = objective;
    if (!objective.hasBias()) {
        m_startB = 0.0;
        m_current.b = 0.0;
    }
    // Before the first update the state is the start, whose b a bias model now uses.
    if (m_current.step == 0)
        m_current = evaluated(0, m_startW, m_startB);
    else
        m_current = evaluated(m_current.step, m_current.w, m_current.b);
    refreshReference();
}

void Trainer::setSettings(const TrainerSettings &settings)
{
    m_settings = settings;
    OptimizerSettings optimizer = m_optimizer->settings();
    optimizer.learningRate = settings.learningRate;
    m_optimizer->setSettings(optimizer);
}

void Trainer::setOptimizer(const OptimizerSettings &settings)
{
    OptimizerSettings adjusted = settings;
    adjusted.learningRate = m_settings.learningRate;
    if (adjusted.kind == m_optimizer->settings().kind)
        m_optimizer->setSettings(adjusted);
    else
        m_optimizer = Optimizer::create(adjusted);
}

void Trainer::setParameters(double w, double b)
{
    if (!m_objective.hasBias())
        b = 0.0;
    if (m_current.step == 0) {
        m_startW = w;
        m_startB = b;
    }
    m_current = evaluated(m_current.step, w, b);
    refreshReference();
}

void Trainer::reset()
{
    m_optimizer->reset();
    m_current = evaluated(0, m_startW, m_startB);
    m_stopMessage.clear();
    refreshReference();
}

bool Trainer::restore(const TrainingStep &state, const std::optional<OptimizerSnapshot> &optimizer)
{
    const Eigen::Index parameters = m_objective.hasBias() ? 2 : 1;
    bool known =
        optimizer && Optimizer::fits(*optimizer, parameters) && m_optimizer->restore(*optimizer);
    if (!known && m_optimizer->settings().kind == OptimizerKind::Gd) {
        OptimizerSnapshot steps;
        steps.kind = OptimizerKind::Gd;
        steps.steps = state.step;
        known = m_optimizer->restore(steps);
    } else if (!known) {
        m_optimizer->reset();
    }
    const double b = m_objective.hasBias() ? state.b : 0.0;
    m_current = evaluated(state.step, state.w, b);
    m_stopMessage.clear();
    // The run being continued kept the reference it started with.
    refreshReference(false);
    return known;
}

QString Trainer::noDataMessage()
{
    return QCoreApplication::translate("Trainer", "There are no data points to train on.");
}

StopReason Trainer::checkConverged()
{
    if (!(gradientNorm(m_current) < m_settings.tolerance))
        return StopReason::None;
    return stop(StopReason::Converged,
                QCoreApplication::translate(
                    "Trainer", "Converged at step %1: |gradient| = %2 is below the tolerance %3.")
                    .arg(m_current.step)
                    .arg(number(gradientNorm(m_current)), number(m_settings.tolerance)));
}

StopReason Trainer::checkStart()
{
    if (!m_current.isFinite())
        return stop(StopReason::TooLarge, tooLargeMessage(m_current, m_objective));
    return checkConverged();
}

QString Trainer::tooLargeMessage(const TrainingStep &state, const Objective &objective)
{
    const QString where = objective.hasBias()
        ? QStringLiteral("(w, b) = (%1, %2)").arg(number(state.w), number(state.b))
        : QStringLiteral("w = %1").arg(number(state.w));
    const QString what = std::isfinite(state.loss)
        ? QCoreApplication::translate("Trainer", "the gradient of the %1")
        : QCoreApplication::translate("Trainer", "the %1");
    return QCoreApplication::translate(
               "Trainer",
               "At %1 %2 is too large to represent as a number (beyond 1.8e308): no "
               "step can be taken from there. Start nearer the data's fit, or "
               "rescale the data.")
        .arg(where, what.arg(Objective::label(objective.loss)));
}

StopReason Trainer::advance()
{
    if (m_data.isEmpty())
        return stop(StopReason::NoData, noDataMessage());
    if (!m_current.isFinite())
        return stop(StopReason::TooLarge, tooLargeMessage(m_current, m_objective));

    const bool bias = m_objective.hasBias();
    Eigen::VectorXd parameters(bias ? 2 : 1);
    Eigen::VectorXd gradient(bias ? 2 : 1);
    parameters(0) = m_current.w;
    gradient(0) = m_current.gradW;
    if (bias) {
        parameters(1) = m_current.b;
        gradient(1) = m_current.gradB;
    }
    m_optimizer->step(parameters, gradient);
    if (!m_optimizer->stateIsFinite()) {
        m_optimizer->reset();
        return stop(StopReason::TooLarge,
                    QCoreApplication::translate(
                        "Trainer",
                        "At step %1 the state of %2 grew too large to represent "
                        "(beyond 1.8e308): its steps would all be 0 from here. "
                        "Rescale the data (Standardize x in the window), or use gd.")
                        .arg(m_current.step + 1)
                        .arg(Optimizer::name(m_optimizer->settings().kind)));
    }

    const qint64 step = m_current.step + 1;
    if (!parameters.allFinite()) {
        // The update itself overflowed (a rate like 1e300): there is no loss to evaluate.
        m_optimizer->reset();
        const TrainingStep overflowed {step,   parameters(0), bias ? parameters(1) : 0.0,
                                       qInf(), 0.0,           0.0};
        return stop(StopReason::Diverged, divergenceMessage(step, overflowed));
    }
    const TrainingStep next = evaluated(step, parameters(0), bias ? parameters(1) : 0.0);
    if (!next.isFinite() || next.loss > divergenceFactor * m_referenceLoss) {
        m_optimizer->reset();
        return stop(StopReason::Diverged, divergenceMessage(step, next));
    }
    m_current = next;

    if (checkConverged() == StopReason::Converged)
        return StopReason::Converged;
    if (step >= m_settings.maxSteps) {
        return stop(StopReason::StepLimit,
                    QCoreApplication::translate("Trainer", "Stopped at the step limit (%1 steps).")
                        .arg(step));
    }
    return StopReason::None;
}

std::optional<double> Trainer::stableLearningRate() const
{
    if (m_objective.loss != LossKind::Mse)
        return std::nullopt;
    return MseLoss::stableLearningRateLimit(m_data, m_objective.model);
}

TrainingStep Trainer::evaluated(qint64 step, double w, double b) const
{
    const Evaluation value = LossFunction::evaluate(m_data, m_objective, w, b);
    return {step, w, m_objective.hasBias() ? b : 0.0, value.loss, value.gradW, value.gradB};
}

void Trainer::refreshReference(bool current)
{
    // The loss of the model y = 0 sets the scale of the data; the loss at the start covers a
    // start far from the data. DBL_MIN keeps the threshold positive when all are 0.
    const double zeroModelLoss = LossFunction::loss(m_data, m_objective, 0.0, 0.0);
    const double startLoss = LossFunction::loss(m_data, m_objective, m_startW, m_startB);
    m_referenceLoss = std::max({zeroModelLoss, startLoss, current ? m_current.loss : 0.0, DBL_MIN});
}

StopReason Trainer::stop(StopReason reason, const QString &message)
{
    m_stopMessage = message;
    return reason;
}

QString Trainer::divergenceMessage(qint64 step, const TrainingStep &next) const
{
    const QString what = next.isFinite()
        ? QCoreApplication::translate("Trainer", "the loss grew past %1 times its starting size")
              .arg(number(divergenceFactor))
        : QCoreApplication::translate("Trainer",
                                      "the update produced a number too large to represent");
    QString message =
        QCoreApplication::translate("Trainer", "Diverged at step %1: %2 with learning rate %3.")
            .arg(step)
            .arg(what, number(m_settings.learningRate));
    const auto limit = stableLearningRate();
    if (limit && m_optimizer->settings().kind == OptimizerKind::Gd) {
        message += QCoreApplication::translate(
                       "Trainer",
                       " For this data gradient descent is stable only for lr < %1 "
                       "(%2).")
                       .arg(number(*limit),
                            m_objective.hasBias()
                                ? QCoreApplication::translate("Trainer", "2/λmax of the Hessian")
                                : QStringLiteral("1/mean(x²)"));
    } else {
        message += QCoreApplication::translate("Trainer", " Try a smaller learning rate.");
    }
    return message;
}
