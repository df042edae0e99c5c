#pragma once

#include "dataset.h"
#include "trainingstep.h"

#include <QString>

// How a Trainer runs: the learning rate and when it stops by itself.
struct TrainerSettings
{
    double learningRate = 0.01; // the lesson's rate; must be finite and positive
    qint64 maxSteps = 1000; // a run stops after this many updates in total
    double tolerance = 0.0; // stop when |gradient| < tolerance; 0 never stops early
};

// Plain gradient descent on the MSE of y = w·x: w ← w − lr · dMSE/dw.
//
// One update per advance(). Before an update is taken, the new state is checked: if w, the
// loss or the gradient is not finite, or the loss has grown past divergenceFactor times its
// reference size (the larger of the loss at the start and mean(y²)), the update is refused,
// the state stays at the last good step and advance() reports Diverged. Not thread-safe: one
// thread owns a Trainer (the worker's, or the command line's).
class Trainer
{
public:
    explicit Trainer(Dataset data = Dataset::lesson(), double startW = 0.0);

    const Dataset &dataset() const { return m_data; }
    const TrainerSettings &settings() const { return m_settings; }
    const TrainingStep &current() const { return m_current; }
    double startW() const { return m_startW; }
    // The message that explains the last stop other than None; empty before any.
    const QString &stopMessage() const { return m_stopMessage; }

    // New data from the next update on; the loss and gradient at the current w are refreshed.
    void setDataset(Dataset data);
    void setSettings(const TrainerSettings &settings);
    // Moves the current w; before the first update it also becomes the starting w.
    void setParameter(double w);
    // Back to the starting w at step 0.
    void reset();

    // Converged when |gradient| at the current state is already below the tolerance (checked
    // before a run starts, so that a converged start takes no step); None otherwise.
    StopReason checkConverged();

    // Takes one update and says whether training should stop now (None: go on).
    StopReason advance();

    static constexpr double divergenceFactor = 1e6;

private:
    TrainingStep evaluated(qint64 step, double w) const;
    void refreshReference();
    StopReason stop(StopReason reason, const QString &message);
    QString divergenceMessage(qint64 step, const TrainingStep &next) const;

    Dataset m_data;
    TrainerSettings m_settings;
    double m_startW = 0.0;
    double m_referenceLoss = 0.0;
    TrainingStep m_current;
    QString m_stopMessage;
};
