#pragma once

#include <QString>

#include <cstddef>
#include <limits>
#include <optional>
#include <ostream>
#include <vector>

class Dataset;

// The lesson's brute-force search: evaluate the MSE of y = w·x at every w on a grid.
//
// The grid is w_i = from + i·step for i = 0 … ⌊(to − from) / step⌋ (with a tolerance of 1e-9
// of a step for rounding error, so 0 to 4 by 0.1 has 41 points and never goes past `to`),
// computed from the index: never by repeated addition, which gains or loses a row and drifts
// off 0.1, 0.2, …
class GridSearch
{
public:
    // Sets `*error` and returns false when the grid is unusable: a non-finite bound, a step
    // that is not positive, `to` below `from`, or more than maxPoints points.
    static bool validate(double from, double to, double step, QString *error);

    // The grid points; empty when validate() fails.
    static std::vector<double> grid(double from, double to, double step);

    // How many decimals a w label has: those of the step (and of `from`), at least one.
    static int labelDecimals(double from, double step);

    // The lesson's printout for every grid point: "w = 0.0", one tab-indented line per point
    // ("x:1.0, y:2.0, y_pred:0.00, loss:4.00"), "MSE = 18.67" and an empty line. A prediction
    // or loss too large to represent reads "too large to represent".
    static QString report(const Dataset &data, double from, double to, double step);
    // The same written to `out` block by block, so that the printout of a million points
    // never has to be held whole.
    static void write(std::ostream &out, const Dataset &data, double from, double to, double step);

    // The block of report() for one w: the label with `decimals` decimals, the points (the
    // first `shownPoints` of them, then a line "… and N more points"), the MSE.
    static QString reportBlock(const Dataset &data, double w, int decimals,
                               std::size_t shownPoints = allPoints);
    static void writeBlock(std::ostream &out, const Dataset &data, double w, int decimals,
                           std::size_t shownPoints = allPoints);

    static constexpr std::size_t allPoints = std::numeric_limits<std::size_t>::max();

    // The same search as CSV, every number as its shortest round-trip text (for scripts and
    // for checking the numbers): the header "w,x,y,prediction,squared_error,mse", then one row
    // per grid point and data point. A value too large to represent reads "too large to
    // represent", never "inf".
    static void writeCsv(std::ostream &out, const Dataset &data, double from, double to,
                         double step);

    // The grid point with the lowest MSE (the first of equals); empty for an empty grid.
    static std::optional<double> bestW(const Dataset &data, double from, double to, double step);

    static constexpr double maxPoints = 1e6;
};
