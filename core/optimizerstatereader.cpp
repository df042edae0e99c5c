#include "optimizerstatereader.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>
#include <cmath>

using Fields = JsonFieldReader;

OptimizerStateReader::OptimizerStateReader(JsonFieldReader *fields, qint64 version)
    : m_fields(fields)
    , m_version(version)
{
}

bool OptimizerStateReader::read(const QJsonObject &object, const QString &path, qsizetype length,
                                SessionTrail *trail)
{
    const QLatin1StringView key("optimizerState");
    const QJsonValue value = object.value(key);
    const QString name = Fields::join(path, key);
    if (value.isUndefined()) {
        // Version 1 kept no optimizer state: its absence there is no news.
        if (m_version >= 2) {
            m_fields->warn(
                QCoreApplication::translate("SessionReader",
                                            "missing %1; training on from this trail starts the "
                                            "optimizer afresh")
                    .arg(name));
        }
        return true;
    }
    if (!value.isArray()) {
        return m_fields->fail(
            QCoreApplication::translate("SessionReader", "%1 should be an array, not %2")
                .arg(name, Fields::typeName(value)));
    }
    const QJsonArray states = value.toArray();
    if (states.size() != length) {
        return m_fields->fail(
            QCoreApplication::translate("SessionReader", "%1 has %2 entries but %3 has %4")
                .arg(name)
                .arg(states.size())
                .arg(Fields::join(path, QLatin1StringView("step")))
                .arg(length));
    }
    trail->optimizerStates.reserve(std::size_t(length));
    for (qsizetype i = 0; i < states.size(); ++i) {
        std::optional<OptimizerSnapshot> state;
        if (!readState(states.at(i), Fields::indexed(name, i), &state))
            return false;
        trail->optimizerStates.push_back(state);
    }
    return true;
}

bool OptimizerStateReader::readState(const QJsonValue &value, const QString &path,
                                     std::optional<OptimizerSnapshot> *out)
{
    if (value.isNull())
        return true;
    if (!value.isObject()) {
        return m_fields->fail(
            QCoreApplication::translate("SessionReader", "%1 should be an object or null, not %2")
                .arg(path, Fields::typeName(value)));
    }
    const QJsonObject object = value.toObject();
    OptimizerSnapshot snapshot;
    const QJsonValue kind = object.value(QLatin1StringView("kind"));
    const std::optional<OptimizerKind> known = Optimizer::fromName(kind.toString());
    if (!kind.isString() || !known) {
        return m_fields->fail(QCoreApplication::translate("SessionReader", "%1 should be one of %2")
                                  .arg(Fields::join(path, QLatin1StringView("kind")),
                                       Optimizer::names().join(QStringLiteral(", "))));
    }
    snapshot.kind = *known;
    const QJsonValue steps = object.value(QLatin1StringView("steps"));
    const std::optional<qint64> count =
        steps.isDouble() ? Fields::wholeNumber(steps) : std::optional<qint64>();
    if (!count || *count < 0) {
        return m_fields->fail(
            QCoreApplication::translate("SessionReader", "%1 should be a whole number of 0 or more")
                .arg(Fields::join(path, QLatin1StringView("steps"))));
    }
    snapshot.steps = *count;

    // Each list of numbers, and the number of numbers it may hold.
    const auto numbers = [this](const QJsonValue &list, const QString &name, qsizetype limit,
                                std::vector<double> *values) {
        if (!list.isArray() || list.toArray().size() > limit) {
            return m_fields->fail(
                QCoreApplication::translate("SessionReader",
                                            "%1 should be an array of at most %2 numbers")
                    .arg(name)
                    .arg(limit));
        }
        return m_fields->numbers(list.toArray(), name, values);
    };
    const QString buffersName = Fields::join(path, QLatin1StringView("buffers"));
    const QJsonValue buffers = object.value(QLatin1StringView("buffers"));
    if (!buffers.isArray() || buffers.toArray().size() != OptimizerSnapshot::MaxBuffers) {
        return m_fields->fail(
            QCoreApplication::translate("SessionReader", "%1 should be an array of %2 arrays")
                .arg(buffersName)
                .arg(OptimizerSnapshot::MaxBuffers));
    }
    for (int i = 0; i < OptimizerSnapshot::MaxBuffers; ++i) {
        std::vector<double> values;
        if (!numbers(buffers.toArray().at(i), Fields::indexed(buffersName, i),
                     OptimizerSnapshot::MaxParameters, &values)) {
            return false;
        }
        OptimizerSnapshot::Buffer &buffer = snapshot.buffers[std::size_t(i)];
        buffer.resize(Eigen::Index(values.size()));
        for (std::size_t j = 0; j < values.size(); ++j)
            buffer(Eigen::Index(j)) = values[j];
    }
    std::vector<double> scalars;
    const QString scalarsName = Fields::join(path, QLatin1StringView("scalars"));
    if (!numbers(object.value(QLatin1StringView("scalars")), scalarsName,
                 OptimizerSnapshot::MaxScalars, &scalars)) {
        return false;
    }
    std::copy(scalars.begin(), scalars.end(), snapshot.scalars.begin());

    // An optimizer whose state is not finite stops (see Trainer): no kept state is.
    bool finite = std::all_of(snapshot.scalars.begin(), snapshot.scalars.end(),
                              [](double value) { return std::isfinite(value); });
    for (const OptimizerSnapshot::Buffer &buffer : snapshot.buffers)
        finite = finite && buffer.allFinite();
    if (!finite) {
        m_fields->warn(QCoreApplication::translate(
                           "SessionReader",
                           "%1 holds a value that is not a finite number; the state is "
                           "taken as unknown")
                           .arg(path));
        return true;
    }
    *out = snapshot;
    return true;
}
