#include "autosaveslot.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

AutosaveSlot::AutosaveSlot()
{
    QDir().mkpath(folder());
    for (int slot = 1; slot <= maxSlots; ++slot) {
        auto lock = std::make_unique<QLockFile>(slotPath(slot, ".lock"));
        // A lock whose process has ended (a crash) is stale and taken over at once.
        if (lock->tryLock(0)) {
            m_lock = std::move(lock);
            m_path = slotPath(slot, ".losslab");
            return;
        }
    }
}

AutosaveSlot::~AutosaveSlot() = default;

std::optional<AutosaveSlot::Leftover> AutosaveSlot::claimLeftover() const
{
    std::optional<Leftover> newest;
    QDateTime newestTime;
    const auto consider = [&](const QString &path, std::shared_ptr<QLockFile> lock) {
        const QFileInfo info(path);
        if (!info.exists() || (newest && info.lastModified() <= newestTime))
            return;
        newest = Leftover {path, std::move(lock)};
        newestTime = info.lastModified();
    };

    if (!m_path.isEmpty())
        consider(m_path, nullptr);
    for (int slot = 1; slot <= maxSlots; ++slot) {
        const QString path = slotPath(slot, ".losslab");
        if (path == m_path || !QFileInfo::exists(path))
            continue;
        auto lock = std::make_shared<QLockFile>(slotPath(slot, ".lock"));
        if (lock->tryLock(0))
            consider(path, std::move(lock));
    }
    return newest;
}

QString AutosaveSlot::folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AutosaveSlot::slotPath(int slot, const char *suffix)
{
    return QDir(folder()).filePath(
        QStringLiteral("autosave-%1%2").arg(slot).arg(QLatin1String(suffix)));
}
