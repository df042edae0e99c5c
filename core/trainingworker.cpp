#include "trainingworker.h"

#include <QCoreApplication>

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
    m_racers.push_back({std::make_unique<Trainer>()});
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &TrainingWorker::runBatch);
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::start()
{
    if (isRunning())
        return;
    if (!prepareRun())
        return;
    m_stepsThisRun = 0;
    m_clock.start();
    m_timer.start(tickInterval());
    Q_EMIT runningChanged(true);
}

bool TrainingWorker::prepareRun()
{
    const Trainer &chosen = trainer();
    if (chosen.dataset().isEmpty()) {
        Q_EMIT stopped(StopReason::NoData, Trainer::noDataMessage());
        return false;
    }
    if (chosen.current().step >= chosen.settings().maxSteps) {
        Q_EMIT stopped(
            StopReason::StepLimit,
            QCoreApplication::translate("TrainingWorker",
                                        "The step limit (%1) is reached: raise it or press Reset.")
                .arg(chosen.settings().maxSteps));
        return false;
    }
    // A racer whose start is already converged takes no step.
    bool anyToGo = false;
    for (Racer &racer : m_racers) {
        racer.reason = racer.trainer->checkStart();
        racer.done = racer.reason != StopReason::None;
        anyToGo = anyToGo || !racer.done;
    }
    if (!anyToGo)
        Q_EMIT stopped(m_racers.front().reason, summary());
    return anyToGo;
}

void TrainingWorker::pause()
{
    if (!isRunning())
        return;
    halt(StopReason::Paused,
         QCoreApplication::translate("TrainingWorker", "Paused at step %1.")
             .arg(trainer().current().step));
}

void TrainingWorker::stepOnce()
{
    if (isRunning()) {
        m_timer.stop();
        Q_EMIT runningChanged(false);
    }
    if (prepareRun() && advance())
        publishOptimizerState();
}

void TrainingWorker::reset()
{
    if (isRunning()) {
        m_timer.stop();
        Q_EMIT runningChanged(false);
    }
    forEachTrainer([](Trainer &trainer) { trainer.reset(); });
    publishStates(true);
    publishOptimizerState();
}

void TrainingWorker::setDataset(const Dataset &data)
{
    forEachTrainer([&data](Trainer &trainer) { trainer.setDataset(data); });
    publishStates(false);
}

void TrainingWorker::setParameters(double w, double b)
{
    forEachTrainer([w, b](Trainer &trainer) { trainer.setParameters(w, b); });
    publishStates(false);
}

void TrainingWorker::setObjective(const Objective &objective)
{
    forEachTrainer([&objective](Trainer &trainer) { trainer.setObjective(objective); });
    publishStates(false);
}

void TrainingWorker::setSettings(const TrainerSettings &settings)
{
    forEachTrainer([&settings](Trainer &trainer) { trainer.setSettings(settings); });
}

void TrainingWorker::setOptimizer(const OptimizerSettings &settings)
{
    m_racers.front().trainer->setOptimizer(settings);
    publishOptimizerState();
}

void TrainingWorker::setRivals(const std::vector<OptimizerSettings> &rivals)
{
    if (isRunning()) {
        m_timer.stop();
        Q_EMIT runningChanged(false);
    }
    const Trainer &chosen = trainer();
    m_racers.resize(1);
    for (const OptimizerSettings &settings : rivals) {
        auto rival = std::make_unique<Trainer>(chosen.dataset(), chosen.startW(), chosen.startB());
        rival->setObjective(chosen.objective());
        rival->setSettings(chosen.settings());
        rival->setOptimizer(settings);
        m_racers.push_back({std::move(rival)});
    }
    forEachTrainer([](Trainer &trainer) { trainer.reset(); });
    publishStates(true);
}

bool TrainingWorker::restoreRacer(int racer, const TrainingStep &state,
                                  const std::optional<OptimizerSnapshot> &optimizer,
                                  const std::optional<TrainingStep> &start)
{
    if (isRunning()) {
        m_timer.stop();
        Q_EMIT runningChanged(false);
    }
    if (racer < 0 || racer >= racerCount())
        return false;
    Trainer &trainer = *m_racers[std::size_t(racer)].trainer;
    if (start) {
        trainer.reset();
        trainer.setParameters(start->w, start->b);
    }
    return trainer.restore(state, optimizer);
}

void TrainingWorker::publishRestored()
{
    publishStates(false);
    publishOptimizerState();
}

template<typename Change> void TrainingWorker::forEachTrainer(Change change)
{
    for (Racer &racer : m_racers)
        change(*racer.trainer);
}

void TrainingWorker::publishStates(bool trailCleared)
{
    for (std::size_t i = 0; i < m_racers.size(); ++i) {
        TrainingStep state = m_racers[i].trainer->current().reportable();
        state.racer = int(i);
        Q_EMIT stateChanged(state, trailCleared);
    }
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
    Q_EMIT optimizerStateChanged(trainer().current().step, trainer().optimizer().state());
}

bool TrainingWorker::advance()
{
    // One update of every racer still going; the run ends when none is.
    bool anyGoing = false;
    for (std::size_t i = 0; i < m_racers.size(); ++i) {
        Racer &racer = m_racers[i];
        if (racer.done)
            continue;
        const StopReason reason = racer.trainer->advance();
        if (reason != StopReason::Diverged && reason != StopReason::NoData
            && reason != StopReason::TooLarge) {
            TrainingStep state = racer.trainer->current();
            state.racer = int(i);
            Q_EMIT stepCompleted(state);
        }
        racer.reason = reason;
        racer.done = reason != StopReason::None;
        anyGoing = anyGoing || !racer.done;
    }
    if (anyGoing)
        return true;
    halt(m_racers.front().reason, summary());
    return false;
}

QString TrainingWorker::summary() const
{
    if (m_racers.size() == 1)
        return trainer().stopMessage();
    QStringList lines;
    for (const Racer &racer : m_racers) {
        const QString name = Optimizer::title(racer.trainer->optimizer().settings().kind);
        const QString message = racer.done && !racer.trainer->stopMessage().isEmpty()
            ? racer.trainer->stopMessage()
            : QCoreApplication::translate("TrainingWorker", "at step %1.")
                  .arg(racer.trainer->current().step);
        lines.append(name + QStringLiteral(": ") + message);
    }
    return lines.join(u'\n');
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
