#pragma once

#include "objective.h"

class Dataset;

// The span of w that the slider, the loss chart and the grid search cover for a dataset.
//
// It holds 0 (where training starts) and the optimum w*, with room on the far side of w*, and
// is rounded out to a whole number of nice steps (1, 2 or 5 times a power of ten, about a
// fortieth of the span). For the lesson's data it is the lesson's grid: 0 to 4 by 0.1.
struct ParameterRange
{
    double minimum = 0.0;
    double maximum = 4.0;
    double step = 0.1; // the arrow-key step and the grid-search step
    int decimals = 2; // enough for a resolution of a tenth of a step, at least 2

    // The range of w: around the optimum of y = w·x, or of the line y = w·x + b.
    static ParameterRange forDataset(const Dataset &data, ModelKind model = ModelKind::Origin);
    // The range of b for the line y = w·x + b.
    static ParameterRange forBias(const Dataset &data);
    // From 0 to twice `optimum` (or −1 to 1 when that is empty), rounded out to nice steps.
    static ParameterRange around(double optimum);

    // The 1, 2 or 5 × 10^k nearest to `rough` on a log scale; `rough` must be positive.
    static double niceStep(double rough);

    bool contains(double w) const { return w >= minimum && w <= maximum; }
};
