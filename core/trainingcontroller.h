#pragma once

#include "session.h"
#include "trail.h"
#include "trainer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <functional>
#include <mutex>
#include <vector>

class TrainingWorker;

// The GUI thread's handle on training: owns the worker and its QThread, forwards commands to
// it in order, and turns the worker's per-step signals into at most one progressed() signal
// per frame (about 60 a second, fewer when the frames keep the GUI thread busy more than half
// the time), however fast the steps come. The destructor stops and joins
// the thread.
//
// Everything that crosses between the threads (commands one way; steps, optimizer state and
// running/stopped notices the other) goes through queues guarded by std::mutex; Qt's event
// queue only carries payload-free wake-ups. That keeps the hand-over visible to
// ThreadSanitizer, which cannot see inside Debian's uninstrumented Qt.
class TrainingController : public QObject
{
    Q_OBJECT

public:
    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    bool isRunning() const { return m_running; }
    // Whether every command sent so far has been carried out by the worker and its result is
    // what latest(), trail() and isRunning() show.
    bool isSettled() const { return m_commandsSettled == m_commandsSent; }
    // The newest state published by progressed().
    TrainingStep latest() const { return m_published; }
    // The steps of the current run for drawing (bounded, see Trail), ending with the latest;
    // `racer` picks one of the optimizers raced side by side (0: the chosen one).
    std::vector<TrainingStep> trail(int racer = 0) const;
    // The optimizer's state after each step of trail(racer); empty where it is not known.
    std::vector<Trail::State> trailStates(int racer = 0) const;
    // trail(racer), its stride and its states, taken together, as a session saves them.
    SessionTrail sessionTrail(int racer = 0) const;
    int racerCount() const;
    // How far apart the steps trail(racer) keeps are: 1 while every step is kept, then 2, 4, …
    // as the run outgrows the trail's capacity (see Trail).
    qint64 trailStride(int racer = 0) const;
    // How many frames progressed() has published; for tests and diagnostics.
    qint64 publishedFrames() const { return m_publishedFrames; }

    void start();
    void pause();
    void step();
    void reset();
    void setDataset(const Dataset &data);
    void setParameters(double w, double b);
    void setObjective(const Objective &objective);
    void setSettings(const TrainerSettings &settings);
    void setOptimizer(const OptimizerSettings &settings);
    // Optimizers to race against the chosen one (none: train it alone); the race restarts.
    void setRivals(const std::vector<OptimizerSettings> &rivals);
    void setStepsPerSecond(int stepsPerSecond);
    // Puts every racer back at the last step its trail kept at or before `step` (w, b, the step
    // count and the optimizer's state after it) and drops the trail after it, so that the next
    // Train or Step goes on exactly as the run went on from there. A run in progress stops
    // first. restored() follows.
    void continueFrom(qint64 step);
    // Gives the racers the saved `trails` (the chosen optimizer's first) and puts each at the
    // last step of its trail, as continueFrom() does; a racer without a trail stays where it
    // is. The racers and their settings must be set first. restored() follows.
    void restoreTrails(const std::vector<SessionTrail> &trails);

    static constexpr int frameIntervalMs = 16;
    // Steps kept for drawing: enough for a smooth trail, few enough to redraw every frame.
    static constexpr std::size_t trailCapacity = 2000;

Q_SIGNALS:
    void progressed(const TrainingStep &latest);
    void runningChanged(bool running);
    void stopped(StopReason reason, const QString &message);
    // The optimizer's state after `step` (see TrainingWorker::optimizerStateChanged).
    void optimizerStateChanged(qint64 step, const std::vector<OptimizerStateEntry> &state);
    // After continueFrom() or restoreTrails(): the chosen optimizer is at `step`, and
    // `optimizerStateKnown` is false when some racer's optimizer starts afresh because its state
    // there was not kept (a session saved without it).
    void restored(qint64 step, bool optimizerStateKnown);

    // Internal wake-ups, emitted from either thread; connected queued at construction.
    void commandsQueued();
    void noticesQueued();

private:
    using Command = std::function<void(TrainingWorker *)>;
    // A running, stopped or restored signal, replayed in order in the GUI thread.
    struct Notice
    {
        enum class Kind { Running, Stopped, Restored };
        Kind kind = Kind::Running;
        bool running = false; // Running
        StopReason reason = StopReason::None; // Stopped
        QString message; // Stopped
        qint64 step = 0; // Restored
        bool stateKnown = true; // Restored
    };

    // Called in the worker's thread, straight from its signals.
    void recordStep(const TrainingStep &state);
    // Hands the worker's trails and latest state to the GUI side; m_mutex must be held.
    void shareSteps();
    void recordState(const TrainingStep &state, bool trailCleared);
    void recordOptimizerState(qint64 step, const std::vector<OptimizerStateEntry> &state);
    void recordNotice(Notice notice);
    // Takes each racer's optimizer state as its trail's latest; in the worker's thread.
    void recordLatestStates();
    // Resizes the worker's trails to its racers; in the worker's thread.
    void matchWorkerTrails();
    void wake();
    void runCommands(); // in the worker's thread

    // In the GUI thread.
    void handleWake();
    void handleFrame();
    void publish();
    void handleRunningChanged(bool running);
    void send(Command command);

    QThread m_thread;
    TrainingWorker *m_worker = nullptr;
    QTimer m_frameTimer;
    QElapsedTimer m_frameClock; // since the last frame the timer published
    qint64 m_frameCpuNs = 0; // the GUI thread's CPU time then

    // The worker's own copy of the trails, which only its thread touches: a step costs no lock,
    // and the steps taken since the last batch are shared in one go (see shareSteps()).
    std::vector<Trail> m_workerTrails {Trail(trailCapacity)};
    TrainingStep m_workerLatest;
    bool m_stepsPending = false;

    std::mutex m_commandsMutex; // guards m_commands
    std::vector<Command> m_commands;

    mutable std::mutex m_mutex; // guards the members below, up to m_wakePending
    std::vector<Trail> m_trails {Trail(trailCapacity)};
    TrainingStep m_latest;
    bool m_dirty = false;
    qint64 m_optimizerStep = 0;
    std::vector<OptimizerStateEntry> m_optimizerState;
    bool m_optimizerStateDirty = false;
    std::vector<Notice> m_notices;
    qint64 m_commandsDone = 0;
    bool m_wakePending = false;

    qint64 m_commandsSent = 0;
    qint64 m_commandsSettled = 0;
    TrainingStep m_published;
    qint64 m_publishedFrames = 0;
    bool m_running = false;
};
