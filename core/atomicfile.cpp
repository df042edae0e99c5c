#include "atomicfile.h"

#include <QDir>
#include <QSaveFile>

bool AtomicFile::write(const QString &path, const std::function<void(QIODevice *)> &fill,
                       QString *error)
{
    QSaveFile file(path);
    const auto fail = [&](const QString &reason) {
        if (error) {
            *error =
                QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
        }
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    fill(&file);
    // A write error cancels the file; commit() then keeps the old one and reports it.
    if (!file.commit())
        return fail(file.errorString());
    return true;
}
