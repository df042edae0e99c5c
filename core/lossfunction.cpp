#include "lossfunction.h"

#include "dataset.h"
#include "moments.h"
#include "scaledarray.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <optional>

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
    // w and b are finite, so a residual is ±inf at worst, never NaN.
    Eigen::ArrayXd r = w * x + b - y;
    if (std::isfinite(r.abs().maxCoeff()))
        return ScaledArray::adopting(std::move(r));
    // |w·x| < 2^(e(w) + e(x)), |b| < 2^e(b), |y| < 2^e(y): after the shift each is below
    // 2^1021 and their sum is finite.
    const int top =
        std::max({ScaledArray::exponentOf(w) + ScaledArray::exponentOf(x.abs().maxCoeff()),
                  ScaledArray::exponentOf(b), ScaledArray::exponentOf(y.abs().maxCoeff())});
    const int shift = std::max(0, top - 1021);
    Eigen::ArrayXd shifted = w * ScaledArray::scaledDown(x, shift) + std::ldexp(b, -shift)
        - ScaledArray::scaledDown(y, shift);
    const ScaledArray scaled = ScaledArray::adopting(std::move(shifted));
    return ScaledArray(scaled.mantissas(), scaled.exponent() + shift);
}

// Huber's δ against the scaled residuals: in units of 2^e, δ is δ·2^-e (∞ or 0 when that is
// out of range, which sorts the points the same); a residual of 0 is inside whatever δ is.
struct HuberSplit
{
    explicit HuberSplit(double delta, const ScaledArray &r)
        : exponent(ScaledArray::exponentOf(delta))
        , mantissa(std::ldexp(delta, -exponent))
        , inside((r.mantissas().abs() < std::ldexp(delta, -r.exponent())) || (r.mantissas() == 0.0))
        , anyInside(inside.any())
        , anyOutside(!inside.all())
    {
    }

    int exponent; // δ = mantissa·2^exponent
    double mantissa;
    Eigen::Array<bool, Eigen::Dynamic, 1> inside; // |r| < δ
    bool anyInside;
    bool anyOutside;
};

// Huber's split of the points, made once per evaluation; empty for the other losses.
std::optional<HuberSplit> huberSplit(const Objective &objective, const ScaledArray &r)
{
    if (objective.loss != LossKind::Huber)
        return std::nullopt;
    return HuberSplit(objective.delta, r);
}

// Each point's loss ℓ(rᵢ), scaled, from the scaled residuals.
ScaledArray pointLosses(const Objective &objective, const ScaledArray &r,
                        const std::optional<HuberSplit> &huber)
{
    const Eigen::ArrayXd &m = r.mantissas();
    const int e = r.exponent();
    switch (objective.loss) {
    case LossKind::Mse:
        return ScaledArray(m.square(), 2 * e);
    case LossKind::Mae:
        return ScaledArray(m.abs(), e);
    case LossKind::Huber:
        break;
    }
    // r²/2 inside, δ·(|r| − δ/2) beyond, in units of the larger exponent of those present.
    const HuberSplit &split = *huber;
    const int eLinear = e + split.exponent;
    const int eLoss = split.anyOutside && (!split.anyInside || eLinear > 2 * e) ? eLinear : 2 * e;
    const Eigen::ArrayXd quadratic = ScaledArray::scaledDown(0.5 * m.square(), eLoss - 2 * e);
    const Eigen::ArrayXd linear = ScaledArray::scaledDown(
        split.mantissa * (m.abs() - std::ldexp(objective.delta, -e - 1)), eLoss - eLinear);
    return ScaledArray(split.inside.select(quadratic, linear), eLoss);
}

// Each point's ψ(rᵢ), the derivative of its loss, scaled, from the scaled residuals.
ScaledArray pointSlopes(const Objective &objective, const ScaledArray &r,
                        const std::optional<HuberSplit> &huber)
{
    const Eigen::ArrayXd &m = r.mantissas();
    const int e = r.exponent();
    switch (objective.loss) {
    case LossKind::Mse:
        return ScaledArray(2.0 * m, e);
    case LossKind::Mae:
        return ScaledArray(m.sign(), 0);
    case LossKind::Huber:
        break;
    }
    // r inside, ±δ beyond, in units of the larger exponent of those present.
    const HuberSplit &split = *huber;
    const int eSlope =
        split.anyOutside && (!split.anyInside || split.exponent > e) ? split.exponent : e;
    const Eigen::ArrayXd clamped = ScaledArray::scaledDown(m, eSlope - e);
    const Eigen::ArrayXd bound = m.sign() * std::ldexp(split.mantissa, split.exponent - eSlope);
    return ScaledArray(split.inside.select(clamped, bound), eSlope);
}

