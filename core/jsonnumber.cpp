#include "jsonnumber.h"

#include <QString>

#include <cmath>
#include <limits>

namespace JsonNumber {

QJsonValue toJson(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    if (value == 0.0 && std::signbit(value))
        return QStringLiteral("-0");
    return value;
}

std::optional<double> fromJson(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (!value.isString())
        return std::nullopt;

    const QString text = value.toString();
    if (text == u"-0")
        return -0.0;
    if (text == u"inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-inf")
        return -std::numeric_limits<double>::infinity();
    if (text == u"nan")
        return std::numeric_limits<double>::quiet_NaN();
    return std::nullopt;
}

} // namespace JsonNumber
