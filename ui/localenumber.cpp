#include "localenumber.h"

#include "numberformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace {

// NumberFormat's reasons, for lupdate; whyNot() looks each up by its English text.
[[maybe_unused]] constexpr const char *reasons[] = {
    QT_TRANSLATE_NOOP("NumberFormat", "is not a finite number"),
    QT_TRANSLATE_NOOP("NumberFormat", "is too small to represent as a number (below about 1e-308)"),
    QT_TRANSLATE_NOOP("NumberFormat",
                      "is too large to represent as a number (above about 1.8e308)"),
};

// NumberFormat's text in the default locale's signs and digits.
QString localized(const std::string &text)
{
    const QLocale locale;
    const QString zero = locale.zeroDigit();
    const bool latinDigits = zero == QLatin1String("0");
    QString out;
    out.reserve(qsizetype(text.size()));
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            if (latinDigits)
                out += QLatin1Char(c);
            else
                out += QChar(char16_t(zero.front().unicode() + (c - '0')));
        } else if (c == '.') {
            out += locale.decimalPoint();
        } else if (c == '-') {
            out += locale.negativeSign();
        } else if (c == '+') {
            out += locale.positiveSign();
        } else {
            out += QLatin1Char(c);
        }
    }
    return out;
}

QString words(double value)
{
    if (std::isnan(value))
        return QCoreApplication::translate("NumberFormat", "not a number");
    return value > 0.0
        ? QCoreApplication::translate("NumberFormat", "too large to represent")
        : QCoreApplication::translate("NumberFormat", "negative and too large to represent");
}

} // namespace

namespace LocaleNumber {

QString readable(double value, int significant)
{
    return std::isfinite(value) ? localized(NumberFormat::readable(value, significant))
                                : words(value);
}

QString shortest(double value)
{
    return std::isfinite(value) ? localized(NumberFormat::shortest(value)) : words(value);
}

QString fixed(double value, int decimals)
{
    return std::isfinite(value) ? localized(NumberFormat::fixed(value, decimals)) : words(value);
}

QString fixedOrWords(double value, int decimals)
{
    return std::isfinite(value) ? localized(NumberFormat::fixedOrWords(value, decimals))
                                : words(value);
}

std::optional<double> parse(const QString &text)
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::RejectGroupSeparator);
    bool ok = false;
    const double value = locale.toDouble(text.trimmed(), &ok);
    if (ok && std::isfinite(value))
        return value;
    return NumberFormat::parseFinite(text.toStdString());
}

QString whyNot(const QString &text)
{
    if (parse(text))
        return {};
    const std::string why = NumberFormat::whyNotFinite(text.toStdString());
    return QCoreApplication::translate("NumberFormat",
                                       why.empty() ? "is not a finite number" : why.c_str());
}

} // namespace LocaleNumber
