#pragma once

#include "jsonfieldreader.h"
#include "session.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// Reads the optimizer's state at each step of a session's trail: the trail's "optimizerState",
// one entry per step, null for a state unknown or {"kind", "steps", "buffers", "scalars"} (see
// OptimizerSnapshot). Missing, every state is unknown (files of version 1 kept none). A state
// holding a number that is not finite is taken as unknown, with a warning; one of the wrong type
// or size refuses the file, with the field named (through the session's JsonFieldReader).
class OptimizerStateReader
{
public:
    // `fields` reports for the whole session; `version` is the file's format version.
    OptimizerStateReader(JsonFieldReader *fields, qint64 version);

    // Fills trail->optimizerStates from the trail object at `path`, whose step column has
    // `length` entries; false when the file must be refused.
    bool read(const QJsonObject &object, const QString &path, qsizetype length,
              SessionTrail *trail);

private:
    bool readState(const QJsonValue &value, const QString &path,
                   std::optional<OptimizerSnapshot> *out);

    JsonFieldReader *m_fields;
    qint64 m_version;
};
