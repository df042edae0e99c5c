#include "numberformat.h"

#include <array>
#include <charconv>
#include <cmath>

namespace NumberFormat {

std::string shortest(double value)
{
    std::array<char, 64> buffer {};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return {buffer.data(), result.ptr};
}

std::string shortestWithDecimal(double value)
{
    std::string text = shortest(value);
    if (!std::isfinite(value) || text.find('.') != std::string::npos)
        return text;
    const auto exponent = text.find('e');
    if (exponent == std::string::npos)
        return text + ".0";
    return text.insert(exponent, ".0");
}

std::string fixed(double value, int decimals)
{
    std::array<char, 400> buffer {};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, decimals);
    if (result.ec != std::errc())
        return shortest(value);
    return {buffer.data(), result.ptr};
}

std::string readable(double value, int significant)
{
    if (std::isnan(value))
        return "not a number";
    if (std::isinf(value))
        return value > 0.0 ? "too large to represent" : "negative and too large to represent";
    std::array<char, 64> buffer {};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::general, significant);
    return {buffer.data(), result.ptr};
}

std::string fixedOrWords(double value, int decimals)
{
    // Past 1e15 fixed notation only adds digits that say nothing (1e200 has 201 of them).
    return std::isfinite(value) && std::fabs(value) < 1e15 ? fixed(value, decimals)
                                                           : readable(value);
}

double rounded(double value, int decimals)
{
    return parseFinite(fixed(value, decimals)).value_or(value);
}

int decimalsOf(double value)
{
    if (!std::isfinite(value) || value == 0.0)
        return 0;
    const std::string text = shortest(std::fabs(value));
    int decimals = 0;
    const auto exponentAt = text.find('e');
    const std::string mantissa = text.substr(0, exponentAt);
    const auto point = mantissa.find('.');
    if (point != std::string::npos)
        decimals = int(mantissa.size() - point - 1);
    if (exponentAt != std::string::npos)
        decimals -= std::stoi(text.substr(exponentAt + 1));
    return decimals < 0 ? 0 : decimals;
}

std::optional<double> parseFinite(std::string_view text)
{
    const auto isBlank = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && (text.front() == '-' || text.front() == '+'))
            return std::nullopt;
    }
    if (text.empty())
        return std::nullopt;

    double value = 0.0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size())
        return std::nullopt;
    if (!std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace NumberFormat
