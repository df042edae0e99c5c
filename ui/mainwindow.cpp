#include "mainwindow.h"

#include "columnpickerdialog.h"
#include "commandline.h"
#include "dataeditorview.h"
#include "datasetcommand.h"
#include "datasetloader.h"
#include "datasetmodel.h"
#include "exportactions.h"
#include "focusring.h"
#include "gridsearchpanel.h"
#include "losscurveview.h"
#include "lossfunction.h"
#include "lossstepview.h"
#include "losssurfaceview.h"
#include "modelpanel.h"
#include "mseloss.h"
#include "optimizerinspector.h"
#include "parameterpanel.h"
#include "parameterscommand.h"
#include "parameterslider.h"
#include "pngwriter.h"
#include "sessiondocument.h"
#include "sessionfile.h"
#include "stopsignals.h"
#include "timelinepanel.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"
#include "translations.h"
#include "viewtabs.h"
#include "windowmenus.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <iostream>
#include <limits>
#include <utility>

Q_LOGGING_CATEGORY(lcWindow, "losslab.ui.window", QtWarningMsg)

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new DatasetModel(this))
    , m_controller(new TrainingController(this))
    , m_dataEditor(new DataEditorView(m_model))
    , m_table(new QTableView)
    , m_lossCurve(new LossCurveView(m_model))
    , m_parameters(new ParameterPanel)
    , m_training(new TrainingPanel)
    , m_timeline(new TimelinePanel)
    , m_lossStep(new LossStepView)
    , m_gridSearch(new GridSearchPanel)
    , m_modelPanel(new ModelPanel)
    , m_inspector(new OptimizerInspector)
    , m_surface(new LossSurfaceView(m_model))
    , m_tabs(new ViewTabs(m_lossStep, m_surface, m_modelPanel, m_inspector, m_gridSearch))
    , m_undoStack(new QUndoStack(this))
    , m_exports(new ExportActions(this))
    , m_document(nullptr)
    , m_datasetTimer(new QTimer(this))
{
    setWindowTitle(tr("LossLab"));
    setAcceptDrops(true);
    m_model->setUndoStack(m_undoStack);
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setAccessibleName(tr("data table"));
    // Tab leaves the table for the next control; the arrows move between the cells.
    m_table->setTabKeyNavigation(false);
    m_table->setToolTip(tr("Double-click an x or y cell, or press F2 on it, to edit it"));
    m_dataEditor->setAccessibleName(tr("data editor chart"));
    m_dataEditor->setAccessibleDescription(
        tr("The data points, the line y = w·x and each point's residual"));
    m_lossCurve->setAccessibleName(tr("loss curve chart"));
    m_lossStep->setAccessibleName(tr("loss per step chart"));
    m_lossStep->setToolTip(tr("The loss after each step of training, one line per optimizer"));
    m_lossStep->setAccessibleDescription(m_lossStep->toolTip());

    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_dataEditor);
    left->addWidget(m_table);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);

    auto *controls = new QWidget;
    auto *controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(6, 0, 6, 0);
    controlsLayout->addWidget(m_parameters);
    controlsLayout->addWidget(m_training);
    controlsLayout->addWidget(m_timeline);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_lossCurve);
    right->addWidget(controls);
    right->addWidget(m_tabs);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 0);
    right->setStretchFactor(2, 2);

    auto *central = new QSplitter(Qt::Horizontal);
    central->addWidget(left);
    central->addWidget(right);
    central->setStretchFactor(0, 1);
    central->setStretchFactor(1, 1);
    setCentralWidget(central);
    m_document = new SessionDocument(this);
    m_menus = new WindowMenus(this);
    statusBar()->showMessage(tr("Drag the points, move w, or press Train."));
    explainFocus();

    m_datasetTimer->setSingleShot(true);
    m_datasetTimer->setInterval(datasetIntervalMs);
    connect(m_datasetTimer, &QTimer::timeout, this, &MainWindow::sendPendingDataset);
    connect(m_model, &DatasetModel::pointMoved, this, [this] { m_pointMoved = true; });
    connect(m_model, &DatasetModel::pointsChanged, this, &MainWindow::handlePointsChanged);
    connect(m_model, &DatasetModel::parametersChanged, this, &MainWindow::showParameters);
    connect(m_model, &DatasetModel::editRejected, this,
            [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_parameters, &ParameterPanel::wEdited, this,
            [this](double w) { setParametersByHand(w, m_model->b()); });
    connect(m_parameters, &ParameterPanel::bEdited, this,
            [this](double b) { setParametersByHand(m_model->w(), b); });
    connect(m_modelPanel, &ModelPanel::objectiveChanged, this, &MainWindow::setObjective);
    connect(m_modelPanel, &ModelPanel::standardizeChanged, this, &MainWindow::setStandardized);
    connect(m_modelPanel, &ModelPanel::rivalsChanged, this,
            [this](const std::vector<OptimizerSettings> &rivals) {
                sendPendingDataset();
                m_controller->pause();
                m_controller->setRivals(rivals);
                noteRestart(tr("the optimizers changed"));
            });
    connect(m_modelPanel, &ModelPanel::optimizerChanged, this, [this](const OptimizerSettings &s) {
        m_inspector->setOptimizer(s.kind);
        sendPendingDataset();
        m_controller->setOptimizer(s);
        updateStableLimit();
    });
    connect(m_controller, &TrainingController::optimizerStateChanged, m_inspector,
            &OptimizerInspector::showState);
    connect(m_surface, &LossSurfaceView::parametersPicked, this, &MainWindow::setParametersByHand);
    connect(m_modelPanel, &ModelPanel::fieldRejected, this,
            [this](const QString &error) { m_training->showMessage(error, true); });
    connect(m_modelPanel, &ModelPanel::fieldErrorCleared, m_training, &TrainingPanel::clearMessage);

    connect(m_training, &TrainingPanel::trainToggled, this, &MainWindow::toggleTraining);
    connect(m_training, &TrainingPanel::stepRequested, m_controller, [this] {
        m_training->clearMessage();
        // Training goes on from the latest step, wherever the timeline is.
        m_timeline->showLatest();
        sendPendingDataset();
        m_controller->step();
    });
    connect(m_training, &TrainingPanel::resetRequested, m_controller, [this] {
        m_training->clearMessage();
        sendPendingDataset();
        m_controller->reset();
    });
    connect(m_training, &TrainingPanel::settingsChanged, m_controller,
            &TrainingController::setSettings);
    connect(m_training, &TrainingPanel::speedChanged, m_controller,
            &TrainingController::setStepsPerSecond);

    connect(m_controller, &TrainingController::progressed, this, &MainWindow::handleProgress);
    connect(m_controller, &TrainingController::runningChanged, m_training,
            &TrainingPanel::setRunning);
    connect(m_controller, &TrainingController::runningChanged, m_timeline,
            &TimelinePanel::setRunning);
    connect(m_controller, &TrainingController::restored, this, &MainWindow::handleRestored);
    connect(m_timeline, &TimelinePanel::stepSelected, this, &MainWindow::showTimelineStep);
    connect(m_timeline, &TimelinePanel::continueRequested, this, &MainWindow::continueFrom);
    connect(m_controller, &TrainingController::stopped, this,
            [this](StopReason reason, const QString &message) {
                // The pause that a restart asked for is not news: the restart note says more.
                if (reason == StopReason::Paused && m_restartPausePending) {
                    m_restartPausePending = false;
                    return;
                }
                m_training->showStop(reason, message);
            });

    connect(m_gridSearch, &GridSearchPanel::runRequested, this, &MainWindow::startGridSearch);
    connect(m_gridSearch, &GridSearchPanel::started, m_lossCurve, &LossCurveView::clearGridPoints);
    connect(m_gridSearch, &GridSearchPanel::pointEvaluated, m_lossCurve,
            &LossCurveView::addGridPoint);

    m_controller->setSettings(m_training->settings());
    m_controller->setOptimizer(m_modelPanel->optimizer());
    m_controller->setStepsPerSecond(m_training->stepsPerSecond());
    // The data the window opens with are no step of the history, and no change.
    replaceData({Dataset::lesson(), lessonTitle(), {}, {}, {}});
    m_document->setModified(false);
}

