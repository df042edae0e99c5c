#include "sessiondocument.h"

#include "autosaveslot.h"
#include "datasetcommand.h"
#include "datasetmodel.h"
#include "inputfile.h"
#include "lossstepview.h"
#include "mainwindow.h"
#include "modelpanel.h"
#include "sessionfile.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"
#include "viewtabs.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>

#include <tuple>

namespace {

constexpr int AutosaveDelayMs = 3000;
constexpr int RecentFileCount = 8;
const char *const RecentFilesKey = "recentFiles";
const char *const LastDirectoryKey = "lastDirectory";

// The tabs by the names a session file gives them.
const QStringList &tabNames()
{
    static const QStringList names = {QStringLiteral("lossPerStep"), QStringLiteral("lossSurface"),
                                      QStringLiteral("model"), QStringLiteral("optimizerState"),
                                      QStringLiteral("gridSearch")};
    return names;
}

} // namespace

SessionDocument::SessionDocument(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(AutosaveDelayMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &SessionDocument::writeAutosave);

    // Undoing back to the state saved or opened takes the mark away again, unless something
    // outside the history (a setting, training) changed meanwhile.
    connect(window->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (m_showing)
            return;
        if (m_window->undoStack()->isClean() && !m_changedOutsideHistory)
            return setModified(false, false);
        changed();
    });
    ModelPanel *panel = window->modelPanel();
    connect(panel, &ModelPanel::objectiveChanged, this,
            &SessionDocument::markChangedOutsideHistory);
    connect(panel, &ModelPanel::optimizerChanged, this,
            &SessionDocument::markChangedOutsideHistory);
    connect(panel, &ModelPanel::rivalsChanged, this, &SessionDocument::markChangedOutsideHistory);
    connect(panel, &ModelPanel::standardizeChanged, this,
            &SessionDocument::markChangedOutsideHistory);
    connect(window->training(), &TrainingPanel::settingsChanged, this,
            &SessionDocument::markChangedOutsideHistory);
    connect(window->training(), &TrainingPanel::speedChanged, this,
            &SessionDocument::markChangedOutsideHistory);
    // Training moves w and b and grows the trail, which the session holds; a reset to step 0
    // and the saved run of a session just opened are no change.
    connect(window->controller(), &TrainingController::progressed, this,
            [this](const TrainingStep &latest) {
                if (latest.step > 0 && latest.step != m_openedStep)
                    markChangedOutsideHistory();
            });
}

void SessionDocument::addTo(QMenu *file)
{
    QAction *first = file->actions().value(0);
    const auto add = [&](const QString &text, auto slot, QKeySequence::StandardKey key,
                         const QString &tip) {
        auto *action = new QAction(text, file);
        action->setShortcut(key);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        file->insertAction(first, action);
        return action;
    };
    add(tr("&New"), &SessionDocument::newSession, QKeySequence::New,
        tr("Start again from the lesson's data and the default settings"));
    add(tr("&Open…"), &SessionDocument::openFromDialog, QKeySequence::Open,
        tr("Open a saved session or a CSV file of data"));
    QMenu *recent = new QMenu(tr("Open &recent"), file);
    recent->menuAction()->setStatusTip(tr("Open again one of the files opened or saved lately"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] { fillRecentMenu(recent); });
    file->insertMenu(first, recent);
    add(tr("&Save"), &SessionDocument::saveFromMenu, QKeySequence::Save,
        tr("Save the data, the settings and the training run as a session"));
    add(tr("Save &As…"), &SessionDocument::saveAsFromDialog, QKeySequence::SaveAs,
        tr("Save the session under a new name"));
    file->insertSeparator(first);
}

Session SessionDocument::currentSession() const
{
    const DatasetModel *model = m_window->model();
    Session session;
    session.data = model->dataset();
    session.sourceFile = m_window->sourceFile();
    session.xColumn = model->xName();
    session.yColumn = model->yName();
    session.objective = m_window->modelPanel()->objective();
    session.standardizeX = model->isStandardized();
    session.training = m_window->training()->settings();
    session.stepsPerSecond = m_window->training()->stepsPerSecond();
    session.optimizer = m_window->modelPanel()->optimizer();
    session.optimizer.learningRate = session.training.learningRate;
    session.rivals = m_window->modelPanel()->rivals();
    for (OptimizerSettings &rival : session.rivals)
        rival.learningRate = session.training.learningRate;
    std::tie(session.w, session.b) = m_window->latestParameters();
    const int racers = int(m_window->racerTrails().size());
    for (int racer = 0; racer < racers; ++racer) {
        SessionTrail trail = m_window->controller()->sessionTrail(racer);
        if (!trail.steps.empty())
            session.trails.push_back(std::move(trail));
    }
    session.view.tab = tabNames().value(m_window->tabs()->currentIndex());
    session.view.logLossAxis = m_window->logScaleBox()->isChecked();
    return session;
}

