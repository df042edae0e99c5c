#pragma once

#include "trail.h"
#include "trainer.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <vector>

class TrainingWorker;

// The GUI thread's handle on training: owns the worker and its QThread, forwards commands as
// queued calls, and turns the worker's per-step signals into at most one progressed() signal
// per frame (about 60 a second), however fast the steps come. The destructor stops and joins
// the thread.
class TrainingController : public QObject
{
    Q_OBJECT

public:
    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    bool isRunning() const { return m_running; }
    // The newest state published by progressed().
    TrainingStep latest() const { return m_published; }
    // The steps of the current run for drawing (bounded, see Trail), ending with the latest;
    // `racer` picks one of the optimizers raced side by side (0: the chosen one).
    std::vector<TrainingStep> trail(int racer = 0) const;
    int racerCount() const;
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

    static constexpr int frameIntervalMs = 16;
    // Steps kept for drawing: enough for a smooth trail, few enough to redraw every frame.
    static constexpr std::size_t trailCapacity = 2000;

Q_SIGNALS:
    void progressed(const TrainingStep &latest);
    void runningChanged(bool running);
    void stopped(StopReason reason, const QString &message);
    // The optimizer's state after `step` (see TrainingWorker::optimizerStateChanged).
    void optimizerStateChanged(qint64 step, const std::vector<OptimizerStateEntry> &state);

private:
    // Called in the worker's thread, straight from its signals.
    void recordStep(const TrainingStep &state);
    void recordState(const TrainingStep &state, bool trailCleared);
    void wake();

    void publish();
    void handleRunningChanged(bool running);
    void handleStopped(StopReason reason, const QString &message);
    template<typename Command> void send(Command command);

    QThread m_thread;
    TrainingWorker *m_worker = nullptr;
    QTimer m_frameTimer;

    mutable QMutex m_mutex; // guards the three members below
    std::vector<Trail> m_trails {Trail(trailCapacity)};
    TrainingStep m_latest;
    bool m_dirty = false;

    std::atomic<bool> m_wakePending = false;
    TrainingStep m_published;
    qint64 m_publishedFrames = 0;
    bool m_running = false;
};
