#pragma once

#include "session.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// Reads and writes `.losslab` session files: one JSON object in UTF-8, written compactly with
// its keys in alphabetical order (as QJsonObject keeps them); shown here in a readable order:
//
//   {"format": "losslab-session", "version": 2,
//    "data": {"file": "temp.csv", "xColumn": "year", "yColumn": "temp",
//             "x": [1880, 1881], "y": [-0.2, "-0"]},
//    "model": {"kind": "line", "standardizeX": true},
//    "loss": {"kind": "huber", "delta": 1},
//    "optimizer": {"kind": "adam", "momentum": 0.9, "dampening": 0, "alpha": 0.99,
//                  "rmspropMomentum": 0, "centered": false, "beta1": 0.9, "beta2": 0.999,
//                  "amsgrad": false, "lrDecay": 0, "initialAccumulator": 0, "eps": null},
//    "race": [{"kind": "gd", ...the same fields}],
//    "training": {"learningRate": 0.01, "maxSteps": 10000, "tolerance": 1e-6,
//                 "stepsPerSecond": 20},
//    "parameters": {"w": 0.5, "b": 0},
//    "trails": [{"stride": 1, "step": [0, 1], "w": [0, 0.5], "b": [0, 0], "loss": [...],
//                "gradW": [...], "gradB": [...], "tooLarge": [false, false],
//                "optimizerState": [{"kind": "adam", "steps": 0, "buffers": [[], [], [], []],
//                                    "scalars": [1, 1]},
//                                   {"kind": "adam", "steps": 1, "buffers": [[0.1], ...], ...}]}],
//    "view": {"tab": "lossPerStep", "logLossAxis": false}}
//
// Names are the command line's (Objective::name, Optimizer::name). Every double is written as
// the shortest text that reads back to the same bits, with a dot in every locale; -0, the
// infinities and NaN, which JSON numbers cannot carry, are the strings "-0", "inf", "-inf" and
// "nan" (see JsonNumber). "eps": null is the optimizer's default. The optimizers' learning rate
// is training.learningRate, written once. A trail's "optimizerState" holds, per step, the
// optimizer's whole state after it (see OptimizerSnapshot: its buffers, in the order the
// optimizer's header gives, and its scalars), or null where it is not known.
//
// Version 2 added "optimizerState"; version 1 files are read with every state unknown. Fields not
// listed are ignored, so that a later version may add some without changing the version number; it
// changes when a field changes meaning, and a file of a newer version is refused. What a missing or
// unusable field does is SessionReader's business.
class SessionFile
{
public:
    // The format version this LossLab writes, and the newest it reads.
    static constexpr int version = 2;
    // The text of a session file is at most 1 GiB: about SessionReader::MaxPoints points.
    static constexpr qint64 MaxBytes = qint64(1) << 30;

    // "losslab-session", the value of the "format" field.
    static QString formatName();
    // "losslab", the suffix of session files (without the dot).
    static QString suffix();
    // Whether `path` names a session file by its suffix (in any case).
    static bool isSessionPath(const QString &path);

    // Writes `session` to `path` atomically: the file is replaced only once the whole session
    // is written (QSaveFile), so a failed save leaves the previous file as it was. On failure
    // returns false and sets `*error` to one line naming the file and the problem.
    static bool save(const Session &session, const QString &path, QString *error);

    // Reads the session in `path`. A file that is not a session, is damaged (the message names
    // the line and column), comes from a newer version or has a field of the wrong type is
    // refused: nothing is returned and `*error` names the file and the problem. Fields that are
    // missing or unusable take their defaults, each named in a line added to `*warnings`.
    static std::optional<Session> load(const QString &path, QStringList *warnings, QString *error);

    // The text save() writes, and the reading of such text, for data that are not in a file;
    // messages do not name a file.
    static QByteArray toJson(const Session &session);
    static std::optional<Session> fromJson(const QByteArray &json, QStringList *warnings,
                                           QString *error);
};