QCheckBox *MainWindow::logScaleBox() const
{
    return m_tabs->logScaleBox();
}

MainWindow::~MainWindow()
{
    // The session goes first: the undo stack, deleted with the other children, clears itself
    // and signals a change that must not reach a window half taken down. So do the focus
    // changes of children being deleted.
    disconnect(qApp, &QApplication::focusChanged, this, &MainWindow::showFocus);
    delete m_document;
}

int MainWindow::run(const WindowOptions &options)
{
    QString error;
    // The window speaks the language chosen in Edit › Language, or the system's.
    if (!Translations::install(Translations::chosenLanguage(), &error))
        std::cerr << "losslab: note: " << error.toStdString() << '\n';
    MainWindow window;
    window.resize(1280, 820);
    const bool screenshot = !options.screenshot.isEmpty();
    if (!options.dataFile.isEmpty()
        && !window.openFile(options.dataFile, options.xColumn, options.yColumn, false, &error)) {
        std::cerr << "losslab: " << error.toStdString() << '\n';
        if (screenshot)
            return CommandLine::exitUsage;
        QMessageBox::warning(&window, tr("Cannot open the data"),
                             tr("%1\n\nThe lesson's data are shown instead.").arg(error));
    }
    // The data the window opens with are no step of the history, and no change.
    window.m_undoStack->clear();
    window.m_document->setModified(false);
    for (const QString &warning : window.m_document->warnings())
        std::cerr << "losslab: note: " << warning.toStdString() << '\n';
    if (screenshot) {
        if (!window.saveScreenshot(options.screenshot, &error)) {
            std::cerr << "losslab: " << error.toStdString() << '\n';
            return CommandLine::exitUsage;
        }
        return CommandLine::exitOk;
    }
    window.m_document->setPersistent(true);
    window.restoreGeometry(QSettings().value(QStringLiteral("window/geometry")).toByteArray());
    window.show();
    if (options.dataFile.isEmpty() && !StopSignals::requested())
        window.m_document->offerRestore();
    if (!window.m_document->warnings().isEmpty() && !StopSignals::requested())
        window.showSessionWarnings();
    // A stop signal that came while a message box was open ended the box's event loop, and
    // quit() had no other to end: the program ends here, as the window would have.
    if (StopSignals::requested())
        return CommandLine::exitOk;
    return QApplication::exec();
}

