#include "trainingworker.h"

namespace {

// How long one batch may keep the thread away from its event loop.
constexpr qint64 batchBudgetNs = 8'000'000;
// A clock read costs about as much as a step on small data: look at it every so many steps.
constexpr int stepsBetweenClockReads = 64;

} // namespace

TrainingWorker::TrainingWorker(QObject *parent)
    : QObject(parent)
    , m_timer(this)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TrainingWorker::runBatch);
}

void TrainingWorker::start()
{
    if (isRunning())
        return;
    if (m_trainer.dataset().isEmpty()) {
        Q_EMIT stopped(StopReason::NoData, QStringLiteral("There are no data points to train on."));
        return;
    }
    if (m_trainer.current().step >= m_trainer.settings().maxSteps) {
        Q_EMIT stopped(StopReason::StepLimit,
                       QStringLiteral("The step limit (%1) is reached: raise it or press Reset.")
                           .arg(m_trainer.settings().maxSteps));
        return;
    }
    if (m_trainer.checkConverged() == StopReason::Converged) {
        Q_EMIT stopped(StopReason::Converged, m_trainer.stopMessage());
        return;
    }
    m_stepsThisRun = 0;
    m_clock.start();
    m_timer.start(tickInterval());
    Q_EMIT runningChanged(true);
}

void TrainingWorker::pause()
{
    if (!isRunning())
        return;
    halt(StopReason::Paused, QStringLiteral("Paused at step %1.").arg(m_trainer.current().step));
}

void TrainingWorker::stepOnce()
{
    if (isRunning()) {
        m_timer.stop();
        Q_EMIT runningChanged(false);
    }
    if (advance())
        publishOptimizerState();
}

void TrainingWorker::reset()
{
    if (isRunning()) {
        m_timer.stop();
        Q_EMIT runningChanged(false);
    }
    m_trainer.reset();
    Q_EMIT stateChanged(m_trainer.current(), true);
    publishOptimizerState();
}

void TrainingWorker::setDataset(const Dataset &data)
{
    m_trainer.setDataset(data);
    Q_EMIT stateChanged(m_trainer.current(), false);
}

void TrainingWorker::setParameters(double w, double b)
{
    m_trainer.setParameters(w, b);
    Q_EMIT stateChanged(m_trainer.current(), false);
}

void TrainingWorker::setObjective(const Objective &objective)
{
    m_trainer.setObjective(objective);
    Q_EMIT stateChanged(m_trainer.current(), false);
}

void TrainingWorker::setOptimizer(const OptimizerSettings &settings)
{
    m_trainer.setOptimizer(settings);
    publishOptimizerState();
}

void TrainingWorker::setSettings(const TrainerSettings &settings)
{
    m_trainer.setSettings(settings);
}

void TrainingWorker::setStepsPerSecond(int stepsPerSecond)
{
    m_stepsPerSecond = qMax(0, stepsPerSecond);
    if (isRunning()) {
        m_stepsThisRun = 0;
        m_clock.restart();
        m_timer.start(tickInterval());
    }
}

void TrainingWorker::runBatch()
{
    QElapsedTimer budget;
    budget.start();
    if (m_stepsPerSecond == 0) {
        do {
            for (int i = 0; i < stepsBetweenClockReads; ++i) {
                if (!advance())
                    return;
            }
        } while (budget.nsecsElapsed() < batchBudgetNs);
        publishOptimizerState();
        return;
    }

    // At a set speed, take the steps that are due by the clock (a timer tick can come late).
    const qint64 due = m_clock.elapsed() * m_stepsPerSecond / 1000 + 1;
    while (m_stepsThisRun < due && budget.nsecsElapsed() < batchBudgetNs) {
        if (!advance())
            return;
        ++m_stepsThisRun;
    }
    publishOptimizerState();
}

void TrainingWorker::publishOptimizerState()
{
    Q_EMIT optimizerStateChanged(m_trainer.current().step, m_trainer.optimizer().state());
}

bool TrainingWorker::advance()
{
    const StopReason reason = m_trainer.advance();
    if (reason != StopReason::Diverged && reason != StopReason::NoData)
        Q_EMIT stepCompleted(m_trainer.current());
    if (reason == StopReason::None)
        return true;
    halt(reason, m_trainer.stopMessage());
    return false;
}

void TrainingWorker::halt(StopReason reason, const QString &message)
{
    const bool wasRunning = isRunning();
    m_timer.stop();
    if (wasRunning)
        Q_EMIT runningChanged(false);
    publishOptimizerState();
    Q_EMIT stopped(reason, message);
}

int TrainingWorker::tickInterval() const
{
    if (m_stepsPerSecond == 0)
        return 0;
    // One step per tick up to 60 steps a second; faster speeds take several steps a tick.
    return m_stepsPerSecond <= 60 ? 1000 / m_stepsPerSecond : 16;
}
