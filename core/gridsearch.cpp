#include "gridsearch.h"

#include "dataset.h"
#include "lossfunction.h"
#include "mseloss.h"
#include "numberformat.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace {

// How many grid points fit from `from` to `to`: the last one may overshoot `to` by rounding
// error only (1e-9 of a step), never by a real fraction of a step.
double pointCount(double from, double to, double step)
{
    return std::floor((to - from) / step + 1e-9) + 1.0;
}

} // namespace

bool GridSearch::validate(double from, double to, double step, QString *error)
{
    if (!std::isfinite(from) || !std::isfinite(to)) {
        *error = QStringLiteral("the grid bounds must be finite numbers");
        return false;
    }
    if (!std::isfinite(step) || step <= 0.0) {
        *error = QStringLiteral("the grid step must be a positive number");
        return false;
    }
    if (to < from) {
        *error = QStringLiteral("the grid end (%1) is below its start (%2)")
                     .arg(QString::fromStdString(NumberFormat::shortest(to)),
                          QString::fromStdString(NumberFormat::shortest(from)));
        return false;
    }
    if (pointCount(from, to, step) > maxPoints) {
        *error = QStringLiteral("the grid has more than %1 points; use a larger step")
                     .arg(QString::fromStdString(NumberFormat::shortest(maxPoints)));
        return false;
    }
    return true;
}

std::vector<double> GridSearch::grid(double from, double to, double step)
{
    QString ignored;
    if (!validate(from, to, step, &ignored))
        return {};
    // Each point is rounded to the decimals of its label, so that the w evaluated is the w
    // printed (3·0.1 is 0.30000000000000004; its label and value are both 0.3).
    const int decimals = labelDecimals(from, step);
    const auto count = std::size_t(pointCount(from, to, step));
    std::vector<double> points(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double w = from + double(i) * step;
        points[i] = NumberFormat::rounded(w, decimals);
    }
    return points;
}

int GridSearch::labelDecimals(double from, double step)
{
    return std::max({1, NumberFormat::decimalsOf(step), NumberFormat::decimalsOf(from)});
}

QString GridSearch::report(const Dataset &data, double from, double to, double step)
{
    std::ostringstream text;
    write(text, data, from, to, step);
    return QString::fromStdString(text.str());
}

void GridSearch::write(std::ostream &out, const Dataset &data, double from, double to, double step)
{
    const int decimals = labelDecimals(from, step);
    for (double w : grid(from, to, step))
        writeBlock(out, data, w, decimals);
}

QString GridSearch::reportBlock(const Dataset &data, double w, int decimals,
                                std::size_t shownPoints)
{
    std::ostringstream text;
    writeBlock(text, data, w, decimals, shownPoints);
    return QString::fromStdString(text.str());
}

void GridSearch::writeBlock(std::ostream &out, const Dataset &data, double w, int decimals,
                            std::size_t shownPoints)
{
    // A prediction or loss too large to represent is said in words, never "inf".
    out << "w = " << NumberFormat::fixedOrWords(w, decimals) << '\n';
    const std::size_t shown = std::min(shownPoints, data.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const double prediction = w * data.x(i);
        const double loss = LossFunction::pointLoss(Objective(), prediction - data.y(i));
        out << "\tx:" << NumberFormat::shortestWithDecimal(data.x(i))
            << ", y:" << NumberFormat::shortestWithDecimal(data.y(i))
            << ", y_pred:" << NumberFormat::fixedOrWords(prediction, 2)
            << ", loss:" << NumberFormat::fixedOrWords(loss, 2) << '\n';
    }
    if (shown < data.size())
        out << "\t… and " << data.size() - shown << " more points\n";
    out << "MSE = " << NumberFormat::fixedOrWords(MseLoss::loss(data, w), 2) << "\n\n";
}

void GridSearch::writeCsv(std::ostream &out, const Dataset &data, double from, double to,
                          double step)
{
    const auto number = [](double value) {
        return std::isfinite(value) ? NumberFormat::shortest(value) : NumberFormat::readable(value);
    };
    out << "w,x,y,prediction,squared_error,mse\n";
    for (double w : grid(from, to, step)) {
        const std::string mse = number(MseLoss::loss(data, w));
        for (std::size_t i = 0; i < data.size(); ++i) {
            const double prediction = w * data.x(i);
            const double loss = LossFunction::pointLoss(Objective(), prediction - data.y(i));
            out << NumberFormat::shortest(w) << ',' << NumberFormat::shortest(data.x(i)) << ','
                << NumberFormat::shortest(data.y(i)) << ',' << number(prediction) << ','
                << number(loss) << ',' << mse << '\n';
        }
    }
}

std::optional<double> GridSearch::bestW(const Dataset &data, double from, double to, double step)
{
    std::optional<double> best;
    double bestLoss = 0.0;
    for (double w : grid(from, to, step)) {
        const double loss = MseLoss::loss(data, w);
        if (!best || loss < bestLoss) {
            best = w;
            bestLoss = loss;
        }
    }
    return best;
}
