#include "windowmenus.h"

#include "commandline.h"
#include "datasetloader.h"
#include "exportactions.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "parameterpanel.h"
#include "parameterslider.h"
#include "sessiondocument.h"
#include "trainingpanel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStatusBar>
#include <QTabBar>
#include <QTextEdit>
#include <QUndoStack>

WindowMenus::WindowMenus(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    // Alt and a menu's letter opens it: no control of the window takes F, E, L or H.
    addFileMenu();
    addEditMenu();
    addLessonMenu();
    addHelpMenu();
}

void WindowMenus::addFileMenu()
{
    QMenu *file = m_window->menuBar()->addMenu(tr("&File"));
    file->menuAction()->setStatusTip(tr("Open, save and export the work, or quit"));
    QMenu *examples = file->addMenu(tr("Open &example"));
    m_window->document()->addTo(file);
    examples->menuAction()->setStatusTip(tr("Open one of the data sets built into LossLab"));
    examples
        ->addAction(tr("The &lesson: (1, 2), (2, 4), (3, 6)"), this,
                    [this] { m_window->setDataset(Dataset::lesson(), MainWindow::lessonTitle()); })
        ->setStatusTip(tr("Go back to the lesson's three points, which y = 2·x fits exactly"));
    examples
        ->addAction(tr("&Gapminder: life expectancy against income"), this,
                    [this] {
                        openExample(QStringLiteral(":/data/gapminder-health-income.csv"),
                                    tr("Gapminder (x = income, y = health)"));
                    })
        ->setStatusTip(tr("Countries' life expectancy against income, where large x diverge"));
    examples
        ->addAction(tr("Global &temperature anomaly by year"), this,
                    [this] {
                        openExample(QStringLiteral(":/data/global-temp.csv"),
                                    tr("global temperature (x = year, y = temp)"));
                    })
        ->setStatusTip(tr("The global temperature anomaly by year, which no line through the "
                          "origin follows"));

    file->addSeparator();
    m_exportMenu = file->addMenu(tr("E&xport"));
    m_exportMenu->menuAction()->setStatusTip(
        tr("Save a chart, the points, the training trail or the grid-search log to a file"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), m_window, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setStatusTip(tr("Close LossLab, asking first about unsaved changes"));
}

void WindowMenus::addEditMenu()
{
    QMenu *edit = m_window->menuBar()->addMenu(tr("&Edit"));
    edit->menuAction()->setStatusTip(
        tr("Undo and redo, copy a chart, clear the points, or choose the language"));
    QAction *undo = m_window->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setStatusTip(tr("Take back the last change to the points or to w and b"));
    edit->addAction(undo);
    QAction *redo = m_window->undoStack()->createRedoAction(this, tr("&Redo"));
    // The system's Redo keys, and both common ones everywhere: Ctrl+Shift+Z as on Linux and
    // macOS, Ctrl+Y as on Windows (neither means anything else here).
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence &key :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(key))
            redoKeys.append(key);
    }
    redo->setShortcuts(redoKeys);
    redo->setStatusTip(tr("Make again the change just taken back"));
    edit->addAction(redo);
    edit->addSeparator();
    QMenu *copy = edit->addMenu(tr("Cop&y chart"));
    copy->menuAction()->setStatusTip(tr("Put a chart on the clipboard as an image"));
    m_window->exports()->addTo(m_exportMenu, copy);
    edit->addSeparator();
    QAction *clear = edit->addAction(tr("&Clear the points"), m_window, &MainWindow::clearPoints);
    clear->setStatusTip(tr("Remove every point, to place new ones by clicking the chart"));
    edit->addSeparator();
    edit->addMenu(new LanguageMenu(m_window));
}

