#include "dataeditorview.h"
#include "datasetmodel.h"
#include "mainwindow.h"
#include "parameterpanel.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSlider>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

// Edit › Undo and Redo for every change to the data and for w and b set by hand, driven as a
// user would: mouse, table, menus and the standard shortcuts.
class TestUndo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void addedPoint();
    void removedPointComesBackInItsPlace();
    void wholeDragIsOneStep();
    void twoDragsAreTwoSteps();
    void tableEdit();
    void openedFileAndClearedPoints();
    void parametersByHand();
    void handChangesAcrossTrainingAreTwoSteps();
    void menuNamesTheStepAndShortcutsWork();
    void newChangeDropsTheRedo();

private:
    QAction *editAction(const QString &startsWith) const;
    void dragPoint(int row, const QList<QPointF> &through);

    std::unique_ptr<MainWindow> m_window;
};

void TestUndo::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->undoStack()->count(), 0);
}

void TestUndo::cleanup()
{
    m_window.reset();
}

QAction *TestUndo::editAction(const QString &startsWith) const
{
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->text() != QStringLiteral("&Edit"))
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->text().startsWith(startsWith))
                return action;
        }
    }
    return nullptr;
}

// Presses on point `row`, moves through the data positions given and releases on the last.
void TestUndo::dragPoint(int row, const QList<QPointF> &through)
{
    DataEditorView *editor = m_window->dataEditor();
    QTest::mousePress(editor->viewport(), Qt::LeftButton, {}, editor->pointPosition(row).toPoint());
    for (const QPointF &value : through)
        QTest::mouseMove(editor->viewport(), editor->positionOf(value).toPoint());
    QTest::mouseRelease(editor->viewport(), Qt::LeftButton, {},
                        editor->positionOf(through.last()).toPoint());
}

void TestUndo::addedPoint()
{
    DataEditorView *editor = m_window->dataEditor();
    QTest::mouseClick(editor->viewport(), Qt::LeftButton, {},
                      editor->positionOf(QPointF(2.0, 1.0)).toPoint());
    QCOMPARE(m_window->model()->rowCount(), 4);
    const Dataset added = m_window->model()->dataset();

    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());
    m_window->undoStack()->redo();
    QCOMPARE(m_window->model()->dataset(), added);
}

void TestUndo::removedPointComesBackInItsPlace()
{
    DataEditorView *editor = m_window->dataEditor();
    QTest::mouseClick(editor->viewport(), Qt::RightButton, {}, editor->pointPosition(1).toPoint());
    QCOMPARE(m_window->model()->dataset(), Dataset({1.0, 3.0}, {2.0, 6.0}));

    m_window->undoStack()->undo();
    // Back as point 2, between the others, with its exact values.
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());
    QCOMPARE(m_window->model()->index(1, DatasetModel::YColumn).data().toString(),
             QStringLiteral("4"));
    // The loss is that of the lesson again: MSE(0) = (4 + 16 + 36)/3.
    QCOMPARE(m_window->parameters()->lossLabel()->text(), QStringLiteral("MSE = 18.6667"));
}

void TestUndo::wholeDragIsOneStep()
{
    dragPoint(2, {{3.0, 5.5}, {3.2, 5.0}, {3.4, 4.0}, {3.5, 3.0}});
    const Dataset &data = m_window->model()->dataset();
    QVERIFY(std::fabs(data.y(2) - 3.0) < 0.05);
    QCOMPARE(m_window->undoStack()->count(), 1);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Drag point 3"));

    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());
    m_window->undoStack()->redo();
    QVERIFY(std::fabs(m_window->model()->dataset().y(2) - 3.0) < 0.05);
    QVERIFY(std::fabs(m_window->model()->dataset().x(2) - 3.5) < 0.05);
}

void TestUndo::twoDragsAreTwoSteps()
{
    dragPoint(0, {{1.0, 3.0}});
    const Dataset afterFirst = m_window->model()->dataset();
    dragPoint(0, {{1.0, 1.0}});
    QCOMPARE(m_window->undoStack()->count(), 2);

    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->dataset(), afterFirst);
    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());
}