bool MainWindow::openFile(const QString &path, const QString &xColumn, const QString &yColumn,
                          bool askForColumns, QString *error)
{
    if (SessionFile::isSessionPath(path)) {
        return DatasetLoader::checkSessionColumns(path, xColumn, yColumn, error)
            && m_document->open(path, error);
    }
    const std::optional<NumericTable> table = DatasetLoader::readNumbers(path, error);
    if (!table)
        return false;

    const QString name = QFileInfo(path).fileName();
    QString x = xColumn;
    QString y = yColumn;
    if (askForColumns && x.isEmpty() && y.isEmpty() && table->columnCount() > 2) {
        ColumnPickerDialog dialog(*table, name, this);
        if (dialog.exec() != QDialog::Accepted) {
            *error = QString();
            return false;
        }
        x = QString::number(dialog.xColumn() + 1);
        y = QString::number(dialog.yColumn() + 1);
    }

    const auto loaded = DatasetLoader::fromTable(*table, x, y, error);
    if (!loaded) {
        *error = name + QStringLiteral(": ") + *error;
        return false;
    }
    setDataset(loaded->data, fileTitle(name, loaded->xName, loaded->yName), loaded->xName,
               loaded->yName, QFileInfo(path).absoluteFilePath());
    m_document->addRecentFile(path);
    const QString skipped = loaded->skippedSummary();
    statusBar()->showMessage(
        tr("Opened %1: %n point(s). %2", "", int(loaded->data.size())).arg(name, skipped));
    if (!skipped.isEmpty())
        qCInfo(lcWindow).noquote() << name << skipped;
    return true;
}

void MainWindow::setDataset(const Dataset &data, const QString &title, const QString &xName,
                            const QString &yName, const QString &sourceFile)
{
    m_undoStack->push(new DatasetCommand(
        {data, title, xName, yName, sourceFile},
        [this](DatasetState state) { return showDataset(std::move(state)); },
        data.isEmpty() ? tr("Clear the points") : tr("Open %1").arg(title)));
}

DatasetState MainWindow::showDataset(DatasetState state)
{
    m_gridSearch->stop();
    m_lossCurve->clearGridPoints();
    m_training->clearMessage();

    // Queued in this order, the worker pauses, takes the data and starts again from w = 0.
    sendPendingDataset();
    m_controller->pause();
    DatasetState shown {{}, m_title, m_model->xName(), m_model->yName(), m_sourceFile};
    shown.data = m_model->setDataset(std::move(state.data), state.xName, state.yName);
    updateRanges();
    m_model->setParameters(0.0, 0.0);
    m_controller->reset();
    m_controller->setParameters(0.0, 0.0);
    showParameters();
    m_title = state.title;
    m_sourceFile = state.sourceFile;
    m_document->updateTitle();
    return shown;
}

