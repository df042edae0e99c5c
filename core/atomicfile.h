#pragma once

#include <QString>

#include <functional>

class QIODevice;

// Writes a file so that it is never half-written: the text goes to a temporary file beside
// it, which replaces the file only once everything is written (QSaveFile). A failure, a full
// disk or a crash on the way leaves the old file as it was.
class AtomicFile
{
public:
    // Opens `path`, lets `fill` write to it and commits. On failure returns false and sets
    // `*error` to a sentence naming the file and the reason.
    static bool write(const QString &path, const std::function<void(QIODevice *)> &fill,
                      QString *error);
};
