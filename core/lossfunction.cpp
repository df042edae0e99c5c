#include "lossfunction.h"

#include "dataset.h"
#include "scaledarray.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace {

Eigen::Map<const Eigen::ArrayXd> column(const std::vector<double> &values)
{
    return {values.data(), Eigen::Index(values.size())};
}

// The residuals w·x + b − y, scaled. Formed as PyTorch forms them; only when a term overflows
// are x, b and y first scaled down by a power of two large enough that none can.
ScaledArray residuals(const Eigen::Map<const Eigen::ArrayXd> &x,
                      const Eigen::Map<const Eigen::ArrayXd> &y, double w, double b)
{
    const Eigen::ArrayXd r = w * x + b - y;
    if (r.allFinite())
        return ScaledArray(r);
    // |w·x| < 2^(e(w) + e(x)), |b| < 2^e(b), |y| < 2^e(y): after the shift each is below
    // 2^1021 and their sum is finite.
    const int top =
        std::max({ScaledArray::exponentOf(w) + ScaledArray::exponentOf(x.abs().maxCoeff()),
                  ScaledArray::exponentOf(b), ScaledArray::exponentOf(y.abs().maxCoeff())});
    const int shift = std::max(0, top - 1021);
    const Eigen::ArrayXd shifted = w * ScaledArray::scaledDown(x, shift) + std::ldexp(b, -shift)
        - ScaledArray::scaledDown(y, shift);
    const ScaledArray scaled(shifted);
    return ScaledArray(scaled.mantissas(), scaled.exponent() + shift);
}

// Each point's loss ℓ(rᵢ) and its derivative ψ(rᵢ), scaled, from the scaled residuals.
struct PointTerms
{
    ScaledArray loss;
    ScaledArray slope;
};

PointTerms pointTerms(const Objective &objective, const ScaledArray &r)
{
    const Eigen::ArrayXd &m = r.mantissas();
    const int e = r.exponent();
    switch (objective.loss) {
    case LossKind::Mse:
        return {ScaledArray(m.square(), 2 * e), ScaledArray(2.0 * m, e)};
    case LossKind::Mae:
        return {ScaledArray(m.abs(), e), ScaledArray(m.sign(), 0)};
    case LossKind::Huber:
        break;
    }
    // Huber: r²/2 where |r| < δ, δ·(|r| − δ/2) beyond; ψ = r clamped to [−δ, δ]. In units of
    // 2^e, δ is δ·2^-e (∞ or 0 when that is out of range, which sorts the points the same).
    // A residual of 0 is inside whatever δ is.
    const double delta = objective.delta;
    const int eDelta = ScaledArray::exponentOf(delta);
    const double mDelta = std::ldexp(delta, -eDelta);
    const double scaledDelta = std::ldexp(delta, -e);
    const Eigen::ArrayXd a = m.abs();
    const auto inside = (a < scaledDelta) || (m == 0.0);
    const bool anyInside = inside.any();
    const bool anyOutside = !inside.all();
    // A common exponent for both kinds of term, the larger of those present.
    const int eLoss = anyOutside && (!anyInside || e + eDelta > 2 * e) ? e + eDelta : 2 * e;
    const int eSlope = anyOutside && (!anyInside || eDelta > e) ? eDelta : e;
    const Eigen::ArrayXd quadratic = ScaledArray::scaledDown(0.5 * m.square(), eLoss - 2 * e);
    const Eigen::ArrayXd linear =
        ScaledArray::scaledDown(mDelta * (a - std::ldexp(delta, -e - 1)), eLoss - e - eDelta);
    const Eigen::ArrayXd clamped = ScaledArray::scaledDown(m, eSlope - e);
    const Eigen::ArrayXd bound = m.sign() * std::ldexp(mDelta, eDelta - eSlope);
    return {ScaledArray(inside.select(quadratic, linear), eLoss),
            ScaledArray(inside.select(clamped, bound), eSlope)};
}

} // namespace

Evaluation LossFunction::evaluate(const Dataset &data, const Objective &objective, double w,
                                  double b)
{
    if (data.isEmpty())
        return {};
    const auto x = column(data.xs());
    const auto y = column(data.ys());
    const double bias = objective.hasBias() ? b : 0.0;
    const PointTerms terms = pointTerms(objective, residuals(x, y, w, bias));

    Evaluation result;
    result.loss = terms.loss.mean();
    // + 0.0 turns a -0 (every x = 0, say) into 0, which prints as "0".
    result.gradW = terms.slope.meanProduct(ScaledArray(x)) + 0.0;
    result.gradB = objective.hasBias() ? terms.slope.mean() + 0.0 : 0.0;
    return result;
}

double LossFunction::loss(const Dataset &data, const Objective &objective, double w, double b)
{
    return evaluate(data, objective, w, b).loss;
}

std::vector<QPointF> LossFunction::curve(const Dataset &data, const Objective &objective, double b,
                                         double from, double to, int samples)
{
    std::vector<QPointF> points;
    if (samples < 2)
        return points;
    points.reserve(std::size_t(samples));
    const double step = (to - from) / double(samples - 1);
    for (int i = 0; i < samples; ++i) {
        const double w = i == samples - 1 ? to : from + double(i) * step;
        points.emplace_back(w, loss(data, objective, w, b));
    }
    return points;
}

double LossFunction::pointLoss(const Objective &objective, double residual)
{
    const double a = std::fabs(residual);
    switch (objective.loss) {
    case LossKind::Mae:
        return a;
    case LossKind::Huber:
        return a < objective.delta ? 0.5 * residual * residual
                                   : objective.delta * (a - 0.5 * objective.delta);
    case LossKind::Mse:
        break;
    }
    return residual * residual;
}
