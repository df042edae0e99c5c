#include "trainingcontroller.h"

#include "trainingworker.h"

#include <QLoggingCategory>

#include <algorithm>
#include <ctime>
#include <utility>

Q_LOGGING_CATEGORY(lcTraining, "losslab.core.training", QtWarningMsg)

namespace {

// The CPU time the calling thread has used, in nanoseconds; 0 where the system cannot tell.
qint64 threadCpuNs()
{
#ifdef CLOCK_THREAD_CPUTIME_ID
    timespec now {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
#endif
    return 0;
}

} // namespace

TrainingController::TrainingController(QObject *parent)
    : QObject(parent)
    , m_worker(new TrainingWorker)
    , m_frameTimer(this)
{
    m_thread.setObjectName(QStringLiteral("LossLab training"));
    m_worker->moveToThread(&m_thread);
    // The worker is deleted in its own thread as the thread finishes; the lock after it
    // marks, for ThreadSanitizer, that everything the thread did came before the destructor
    // goes on (Qt's own join is invisible to it).
    connect(
        &m_thread, &QThread::finished, this,
        [this] {
            delete m_worker;
            std::lock_guard locker(m_mutex);
            m_worker = nullptr;
        },
        Qt::DirectConnection);

    // Direct: these run in the worker's thread and only touch mutex-guarded members.
    connect(m_worker, &TrainingWorker::stepCompleted, this, &TrainingController::recordStep,
            Qt::DirectConnection);
    connect(m_worker, &TrainingWorker::stateChanged, this, &TrainingController::recordState,
            Qt::DirectConnection);
    connect(m_worker, &TrainingWorker::optimizerStateChanged, this,
            &TrainingController::recordOptimizerState, Qt::DirectConnection);
    connect(
        m_worker, &TrainingWorker::runningChanged, this,
        [this](bool running) {
            Notice notice;
            notice.running = running;
            recordNotice(std::move(notice));
        },
        Qt::DirectConnection);
    connect(
        m_worker, &TrainingWorker::stopped, this,
        [this](StopReason reason, const QString &message) {
            Notice notice;
            notice.kind = Notice::Kind::Stopped;
            notice.reason = reason;
            notice.message = message;
            recordNotice(std::move(notice));
        },
        Qt::DirectConnection);

    // The wake-ups carry nothing; each side drains its queue under the mutex.
    connect(
        this, &TrainingController::commandsQueued, m_worker, [this] { runCommands(); },
        Qt::QueuedConnection);
    connect(this, &TrainingController::noticesQueued, this, &TrainingController::handleWake,
            Qt::QueuedConnection);

    m_frameTimer.setInterval(frameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &TrainingController::handleFrame);

    // Read before the thread starts: from then on only the worker's thread touches it.
    m_latest = m_worker->trainer().current();
    m_workerLatest = m_latest;
    m_published = m_latest;
    // The start is the trail's first point, before any command.
    const OptimizerSnapshot startState = m_worker->trainer().optimizer().snapshot();
    m_trails.front().append(m_latest, startState);
    m_workerTrails.front().append(m_latest, startState);
    m_thread.start();
}

TrainingController::~TrainingController()
{
    m_thread.quit();
    if (!m_thread.wait(QDeadlineTimer(5000))) {
        qCWarning(lcTraining) << "the training thread did not stop within 5 s; waiting on";
        m_thread.wait();
    }
    std::lock_guard locker(m_mutex);
    Q_ASSERT(!m_worker);
}

std::vector<TrainingStep> TrainingController::trail(int racer) const
{
    std::lock_guard locker(m_mutex);
    if (racer < 0 || racer >= int(m_trails.size()))
        return {};
    return m_trails[std::size_t(racer)].points();
}

std::vector<Trail::State> TrainingController::trailStates(int racer) const
{
    std::lock_guard locker(m_mutex);
    if (racer < 0 || racer >= int(m_trails.size()))
        return {};
    return m_trails[std::size_t(racer)].states();
}

SessionTrail TrainingController::sessionTrail(int racer) const
{
    std::lock_guard locker(m_mutex);
    if (racer < 0 || racer >= int(m_trails.size()))
        return {};
    const Trail &trail = m_trails[std::size_t(racer)];
    return {trail.stride(), trail.points(), trail.states()};
}

qint64 TrainingController::trailStride(int racer) const
{
    std::lock_guard locker(m_mutex);
    if (racer < 0 || racer >= int(m_trails.size()))
        return 1;
    return m_trails[std::size_t(racer)].stride();
}

int TrainingController::racerCount() const
{
    std::lock_guard locker(m_mutex);
    return int(m_trails.size());
}

void TrainingController::setRivals(const std::vector<OptimizerSettings> &rivals)
{
    {
        std::lock_guard locker(m_mutex);
        m_trails.assign(rivals.size() + 1, Trail(trailCapacity));
    }
    send([rivals](TrainingWorker *worker) { worker->setRivals(rivals); });
}

void TrainingController::start()
{
    send([](TrainingWorker *worker) { worker->start(); });
}

void TrainingController::pause()
{
    send([](TrainingWorker *worker) { worker->pause(); });
}

void TrainingController::step()
{
    send([](TrainingWorker *worker) { worker->stepOnce(); });
}

void TrainingController::reset()
{
    send([](TrainingWorker *worker) { worker->reset(); });
}

void TrainingController::setDataset(const Dataset &data)
{
    send([data](TrainingWorker *worker) { worker->setDataset(data); });
}

void TrainingController::setParameters(double w, double b)
{
    send([w, b](TrainingWorker *worker) { worker->setParameters(w, b); });
}

void TrainingController::setObjective(const Objective &objective)
{
    send([objective](TrainingWorker *worker) { worker->setObjective(objective); });
}

void TrainingController::setOptimizer(const OptimizerSettings &settings)
{
    send([settings](TrainingWorker *worker) { worker->setOptimizer(settings); });
}

void TrainingController::setSettings(const TrainerSettings &settings)
{
    send([settings](TrainingWorker *worker) { worker->setSettings(settings); });
}

void TrainingController::setStepsPerSecond(int stepsPerSecond)
{
    send([stepsPerSecond](TrainingWorker *worker) { worker->setStepsPerSecond(stepsPerSecond); });
}

void TrainingController::continueFrom(qint64 step)
{
    send([this, step](TrainingWorker *worker) {
        matchWorkerTrails();
        Notice notice;
        notice.kind = Notice::Kind::Restored;
        notice.step = worker->trainer().current().step;
        for (int i = 0; i < worker->racerCount(); ++i) {
            const auto kept = m_workerTrails[std::size_t(i)].truncateAfter(step);
            if (!kept)
                continue;
            const bool known = worker->restoreRacer(i, kept->first, kept->second);
            notice.stateKnown = notice.stateKnown && known;
            if (i == 0)
                notice.step = kept->first.step;
        }
        worker->publishRestored();
        recordNotice(std::move(notice));
    });
}

void TrainingController::restoreTrails(const std::vector<SessionTrail> &trails)
{
    send([this, trails](TrainingWorker *worker) {
        matchWorkerTrails();
        Notice notice;
        notice.kind = Notice::Kind::Restored;
        notice.step = worker->trainer().current().step;
        const int racers = std::min(worker->racerCount(), int(trails.size()));
        for (int i = 0; i < racers; ++i) {
            const SessionTrail &saved = trails[std::size_t(i)];
            if (saved.steps.empty())
                continue;
            Trail &trail = m_workerTrails[std::size_t(i)];
            trail.assign(saved.stride, saved.steps, saved.optimizerStates);
            const bool known =
                worker->restoreRacer(i, trail.latest(), trail.states().back(), saved.steps.front());
            notice.stateKnown = notice.stateKnown && known;
            if (i == 0)
                notice.step = trail.latest().step;
        }
        worker->publishRestored();
        recordNotice(std::move(notice));
    });
}

void TrainingController::matchWorkerTrails()
{
    if (m_workerTrails.size() != std::size_t(m_worker->racerCount()))
        m_workerTrails.assign(std::size_t(m_worker->racerCount()), Trail(trailCapacity));
}

void TrainingController::send(Command command)
{
    bool wasEmpty = false;
    {
        std::lock_guard locker(m_commandsMutex);
        wasEmpty = m_commands.empty();
        m_commands.push_back(std::move(command));
    }
    ++m_commandsSent;
    // A non-empty queue already has a wake-up on its way.
    if (wasEmpty)
        Q_EMIT commandsQueued();
}

void TrainingController::runCommands()
{
    std::vector<Command> commands;
    {
        std::lock_guard locker(m_commandsMutex);
        commands.swap(m_commands);
    }
    for (const Command &command : commands)
        command(m_worker);
    {
        std::lock_guard locker(m_mutex);
        m_commandsDone += qint64(commands.size());
    }
    wake();
}

void TrainingController::recordStep(const TrainingStep &state)
{
    // No lock and no wake-up per step: at a million steps a second the GUI thread would wait
    // for the mutex. The worker reports the optimizer's state after every batch of steps (and
    // before it stops), and that shares the steps.
    // The optimizer's state goes with the steps the trail keeps, and only with them: a snapshot
    // costs about as much as a step on small data.
    if (state.racer < int(m_workerTrails.size())) {
        Trail &trail = m_workerTrails[std::size_t(state.racer)];
        if (trail.keeps(state.step))
            trail.append(state, m_worker->racer(state.racer).optimizer().snapshot());
        else
            trail.append(state);
    }
    if (state.racer == 0)
        m_workerLatest = state;
    m_stepsPending = true;
}

void TrainingController::shareSteps()
{
    if (!std::exchange(m_stepsPending, false))
        return;
    const std::size_t racers = std::min(m_trails.size(), m_workerTrails.size());
    for (std::size_t i = 0; i < racers; ++i)
        m_trails[i] = m_workerTrails[i];
    m_latest = m_workerLatest;
    m_dirty = true;
}

void TrainingController::recordState(const TrainingStep &state, bool trailCleared)
{
    // A change of racers starts every trail afresh (the GUI side did so in setRivals()).
    matchWorkerTrails();
    if (state.racer < int(m_workerTrails.size())) {
        Trail &trail = m_workerTrails[std::size_t(state.racer)];
        if (trailCleared)
            trail.clear();
        // The start of a run is the trail's first point.
        if (state.step == 0) {
            trail.clear();
            trail.append(state, m_worker->racer(state.racer).optimizer().snapshot());
        }
    }
    if (state.racer == 0)
        m_workerLatest = state;
    m_stepsPending = true;
    {
        std::lock_guard locker(m_mutex);
        shareSteps();
    }
    wake();
}

void TrainingController::recordOptimizerState(qint64 step,
                                              const std::vector<OptimizerStateEntry> &state)
{
    // After each batch of steps and each change: the state the next step starts from.
    recordLatestStates();
    {
        std::lock_guard locker(m_mutex);
        shareSteps();
        m_optimizerStep = step;
        m_optimizerState = state;
        m_optimizerStateDirty = true;
    }
    wake();
}

void TrainingController::recordLatestStates()
{
    matchWorkerTrails();
    for (int i = 0; i < m_worker->racerCount(); ++i) {
        const Trainer &trainer = m_worker->racer(i);
        m_workerTrails[std::size_t(i)].setLatestState(trainer.current().step,
                                                      trainer.optimizer().snapshot());
    }
    m_stepsPending = true;
}

void TrainingController::recordNotice(Notice notice)
{
    {
        std::lock_guard locker(m_mutex);
        shareSteps();
        m_notices.push_back(std::move(notice));
    }
    wake();
}

void TrainingController::wake()
{
    // At most one wake-up is queued at a time, so the GUI's event queue stays short however
    // many steps the worker takes.
    {
        std::lock_guard locker(m_mutex);
        if (std::exchange(m_wakePending, true))
            return;
    }
    Q_EMIT noticesQueued();
}

void TrainingController::handleWake()
{
    std::vector<Notice> notices;
    qint64 commandsDone = 0;
    {
        std::lock_guard locker(m_mutex);
        m_wakePending = false;
        notices.swap(m_notices);
        commandsDone = m_commandsDone;
    }
    if (!m_frameTimer.isActive()) {
        publish();
        m_frameTimer.start();
        m_frameClock.start();
        m_frameCpuNs = threadCpuNs();
    }
    for (const Notice &notice : notices) {
        if (notice.kind == Notice::Kind::Running) {
            handleRunningChanged(notice.running);
            continue;
        }
        if (notice.kind == Notice::Kind::Restored) {
            publish();
            Q_EMIT restored(notice.step, notice.stateKnown);
            continue;
        }
        // The last step was recorded before the stop: show it first.
        publish();
        // The window shows the message; the log has it for diagnostics, off by default
        // (QT_LOGGING_RULES="losslab.core.training.info=true" turns it on).
        if (notice.reason == StopReason::Diverged || notice.reason == StopReason::TooLarge)
            qCInfo(lcTraining).noquote() << notice.message;
        Q_EMIT stopped(notice.reason, notice.message);
    }
    // Everything those commands did is recorded by now; show it before calling them settled.
    // Steps alone wait for the next frame: a wake-up comes after every batch of steps, more
    // often than the frames.
    if (commandsDone != m_commandsSettled)
        publish();
    m_commandsSettled = commandsDone;
}

void TrainingController::handleFrame()
{
    // While training, a frame is skipped when the GUI thread has been busy for more than half
    // the time since the last one (a large data set makes each frame cost more): the window
    // then shows fewer frames but keeps the other half for input and its own timers.
    const qint64 cpuNs = threadCpuNs();
    if (m_running && 2 * (cpuNs - m_frameCpuNs) > m_frameClock.nsecsElapsed())
        return;
    m_frameClock.restart();
    m_frameCpuNs = cpuNs;
    publish();
}

void TrainingController::publish()
{
    bool changed = false;
    bool optimizerChanged = false;
    qint64 optimizerStep = 0;
    std::vector<OptimizerStateEntry> optimizerState;
    {
        std::lock_guard locker(m_mutex);
        if (m_dirty) {
            m_published = m_latest;
            m_dirty = false;
            changed = true;
        }
        if (m_optimizerStateDirty) {
            optimizerStep = m_optimizerStep;
            optimizerState.swap(m_optimizerState);
            m_optimizerStateDirty = false;
            optimizerChanged = true;
        }
    }
    if (changed) {
        ++m_publishedFrames;
        Q_EMIT progressed(m_published);
    }
    if (optimizerChanged)
        Q_EMIT optimizerStateChanged(optimizerStep, optimizerState);
    if (!changed && !optimizerChanged && !m_running)
        m_frameTimer.stop();
}

void TrainingController::handleRunningChanged(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}
