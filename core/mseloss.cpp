#include "mseloss.h"

#include "dataset.h"

#include <Eigen/Core>

#include <cmath>

namespace {

Eigen::Map<const Eigen::ArrayXd> column(const std::vector<double> &values)
{
    return {values.data(), Eigen::Index(values.size())};
}

} // namespace

double MseLoss::loss(const Dataset &data, double w)
{
    if (data.isEmpty())
        return 0.0;
    const auto x = column(data.xs());
    const auto y = column(data.ys());
    return (w * x - y).square().mean();
}

double MseLoss::gradient(const Dataset &data, double w)
{
    if (data.isEmpty())
        return 0.0;
    const auto x = column(data.xs());
    const auto y = column(data.ys());
    // + 0.0 turns a -0 (all x = 0) into 0, which prints as "0".
    return 2.0 * (x * (w * x - y)).mean() + 0.0;
}

LossValue MseLoss::evaluate(const Dataset &data, double w)
{
    return {loss(data, w), gradient(data, w)};
}

std::optional<double> MseLoss::optimum(const Dataset &data)
{
    if (data.allXZero())
        return std::nullopt;
    const auto x = column(data.xs()).matrix();
    const auto y = column(data.ys()).matrix();
    return x.dot(y) / x.squaredNorm();
}

std::optional<double> MseLoss::stableLearningRateLimit(const Dataset &data)
{
    if (data.allXZero())
        return std::nullopt;
    return 1.0 / data.meanSquareX();
}

std::optional<double> MseLoss::stableLearningRateLimit(const Dataset &data, ModelKind model)
{
    if (model == ModelKind::Origin)
        return stableLearningRateLimit(data);
    if (data.isEmpty())
        return std::nullopt;
    // Eigenvalues of [[a, c], [c, d]]: (a + d)/2 ± √(((a − d)/2)² + c²).
    const double a = 2.0 * data.meanSquareX();
    const double c = 2.0 * column(data.xs()).mean();
    const double d = 2.0;
    const double largest = 0.5 * (a + d) + std::hypot(0.5 * (a - d), c);
    return 2.0 / largest;
}

std::optional<MseLoss::LineFit> MseLoss::lineOptimum(const Dataset &data)
{
    if (data.isEmpty())
        return std::nullopt;
    const auto x = column(data.xs());
    const auto y = column(data.ys());
    const double meanX = x.mean();
    const double meanY = y.mean();
    const Eigen::ArrayXd dx = x - meanX;
    const double sxx = dx.square().sum();
    if (sxx > 0.0) {
        const double w = (dx * (y - meanY)).sum() / sxx;
        return LineFit {w, meanY - w * meanX, true};
    }
    // Every x equals meanX: the optimal lines are w·meanX + b = meanY; the shortest (w, b) is
    // meanY·(meanX, 1)/(meanX² + 1).
    const double scale = meanY / (meanX * meanX + 1.0);
    return LineFit {scale * meanX, scale, false};
}

std::vector<QPointF> MseLoss::curve(const Dataset &data, double from, double to, int samples)
{
    std::vector<QPointF> points;
    if (samples < 2)
        return points;
    points.reserve(std::size_t(samples));
    const double step = (to - from) / double(samples - 1);
    for (int i = 0; i < samples; ++i) {
        const double w = i == samples - 1 ? to : from + double(i) * step;
        points.emplace_back(w, loss(data, w));
    }
    return points;
}
