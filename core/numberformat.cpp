#include "numberformat.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace {

// `text` without surrounding blanks and without a lone leading '+'; empty when nothing (or a
// sign followed by another sign) is left.
std::optional<std::string_view> bareNumber(std::string_view text)
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
    return text;
}

// Whether a decimal number that from_chars found out of range is below 1 in magnitude (it
// underflows) rather than above (it overflows): the power of ten of its first significant
// digit, counted from the decimal point, plus its exponent.
bool isBelowOne(std::string_view text)
{
    if (!text.empty() && text.front() == '-')
        text.remove_prefix(1);
    const auto exponentAt = text.find_first_of("eE");
    const std::string_view mantissa = text.substr(0, exponentAt);
    long long exponent = 0;
    if (exponentAt != std::string_view::npos) {
        std::string_view digits = text.substr(exponentAt + 1);
        if (!digits.empty() && digits.front() == '+')
            digits.remove_prefix(1);
        const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
        if (result.ec == std::errc::result_out_of_range)
            exponent = !digits.empty() && digits.front() == '-' ? -1'000'000'000 : 1'000'000'000;
        exponent = std::clamp(exponent, -1'000'000'000LL, 1'000'000'000LL);
    }
    const auto point = mantissa.find('.');
    const long long integerDigits =
        point == std::string_view::npos ? (long long)mantissa.size() : (long long)point;
    const auto first = mantissa.find_first_of("123456789");
    if (first == std::string_view::npos)
        return true;
    const long long position = (long long)first < integerDigits
        ? integerDigits - (long long)first - 1
        : integerDigits - (long long)first;
    return position + exponent < 0;
}

} // namespace

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
    const auto bare = bareNumber(text);
    if (!bare)
        return std::nullopt;
    text = *bare;

    double value = 0.0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size())
        return std::nullopt;
    if (!std::isfinite(value))
        return std::nullopt;
    return value;
}

std::string whyNotFinite(std::string_view text)
{
    if (parseFinite(text))
        return {};
    const auto bare = bareNumber(text);
    if (!bare)
        return "is not a finite number";
    double value = 0.0;
    const auto result = std::from_chars(bare->data(), bare->data() + bare->size(), value);
    if (result.ec == std::errc::result_out_of_range && result.ptr == bare->data() + bare->size()) {
        return isBelowOne(*bare) ? "is too small to represent as a number (below about 1e-308)"
                                 : "is too large to represent as a number (above about 1.8e308)";
    }
    return "is not a finite number";
}

} // namespace NumberFormat
