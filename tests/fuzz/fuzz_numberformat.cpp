// Feeds arbitrary text to NumberFormat::parseFinite and checks that what it accepts writes
// back to text that reads as the same number.

#include "fuzzcheck.h"
#include "numberformat.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const std::optional<double> value = NumberFormat::parseFinite(text);
    if (!value)
        return 0;

    const double v = *value;
    fuzzCheck(std::isfinite(v), "only finite numbers are accepted");
    fuzzCheck(NumberFormat::parseFinite(NumberFormat::shortest(v)) == v,
              "shortest() reads back to the same number");
    fuzzCheck(NumberFormat::parseFinite(NumberFormat::shortestWithDecimal(v)) == v,
              "shortestWithDecimal() reads back to the same number");

    const int decimals = NumberFormat::decimalsOf(v);
    fuzzCheck(decimals >= 0, "decimalsOf() is not negative");
    fuzzCheck(NumberFormat::rounded(v, decimals) == v,
              "rounding to a number's own decimals keeps it");

    // Any other number of decimals must still give a finite number near the original.
    const int other = int(size % 40);
    const double rounded = NumberFormat::rounded(v, other);
    fuzzCheck(std::isfinite(rounded), "rounding keeps a number finite");
    const double halfUnit = 0.5 * std::pow(10.0, -other);
    fuzzCheck(std::fabs(rounded - v) <= halfUnit * (1 + 1e-12) + std::fabs(v) * 1e-15,
              "rounding moves a number by at most half a unit of the last decimal");
    fuzzCheck(!NumberFormat::fixed(v, other).empty(), "fixed() writes something");
    return 0;
}
