#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QStringList>

#include <optional>
#include <vector>

// The range a number read from JSON must lie in, and its words for a warning.
struct NumberBounds
{
    double low;
    double high;
    bool lowIncluded;
    bool highIncluded;
    const char *words; // "a number from 0 to 1", marked QT_TRANSLATE_NOOP("JsonFieldReader", …)

    constexpr bool contains(double value) const
    {
        return (lowIncluded ? value >= low : value > low)
            && (highIncluded ? value <= high : value < high);
    }
};

// Reads the typed fields of a JSON document for a file reader, naming each field by its path
// ("optimizer.beta2", "trails[0].w") in what it reports.
//
// A missing field leaves the value as it was (its default) and adds a warning naming the
// field; so does a number outside its bounds. A field of the wrong type fails: the function
// returns false and error() names the field and what it should be.
class JsonFieldReader
{
public:
    // `warnings` (may be null) receives one line per missing or unusable field.
    explicit JsonFieldReader(QStringList *warnings);

    const QString &error() const { return m_error; }
    void warn(const QString &message);
    // Sets error() to `message`; returns false.
    bool fail(const QString &message);

    // The object at `key` of the top-level `object`; `*present` is false when it is missing.
    bool section(const QJsonObject &object, QLatin1StringView key, QJsonObject *value,
                 bool *present);
    // Each reads `key` of `object`, whose path is `path`, into `*value`, which holds the
    // default. Numbers are JSON numbers or JsonNumber's strings.
    bool number(const QJsonObject &object, const QString &path, QLatin1StringView key,
                const NumberBounds &bounds, double *value);
    bool integer(const QJsonObject &object, const QString &path, QLatin1StringView key, qint64 low,
                 qint64 high, qint64 *value);
    bool boolean(const QJsonObject &object, const QString &path, QLatin1StringView key,
                 bool *value);
    bool text(const QJsonObject &object, const QString &path, QLatin1StringView key,
              QString *value);
    // One of `names`; `*index` is its position in the list. An unknown name fails.
    bool choice(const QJsonObject &object, const QString &path, QLatin1StringView key,
                const QStringList &names, int *index);
    // An array of at most `limit` entries; more fail. `fallback` says in the warning what is
    // used when the array is missing.
    bool array(const QJsonObject &object, const QString &path, QLatin1StringView key,
               qsizetype limit, const QString &fallback, QJsonArray *value, bool *present);
    // Every entry of `array` (whose path is `path`) as a double; any other entry fails.
    bool numbers(const QJsonArray &array, const QString &path, std::vector<double> *out);

    // "path.key" ("key" at the top level) and "path[index]".
    static QString join(const QString &path, QLatin1StringView key);
    static QString indexed(const QString &path, qsizetype index);
    // What a value is, for a message: "a string", "null", "an array" …
    static QString typeName(const QJsonValue &value);
    // The whole number a JSON number holds exactly; empty for a fraction or another value.
    static std::optional<qint64> wholeNumber(const QJsonValue &value);
    // The shortest text of `value`, for a message.
    static QString numberText(double value);

private:
    QStringList *m_warnings;
    QString m_error;
};