void MainWindow::replaceData(DatasetState state)
{
    showDataset(std::move(state));
    m_undoStack->clear();
}

void MainWindow::clearPoints()
{
    setDataset(Dataset(), tr("no points"), m_model->xName(), m_model->yName());
}

bool MainWindow::saveScreenshot(const QString &path, QString *error)
{
    // Shown off screen with updates off, the window is laid out but not painted: grab() paints
    // it once, the first and only frame, instead of once for the screen and again for the file.
    if (!isVisible())
        setAttribute(Qt::WA_DontShowOnScreen);
    setUpdatesEnabled(false);
    show();
    // Let the layout settle and the charts lay out their axes before grabbing.
    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    // A curve or map of large data sampled on its own thread is waited for (a minute at most),
    // so that the file shows what the window settles on.
    QElapsedTimer waited;
    waited.start();
    while ((m_lossCurve->isSampling() || m_surface->isSampling()) && waited.elapsed() < 60000) {
        QApplication::processEvents();
        QThread::msleep(2);
    }
    QApplication::processEvents();
    setUpdatesEnabled(true);
    if (!PngWriter::write(grab().toImage(), path)) {
        *error = tr("cannot write the screenshot to %1").arg(path);
        return false;
    }
    return true;
}

void MainWindow::explainFocus()
{
    const QList<QWidget *> widgets = findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->statusTip().isEmpty() && !widget->toolTip().isEmpty())
            widget->setStatusTip(widget->toolTip());
    }
    m_focusRing = new FocusRing(this);
    connect(qApp, &QApplication::focusChanged, this, &MainWindow::showFocus);
}

void MainWindow::showFocus(QWidget *old, QWidget *focus)
{
    // The window's own activation, or focus coming from another window, leaves the message
    // there.
    if (!old || !focus || focus->window() != this || old->window() != this)
        return;
    // As the style's own focus frames, the hint and the ring are for focus moved from the
    // keyboard: a click says what it does itself, and must not hide a message just shown.
    const bool fromKeyboard = testAttribute(Qt::WA_KeyboardFocusChange);
    if (fromKeyboard && !focus->statusTip().isEmpty())
        statusBar()->showMessage(focus->statusTip());
    // Charts, lists and the log draw no focus of their own, or only on a current cell.
    const bool ring = qobject_cast<QAbstractScrollArea *>(focus) && fromKeyboard;
    if (m_focusRing)
        m_focusRing->setWidget(ring ? focus : nullptr);
}

void MainWindow::showSessionWarnings()
{
    QMessageBox::warning(this, tr("Parts of the session were missing"),
                         tr("These were missing or unusable and have their defaults:\n\n%1")
                             .arg(m_document->warnings().join(u'\n')));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_document->mayClose(!m_closingWithoutAsking)) {
        event->ignore();
        return;
    }
    if (m_document->isPersistent())
        QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

void MainWindow::closeWithoutAsking()
{
    m_closingWithoutAsking = true;
    close();
}

// A session or a CSV file dropped onto the window is opened as File › Open… opens it.
void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    const QString path = urls.first().toLocalFile();
    // The message box of a refused file must not run inside the drop itself.
    QTimer::singleShot(0, this, [this, path] { openFileAndReport(path); });
}

bool MainWindow::openFileAndReport(const QString &path)
{
    // A session replaces the whole work, history included: unsaved changes are asked about
    // first. A CSV file is one undoable step of the work shown.
    if (SessionFile::isSessionPath(path) && !m_document->mayClose(true))
        return false;
    QString error;
    if (openFile(path, QString(), QString(), true, &error)) {
        if (SessionFile::isSessionPath(path) && !m_document->warnings().isEmpty())
            showSessionWarnings();
        return true;
    }
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot open the data"),
                             tr("%1\n\nThe data shown before are kept.").arg(error));
    }
    return false;
}

void MainWindow::setParametersByHand(double w, double b)
{
    if (!m_model->objective().hasBias())
        b = 0.0;
    // Unchanged values still reach the worker (a click on the surface picks the start), but
    // are no step of the history. With the timeline back, the change is from the latest step,
    // where training is.
    const auto [oldW, oldB] = latestParameters();
    if (w == oldW && b == oldB)
        return setParameters(w, b);
    m_undoStack->push(new ParametersCommand(
        oldW, oldB, w, b, [this](double w, double b) { setParameters(w, b); },
        m_model->objective().hasBias() ? tr("Set w and b") : tr("Set w")));
}

