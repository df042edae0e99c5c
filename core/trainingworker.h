#pragma once

#include "trainer.h"

#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// Runs a Trainer in whatever thread it lives in (the controller moves it to its own QThread).
//
// Slots are meant to be invoked as queued calls; they take effect between two steps. While
// running, steps are taken in batches from a timer so that the thread's event loop still
// delivers the next command within a few milliseconds, at every speed.
class TrainingWorker : public QObject
{
    Q_OBJECT

public:
    explicit TrainingWorker(QObject *parent = nullptr);
    ~TrainingWorker() override;

    bool isRunning() const { return m_timer.isActive(); }
    // The chosen optimizer's trainer (racer 0).
    const Trainer &trainer() const { return *m_racers.front().trainer; }
    // The trainer of `racer` (0: the chosen optimizer), which must exist.
    const Trainer &racer(int racer) const { return *m_racers[std::size_t(racer)].trainer; }
    int racerCount() const { return int(m_racers.size()); }

public Q_SLOTS:
    void start();
    void pause();
    void stepOnce();
    void reset();
    void setDataset(const Dataset &data);
    void setParameters(double w, double b);
    void setObjective(const Objective &objective);
    void setSettings(const TrainerSettings &settings);
    void setOptimizer(const OptimizerSettings &settings);
    // Optimizers that race the chosen one from the same start on the same data; the race
    // starts afresh. Every command acts on all of them.
    void setRivals(const std::vector<OptimizerSettings> &rivals);
    // Steps per second; 0 runs as fast as possible.
    void setStepsPerSecond(int stepsPerSecond);
    // Puts `racer` back at `state` of its run, with the optimizer's state `optimizer` (see
    // Trainer::restore()); with `start`, the run's start is set first (a saved run). A run in
    // progress stops first. Returns whether the optimizer's state is the one it had. Nothing
    // is announced until publishRestored().
    bool restoreRacer(int racer, const TrainingStep &state,
                      const std::optional<OptimizerSnapshot> &optimizer,
                      const std::optional<TrainingStep> &start = std::nullopt);
    // Announces the states restoreRacer() left (stateChanged, optimizerStateChanged).
    void publishRestored();

Q_SIGNALS:
    // After every update of a racer, with its new state (state.racer says which). Every
    // number in a state sent by this worker is finite.
    void stepCompleted(const TrainingStep &state);
    // After a change that is not an update (reset, new data, a new w): the state now, marked
    // tooLarge where its loss or gradient is too large to represent (a run from there stops
    // with TooLarge).
    void stateChanged(const TrainingStep &state, bool trailCleared);
    void runningChanged(bool running);
    // The chosen optimizer's state after `step`, sent after each batch of steps (at most
    // about a hundred times a second) and after every change, for the state inspector.
    void optimizerStateChanged(qint64 step, const std::vector<OptimizerStateEntry> &state);
    // A run ended (every racer stopped by itself) or was paused; `message` explains it.
    void stopped(StopReason reason, const QString &message);

private:
    struct Racer
    {
        std::unique_ptr<Trainer> trainer;
        bool done = false;
        StopReason reason = StopReason::None;
    };

    void runBatch();
    bool advance();
    bool prepareRun();
    void halt(StopReason reason, const QString &message);
    QString summary() const;
    void publishOptimizerState();
    void publishStates(bool trailCleared);
    template<typename Change> void forEachTrainer(Change change);
    int tickInterval() const;

    std::vector<Racer> m_racers;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_stepsThisRun = 0;
    int m_stepsPerSecond = 0;
};
