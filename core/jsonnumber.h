#pragma once

#include <QJsonValue>

#include <optional>

// Doubles in JSON, bit for bit.
//
// Qt 6.4 writes a finite double as the shortest text that reads back to it, with a dot in
// every locale, and reads such text back exactly; but it keeps no negative zero (it stores
// -0.0 as the integer 0 and reads "-0" and "-0.0" as 0) and has no JSON number for an infinity
// or NaN. Those four values are written as the strings "-0", "inf", "-inf" and "nan"; every
// other double is a JSON number.
namespace JsonNumber {

// `value` as a JSON number, or as one of the four strings above.
QJsonValue toJson(double value);

// The double a JSON number or one of the four strings stands for; empty for any other value
// (another string, a bool, null, an array or an object).
std::optional<double> fromJson(const QJsonValue &value);

} // namespace JsonNumber
