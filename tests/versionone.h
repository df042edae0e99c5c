#pragma once

#include <QJsonArray>
#include <QJsonObject>

// A session as a LossLab of session format version 1 wrote it: the same, without the
// optimizer's state at each step of a trail, which version 2 added.
inline QJsonObject asVersionOne(QJsonObject root)
{
    root[QStringLiteral("version")] = 1;
    QJsonArray trails = root.value(QStringLiteral("trails")).toArray();
    for (qsizetype i = 0; i < trails.size(); ++i) {
        QJsonObject trail = trails.at(i).toObject();
        trail.remove(QStringLiteral("optimizerState"));
        trails[i] = trail;
    }
    root[QStringLiteral("trails")] = trails;
    return root;
}
