#pragma once

#include "racertrail.h"

#include <QMainWindow>
#include <QPointer>

#include <vector>

class ColumnPickerDialog;
class DataEditorView;
class DatasetModel;
class ExportActions;
class FocusRing;
class QAction;
class QCheckBox;
class GridSearchPanel;
class LossCurveView;
class LossStepView;
class LossSurfaceView;
class ModelPanel;
class OptimizerInspector;
class ParameterPanel;
class QTableView;
class QTimer;
class QUndoStack;
class SessionDocument;
class TimelinePanel;
class TrainingController;
class TrainingPanel;
class ViewTabs;
class WindowMenus;
class Dataset;
struct Objective;
struct TrainingStep;
struct WindowOptions;
struct DatasetState;
struct SessionTrail;

// The window: the data editor and its table on the left; the loss curve, the w slider, the
// training controls and the loss-per-step chart and grid-search log on the right. It wires the
// views to one DatasetModel and one TrainingController and owns both.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the window as the command line asks (or saves a screenshot); returns the exit status.
    static int run(const WindowOptions &options);

    // Loads a session (a `.losslab` file, see SessionDocument::open()) or a CSV file. With
    // `askForColumns`, a CSV file of more than two columns brings up a dialog; otherwise the
    // given (or default) columns are used. On failure the current data stay, `*error` says why
    // and false is returned.
    bool openFile(const QString &path, const QString &xColumn, const QString &yColumn,
                  bool askForColumns, QString *error);
    // File › Open… once a file is chosen: opens a session (asking first about unsaved changes)
    // or a CSV file (asking for the columns if there are more than two), or says in a message
    // box why not, keeping the data shown.
    bool openFileAndReport(const QString &path);
    // Replaces the data, puts w back to 0 and clears the training run: one step of the undo
    // history.
    void setDataset(const Dataset &data, const QString &title, const QString &xName = {},
                    const QString &yName = {}, const QString &sourceFile = {});
    // Shows the data as they are, as a start afresh: the undo history is cleared.
    void replaceData(DatasetState state);
    // Sets w and b (not a step of the undo history).
    void setParameters(double w, double b);
    // Shows the saved run of a session: its trails (the chosen optimizer's first), with every
    // racer where its trail ends and its optimizer's state there, so that Train goes on from
    // it; then w and b as saved. Without a trail, only sets w and b.
    void restoreRun(const std::vector<SessionTrail> &trails, double w, double b);
    // The parameters of the run's latest step, which a session saves: the ones shown, unless
    // the timeline shows an earlier step.
    std::pair<double, double> latestParameters() const;
    // What the data are ("the lesson: …", "temp.csv (x = year, y = temp)"), and the file they
    // were read from (empty when they were not).
    const QString &dataTitle() const { return m_title; }
    // The data titles: "the lesson: (1, 2), (2, 4), (3, 6)" and "temp.csv (x = year, y = temp)".
    static QString lessonTitle();
    static QString fileTitle(const QString &fileName, const QString &xName, const QString &yName);
    // The trail of each racer, the chosen optimizer first and then its rivals in the order the
    // model panel lists them, as the charts draw them.
    std::vector<RacerTrail> racerTrails() const;
    const QString &sourceFile() const { return m_sourceFile; }
    // Closes the window without asking about unsaved changes, which are autosaved instead (a
    // stop signal).
    void closeWithoutAsking();
    // Lays the window out, paints it once and saves it as a PNG.
    bool saveScreenshot(const QString &path, QString *error);

    DatasetModel *model() const { return m_model; }
    TrainingController *controller() const { return m_controller; }
    DataEditorView *dataEditor() const { return m_dataEditor; }
    QTableView *table() const { return m_table; }
    LossCurveView *lossCurve() const { return m_lossCurve; }
    ParameterPanel *parameters() const { return m_parameters; }
    TrainingPanel *training() const { return m_training; }
    // The slider over the run's kept steps and "Continue from here".
    TimelinePanel *timeline() const { return m_timeline; }
    GridSearchPanel *gridSearch() const { return m_gridSearch; }
    ModelPanel *modelPanel() const { return m_modelPanel; }
    OptimizerInspector *inspector() const { return m_inspector; }
    LossSurfaceView *surface() const { return m_surface; }
    LossStepView *lossStep() const { return m_lossStep; }
    // Every change to the data and every change of w and b by hand (Edit › Undo, Redo).
    QUndoStack *undoStack() const { return m_undoStack; }
    // File › Export and Edit › Copy chart.
    ExportActions *exports() const { return m_exports; }
    // The session: File › New, Open, Save; the title; autosave.
    SessionDocument *document() const { return m_document; }
    ViewTabs *tabs() const { return m_tabs; }
    QCheckBox *logScaleBox() const;
    // The menu bar and its shortcuts.
    WindowMenus *menus() const { return m_menus; }

    // Edit › Clear the points: one step of the undo history.
    void clearPoints();
    // Lesson › Run grid search: replays the lesson's search in the Grid search tab.
    void startGridSearch();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // Each control's tooltip is its status-bar hint too, shown also when it takes the focus
    // from the keyboard; a focused chart, which draws no focus of its own, gets a frame.
    void explainFocus();
    void showFocus(QWidget *old, QWidget *focus);
    void setParametersByHand(double w, double b);
    // Shows `state` and returns the state it replaced (see DatasetCommand).
    DatasetState showDataset(DatasetState state);
    void setObjective(const Objective &objective);
    void setStandardized(bool standardized);
    void updateRanges();
    void noteRestart(const QString &why);
    void updateStableLimit();
    void showParameters();
    void handlePointsChanged();
    void sendPendingDataset();
    void handleProgress(const TrainingStep &state);
    // Shows the parameters of a step the timeline selects (not a change: the run stays).
    void showTimelineStep(const TrainingStep &state, bool latest);
    void continueFrom(qint64 step);
    void handleRestored(qint64 step, bool optimizerStateKnown);
    void toggleTraining();
    // Says in a message box which fields of the session just opened took their defaults.
    void showSessionWarnings();

    DatasetModel *m_model;
    TrainingController *m_controller;
    DataEditorView *m_dataEditor;
    QTableView *m_table;
    LossCurveView *m_lossCurve;
    ParameterPanel *m_parameters;
    TrainingPanel *m_training;
    TimelinePanel *m_timeline;
    LossStepView *m_lossStep;
    GridSearchPanel *m_gridSearch;
    ModelPanel *m_modelPanel;
    OptimizerInspector *m_inspector;
    LossSurfaceView *m_surface;
    ViewTabs *m_tabs;
    QUndoStack *m_undoStack;
    ExportActions *m_exports;
    SessionDocument *m_document;
    // Moves from one child to another, and is deleted with the one it is on.
    QPointer<FocusRing> m_focusRing;
    WindowMenus *m_menus = nullptr;
    QString m_sourceFile;
    bool m_closingWithoutAsking = false;
    QString m_title; // what the data are, after "LossLab — " in the title
    bool m_restartPausePending = false;
    // A drag moves a point at every mouse move, and giving the worker a copy of a million
    // points costs milliseconds: moves reach it at most once per datasetIntervalMs (the first
    // at once), and always before any other command.
    static constexpr int datasetIntervalMs = 100;
    QTimer *m_datasetTimer;
    bool m_pointMoved = false; // the pointsChanged() coming is one point moved
    bool m_datasetPending = false; // the worker has not been given the latest points
};
