#pragma once

#include "jsonfieldreader.h"
#include "session.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QStringList>

#include <optional>

// Turns the JSON object of a session file (the format SessionFile describes) into a Session.
//
// A missing field takes its default and adds a warning naming it ("missing optimizer.beta2;
// using 0.999"), and so does a number outside its range; points whose x or y is not a finite
// number are left out with one warning, and so is a trail that lacks a column or holds a
// value that is not finite. A trail's optimizer states are optional: missing (as in files of
// version 1, which had none) or null, a state is unknown. A field of the wrong type, an unknown
// name, arrays that do not fit together or more than the limits below refuse the whole file, with
// the field named.
class SessionReader
{
public:
    // A session holds at most as many points as a CSV file may (two cells each).
    static constexpr qsizetype MaxPoints = 25'000'000;
    // Far more than a Trail keeps (see TrainingController::trailCapacity).
    static constexpr qsizetype MaxTrailSteps = 1'000'000;

    // `warnings` receives one line per field that was missing or unusable.
    explicit SessionReader(QStringList *warnings);

    // The session in `root`, or nothing with `*error` naming the field and the problem.
    std::optional<Session> read(const QJsonObject &root, QString *error);

private:
    bool readVersion(const QJsonObject &root);
    bool readData(const QJsonObject &root, Session *session);
    bool readPoints(const QJsonObject &data, Session *session);
    bool readObjective(const QJsonObject &root, Session *session);
    bool readOptimizer(const QJsonObject &object, const QString &path, OptimizerSettings *out);
    bool readRace(const QJsonObject &root, Session *session);
    bool readTraining(const QJsonObject &root, Session *session);
    bool readTrails(const QJsonObject &root, Session *session);
    bool readTrail(const QJsonObject &object, const QString &path, int racer,
                   std::optional<SessionTrail> *out);
    bool readView(const QJsonObject &root, Session *session);

    JsonFieldReader m_fields;
    qint64 m_version = 0;
    std::vector<bool> m_racers {true}; // per racer the file names: whether it is kept
};
