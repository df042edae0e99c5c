#include "commandoptions.h"

#include <QCoreApplication>

#include "numberformat.h"

#include <charconv>
#include <cmath>
#include <string>

std::optional<CommandOptions> CommandOptions::parse(const QStringList &arguments,
                                                    const QStringList &known, QString *error,
                                                    const QStringList &flags)
{
    CommandOptions parsed;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (!argument.startsWith(QLatin1String("--")) || argument == QLatin1String("--")) {
            parsed.m_positional.append(argument);
            continue;
        }
        QString name = argument.mid(2);
        QString value;
        if (flags.contains(name)) {
            parsed.m_values.insert(name, QStringLiteral("1"));
            continue;
        }
        const qsizetype equals = name.indexOf(u'=');
        if (equals >= 0) {
            value = name.mid(equals + 1);
            name.truncate(equals);
        } else if (i + 1 < arguments.size()) {
            value = arguments[++i];
        } else if (known.contains(name)) {
            *error = QCoreApplication::translate("CommandOptions", "option --%1 needs a value")
                         .arg(name);
            return std::nullopt;
        }
        if (!known.contains(name)) {
            *error = QCoreApplication::translate("CommandOptions", "unknown option --%1").arg(name);
            return std::nullopt;
        }
        // Which of two values was meant cannot be known: neither is taken.
        if (parsed.m_values.contains(name)) {
            *error = QCoreApplication::translate("CommandOptions", "option --%1 is given twice")
                         .arg(name);
            return std::nullopt;
        }
        parsed.m_values.insert(name, value);
    }
    return parsed;
}

QString CommandOptions::value(const QString &name, const QString &fallback) const
{
    return m_values.value(name, fallback);
}

std::optional<double> CommandOptions::number(const QString &name, double fallback,
                                             QString *error) const
{
    if (!contains(name))
        return fallback;
    const QString text = value(name);
    const auto parsed = NumberFormat::parseFinite(text.toStdString());
    if (!parsed)
        *error = QStringLiteral("--%1: '%2' %3")
                     .arg(name, text,
                          QString::fromStdString(NumberFormat::whyNotFinite(text.toStdString())));
    return parsed;
}

std::optional<qint64> CommandOptions::count(const QString &name, qint64 fallback,
                                            QString *error) const
{
    if (!contains(name))
        return fallback;
    const std::string text = value(name).trimmed().toStdString();
    qint64 parsed = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (result.ec == std::errc::result_out_of_range) {
        *error = QCoreApplication::translate("CommandOptions", "--%1: '%2' is too large")
                     .arg(name, QString::fromStdString(text));
        return std::nullopt;
    }
    if (result.ec != std::errc() || result.ptr != text.data() + text.size() || parsed < 0) {
        *error = QCoreApplication::translate("CommandOptions",
                                             "--%1: '%2' is not a whole number of 0 or more")
                     .arg(name, QString::fromStdString(text));
        return std::nullopt;
    }
    return parsed;
}

std::optional<double> CommandOptions::bounded(const QString &name, double fallback, double low,
                                              double high, bool openHigh, QString *error) const
{
    const auto parsed = number(name, fallback, error);
    if (!parsed)
        return std::nullopt;
    if (*parsed < low || *parsed > high || (openHigh && *parsed == high)) {
        const QString range = std::isinf(high)
            ? QCoreApplication::translate("CommandOptions", "%1 or more").arg(low)
            : QCoreApplication::translate("CommandOptions", "from %1 to %2%3")
                  .arg(low)
                  .arg(high)
                  .arg(openHigh ? QCoreApplication::translate("CommandOptions", " (exclusive)")
                                : QString());
        *error = QCoreApplication::translate("CommandOptions", "--%1: '%2' is not %3")
                     .arg(name, value(name), range);
        return std::nullopt;
    }
    return parsed;
}

std::optional<double> CommandOptions::positive(const QString &name, double fallback,
                                               QString *error) const
{
    const auto parsed = number(name, fallback, error);
    if (parsed && *parsed <= 0.0) {
        *error = QCoreApplication::translate("CommandOptions", "--%1: '%2' is not positive")
                     .arg(name, value(name));
        return std::nullopt;
    }
    return parsed;
}
