#include "jsonfieldreader.h"

#include "jsonnumber.h"
#include "numberformat.h"

#include <QCoreApplication>

JsonFieldReader::JsonFieldReader(QStringList *warnings)
    : m_warnings(warnings)
{
}

bool JsonFieldReader::section(const QJsonObject &object, QLatin1StringView key, QJsonObject *value,
                              bool *present)
{
    const QJsonValue json = object.value(key);
    *present = !json.isUndefined();
    if (!*present) {
        warn(QCoreApplication::translate("JsonFieldReader", "missing %1; using the defaults")
                 .arg(key));
        return true;
    }
    if (!json.isObject())
        return fail(QCoreApplication::translate("JsonFieldReader", "%1 should be an object, not %2")
                        .arg(key, typeName(json)));
    *value = json.toObject();
    return true;
}

bool JsonFieldReader::number(const QJsonObject &object, const QString &path, QLatin1StringView key,
                             const NumberBounds &bounds, double *value)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    if (json.isUndefined()) {
        warn(QCoreApplication::translate("JsonFieldReader", "missing %1; using %2")
                 .arg(name, numberText(*value)));
        return true;
    }
    const std::optional<double> read = JsonNumber::fromJson(json);
    if (!read)
        return fail(QCoreApplication::translate("JsonFieldReader", "%1 should be a number, not %2")
                        .arg(name, typeName(json)));
    if (!bounds.contains(*read)) {
        warn(QCoreApplication::translate("JsonFieldReader", "%1: %2 is not %3; using %4")
                 .arg(name, numberText(*read),
                      QCoreApplication::translate("JsonFieldReader", bounds.words),
                      numberText(*value)));
        return true;
    }
    *value = *read;
    return true;
}

bool JsonFieldReader::integer(const QJsonObject &object, const QString &path, QLatin1StringView key,
                              qint64 low, qint64 high, qint64 *value)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    if (json.isUndefined()) {
        warn(QCoreApplication::translate("JsonFieldReader", "missing %1; using %2")
                 .arg(name)
                 .arg(*value));
        return true;
    }
    if (!json.isDouble() && !JsonNumber::fromJson(json))
        return fail(QCoreApplication::translate("JsonFieldReader", "%1 should be a number, not %2")
                        .arg(name, typeName(json)));
    const std::optional<qint64> read =
        json.isDouble() ? wholeNumber(json) : std::optional<qint64>();
    if (!read || *read < low || *read > high) {
        const QString given = json.isDouble() ? numberText(json.toDouble()) : json.toString();
        warn(QCoreApplication::translate("JsonFieldReader",
                                         "%1: %2 is not a whole number from %3 to %4; using %5")
                 .arg(name, given)
                 .arg(low)
                 .arg(high)
                 .arg(*value));
        return true;
    }
    *value = *read;
    return true;
}

bool JsonFieldReader::boolean(const QJsonObject &object, const QString &path, QLatin1StringView key,
                              bool *value)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    if (json.isUndefined()) {
        warn(QCoreApplication::translate("JsonFieldReader", "missing %1; using %2")
                 .arg(name, *value ? QStringLiteral("true") : QStringLiteral("false")));
        return true;
    }
    if (!json.isBool())
        return fail(
            QCoreApplication::translate("JsonFieldReader", "%1 should be true or false, not %2")
                .arg(name, typeName(json)));
    *value = json.toBool();
    return true;
}

bool JsonFieldReader::text(const QJsonObject &object, const QString &path, QLatin1StringView key,
                           QString *value)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    if (json.isUndefined()) {
        warn(QCoreApplication::translate("JsonFieldReader", "missing %1; using \"%2\"")
                 .arg(name, *value));
        return true;
    }
    if (!json.isString())
        return fail(QCoreApplication::translate("JsonFieldReader", "%1 should be a string, not %2")
                        .arg(name, typeName(json)));
    *value = json.toString();
    return true;
}

bool JsonFieldReader::choice(const QJsonObject &object, const QString &path, QLatin1StringView key,
                             const QStringList &names, int *index)
{
    QString name = names.value(*index);
    if (!text(object, path, key, &name))
        return false;
    const qsizetype found = names.indexOf(name);
    if (found < 0) {
        // The name goes into a one-line message: no control characters, and not too long.
        for (QChar &c : name) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7F)
                c = u' ';
        }
        return fail(
            QCoreApplication::translate("JsonFieldReader", "%1: unknown name \"%2\" (known: %3)")
                .arg(join(path, key), name.left(40), names.join(QStringLiteral(", "))));
    }
    *index = int(found);
    return true;
}

bool JsonFieldReader::array(const QJsonObject &object, const QString &path, QLatin1StringView key,
                            qsizetype limit, const QString &fallback, QJsonArray *value,
                            bool *present)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    *present = !json.isUndefined();
    if (!*present) {
        warn(QCoreApplication::translate("JsonFieldReader", "missing %1; %2").arg(name, fallback));
        return true;
    }
    if (!json.isArray())
        return fail(QCoreApplication::translate("JsonFieldReader", "%1 should be an array, not %2")
                        .arg(name, typeName(json)));
    *value = json.toArray();
    if (value->size() > limit) {
        return fail(QCoreApplication::translate("JsonFieldReader",
                                                "%1 has %2 entries; at most %3 are allowed")
                        .arg(name)
                        .arg(value->size())
                        .arg(limit));
    }
    return true;
}

bool JsonFieldReader::numbers(const QJsonArray &array, const QString &path,
                              std::vector<double> *out)
{
    out->reserve(std::size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue json = array.at(i);
        const std::optional<double> value = JsonNumber::fromJson(json);
        if (!value) {
            return fail(
                QCoreApplication::translate("JsonFieldReader", "%1 should be a number, not %2")
                    .arg(indexed(path, i), typeName(json)));
        }
        out->push_back(*value);
    }
    return true;
}

void JsonFieldReader::warn(const QString &message)
{
    if (m_warnings)
        m_warnings->append(message);
}

bool JsonFieldReader::fail(const QString &message)
{
    m_error = message;
    return false;
}

QString JsonFieldReader::join(const QString &path, QLatin1StringView key)
{
    return path.isEmpty() ? QString(key) : path + u'.' + key;
}

QString JsonFieldReader::indexed(const QString &path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

QString JsonFieldReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("JsonFieldReader", "true or false");
    case QJsonValue::Double:
        return QCoreApplication::translate("JsonFieldReader", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("JsonFieldReader", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("JsonFieldReader", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("JsonFieldReader", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

std::optional<qint64> JsonFieldReader::wholeNumber(const QJsonValue &value)
{
    // toInteger() gives its fallback for a fraction, so two fallbacks tell one apart.
    const qint64 first = value.toInteger(0);
    if (first != value.toInteger(1))
        return std::nullopt;
    return first;
}

QString JsonFieldReader::numberText(double value)
{
    return QString::fromStdString(NumberFormat::shortest(value));
}
