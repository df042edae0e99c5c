#pragma once

#include <QString>

#include <memory>
#include <optional>

class QLockFile;

// The autosave file of one running window, autosave-N.losslab in the application-data folder.
// Each window claims the lowest N no running LossLab holds, with a lock file
// (autosave-N.lock), so that two windows open at once never write the same file and one
// closing normally never deletes the other's. A file whose lock nobody holds was left by a
// LossLab that did not close normally; the next start finds it with claimLeftover().
class AutosaveSlot
{
public:
    // Claims a slot; path() is empty when none could be claimed (the folder is not writable).
    AutosaveSlot();
    ~AutosaveSlot();

    AutosaveSlot(const AutosaveSlot &) = delete;
    AutosaveSlot &operator=(const AutosaveSlot &) = delete;

    // This window's autosave file; it may not exist.
    const QString &path() const { return m_path; }

    // A file left by a LossLab that did not close normally, newest first: this slot's own, or
    // that of a slot no running LossLab holds, which stays claimed (no other start offers it)
    // until the returned lock is released.
    struct Leftover
    {
        QString path;
        std::shared_ptr<QLockFile> lock; // empty for this slot's own file
    };
    std::optional<Leftover> claimLeftover() const;

    // The folder of the autosave files.
    static QString folder();

    static constexpr int maxSlots = 64;

private:
    static QString slotPath(int slot, const char *suffix);

    std::unique_ptr<QLockFile> m_lock;
    QString m_path;
};
