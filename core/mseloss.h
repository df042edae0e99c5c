#pragma once

#include "objective.h"

#include <QPointF>

#include <optional>
#include <vector>

class Dataset;

// Loss and gradient of one model at one parameter value.
struct LossValue
{
    double loss = 0.0;
    double gradient = 0.0;
};

// Mean squared error of the model y = w·x, the lesson's loss.
//
// MSE(w) = (1/n)·Σ (w·xᵢ − yᵢ)² and dMSE/dw = (2/n)·Σ xᵢ·(w·xᵢ − yᵢ). Residuals are formed
// per point, so no precision is lost by expanding the square. An empty dataset has loss and
// gradient 0 by definition.
//
// For large everyday data the optimum, the line and the learning-rate limit come from the
// moments Dataset keeps (see LossFunction::summary), in constant time.
class MseLoss
{
public:
    static double loss(const Dataset &data, double w);
    static double gradient(const Dataset &data, double w);
    static LossValue evaluate(const Dataset &data, double w);

    // The exact minimiser w* = Σxy / Σx²; empty when every x is 0 (or there are no points),
    // where every w gives the same loss. The sums are scaled (see ScaledArray), so data whose
    // squares overflow or underflow still give w*; ±inf when w* itself is beyond DBL_MAX.
    static std::optional<double> optimum(const Dataset &data);
    // The minimiser along the slice of y = w·x + b at a fixed b: w = Σx(y − b) / Σx²; empty
    // when every x is 0.
    static std::optional<double> sliceOptimum(const Dataset &data, double b);

    // Gradient descent on this loss converges for 0 < lr < 1/mean(x²) and diverges above it;
    // empty when every x is 0 (the gradient is always 0 and no rate diverges). +inf when the
    // limit is beyond DBL_MAX (x near 1e-300): every rate that can be typed is stable. 0 when
    // it is below the smallest double (x near 1e200): every rate diverges.
    static std::optional<double> stableLearningRateLimit(const Dataset &data);

    // The same for either model: 2/λmax of the Hessian of the MSE, which for y = w·x + b is
    // 2·[[mean(x²), mean(x)], [mean(x), 1]]. Empty for no points (and as above for y = w·x).
    static std::optional<double> stableLearningRateLimit(const Dataset &data, ModelKind model);

    // The least-squares line y = w·x + b, from centred and scaled sums (no precision is lost
    // for data far from 0, nothing overflows for data near 1e154 or underflows near 1e-300).
    // When every x is equal no line is unique: the minimum-norm (w, b) among the optimal ones
    // is given and `unique` is false. Empty for no points.
    struct LineFit
    {
        double w = 0.0;
        double b = 0.0;
        bool unique = true;
    };
    static std::optional<LineFit> lineOptimum(const Dataset &data);

    // The loss at `samples` evenly spaced w from `from` to `to` (both included), as (w, loss).
    static std::vector<QPointF> curve(const Dataset &data, double from, double to, int samples);
};
