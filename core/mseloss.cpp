#include "mseloss.h"

#include "dataset.h"
#include "lossfunction.h"

#include <Eigen/Core>

#include <cmath>

namespace {

Eigen::Map<const Eigen::ArrayXd> column(const std::vector<double> &values)
{
    return {values.data(), Eigen::Index(values.size())};
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
    return LossFunction::curve(data, Objective(), 0.0, from, to, samples);
}