void SessionDocument::showSession(const Session &session)
{
    m_showing = true;
    m_window->modelPanel()->setSettings(session.objective, session.optimizer, session.rivals,
                                        session.standardizeX);
    m_window->training()->setSettings(session.training, session.stepsPerSecond);
    const QString name = QFileInfo(session.sourceFile).fileName();
    QString title;
    if (!name.isEmpty()) {
        title = MainWindow::fileTitle(name, session.xColumn.isEmpty() ? tr("x") : session.xColumn,
                                      session.yColumn.isEmpty() ? tr("y") : session.yColumn);
    } else if (session.data == Dataset::lesson()) {
        title = MainWindow::lessonTitle();
    } else {
        title = tr("%n point(s)", "", int(session.data.size()));
    }
    m_window->replaceData(
        {session.data, title, session.xColumn, session.yColumn, session.sourceFile});
    // Training goes on from the saved run's last step, which is no change.
    m_openedStep = session.trails.empty() || session.trails.front().steps.empty()
        ? 0
        : session.trails.front().steps.back().step;
    m_window->restoreRun(session.trails, session.w, session.b);
    const qsizetype tab = tabNames().indexOf(session.view.tab);
    if (tab >= 0 && m_window->tabs()->isTabEnabled(int(tab)))
        m_window->tabs()->setCurrentIndex(int(tab));
    m_window->logScaleBox()->setChecked(session.view.logLossAxis);
    m_showing = false;
}

SessionDocument::~SessionDocument() = default;

