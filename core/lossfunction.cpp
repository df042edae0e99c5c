#include "lossfunction.h"

#include "dataset.h"

#include <Eigen/Core>

#include <cmath>

namespace {

Eigen::Map<const Eigen::ArrayXd> column(const std::vector<double> &values)
{
    return {values.data(), Eigen::Index(values.size())};
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
    const Eigen::ArrayXd r = w * x + bias - y;

    Evaluation result;
    Eigen::ArrayXd slope; // ψ(r), the derivative of the per-point loss
    switch (objective.loss) {
    case LossKind::Mse:
        result.loss = r.square().mean();
        slope = 2.0 * r;
        break;
    case LossKind::Mae:
        result.loss = r.abs().mean();
        slope = r.sign();
        break;
    case LossKind::Huber: {
        const double delta = objective.delta;
        const Eigen::ArrayXd a = r.abs();
        result.loss = (a < delta).select(0.5 * r.square(), delta * (a - 0.5 * delta)).mean();
        slope = r.max(-delta).min(delta);
        break;
    }
    }
    // + 0.0 turns a -0 (every x = 0, say) into 0, which prints as "0".
    result.gradW = (slope * x).mean() + 0.0;
    result.gradB = objective.hasBias() ? slope.mean() + 0.0 : 0.0;
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
