#pragma once

#include <optional>
#include <string>
#include <string_view>

// Locale-independent conversion between doubles and text, for files and the command line.
// Every function here uses std::to_chars / std::from_chars, which never follow the C locale
// (a German locale does not turn the decimal point into a comma).
namespace NumberFormat {

// The shortest text that reads back to the same double ("0.1", "1e+20", "2").
std::string shortest(double value);

// As shortest(), but with at least one decimal for whole numbers ("2.0", "1.0e+20").
std::string shortestWithDecimal(double value);

// Fixed notation with `decimals` digits after the point, correctly rounded ("18.67").
std::string fixed(double value, int decimals);

// For people: `significant` digits as printf's %g writes them ("0.1", "1.5e+20", "-3"), and
// words where there is no number: "too large to represent" for +inf (a true value beyond
// DBL_MAX, see LossFunction), "negative and too large to represent" for -inf, "not a number" for
// NaN.
std::string readable(double value, int significant = 6);

// Fixed notation as fixed() below 1e15 in size; beyond, readable()'s six significant digits
// (1e+200), or its words for a value that is not finite.
std::string fixedOrWords(double value, int decimals);

// `value` rounded to `decimals` decimals: the double nearest to its fixed() text, so that
// 3·0.1 becomes 0.3 (not 0.30000000000000004). Non-finite values come back unchanged.
double rounded(double value, int decimals);

// How many decimals the shortest form of `value` has: 0.1 -> 1, 0.25 -> 2, 5 -> 0, 1e-7 -> 7.
int decimalsOf(double value);

// Parses a whole string (surrounding blanks allowed) as a finite double: "1.5", "-2e3",
// "+4", ".5". Rejects empty text, trailing garbage, nan, inf and out-of-range values.
std::optional<double> parseFinite(std::string_view text);

// Why parseFinite() rejects `text`, to follow the quoted text in a message: "is too small to
// represent as a number (below about 1e-308)" for a nonzero value that underflows (1e-400),
// "is too large to represent as a number (above about 1.8e308)" for one that overflows (1e400),
// "is not a finite number" otherwise. Empty when parseFinite() accepts it.
std::string whyNotFinite(std::string_view text);

} // namespace NumberFormat