bool SessionDocument::open(const QString &path, QString *error)
{
    QStringList warnings;
    const std::optional<Session> session = SessionFile::load(path, &warnings, error);
    if (!session)
        return false;
    showSession(*session);
    m_warnings = warnings;
    m_path = QFileInfo(path).absoluteFilePath();
    setModified(false);
    addRecentFile(m_path);
    m_window->statusBar()->showMessage(tr("Opened %1.").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool SessionDocument::save(const QString &path, QString *error)
{
    if (!SessionFile::save(currentSession(), path, error))
        return false;
    m_path = QFileInfo(path).absoluteFilePath();
    setModified(false);
    addRecentFile(m_path);
    m_window->statusBar()->showMessage(tr("Saved %1.").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

void SessionDocument::setModified(bool modified)
{
    setModified(modified, true);
}

void SessionDocument::setModified(bool modified, bool markHistoryClean)
{
    m_modified = modified;
    if (!modified) {
        m_changedOutsideHistory = false;
        if (markHistoryClean)
            m_window->undoStack()->setClean();
        m_autosaveTimer.stop();
        if (!autosavePath().isEmpty())
            QFile::remove(autosavePath());
    }
    updateTitle();
}

void SessionDocument::markChangedOutsideHistory()
{
    if (m_showing)
        return;
    m_changedOutsideHistory = true;
    changed();
}

void SessionDocument::changed()
{
    if (m_showing)
        return;
    if (!m_modified) {
        m_modified = true;
        updateTitle();
    }
    // A few seconds after the first change not yet autosaved: a long run of changes (training
    // as fast as possible) is autosaved every few seconds, not postponed to its end.
    if (m_persistent && !m_autosaveTimer.isActive())
        m_autosaveTimer.start();
}

void SessionDocument::updateTitle()
{
    const QString name = m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
    m_window->setWindowTitle(tr("%1[*] — %2 — LossLab").arg(name, m_window->dataTitle()));
    m_window->setWindowModified(m_modified);
}

void SessionDocument::setPersistent(bool persistent)
{
    m_persistent = persistent;
    if (persistent && !m_autosave)
        m_autosave = std::make_unique<AutosaveSlot>();
    else if (!persistent)
        m_autosave.reset();
}

QString SessionDocument::autosavePath() const
{
    return m_autosave ? m_autosave->path() : QString();
}

void SessionDocument::writeAutosave()
{
    if (!m_modified)
        return;
    const QString path = autosavePath();
    if (path.isEmpty())
        return;
    QString error;
    if (!SessionFile::save(currentSession(), path, &error))
        m_window->statusBar()->showMessage(tr("Autosave failed: %1").arg(error), 8000);
}

bool SessionDocument::offerRestore()
{
    if (!m_autosave)
        return false;
    const std::optional<AutosaveSlot::Leftover> leftover = m_autosave->claimLeftover();
    if (!leftover)
        return false;
    const auto answer = QMessageBox::question(
        m_window, tr("Restore your work?"),
        tr("LossLab did not close normally last time. Restore the work that was not saved?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
        QFile::remove(leftover->path);
        return false;
    }
    QString error;
    QStringList warnings;
    const std::optional<Session> session = SessionFile::load(leftover->path, &warnings, &error);
    if (!session) {
        QMessageBox::warning(m_window, tr("Cannot restore the work"), error);
        return false;
    }
    showSession(*session);
    m_path.clear();
    m_modified = false;
    markChangedOutsideHistory();
    // The work is this window's now: in its own autosave file before the other one goes.
    writeAutosave();
    if (leftover->path != autosavePath())
        QFile::remove(leftover->path);
    return true;
}

bool SessionDocument::mayClose(bool ask)
{
    if (!m_modified) {
        setModified(false);
        return true;
    }
    if (!ask) {
        if (m_persistent)
            writeAutosave();
        return true;
    }
    const auto answer = QMessageBox::question(
        m_window, tr("Save the changes?"),
        tr("%1 has changes that are not saved.")
            .arg(m_path.isEmpty() ? tr("This session") : QFileInfo(m_path).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !saveFromMenu()))
        return false;
    setModified(false);
    return true;
}

QString SessionDocument::lastDirectory() const
{
    const QString directory = m_persistent
        ? QSettings().value(QLatin1String(LastDirectoryKey)).toString()
        : m_lastDirectory;
    return directory.isEmpty() ? QDir::homePath() : directory;
}

void SessionDocument::setLastDirectory(const QString &directory)
{
    m_lastDirectory = directory;
    if (m_persistent)
        QSettings().setValue(QLatin1String(LastDirectoryKey), directory);
}

QStringList SessionDocument::recentFiles() const
{
    return QSettings().value(QLatin1String(RecentFilesKey)).toStringList();
}

void SessionDocument::addRecentFile(const QString &path)
{
    if (!m_persistent)
        return;
    QStringList files = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    files.removeAll(absolute);
    files.prepend(absolute);
    QSettings().setValue(QLatin1String(RecentFilesKey), files.mid(0, RecentFileCount));
}

void SessionDocument::fillRecentMenu(QMenu *menu)
{
    menu->clear();
    const QStringList files = recentFiles();
    for (const QString &file : files) {
        menu->addAction(QDir::toNativeSeparators(file), this,
                        [this, file] { m_window->openFileAndReport(file); })
            ->setStatusTip(tr("Open this file again"));
    }
    if (files.isEmpty()) {
        QAction *none = menu->addAction(tr("No files yet"));
        none->setEnabled(false);
        none->setStatusTip(tr("Files opened or saved are listed here"));
        return;
    }
    menu->addSeparator();
    menu->addAction(tr("&Clear the list"), this,
                    [] { QSettings().remove(QLatin1String(RecentFilesKey)); })
        ->setStatusTip(tr("Forget the files opened or saved lately"));
}

void SessionDocument::newSession()
{
    if (!mayClose(true))
        return;
    showSession(Session());
    m_path.clear();
    setModified(false);
}

void SessionDocument::openFromDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        m_window, tr("Open"), lastDirectory(),
        tr("Sessions and data (*.losslab *.csv *.tsv *.txt);;LossLab sessions (*.losslab);;"
           "CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    setLastDirectory(QFileInfo(path).absolutePath());
    m_window->openFileAndReport(path);
}

bool SessionDocument::saveFromMenu()
{
    if (m_path.isEmpty())
        return saveAsFromDialog();
    QString error;
    if (save(m_path, &error))
        return true;
    QMessageBox::warning(m_window, tr("Cannot save the session"), error);
    return false;
}

bool SessionDocument::saveAsFromDialog()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save the session"),
                                                m_path.isEmpty() ? tr("lesson.losslab") : m_path,
                                                tr("LossLab sessions (*.losslab)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".losslab");
    QString error;
    if (save(path, &error))
        return true;
    QMessageBox::warning(m_window, tr("Cannot save the session"), error);
    return false;
}