void MainWindow::setParameters(double w, double b)
{
    sendPendingDataset();
    m_model->setParameters(w, b);
    m_controller->setParameters(m_model->w(), m_model->b());
}

void MainWindow::restoreRun(const std::vector<SessionTrail> &trails, double w, double b)
{
    const auto hasSteps = [](const SessionTrail &trail) {
        return !trail.steps.empty();
    };
    if (std::none_of(trails.begin(), trails.end(), hasSteps))
        return setParameters(w, b);

    sendPendingDataset();
    m_controller->restoreTrails(trails);
    m_model->setParameters(w, b);
    // w or b moved by hand after the last step: the run goes on from there, as it would have.
    const bool moved = trails.front().steps.empty() || trails.front().steps.back().w != m_model->w()
        || trails.front().steps.back().b != m_model->b();
    if (moved)
        m_controller->setParameters(m_model->w(), m_model->b());
}

std::pair<double, double> MainWindow::latestParameters() const
{
    if (m_timeline->isAtLatest())
        return {m_model->w(), m_model->b()};
    const TrainingStep latest = m_controller->latest();
    return {latest.w, latest.b};
}

void MainWindow::setObjective(const Objective &objective)
{
    // A new model or loss starts the run afresh from the same start, so that one trail never
    // mixes two objectives.
    const bool modelChanged = objective.model != m_model->objective().model;
    sendPendingDataset();
    m_controller->pause();
    m_model->setObjective(objective);
    m_inspector->setObjective(objective);
    m_controller->setObjective(objective);
    m_parameters->setBiasVisible(objective.hasBias());
    m_tabs->setSurfaceEnabled(objective.hasBias(), modelChanged);
    if (modelChanged)
        updateRanges();
    m_controller->reset();
    noteRestart(tr("the model or the loss changed"));
    m_gridSearch->runButton()->setEnabled(objective.model == ModelKind::Origin
                                          && objective.loss == LossKind::Mse);
    updateStableLimit();
    showParameters();
}

void MainWindow::setStandardized(bool standardized)
{
    // New units for w and b: the run starts again from (0, 0) on the transformed data.
    sendPendingDataset();
    m_controller->pause();
    m_model->setStandardized(standardized);
    updateRanges();
    m_model->setParameters(0.0, 0.0);
    m_controller->reset();
    m_controller->setParameters(0.0, 0.0);
    noteRestart(standardized ? tr("x is now standardized") : tr("x is in its own units again"));
    updateStableLimit();
    showParameters();
}

void MainWindow::noteRestart(const QString &why)
{
    // Only a run that had taken steps is worth a word; the trail starts afresh either way.
    m_restartPausePending = m_controller->isRunning();
    if (m_controller->latest().step > 0)
        m_training->showMessage(tr("Back to the start: %1.").arg(why), false);
    else
        m_training->clearMessage();
}

void MainWindow::updateRanges()
{
    const Dataset &data = m_model->trainingData();
    const ParameterRange range = ParameterRange::forDataset(data, m_model->objective().model);
    m_parameters->setRange(range);
    const ParameterRange biasRange = ParameterRange::forBias(data);
    m_parameters->setBiasRange(biasRange);
    m_lossCurve->setRange(range);
    m_surface->setRanges(range, biasRange);
}

void MainWindow::updateStableLimit()
{
    // The limit is a property of plain gradient descent on the MSE; other rules have none,
    // and without points there is nothing to say.
    const bool applies = m_model->objective().loss == LossKind::Mse
        && m_modelPanel->optimizer().kind == OptimizerKind::Gd
        && !m_model->trainingData().isEmpty();
    m_training->setStableLimit(applies ? MseLoss::stableLearningRateLimit(
                                   m_model->trainingData(), m_model->objective().model)
                                       : std::nullopt,
                               applies);
}

void MainWindow::showParameters()
{
    m_parameters->setW(m_model->w());
    m_parameters->setB(m_model->b());
    m_parameters->setLoss(LossFunction::loss(m_model->trainingData(), m_model->objective(),
                                             m_model->w(), m_model->b()),
                          !m_model->trainingData().isEmpty(), m_model->objective().loss);
    m_lossCurve->setAccessibleDescription(m_parameters->spokenState());
}

