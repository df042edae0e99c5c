#pragma once

#include <QMetaType>
#include <QtGlobal>

#include <cmath>

// The state of a training run after `step` updates: the parameters, and the loss and its
// gradient at them (the gradient that update step + 1 uses). A plain value that crosses
// threads. For the model y = w·x, b and gradB stay 0. In a Trainer the loss or a gradient is
// ±inf only where its true value is too large to represent (see LossFunction); no update leads
// into such a state, and the worker reports one as reportable() does, with no infinity in it.
struct TrainingStep
{
    qint64 step = 0;
    double w = 0.0;
    double b = 0.0;
    double loss = 0.0;
    double gradW = 0.0;
    double gradB = 0.0;
    int racer = 0; // which of the optimizers raced side by side (0: the chosen one)
    // The loss or a gradient at (w, b) is too large to represent: loss, gradW and gradB hold 0,
    // which stands for no value; say so in words and draw no point for it.
    bool tooLarge = false;

    bool operator==(const TrainingStep &other) const = default;

    // True when every number in it is finite.
    bool isFinite() const;
    // This state with every number finite: as it is, or marked tooLarge with loss and
    // gradients 0 when one of them is not finite.
    TrainingStep reportable() const;
};

// Why a run of training ended.
enum class StopReason {
    None, // still going
    StepLimit, // the configured number of steps is done
    Converged, // |gradient| fell below the tolerance
    Diverged, // the next state was not finite or the loss exploded; it was not taken
    Paused, // the user paused
    NoData, // there are no points to train on
    TooLarge, // the loss or its gradient at the current state is too large to represent
};

inline bool TrainingStep::isFinite() const
{
    return std::isfinite(w) && std::isfinite(b) && std::isfinite(loss) && std::isfinite(gradW)
        && std::isfinite(gradB);
}

inline TrainingStep TrainingStep::reportable() const
{
    if (isFinite())
        return *this;
    TrainingStep marked = *this;
    marked.loss = 0.0;
    marked.gradW = 0.0;
    marked.gradB = 0.0;
    marked.tooLarge = true;
    return marked;
}

Q_DECLARE_METATYPE(TrainingStep)
Q_DECLARE_METATYPE(StopReason)
