#pragma once

#include <QString>

class QFile;

// What every reader of a user's file does the same way: open it without hanging and name it in
// a message.
namespace InputFile {

// Opens `path` for reading without waiting for a writer: a named pipe that nobody writes to
// reads as empty instead of blocking the program in open().
bool open(QFile &file, const QString &path);

// `path` as the user named it, with native separators and on one line (control characters
// become spaces), to start a message.
QString displayName(const QString &path);

} // namespace InputFile
