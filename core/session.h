#pragma once

#include "dataset.h"
#include "objective.h"
#include "optimizer.h"
#include "trainer.h"
#include "trainingstep.h"

#include <QString>

#include <optional>
#include <vector>

// The steps one optimizer of a run took, as its Trail kept them: evenly spaced `stride` steps
// apart (see Trail), the first step first and the latest last; and the optimizer's state after
// each, for going on from there (empty where it is not known, as in files of version 1; the
// list may be shorter than `steps`, which leaves the rest unknown).
struct SessionTrail
{
    qint64 stride = 1;
    std::vector<TrainingStep> steps;
    std::vector<std::optional<OptimizerSnapshot>> optimizerStates;

    bool operator==(const SessionTrail &other) const = default;
};

// How the window showed the session.
struct SessionView
{
    // The window's name for the tab in front; empty (or a name the window does not know) leaves
    // its default. Suggested names: "lossPerStep", "lossSurface", "model", "optimizerState",
    // "gridSearch".
    QString tab;
    bool logLossAxis = false; // the loss-per-step chart's logarithmic axis

    bool operator==(const SessionView &other) const = default;
};

// Everything a `.losslab` session file holds (see SessionFile): the data and where they came
// from, what is trained and how, where training has got to, and how the window showed it.
// A plain value; a default Session is the window's fresh start (the lesson's data, y = w·x,
// MSE, gradient descent at lr 0.01, the training panel's step limit and tolerance).
struct Session
{
    Dataset data = Dataset::lesson();
    // The file the points were read from, as the window names it (empty for the lesson's data or
    // points drawn by hand), and the names (or 1-based numbers) of its x and y columns.
    QString sourceFile;
    QString xColumn;
    QString yColumn;

    Objective objective;
    bool standardizeX = false; // train on (x − mean)/sd (see DatasetModel::setStandardized)
    // The chosen optimizer and the ones raced against it, in the order they race. Their
    // learningRate is training.learningRate (the Trainer's rate overrides theirs); a file
    // stores it once and loading copies it into each.
    OptimizerSettings optimizer;
    std::vector<OptimizerSettings> rivals;
    TrainerSettings training {0.01, 10000, 1e-6};
    int stepsPerSecond = 20; // 0: as fast as possible

    double w = 0.0;
    double b = 0.0; // 0 for the model y = w·x
    // One trail per racer: the chosen optimizer's first, then the rivals' in order; empty
    // before any step. Each step's `racer` is its trail's index.
    std::vector<SessionTrail> trails;

    SessionView view;

    // Compares doubles as == does (-0 equals 0, NaN equals nothing); SessionFile keeps the bits.
    bool operator==(const Session &other) const = default;
};