// The sums of one pass over the points: Σℓ(rᵢ), Σψ(rᵢ), Σψ(rᵢ)·xᵢ and Σ|rᵢ|.
struct PointSums
{
    double loss = 0.0;
    double slope = 0.0;
    double slopeX = 0.0;
    double absResidual = 0.0;
};

// What one point contributes: its loss ℓ(r) and slope ψ(r).
struct PointTerms
{
    double loss;
    double slope;
};

// The pass itself, for one loss. Each point's ℓ and ψ are formed as in pointLosses() and
// pointSlopes() with no scaling; the lanes of `omp simd` only change the order of the sums.
template<typename PerPoint>
[[gnu::always_inline]] inline PointSums sumOver(const double *xs, const double *ys, std::size_t n,
                                                double w, double b, PerPoint perPoint)
{
    double loss = 0.0;
    double slope = 0.0;
    double slopeX = 0.0;
    double absResidual = 0.0;
#pragma omp simd reduction(+ : loss, slope, slopeX, absResidual)
    for (std::size_t i = 0; i < n; ++i) {
        const double r = w * xs[i] + b - ys[i];
        const PointTerms terms = perPoint(r);
        loss += terms.loss;
        slope += terms.slope;
        slopeX += terms.slope * xs[i];
        absResidual += std::fabs(r);
    }
    return {loss, slope, slopeX, absResidual};
}

// Compiled for AVX2 as well where the compiler can, and chosen at load time by the CPU.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_THREAD__)
#define LOSSLAB_VECTOR_CLONES [[gnu::target_clones("avx2", "default")]]
#else
#define LOSSLAB_VECTOR_CLONES
#endif

LOSSLAB_VECTOR_CLONES PointSums fusedSums(const double *xs, const double *ys, std::size_t n,
                                          LossKind kind, double w, double b, double delta)
{
    switch (kind) {
    case LossKind::Mse:
        return sumOver(xs, ys, n, w, b, [](double r) { return PointTerms {r * r, 2.0 * r}; });
    case LossKind::Mae:
        // sign(r) as min(|r|·2^1200, 1) with the sign of r: every nonzero |r| times 2^1200 is
        // at least 1 (or inf), and 0 stays 0. Branch-free, so the lanes stay full.
        return sumOver(xs, ys, n, w, b, [](double r) {
            const double a = std::fabs(r);
            return PointTerms {a, std::copysign(std::min(a * 0x1p600 * 0x1p600, 1.0), r)};
        });
    case LossKind::Huber:
        break;
    }
    // With c = r clamped to [−δ, δ]: ψ = c, and ℓ = c·(r − c/2), which is r²/2 inside and
    // δ·(|r| − δ/2) beyond, rounded as those are. Branch-free, so the lanes stay full.
    return sumOver(xs, ys, n, w, b, [delta](double r) {
        const double c = std::min(std::max(r, -delta), delta);
        return PointTerms {c * (r - 0.5 * c), c};
    });
}

// The fused pass, taken when nothing in it can overflow or underflow: everyday data, w, b
// and (for Huber) δ, and residuals that ScaledArray would leave unscaled: none beyond 2^400
// (bounded by |w|·max|x| + |b| + max|y| before the pass) and, unless all are 0, their mean
// magnitude at least 2^-400 (so the largest is). Empty otherwise.
std::optional<Evaluation> fusedEvaluation(const Dataset &data, const Objective &objective, double w,
                                          double b)
{
    const Moments &moments = data.moments();
    const double residualBound = std::fabs(w) * moments.maxAbsX + std::fabs(b) + moments.maxAbsY;
    const bool deltaEveryday =
        objective.loss != LossKind::Huber || ScaledArray::isEveryday(objective.delta);
    if (!moments.isEveryday() || !deltaEveryday || !(residualBound <= 0x1p400))
        return std::nullopt;
    const PointSums sums = fusedSums(data.xs().data(), data.ys().data(), data.size(),
                                     objective.loss, w, b, objective.delta);
    const double n = double(data.size());
    if (sums.absResidual != 0.0 && !(sums.absResidual / n >= 0x1p-400))
        return std::nullopt;
    return Evaluation {sums.loss / n, sums.slopeX / n, sums.slope / n};
}

