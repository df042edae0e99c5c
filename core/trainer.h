#pragma once

#include "dataset.h"
#include "objective.h"
#include "optimizer.h"
#include "trainingstep.h"

#include <QString>

#include <memory>

// How a Trainer runs: the learning rate and when it stops by itself.
struct TrainerSettings
{
    double learningRate = 0.01; // the lesson's rate; must be finite and positive
    qint64 maxSteps = 1000; // a run stops after this many updates in total
    double tolerance = 0.0; // stop when ‖gradient‖ < tolerance; 0 never stops early

    bool operator==(const TrainerSettings &other) const = default;
};

// Training of one model on one dataset with one optimizer: (w, b) ← optimizer step against
// the gradient of the objective.
//
// One update per advance(). Before an update is taken, the new state is checked: if a
// parameter, the loss or the gradient is not finite, or the loss has grown past
// divergenceFactor times its reference size (the largest of the loss at the start, of the
// zero model and at the last change of data or parameters), the update is refused, the state
// stays at the last good step, the optimizer's state is cleared and advance() reports
// Diverged. The learning rate comes from TrainerSettings and overrides the optimizer's.
// Not thread-safe: one thread owns a Trainer (the worker's, or the command line's).
class Trainer
{
public:
    explicit Trainer(Dataset data = Dataset::lesson(), double startW = 0.0, double startB = 0.0);
    ~Trainer();

    const Dataset &dataset() const { return m_data; }
    const Objective &objective() const { return m_objective; }
    const TrainerSettings &settings() const { return m_settings; }
    const Optimizer &optimizer() const { return *m_optimizer; }
    const TrainingStep &current() const { return m_current; }
    double startW() const { return m_startW; }
    double startB() const { return m_startB; }
    // The message that explains the last stop other than None; empty before any.
    const QString &stopMessage() const { return m_stopMessage; }

    // New data from the next update on; the loss and gradient at the current state are
    // refreshed.
    void setDataset(Dataset data);
    // A new model or loss; b is set to 0 for the model y = w·x. A new model clears the
    // optimizer's state.
    void setObjective(const Objective &objective);
    void setSettings(const TrainerSettings &settings);
    // A new kind of optimizer starts with empty state; new hyper-parameters for the same kind
    // keep it.
    void setOptimizer(const OptimizerSettings &settings);
    // Moves the parameters; before the first update they also become the start.
    void setParameters(double w, double b);
    void setParameter(double w) { setParameters(w, m_current.b); }
    // Back to the start at step 0, with the optimizer's state cleared.
    void reset();
    // Puts the trainer back at `state` of a run from its start: its step, w and b (the loss and
    // gradient are evaluated again, on the data and objective it has now) and the optimizer's
    // state `optimizer`, so that the next updates are bit for bit those that followed `state`
    // in that run (on the same data and settings). With no state, or one of another kind or
    // for another number of parameters (see Optimizer::fits()), the optimizer starts afresh
    // and false is returned; gradient descent keeps no state but its step count, so its state
    // is never unknown.
    bool restore(const TrainingStep &state, const std::optional<OptimizerSnapshot> &optimizer);

    // Converged when ‖gradient‖ at the current state is already below the tolerance (checked
    // before a run starts, so that a converged start takes no step); None otherwise.
    StopReason checkConverged();
    // Checked before a run starts: TooLarge when the loss or the gradient at the current state
    // is too large to represent (no update can be taken from there), else checkConverged().
    StopReason checkStart();

    // Takes one update and says whether training should stop now (None: go on). From a state
    // that is too large to represent no update is taken: TooLarge.
    StopReason advance();

    // The largest stable learning rate of plain gradient descent on the MSE for this data and
    // model (2/λmax of the loss's Hessian; 1/mean(x²) for y = w·x); empty when there is none
    // or when the loss is not the MSE.
    std::optional<double> stableLearningRate() const;

    static constexpr double divergenceFactor = 1e6;
    static QString noDataMessage();
    // Why training cannot go on from `state`, whose loss or gradient is too large to represent.
    static QString tooLargeMessage(const TrainingStep &state, const Objective &objective);

private:
    TrainingStep evaluated(qint64 step, double w, double b) const;
    // The divergence reference; without `current`, as it was at the start of the run.
    void refreshReference(bool current = true);
    StopReason stop(StopReason reason, const QString &message);
    QString divergenceMessage(qint64 step, const TrainingStep &next) const;

    Dataset m_data;
    Objective m_objective;
    TrainerSettings m_settings;
    std::unique_ptr<Optimizer> m_optimizer;
    double m_startW = 0.0;
    double m_startB = 0.0;
    double m_referenceLoss = 0.0;
    TrainingStep m_current;
    QString m_stopMessage;
};
