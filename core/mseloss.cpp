#include "mseloss.h"

#include "dataset.h"

#include <Eigen/Core>

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
