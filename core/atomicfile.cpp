#include "atomicfile.h"

#include "inputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace {

// Passes writes on to a QSaveFile and notes the first that fails or falls short. A full disk
// or a file-size limit can end a write short without an error: Qt 6.4 counts the bytes written
// and, for buffered data, would commit the truncated file. Unbuffered, each count tells.
class CheckedWrites : public QIODevice
{
public:
    explicit CheckedWrites(QSaveFile *file)
        : m_file(file)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    const QString &problem() const { return m_problem; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        if (!m_problem.isEmpty())
            return -1;
        const qint64 written = m_file->write(data, size);
        if (written == size)
            return written;
        m_problem = written < 0 ? m_file->errorString()
                                : QCoreApplication::translate("AtomicFile",
                                                              "the file could not be written whole "
                                                              "(is the disk full?)");
        return -1;
    }

private:
    QSaveFile *m_file;
    QString m_problem;
};

} // namespace

bool AtomicFile::write(const QString &path, const std::function<void(QIODevice *)> &fill,
                       QString *error)
{
    const auto failWith = [&](const QString &problem) {
        if (error)
            *error = InputFile::displayName(path)
                + QCoreApplication::translate("AtomicFile", ": cannot save: ") + problem;
        return false;
    };

    const QFileInfo info(path);
    if (info.isDir())
        return failWith(QCoreApplication::translate("AtomicFile", "this is a folder, not a file"));
    if (!info.absoluteDir().exists()) {
        return failWith(QCoreApplication::translate("AtomicFile", "the folder %1 does not exist")
                            .arg(InputFile::displayName(info.absolutePath())));
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return failWith(file.errorString());
    CheckedWrites checked(&file);
    fill(&checked);
    if (!checked.problem().isEmpty()) {
        file.cancelWriting();
        return failWith(checked.problem());
    }
    if (!file.commit())
        return failWith(file.errorString());
    return true;
}
