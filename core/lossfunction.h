#pragma once

#include "objective.h"

#include <QPointF>

#include <cstddef>

#include <vector>

class Dataset;
struct Moments;

// The loss and its gradient with respect to the model's parameters at one point (w, b).
struct Evaluation
{
    double loss = 0.0;
    double gradW = 0.0;
    double gradB = 0.0; // always 0 for the model y = w·x
};

// Evaluates an Objective on a dataset, with PyTorch's definitions of the losses (MSELoss,
// L1Loss, HuberLoss with reduction "mean"), so that numbers can be checked against it.
//
// With residuals rᵢ = w·xᵢ + b − yᵢ and ψ the derivative of the per-point loss (2r for MSE,
// sign(r) for MAE, r clamped to [−δ, δ] for Huber): loss = mean ℓ(rᵢ), dloss/dw = mean ψ(rᵢ)·xᵢ
// and dloss/db = mean ψ(rᵢ). For y = w·x, b is 0 and dloss/db is reported as 0. An empty
// dataset has loss and gradient 0.
//
// The sums are scaled by powers of two (see ScaledArray), so no value overflows or underflows
// on the way: data near 1e154, whose squares overflow, or near 1e-300, whose squares underflow,
// give the true loss and gradient whenever those are doubles. A loss or gradient whose true
// magnitude is beyond DBL_MAX comes out as ±inf, which means "too large to represent" (callers
// say so in words); one below the smallest double comes out as 0. Never NaN.
//
// Everyday data (see Moments::isEveryday) take faster roads with the same definitions: one
// fused pass over the points, and for the MSE of summaryThreshold points or more, constant
// time from the data's moments (mean and spread of x and y), which Dataset keeps up to date.
class LossFunction
{
public:
    // From this many points on, the MSE comes from the moments, not from the points.
    static constexpr std::size_t summaryThreshold = 4096;

    // The data's moments when the MSE and its optimum are taken from them: for everyday data
    // of summaryThreshold points or more; null otherwise.
    static const Moments *summary(const Dataset &data);

    static Evaluation evaluate(const Dataset &data, const Objective &objective, double w,
                               double b = 0.0);
    static double loss(const Dataset &data, const Objective &objective, double w, double b = 0.0);

    // The loss at `samples` evenly spaced w from `from` to `to` (both included) with b fixed,
    // as (w, loss); empty for fewer than two samples.
    static std::vector<QPointF> curve(const Dataset &data, const Objective &objective, double b,
                                      double from, double to, int samples);

    // `samples` evenly spaced values from `from` to `to`, both included (the last is `to`
    // exactly): where curve() samples w.
    static std::vector<double> evenlySpaced(double from, double to, int samples);
    // The loss of one point with residual `residual`.
    static double pointLoss(const Objective &objective, double residual);
};