void MainWindow::handlePointsChanged()
{
    const bool moved = std::exchange(m_pointMoved, false);
    if (moved && m_datasetTimer->isActive()) {
        m_datasetPending = true;
    } else {
        m_datasetPending = false;
        m_controller->setDataset(m_model->trainingData());
        if (moved)
            m_datasetTimer->start();
    }
    updateStableLimit();
    showParameters();
}

void MainWindow::sendPendingDataset()
{
    if (!m_datasetPending)
        return;
    m_datasetPending = false;
    m_controller->setDataset(m_model->trainingData());
    m_datasetTimer->start();
}

void MainWindow::handleProgress(const TrainingStep &state)
{
    m_model->setParameters(state.w, state.b);
    m_training->showState(state, m_model->objective(), !m_model->trainingData().isEmpty());
    const std::vector<RacerTrail> trails = racerTrails();
    m_lossCurve->setTrails(trails);
    // The latest step is shown again: no step of the past is ringed.
    m_lossStep->setShownStep(std::nullopt);
    m_lossStep->setTrails(trails);
    m_surface->setTrails(trails);
    m_timeline->setTrail(trails.empty() ? std::vector<TrainingStep>() : trails.front().steps);
}

void MainWindow::showTimelineStep(const TrainingStep &state, bool latest)
{
    // The model shows the step (the line, residuals, markers and readouts follow it); the
    // worker stays at the latest step, from which Train goes on.
    const TrainingStep shown = latest ? m_controller->latest() : state;
    m_model->setParameters(shown.w, shown.b);
    m_training->showState(shown, m_model->objective(), !m_model->trainingData().isEmpty());
    m_lossStep->setShownStep(latest ? std::nullopt : std::optional<TrainingStep>(state));
}

void MainWindow::continueFrom(qint64 step)
{
    // The steps after the one shown are dropped, which no undo brings back: ask first.
    const qint64 dropped = m_controller->latest().step - step;
    QMessageBox box(QMessageBox::Question, tr("Continue from step %1?").arg(step),
                    tr("Training will go on from step %1. The %n step(s) after it will be "
                       "dropped.",
                       "", int(std::min<qint64>(dropped, std::numeric_limits<int>::max())))
                        .arg(step),
                    QMessageBox::Ok | QMessageBox::Cancel, this);
    box.button(QMessageBox::Ok)->setText(tr("&Continue from step %1").arg(step));
    box.setDefaultButton(QMessageBox::Ok);
    if (box.exec() != QMessageBox::Ok)
        return;
    m_training->clearMessage();
    sendPendingDataset();
    m_controller->continueFrom(step);
}

void MainWindow::handleRestored(qint64 step, bool optimizerStateKnown)
{
    if (optimizerStateKnown) {
        statusBar()->showMessage(tr("Training goes on from step %1.").arg(step), 5000);
        return;
    }
    statusBar()->showMessage(tr("The optimizer's state at step %1 was not saved: training goes "
                                "on from there with the optimizer started afresh.")
                                 .arg(step),
                             15000);
}

std::vector<RacerTrail> MainWindow::racerTrails() const
{
    std::vector<OptimizerKind> kinds = {m_modelPanel->optimizer().kind};
    for (const OptimizerSettings &rival : m_modelPanel->rivals())
        kinds.push_back(rival.kind);
    std::vector<RacerTrail> trails;
    for (int racer = 0; racer < m_controller->racerCount() && racer < int(kinds.size()); ++racer)
        trails.push_back({kinds[std::size_t(racer)], m_controller->trail(racer),
                          m_controller->trailStride(racer)});
    return trails;
}

QString MainWindow::lessonTitle()
{
    return tr("the lesson: (1, 2), (2, 4), (3, 6)");
}

QString MainWindow::fileTitle(const QString &fileName, const QString &xName, const QString &yName)
{
    return tr("%1 (x = %2, y = %3)").arg(fileName, xName, yName);
}

void MainWindow::toggleTraining()
{
    if (m_controller->isRunning()) {
        m_controller->pause();
        return;
    }
    // The settings and the speed reached the worker when they were edited; training goes on
    // from the latest step, wherever the timeline is.
    m_training->clearMessage();
    m_timeline->showLatest();
    sendPendingDataset();
    m_controller->start();
}

void MainWindow::startGridSearch()
{
    m_tabs->setCurrentWidget(m_gridSearch);
    m_gridSearch->start(m_model->trainingData(), m_parameters->range());
}
