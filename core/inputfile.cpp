#include "inputfile.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#endif

namespace InputFile {

bool open(QFile &file, const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0) {
        // Reads wait for data again, as a pipe with a writer needs.
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        return file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    }
#endif
    file.setFileName(path);
    return file.open(QIODevice::ReadOnly);
}

QString displayName(const QString &path)
{
    QString text = QDir::toNativeSeparators(path);
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = u' ';
    }
    return text;
}

} // namespace InputFile