void TestUndo::tableEdit()
{
    QTableView *table = m_window->table();
    const QModelIndex cell = m_window->model()->index(0, DatasetModel::XColumn);
    table->setCurrentIndex(cell);
    table->edit(cell);
    auto *field = table->findChild<QLineEdit *>();
    QVERIFY(field);
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("1.5"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_COMPARE(m_window->model()->dataset().x(0), 1.5);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Edit point 1"));

    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());
    // A refused edit is no step.
    QVERIFY(!m_window->model()->setData(cell, QStringLiteral("abc")));
    QCOMPARE(m_window->undoStack()->index(), 0);
}

void TestUndo::openedFileAndClearedPoints()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("line.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("height,weight\n1,3\n2,5\n");
    file.close();
    const QString lessonTitle = m_window->windowTitle();

    QString error;
    QVERIFY2(m_window->openFile(file.fileName(), {}, {}, false, &error), qPrintable(error));
    const Dataset opened({1.0, 2.0}, {3.0, 5.0});
    QCOMPARE(m_window->model()->dataset(), opened);
    QVERIFY(m_window->undoStack()->undoText().startsWith(QStringLiteral("Open line.csv")));

    editAction(QStringLiteral("&Clear"))->trigger();
    QCOMPARE(m_window->model()->rowCount(), 0);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Clear the points"));
    // The columns keep their names when the points are cleared.
    QCOMPARE(m_window->model()->xLabel(), QStringLiteral("x: height"));

    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->dataset(), opened);
    QCOMPARE(m_window->model()->yLabel(), QStringLiteral("y: weight"));
    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());
    QCOMPARE(m_window->model()->xLabel(), QStringLiteral("x"));
    QCOMPARE(m_window->windowTitle(), lessonTitle);
    m_window->undoStack()->redo();
    QCOMPARE(m_window->model()->dataset(), opened);
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("line.csv")));
}

void TestUndo::parametersByHand()
{
    QSlider *slider = m_window->parameters()->slider();
    slider->setFocus();
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(slider, Qt::Key_Right);
    QVERIFY(std::fabs(m_window->model()->w() - 0.5) < 1e-12);
    // A run of changes to w is one step.
    QCOMPARE(m_window->undoStack()->count(), 1);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Set w"));

    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->w(), 0.0);
    QCOMPARE(slider->value(), 0);
    QCOMPARE(m_window->parameters()->lossLabel()->text(), QStringLiteral("MSE = 18.6667"));
    m_window->undoStack()->redo();
    QVERIFY(std::fabs(m_window->model()->w() - 0.5) < 1e-12);
}

// Training moves w without a step of the history; a change by hand after it is a step of its
// own, so that undoing it returns to what training reached.
void TestUndo::handChangesAcrossTrainingAreTwoSteps()
{
    QSlider *slider = m_window->parameters()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right);
    QTest::mouseClick(m_window->training()->stepButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(1));
    const double trained = m_window->model()->w();
    QVERIFY(trained > 0.1);
    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(m_window->undoStack()->count(), 2);

    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->w(), trained);
    m_window->undoStack()->undo();
    QCOMPARE(m_window->model()->w(), 0.0);
}

void TestUndo::menuNamesTheStepAndShortcutsWork()
{
    QAction *undo = editAction(QStringLiteral("&Undo"));
    QAction *redo = editAction(QStringLiteral("&Redo"));
    QVERIFY(undo && redo);
    QVERIFY(!undo->isEnabled());
    QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    QCOMPARE(redo->shortcut(), QKeySequence(QKeySequence::Redo));

    dragPoint(1, {{2.0, 2.0}});
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Drag point 2"));

    m_window->activateWindow();
    m_window->dataEditor()->setFocus();
    QTest::keyClick(m_window->dataEditor(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());
    QCOMPARE(redo->text(), QStringLiteral("&Redo Drag point 2"));
    QTest::keySequence(m_window->dataEditor(), QKeySequence(QKeySequence::Redo));
    QVERIFY(std::fabs(m_window->model()->dataset().y(1) - 2.0) < 0.05);
}

void TestUndo::newChangeDropsTheRedo()
{
    DataEditorView *editor = m_window->dataEditor();
    QTest::mouseClick(editor->viewport(), Qt::RightButton, {}, editor->pointPosition(0).toPoint());
    m_window->undoStack()->undo();
    QVERIFY(m_window->undoStack()->canRedo());
    dragPoint(2, {{3.0, 7.0}});
    QVERIFY(!m_window->undoStack()->canRedo());
    QCOMPARE(m_window->model()->rowCount(), 3);
}

QTEST_MAIN(TestUndo)
#include "tst_undo.moc"
