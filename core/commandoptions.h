#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

// The options of one command line: `--name value`, `--name=value`, flags without a value, and
// positional arguments. Numbers are read the same in every locale; each reader either returns
// the value or sets `*error` to one line naming the option and what is wrong with it.
class CommandOptions
{
public:
    // `known` options take a value; `flags` take none and read as "1" when given. Fails on an
    // unknown --option, a missing value or an option with a value given twice.
    static std::optional<CommandOptions> parse(const QStringList &arguments,
                                               const QStringList &known, QString *error,
                                               const QStringList &flags = {});

    const QStringList &positional() const { return m_positional; }
    bool contains(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const;

    // A finite number, or `fallback` when the option is absent.
    std::optional<double> number(const QString &name, double fallback, QString *error) const;
    // A whole number of 0 or more.
    std::optional<qint64> count(const QString &name, qint64 fallback, QString *error) const;
    // A number in [low, high], or [low, high) with `openHigh`; `high` may be infinite.
    std::optional<double> bounded(const QString &name, double fallback, double low, double high,
                                  bool openHigh, QString *error) const;
    // A number above 0.
    std::optional<double> positive(const QString &name, double fallback, QString *error) const;

private:
    QHash<QString, QString> m_values;
    QStringList m_positional;
};
