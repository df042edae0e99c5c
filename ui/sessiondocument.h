#pragma once

#include "session.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

class AutosaveSlot;
class MainWindow;
class QMenu;

// The window's work as a `.losslab` session (SessionFile): File › New, Open…, Open recent,
// Save and Save As…; the title with the session's name and its unsaved-changes mark; the
// question before unsaved work is closed; and the autosave, a copy of the work in progress
// written a few seconds after each change, which the next start offers to restore when
// LossLab did not close normally.
//
// Changes are what the user makes: the points, w and b by hand, the model, loss, optimizers
// and training settings, and training, whose trail and parameters the session holds.
class SessionDocument : public QObject
{
    Q_OBJECT

public:
    explicit SessionDocument(MainWindow *window);
    ~SessionDocument() override;

    // Adds New, Open…, Open recent, Save and Save As… at the top of `file`.
    void addTo(QMenu *file);

    // The window's state as a session, and the session shown in the window.
    Session currentSession() const;
    void showSession(const Session &session);

    // Opens a session file; on failure the window keeps what it shows and `*error` says why.
    // Fields that were missing or unusable are in warnings() afterwards.
    bool open(const QString &path, QString *error);
    // Saves to `path` (atomically) and makes it the session's file.
    bool save(const QString &path, QString *error);
    // The warnings of the last session opened, one line each.
    const QStringList &warnings() const { return m_warnings; }

    // The session's file; empty for a session never saved.
    const QString &path() const { return m_path; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    // Sets the title from the session's name, the data's title and the mark.
    void updateTitle();

    // For the program itself (not tests): keep recent files in QSettings and autosave.
    void setPersistent(bool persistent);
    bool isPersistent() const { return m_persistent; }
    // Where this window's autosave is written (see AutosaveSlot); empty when not persistent.
    QString autosavePath() const;
    // Offers to restore an autosave left by a run that did not close normally; returns
    // whether it was restored.
    bool offerRestore();

    // Whether the window may close: asks, when there are unsaved changes, to save, discard or
    // cancel. Without asking (a stop signal), the work in progress is autosaved instead and
    // offered at the next start.
    bool mayClose(bool ask);

    // The folder the last file was opened from or saved to (the home folder at first), where
    // the next file dialog starts; kept in QSettings when persistent.
    QString lastDirectory() const;
    void setLastDirectory(const QString &directory);

    // The files of Open recent, newest first.
    QStringList recentFiles() const;
    void addRecentFile(const QString &path);

private:
    // A change to the session: one of the undo history, or one outside it.
    void changed();
    void markChangedOutsideHistory();
    void setModified(bool modified, bool markHistoryClean);
    void writeAutosave();
    void newSession();
    void openFromDialog();
    bool saveFromMenu();
    bool saveAsFromDialog();
    void fillRecentMenu(QMenu *menu);

    MainWindow *m_window;
    QString m_path;
    std::unique_ptr<AutosaveSlot> m_autosave; // while persistent
    bool m_modified = false;
    bool m_changedOutsideHistory = false; // since the session was last saved or opened
    bool m_showing = false; // showSession() is under way: its edits are no change
    qint64 m_openedStep = 0; // where the run of the session shown last ended
    bool m_persistent = false;
    QStringList m_warnings;
    QString m_lastDirectory;
    QTimer m_autosaveTimer;
};
