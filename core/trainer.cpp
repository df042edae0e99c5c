#include "trainer.h"

#include "mseloss.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

bool isFinite(const TrainingStep &state)
{
    return std::isfinite(state.w) && std::isfinite(state.loss) && std::isfinite(state.gradient);
}

} // namespace

Trainer::Trainer(Dataset data, double startW)
    : m_data(std::move(data))
    , m_startW(startW)
{
    reset();
}

void Trainer::setDataset(Dataset data)
{
    m_data = std::move(data);
    m_current = evaluated(m_current.step, m_current.w);
    refreshReference();
}

void Trainer::setSettings(const TrainerSettings &settings)
{
    m_settings = settings;
}

void Trainer::setParameter(double w)
{
    if (m_current.step == 0)
        m_startW = w;
    m_current = evaluated(m_current.step, w);
    refreshReference();
}

void Trainer::reset()
{
    m_current = evaluated(0, m_startW);
    m_stopMessage.clear();
    refreshReference();
}

StopReason Trainer::advance()
{
    if (m_data.isEmpty())
        return stop(StopReason::NoData, QStringLiteral("There are no data points to train on."));

    const qint64 step = m_current.step + 1;
    const TrainingStep next =
        evaluated(step, m_current.w - m_settings.learningRate * m_current.gradient);
    if (!isFinite(next) || next.loss > divergenceFactor * m_referenceLoss)
        return stop(StopReason::Diverged, divergenceMessage(step, next));
    m_current = next;

    if (checkConverged() == StopReason::Converged)
        return StopReason::Converged;
    if (step >= m_settings.maxSteps) {
        return stop(StopReason::StepLimit,
                    QStringLiteral("Stopped at the step limit (%1 steps).").arg(step));
    }
    return StopReason::None;
}

StopReason Trainer::checkConverged()
{
    if (!(std::fabs(m_current.gradient) < m_settings.tolerance))
        return StopReason::None;
    return stop(StopReason::Converged,
                QStringLiteral("Converged at step %1: |gradient| = %2 is below the tolerance %3.")
                    .arg(m_current.step)
                    .arg(number(std::fabs(m_current.gradient)), number(m_settings.tolerance)));
}

TrainingStep Trainer::evaluated(qint64 step, double w) const
{
    const LossValue value = MseLoss::evaluate(m_data, w);
    return {step, w, value.loss, value.gradient};
}

void Trainer::refreshReference()
{
    // The loss of the model y = 0 sets the scale of the data; the loss at the start covers a
    // start far from the data. DBL_MIN keeps the threshold positive when both are 0.
    const double zeroModelLoss = MseLoss::loss(m_data, 0.0);
    const double startLoss = MseLoss::loss(m_data, m_startW);
    m_referenceLoss = std::max({zeroModelLoss, startLoss, m_current.loss, DBL_MIN});
}

StopReason Trainer::stop(StopReason reason, const QString &message)
{
    m_stopMessage = message;
    return reason;
}

QString Trainer::divergenceMessage(qint64 step, const TrainingStep &next) const
{
    const QString what = isFinite(next)
        ? QStringLiteral("the loss grew past %1 times its starting size")
              .arg(number(divergenceFactor))
        : QStringLiteral("the update produced a number too large to represent");
    QString message = QStringLiteral("Diverged at step %1: %2 with learning rate %3.")
                          .arg(step)
                          .arg(what, number(m_settings.learningRate));
    if (const auto limit = MseLoss::stableLearningRateLimit(m_data)) {
        message += QStringLiteral(" For this data gradient descent is stable only for "
                                  "lr < %1 (1/mean(x²)).")
                       .arg(number(*limit));
    }
    return message;
}
