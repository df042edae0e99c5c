#pragma once

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

    static ParameterRange forDataset(const Dataset &data);

    // The 1, 2 or 5 × 10^k nearest to `rough` on a log scale; `rough` must be positive.
    static double niceStep(double rough);

    bool contains(double w) const { return w >= minimum && w <= maximum; }
};
