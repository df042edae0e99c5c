#include "parameterrange.h"

#include "dataset.h"
#include "mseloss.h"
#include "numberformat.h"

#include <algorithm>
#include <array>
#include <cmath>

double ParameterRange::niceStep(double rough)
{
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    const double scaled = rough / power; // in [1, 10)
    // Boundaries between 1, 2, 5 and 10 are their geometric means.
    static constexpr std::array<double, 4> mantissas = {1.0, 2.0, 5.0, 10.0};
    double best = mantissas[0];
    for (std::size_t i = 0; i + 1 < mantissas.size(); ++i) {
        if (scaled >= std::sqrt(mantissas[i] * mantissas[i + 1]))
            best = mantissas[i + 1];
    }
    return best * power;
}

ParameterRange ParameterRange::forDataset(const Dataset &data, ModelKind model)
{
    if (model == ModelKind::Line) {
        const auto fit = MseLoss::lineOptimum(data);
        return around(fit ? fit->w : 2.0);
    }
    return around(MseLoss::optimum(data).value_or(2.0));
}

ParameterRange ParameterRange::forBias(const Dataset &data)
{
    const auto fit = MseLoss::lineOptimum(data);
    return around(fit ? fit->b : 0.0);
}

ParameterRange ParameterRange::around(double optimum)
{
    double low = std::min(0.0, 2.0 * optimum);
    double high = std::max(0.0, 2.0 * optimum);
    if (!std::isfinite(low) || !std::isfinite(high) || high - low < 1e-300) {
        low = -1.0;
        high = 1.0;
    }

    ParameterRange range;
    range.step = niceStep((high - low) / 40.0);
    range.minimum = std::floor(low / range.step + 1e-9) * range.step;
    range.maximum = std::ceil(high / range.step - 1e-9) * range.step;
    // Near the ends of the doubles, rounding out may overflow: round in instead.
    if (!std::isfinite(range.minimum))
        range.minimum = std::ceil(low / range.step) * range.step;
    if (!std::isfinite(range.maximum))
        range.maximum = std::floor(high / range.step) * range.step;
    // Snap to the step's decimals so that 0.1·40 prints and compares as 4.
    const int stepDecimals = NumberFormat::decimalsOf(range.step);
    range.minimum = NumberFormat::rounded(range.minimum, stepDecimals);
    range.maximum = NumberFormat::rounded(range.maximum, stepDecimals);
    range.decimals = std::max(2, stepDecimals + 1);
    return range;
}
