#pragma once

#include <QString>

#include <functional>

class QIODevice;

// Writes a file so that it is never half-written: the text goes to a temporary file beside
// it, which replaces the file only once everything is written (QSaveFile). A failed or short
// write, a full disk or a crash on the way leaves the old file as it was.
class AtomicFile
{
public:
    // Opens `path`, lets `fill` write to it and commits. On failure returns false and sets
    // `*error` to one line naming the file and the problem ("FILE: cannot save: …").
    static bool write(const QString &path, const std::function<void(QIODevice *)> &fill,
                      QString *error);
};
