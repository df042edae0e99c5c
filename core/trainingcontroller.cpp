#include "trainingcontroller.h"

#include "trainingworker.h"

#include <QLoggingCategory>
#include <QMutexLocker>

Q_LOGGING_CATEGORY(lcTraining, "losslab.core.training", QtWarningMsg)

TrainingController::TrainingController(QObject *parent)
    : QObject(parent)
    , m_worker(new TrainingWorker)
    , m_frameTimer(this)
{
    m_thread.setObjectName(QStringLiteral("LossLab training"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    // Direct: these run in the worker's thread and only touch mutex-guarded members.
    connect(m_worker, &TrainingWorker::stepCompleted, this, &TrainingController::recordStep,
            Qt::DirectConnection);
    connect(m_worker, &TrainingWorker::stateChanged, this, &TrainingController::recordState,
            Qt::DirectConnection);
    connect(m_worker, &TrainingWorker::runningChanged, this,
            &TrainingController::handleRunningChanged);
    connect(m_worker, &TrainingWorker::stopped, this, &TrainingController::handleStopped);
    connect(m_worker, &TrainingWorker::optimizerStateChanged, this,
            &TrainingController::optimizerStateChanged);

    m_frameTimer.setInterval(frameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &TrainingController::publish);

    // Read before the thread starts: from then on only the worker's thread touches it.
    m_latest = m_worker->trainer().current();
    m_published = m_latest;
    m_thread.start();
}

TrainingController::~TrainingController()
{
    m_thread.quit();
    if (!m_thread.wait(QDeadlineTimer(5000))) {
        qCWarning(lcTraining) << "the training thread did not stop within 5 s; waiting on";
        m_thread.wait();
    }
}

std::vector<TrainingStep> TrainingController::trail(int racer) const
{
    QMutexLocker locker(&m_mutex);
    if (racer < 0 || racer >= int(m_trails.size()))
        return {};
    return m_trails[std::size_t(racer)].points();
}

int TrainingController::racerCount() const
{
    QMutexLocker locker(&m_mutex);
    return int(m_trails.size());
}

void TrainingController::setRivals(const std::vector<OptimizerSettings> &rivals)
{
    {
        QMutexLocker locker(&m_mutex);
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

template<typename Command> void TrainingController::send(Command command)
{
    TrainingWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, command] { command(worker); }, Qt::QueuedConnection);
}

void TrainingController::recordStep(const TrainingStep &state)
{
    {
        QMutexLocker locker(&m_mutex);
        if (state.racer < int(m_trails.size()))
            m_trails[std::size_t(state.racer)].append(state);
        // Any racer's step is news for the next frame; the readouts follow racer 0.
        if (state.racer == 0)
            m_latest = state;
        m_dirty = true;
    }
    wake();
}

void TrainingController::recordState(const TrainingStep &state, bool trailCleared)
{
    {
        QMutexLocker locker(&m_mutex);
        if (state.racer < int(m_trails.size())) {
            Trail &trail = m_trails[std::size_t(state.racer)];
            if (trailCleared)
                trail.clear();
            // The start of a run is the trail's first point.
            if (state.step == 0) {
                trail.clear();
                trail.append(state);
            }
        }
        // Any racer's step is news for the next frame; the readouts follow racer 0.
        if (state.racer == 0)
            m_latest = state;
        m_dirty = true;
    }
    wake();
}

void TrainingController::wake()
{
    // At most one wake-up is queued at a time, so the GUI's event queue stays short however
    // many steps the worker takes.
    if (m_wakePending.exchange(true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_wakePending = false;
            if (!m_frameTimer.isActive()) {
                publish();
                m_frameTimer.start();
            }
        },
        Qt::QueuedConnection);
}

void TrainingController::publish()
{
    bool changed = false;
    {
        QMutexLocker locker(&m_mutex);
        if (m_dirty) {
            m_published = m_latest;
            m_dirty = false;
            changed = true;
        }
    }
    if (changed) {
        ++m_publishedFrames;
        Q_EMIT progressed(m_published);
    } else if (!m_running) {
        m_frameTimer.stop();
    }
}

void TrainingController::handleRunningChanged(bool running)
{
    if (m_running == running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

void TrainingController::handleStopped(StopReason reason, const QString &message)
{
    // The last step was recorded before this queued signal was sent: show it first.
    publish();
    if (reason == StopReason::Diverged || reason == StopReason::TooLarge)
        qCWarning(lcTraining).noquote() << message;
    Q_EMIT stopped(reason, message);
}