void WindowMenus::addLessonMenu()
{
    QMenu *lesson = m_window->menuBar()->addMenu(tr("&Lesson"));
    lesson->menuAction()->setStatusTip(tr("Search the grid, train, step, reset and move w"));
    QAction *grid =
        lesson->addAction(tr("Run &grid search"), m_window, &MainWindow::startGridSearch);
    grid->setShortcut(QKeySequence(tr("Ctrl+G")));
    grid->setStatusTip(tr("Try every w on the grid and drop each onto the loss curve"));
    lesson->addSeparator();
    QAction *train = lesson->addAction(tr("&Train or pause"), this, &WindowMenus::spacePressed);
    train->setShortcut(QKeySequence(Qt::Key_Space));
    train->setStatusTip(tr("Start gradient descent, or pause it (Space)"));
    TrainingPanel *training = m_window->training();
    QAction *step = lesson->addAction(tr("&Step"), training->stepButton(), &QPushButton::click);
    step->setShortcut(QKeySequence(Qt::Key_S));
    step->setStatusTip(tr("Take one step of gradient descent (S)"));
    QAction *reset = lesson->addAction(tr("&Reset"), training->resetButton(), &QPushButton::click);
    reset->setShortcut(QKeySequence(Qt::Key_R));
    reset->setStatusTip(tr("Go back to the start of the run (R)"));
    lesson->addSeparator();
    m_decreaseW =
        lesson->addAction(tr("&Decrease w"), this, [this] { arrowPressed(Qt::Key_Left, -1); });
    m_decreaseW->setShortcut(QKeySequence(Qt::Key_Left));
    m_decreaseW->setStatusTip(tr("Move w down by one grid step, 0.1 on the lesson's data (Left)"));
    m_increaseW =
        lesson->addAction(tr("&Increase w"), this, [this] { arrowPressed(Qt::Key_Right, 1); });
    m_increaseW->setShortcut(QKeySequence(Qt::Key_Right));
    m_increaseW->setStatusTip(tr("Move w up by one grid step, 0.1 on the lesson's data (Right)"));
}

void WindowMenus::addHelpMenu()
{
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    help->menuAction()->setStatusTip(tr("What LossLab is, and where its example data come from"));
    QAction *about = help->addAction(tr("&About LossLab"), this, &WindowMenus::showAbout);
    about->setStatusTip(tr("Show the version of LossLab and where its example data come from"));
}

void WindowMenus::openExample(const QString &resource, const QString &title)
{
    QString error;
    const auto loaded = DatasetLoader::loadFile(resource, QString(), QString(), &error);
    if (!loaded) {
        QMessageBox::warning(m_window, tr("Cannot open the example"), error);
        return;
    }
    m_window->setDataset(loaded->data, title, loaded->xName, loaded->yName);
    m_window->statusBar()->showMessage(
        tr("Opened %1: %n point(s).", "", int(loaded->data.size())).arg(title));
}

void WindowMenus::showAbout()
{
    QMessageBox::about(
        m_window, tr("About LossLab"),
        tr("<h3>LossLab %1</h3>"
           "<p>See how a machine-learning model learns: the models y = w·x and y = w·x + b, "
           "their losses, a grid search over w, and gradient descent, momentum, Nesterov, "
           "AdaGrad, RMSprop and Adam on a worker thread.</p>"
           "<p>Example data: the Gapminder and global-temperature files come from the "
           "vega-datasets package 2.11.0 (BSD-3-Clause); the Gapminder data are from the "
           "Gapminder Foundation.</p>")
            .arg(CommandLine::version()));
}

// Space presses the focused button or opens the focused list, as everywhere; elsewhere it
// trains or pauses. (Typing a space in a text field never reaches here.)
void WindowMenus::spacePressed()
{
    QWidget *focus = QApplication::focusWidget();
    if (auto *button = qobject_cast<QAbstractButton *>(focus)) {
        button->animateClick();
        return;
    }
    if (auto *box = qobject_cast<QComboBox *>(focus)) {
        box->showPopup();
        return;
    }
    m_window->training()->trainButton()->click();
}

// A shortcut goes before the focused widget's own keys, unless the widget claims the key (a
// text field claims the arrows): a slider, a spin box, a list, the table and the tabs keep
// their arrows by having the key sent on to them.
void WindowMenus::arrowPressed(Qt::Key key, int steps)
{
    QWidget *focus = QApplication::focusWidget();
    const bool ownArrows = qobject_cast<QAbstractSlider *>(focus)
        || qobject_cast<QAbstractSpinBox *>(focus) || qobject_cast<QComboBox *>(focus)
        || qobject_cast<QAbstractItemView *>(focus) || qobject_cast<QTabBar *>(focus)
        || qobject_cast<QLineEdit *>(focus) || qobject_cast<QPlainTextEdit *>(focus)
        || qobject_cast<QTextEdit *>(focus) || qobject_cast<QRadioButton *>(focus);
    if (ownArrows) {
        // Sent with the actions off: a key sent to a widget is tried as a shortcut first, and
        // would come back here.
        m_decreaseW->setEnabled(false);
        m_increaseW->setEnabled(false);
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
        QCoreApplication::sendEvent(focus, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier);
        QCoreApplication::sendEvent(focus, &release);
        m_decreaseW->setEnabled(true);
        m_increaseW->setEnabled(true);
        return;
    }
    m_window->parameters()->wSlider()->stepBy(steps);
}