// The MSE from the moments: with x̃, ỹ the centred values, β = Σx̃ỹ/Σx̃² and m = w·x̄ + b − ȳ
// the mean residual, mean(r²) = (Σx̃²/n)·(w − β)² + (Σỹ² − β·Σx̃ỹ)/n + m², a sum of terms that
// are never negative, so none cancels another. dMSE/dw = 2·((w·Σx̃² − Σx̃ỹ)/n + m·x̄) and
// dMSE/db = 2·m. Empty when a result overflows on the way.
std::optional<Evaluation> momentsEvaluation(const Moments &m, double w, double b)
{
    if (!ScaledArray::isEveryday(w) || !ScaledArray::isEveryday(b))
        return std::nullopt;
    const double n = m.count;
    const double mismatch = w * m.meanX + b - m.meanY;
    double spread = m.cyy / n;
    if (m.cxx > 0.0) {
        const double beta = m.cxy / m.cxx;
        const double apart = std::sqrt(m.cxx / n) * (w - beta);
        spread = apart * apart + std::max(0.0, m.cyy - beta * m.cxy) / n;
    }
    Evaluation result;
    result.loss = spread + mismatch * mismatch;
    result.gradW = 2.0 * ((w * m.cxx - m.cxy) / n + mismatch * m.meanX);
    result.gradB = 2.0 * mismatch;
    if (!std::isfinite(result.loss) || !std::isfinite(result.gradW))
        return std::nullopt;
    return result;
}

// The fast roads, or empty when the scaled computation must be made.
std::optional<Evaluation> quickEvaluation(const Dataset &data, const Objective &objective, double w,
                                          double b)
{
    if (objective.loss == LossKind::Mse) {
        if (const Moments *moments = LossFunction::summary(data))
            return momentsEvaluation(*moments, w, b);
    }
    return fusedEvaluation(data, objective, w, b);
}

} // namespace

const Moments *LossFunction::summary(const Dataset &data)
{
    const Moments &moments = data.moments();
    return data.size() >= summaryThreshold && moments.isEveryday() ? &moments : nullptr;
}

Evaluation LossFunction::evaluate(const Dataset &data, const Objective &objective, double w,
                                  double b)
{
    if (data.isEmpty())
        return {};
    const auto x = column(data.xs());
    const double bias = objective.hasBias() ? b : 0.0;
    if (const auto quick = quickEvaluation(data, objective, w, bias)) {
        // + 0.0 turns a -0 (every x = 0, say) into 0, which prints as "0".
        return {quick->loss, quick->gradW + 0.0, objective.hasBias() ? quick->gradB + 0.0 : 0.0};
    }
    const ScaledArray r = residuals(x, column(data.ys()), w, bias);
    const auto huber = huberSplit(objective, r);
    const ScaledArray slopes = pointSlopes(objective, r, huber);

    Evaluation result;
    result.loss = pointLosses(objective, r, huber).mean();
    // + 0.0 turns a -0 (every x = 0, say) into 0, which prints as "0".
    result.gradW = slopes.meanProduct(x) + 0.0;
    result.gradB = objective.hasBias() ? slopes.mean() + 0.0 : 0.0;
    return result;
}

double LossFunction::loss(const Dataset &data, const Objective &objective, double w, double b)
{
    if (data.isEmpty())
        return 0.0;
    const double bias = objective.hasBias() ? b : 0.0;
    if (const auto quick = quickEvaluation(data, objective, w, bias))
        return quick->loss;
    const ScaledArray r = residuals(column(data.xs()), column(data.ys()), w, bias);
    return pointLosses(objective, r, huberSplit(objective, r)).mean();
}

std::vector<QPointF> LossFunction::curve(const Dataset &data, const Objective &objective, double b,
                                         double from, double to, int samples)
{
    std::vector<QPointF> points;
    for (const double w : evenlySpaced(from, to, samples))
        points.emplace_back(w, loss(data, objective, w, b));
    return points;
}

std::vector<double> LossFunction::evenlySpaced(double from, double to, int samples)
{
    std::vector<double> values;
    if (samples < 2)
        return values;
    values.reserve(std::size_t(samples));
    const double step = (to - from) / double(samples - 1);
    for (int i = 0; i < samples; ++i)
        values.push_back(i == samples - 1 ? to : from + double(i) * step);
    return values;
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
