#pragma once

#include <QString>

#include <optional>

// Numbers for people in the window, in the default locale (see Translations): the chosen
// language's decimal sign, minus sign and digits, never grouped. They are NumberFormat's
// numbers (the same digits and rounding) written in that locale; files, the command line and
// the grid-search printout keep NumberFormat's dot.
namespace LocaleNumber {

// As NumberFormat::readable(): `significant` digits as printf's %g writes them, and words
// ("too large to represent", "not a number") where there is no number.
QString readable(double value, int significant = 6);
// As NumberFormat::shortest(): the shortest text that reads back to the same double.
QString shortest(double value);
// As NumberFormat::fixed() and fixedOrWords().
QString fixed(double value, int decimals);
QString fixedOrWords(double value, int decimals);

// A finite number typed in the window: in the default locale ("1,5" in German) or with a dot,
// as in files ("1.5", "2e-3"). Group separators are refused ("1.500" is 1.5 and never 1500).
std::optional<double> parse(const QString &text);
// Why parse() refuses `text`, to follow the quoted text in a message ("is not a finite
// number"); empty when it is accepted.
QString whyNot(const QString &text);

} // namespace LocaleNumber
