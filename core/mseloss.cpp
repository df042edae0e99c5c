#include "mseloss.h"

#include "dataset.h"
#include "lossfunction.h"
#include "moments.h"
#include "scaledarray.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace {

Eigen::Map<const Eigen::ArrayXd> column(const std::vector<double> &values)
{
    return {values.data(), Eigen::Index(values.size())};
}

// mean(x²) and mean(x·y) from the moments: Σx̃²/n + x̄² and Σx̃ỹ/n + x̄·ȳ.
double meanSquareX(const Moments &m)
{
    return m.cxx / m.count + m.meanX * m.meanX;
}

double meanProductXY(const Moments &m)
{
    return m.cxy / m.count + m.meanX * m.meanY;
}

// The minimum-norm (w, b) among the lines w·x̄ + b = ȳ, all optimal when every x is x̄: the
// shortest is ȳ·(x̄, 1)/(x̄² + 1), taken as ȳ/(x̄ + 1/x̄)·(1, 1/x̄) for |x̄| ≥ 1 so that x̄²
// cannot overflow.
MseLoss::LineFit shortestLine(double centreX, double centreY)
{
    if (std::fabs(centreX) < 1.0) {
        const double scale = centreY / (centreX * centreX + 1.0);
        return {scale * centreX, scale, false};
    }
    const double w = centreY / (centreX + 1.0 / centreX);
    return {w, w / centreX, false};
}

} // namespace

// The arithmetic lives in LossFunction; these are the lesson's model and loss by name.
double MseLoss::loss(const Dataset &data, double w)
{
    return LossFunction::loss(data, Objective(), w);
}

double MseLoss::gradient(const Dataset &data, double w)
{
    return LossFunction::evaluate(data, Objective(), w).gradW;
}

LossValue MseLoss::evaluate(const Dataset &data, double w)
{
    const Evaluation value = LossFunction::evaluate(data, Objective(), w);
    return {value.loss, value.gradW};
}

std::optional<double> MseLoss::optimum(const Dataset &data)
{
    if (data.allXZero())
        return std::nullopt;
    if (const Moments *m = LossFunction::summary(data))
        return meanProductXY(*m) / meanSquareX(*m);
    return ScaledArray(column(data.xs())).ratioOfSums(ScaledArray(column(data.ys())));
}

std::optional<double> MseLoss::sliceOptimum(const Dataset &data, double b)
{
    if (data.allXZero())
        return std::nullopt;
    if (const Moments *m = LossFunction::summary(data)) {
        if (std::isfinite(meanProductXY(*m) - b * m->meanX))
            return (meanProductXY(*m) - b * m->meanX) / meanSquareX(*m);
    }
    std::vector<double> shifted = data.ys();
    for (double &y : shifted)
        y -= b;
    return optimum(Dataset(data.xs(), std::move(shifted)));
}

std::optional<double> MseLoss::stableLearningRateLimit(const Dataset &data)
{
    if (data.allXZero())
        return std::nullopt;
    if (const Moments *m = LossFunction::summary(data))
        return 1.0 / meanSquareX(*m);
    // 1/mean(x²) = 1/mean(m²)·2^(-2e) for x = m·2^e.
    const ScaledArray x(column(data.xs()));
    return std::ldexp(1.0 / x.mantissas().square().mean(), -2 * x.exponent());
}

std::optional<double> MseLoss::stableLearningRateLimit(const Dataset &data, ModelKind model)
{
    if (model == ModelKind::Origin)
        return stableLearningRateLimit(data);
    if (data.isEmpty())
        return std::nullopt;
    // The Hessian is 2·[[A, C], [C, 1]] with A = mean(x²), C = mean(x), whose largest
    // eigenvalue is 2·λ with λ = (A + 1)/2 + √(((A − 1)/2)² + C²); the limit is 1/λ. For x
    // near the ends of the doubles everything is taken in units of 2^(2e), e the exponent of
    // the largest |x|, so that A stays finite.
    if (const Moments *moments = LossFunction::summary(data)) {
        const double a = meanSquareX(*moments);
        const double c = moments->meanX;
        return 1.0 / (0.5 * (a + 1.0) + std::hypot(0.5 * (a - 1.0), c));
    }
    const ScaledArray x(column(data.xs()));
    const Eigen::ArrayXd &m = x.mantissas();
    const int unit = x.exponent() > 500 ? 2 * x.exponent() : 0;
    const double a = std::ldexp(m.square().mean(), 2 * x.exponent() - unit);
    const double c = std::ldexp(m.mean(), x.exponent() - unit);
    const double one = std::ldexp(1.0, -unit);
    const double largest = 0.5 * (a + one) + std::hypot(0.5 * (a - one), c);
    return std::ldexp(1.0 / largest, -unit);
}

std::optional<MseLoss::LineFit> MseLoss::lineOptimum(const Dataset &data)
{
    if (data.isEmpty())
        return std::nullopt;
    if (const Moments *m = LossFunction::summary(data)) {
        if (m->cxx > 0.0) {
            const double slope = m->cxy / m->cxx;
            return LineFit {slope, m->meanY - slope * m->meanX, true};
        }
        return shortestLine(m->meanX, m->meanY);
    }
    // Centred sums, in units of the largest |x| and |y| (powers of two), so that data far from
    // 0 lose no precision and data near the ends of the doubles neither overflow nor underflow.
    const ScaledArray x(column(data.xs()));
    const ScaledArray y(column(data.ys()));
    const double meanX = x.mantissas().mean();
    const double meanY = y.mantissas().mean();
    const Eigen::ArrayXd dx = x.mantissas() - meanX;
    const Eigen::ArrayXd dy = y.mantissas() - meanY;
    const double sxx = dx.square().sum();
    if (sxx > 0.0) {
        // The slope in those units; w = slope·2^(e(y) − e(x)) and b = (ȳ − slope·x̄)·2^e(y).
        const double slope = (dx * dy).sum() / sxx;
        return LineFit {std::ldexp(slope, y.exponent() - x.exponent()),
                        std::ldexp(meanY - slope * meanX, y.exponent()), true};
    }
    // Every x equals x̄: no line is unique.
    return shortestLine(std::ldexp(meanX, x.exponent()), std::ldexp(meanY, y.exponent()));
}

std::vector<QPointF> MseLoss::curve(const Dataset &data, double from, double to, int samples)
{
    return LossFunction::curve(data, Objective(), 0.0, from, to, samples);
}
