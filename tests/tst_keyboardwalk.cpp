#include "dataeditorview.h"
#include "datasetmodel.h"
#include "losscurveview.h"
#include "lossfunction.h"
#include "mainwindow.h"
#include "parameterpanel.h"
#include "parameterslider.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"
#include "viewtabs.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSlider>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <memory>

// The window from the keyboard alone, offscreen: Tab and Ctrl+Tab reach every control and
// each shows that it has the focus; a lesson is done with keys only; every control and menu
// entry says what it is and what it does.
class TestKeyboardWalk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tabReachesEveryControl();
    void focusIsDrawn();
    void lessonWithKeysOnly();
    void arrowsKeepTheirMeaningInControls();
    void menusOpenWithAltAndALetter();
    void everyControlIsNamedAndExplained();
    void everyMenuEntryHasAStatusTip();
    void menuLettersAreUniqueInEachMenu();
    void focusShowsTheHintInTheStatusBar();

private:
    QList<QWidget *> focusableControls() const;
    QList<QWidget *> tabThroughWindow(QWidget *start);

    std::unique_ptr<MainWindow> m_window;
};

namespace {

// A control: something a person operates or reads as one thing. Labels and containers are not.
bool isControl(QWidget *widget)
{
    return qobject_cast<QAbstractButton *>(widget) || qobject_cast<QAbstractSlider *>(widget)
        || qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QComboBox *>(widget)
        || qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractItemView *>(widget)
        || qobject_cast<QPlainTextEdit *>(widget) || qobject_cast<QChartView *>(widget)
        || qobject_cast<QTabBar *>(widget);
}

// The line edit inside a spin box is the spin box's, the scroll bars of a chart or a list and
// the scroll buttons of the tabs and the menu bar are their own parts.
bool isPartOfAnother(QWidget *widget)
{
    for (QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        if (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QAbstractScrollArea *>(parent)
            || qobject_cast<QComboBox *>(parent) || qobject_cast<QTabBar *>(parent)
            || qobject_cast<QMenuBar *>(parent))
            return true;
    }
    return false;
}

QString describe(QWidget *widget)
{
    return QStringLiteral("%1 \"%2\" (%3)")
        .arg(QString::fromLatin1(widget->metaObject()->className()), widget->accessibleName(),
             widget->objectName());
}

// The share of pixels that differ between two images of the same size.
int differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return a.width() * a.height();
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            count += a.pixel(x, y) != b.pixel(x, y);
    }
    return count;
}

} // namespace

void TestKeyboardWalk::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestKeyboardWalk::cleanup()
{
    m_window->controller()->pause();
    m_window->closeWithoutAsking();
    m_window.reset();
}

// Every visible, enabled control of the window that takes the focus from the keyboard.
QList<QWidget *> TestKeyboardWalk::focusableControls() const
{
    QList<QWidget *> controls;
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (isControl(widget) && !isPartOfAnother(widget) && widget->isVisibleTo(m_window.get())
            && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus))
            controls.append(widget);
    }
    return controls;
}

// Presses Tab until the focus comes back to `start`, and returns every widget it was on.
QList<QWidget *> TestKeyboardWalk::tabThroughWindow(QWidget *start)
{
    QList<QWidget *> visited;
    start->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 200; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return visited;
        if (!visited.isEmpty() && focus == start)
            break;
        visited.append(focus);
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return visited;
}

void TestKeyboardWalk::tabReachesEveryControl()
{
    // Each tab of the views in turn, brought to the front with Ctrl+Tab from the tab bar; the
    // tab of the loss surface is off for the model y = w·x.
    QTabWidget *tabs = m_window->tabs();
    QSet<QWidget *> reached;
    QSet<QWidget *> expected;
    const int shownTabs = [tabs] {
        int n = 0;
        for (int i = 0; i < tabs->count(); ++i)
            n += tabs->isTabEnabled(i);
        return n;
    }();
    QVERIFY(shownTabs >= 4);
    for (int shown = 0; shown < shownTabs; ++shown) {
        for (QWidget *control : focusableControls())
            expected.insert(control);
        for (QWidget *widget : tabThroughWindow(m_window->dataEditor()))
            reached.insert(widget);

        const int before = tabs->currentIndex();
        tabs->tabBar()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(tabs->tabBar(), Qt::Key_Tab, Qt::ControlModifier);
        const int after = tabs->currentIndex();
        QVERIFY2(after != before, "Ctrl+Tab did not show the next tab");
    }
    QCOMPARE(tabs->currentIndex(), 0);

    QStringList missed;
    for (QWidget *control : std::as_const(expected)) {
        if (!reached.contains(control))
            missed.append(describe(control));
    }
    QVERIFY2(missed.isEmpty(), qPrintable(missed.join(QStringLiteral("\n"))));
    // The controls that matter most are among them.
    QVERIFY(reached.contains(m_window->parameters()->slider()));
    QVERIFY(reached.contains(m_window->training()->trainButton()));
    QVERIFY(reached.contains(m_window->training()->learningRateEdit()));
    QVERIFY(reached.contains(m_window->dataEditor()));
}

// Focus is drawn if a control looks different with the focus than without: its image, with a
// margin for a frame drawn around it, as Tab reaches it and again with the focus elsewhere.
// (Styles draw some focus frames only once the keyboard has moved the focus, as Tab does.)
void TestKeyboardWalk::focusIsDrawn()
{
    QTabWidget *tabs = m_window->tabs();
    QStringList undrawn;
    int checked = 0;
    for (int shown = 0; shown < tabs->count(); ++shown) {
        if (!tabs->isTabEnabled(tabs->currentIndex()))
            continue;
        QHash<QWidget *, QImage> focused;
        QHash<QWidget *, QRect> areas;
        m_window->dataEditor()->setFocus(Qt::OtherFocusReason);
        for (int i = 0; i < 200; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            if (focused.contains(focus))
                break;
            QApplication::processEvents();
            const QRect area = QRect(focus->mapTo(m_window.get(), QPoint(0, 0)), focus->size())
                                   .adjusted(-4, -4, 4, 4)
                                   .intersected(m_window->rect());
            areas.insert(focus, area);
            focused.insert(focus, m_window->grab(area).toImage());
        }
        for (auto it = focused.cbegin(); it != focused.cend(); ++it) {
            QWidget *control = it.key();
            QWidget *away = control == m_window->training()->stepButton()
                ? m_window->training()->resetButton()
                : m_window->training()->stepButton();
            away->setFocus(Qt::TabFocusReason);
            QApplication::processEvents();
            const QImage unfocused = m_window->grab(areas.value(control)).toImage();
            // A focus frame is at least a line along one side.
            const QRect area = areas.value(control);
            if (differingPixels(it.value(), unfocused) < std::min(area.width(), area.height()))
                undrawn.append(describe(control));
            ++checked;
        }

        tabs->tabBar()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(tabs->tabBar(), Qt::Key_Tab, Qt::ControlModifier);
    }
    QVERIFY(checked > 20);
    undrawn.removeDuplicates();
    QVERIFY2(undrawn.isEmpty(), qPrintable(undrawn.join(QStringLiteral("\n"))));
}

void TestKeyboardWalk::lessonWithKeysOnly()
{
    // From the data editor, where the arrows have no other meaning.
    QWidget *editor = m_window->dataEditor();
    editor->setFocus(Qt::TabFocusReason);
    QCOMPARE(QApplication::focusWidget(), editor);
    QCOMPARE(m_window->model()->w(), 0.0);

    // The grid step on the lesson's data is 0.1, the slider's step as well.
    const ParameterRange &range = m_window->parameters()->range();
    QCOMPARE(range.step, 0.1);
    const QSlider *slider = m_window->parameters()->slider();
    const double sliderStep =
        slider->singleStep() * (range.maximum - range.minimum) / slider->maximum();
    QVERIFY2(std::fabs(sliderStep - 0.1) < 1e-12, qPrintable(QString::number(sliderStep)));
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(editor, Qt::Key_Right);
    QCOMPARE(m_window->model()->w(), 2.0);
    QTest::keyClick(editor, Qt::Key_Left);
    QCOMPARE(QApplication::focusWidget(), editor);
    QCOMPARE(m_window->model()->w(), 1.9);
    // MSE(w) = (1/3)·Σ(w·x − 2x)² = (14/3)(w − 2)², so (14/3)·0.01 at w = 1.9.
    const double mse = LossFunction::loss(m_window->model()->trainingData(),
                                          m_window->model()->objective(), 1.9, 0.0);
    QVERIFY2(std::fabs(mse - 14.0 / 3.0 * 0.01) < 1e-9, qPrintable(QString::number(mse, 'g', 17)));
    QCOMPARE(m_window->parameters()->lossLabel()->text(), QStringLiteral("MSE = 0.0466667"));
    const QString spoken = QStringLiteral("w 1.9, mean squared error 0.0466667");
    QAccessibleInterface *accessible =
        QAccessible::queryAccessibleInterface(m_window->parameters()->slider());
    QVERIFY(accessible);
    QCOMPARE(accessible->text(QAccessible::Description), spoken);
    QCOMPARE(m_window->lossCurve()->accessibleDescription(), spoken);

    // Space trains, Space pauses.
    QTest::keyClick(editor, Qt::Key_Space);
    QTRY_VERIFY(m_window->controller()->isRunning());
    QTRY_VERIFY(m_window->controller()->latest().step > 0);
    QTest::keyClick(editor, Qt::Key_Space);
    QTRY_VERIFY(!m_window->controller()->isRunning());
    QTRY_VERIFY(m_window->controller()->isSettled());

    // S takes one step more, R goes back to the start of the run.
    const qint64 paused = m_window->controller()->latest().step;
    QTest::keyClick(editor, Qt::Key_S);
    QTRY_COMPARE(m_window->controller()->latest().step, paused + 1);
    QTest::keyClick(editor, Qt::Key_R);
    QTRY_COMPARE(m_window->controller()->latest().step, qint64(0));
    QTRY_COMPARE(m_window->model()->w(), 1.9);

    // Ctrl+Z takes the run of arrow presses back at once: w is 0 again.
    QTest::keySequence(editor, QKeySequence::Undo);
    QCOMPARE(m_window->model()->w(), 0.0);
    QCOMPARE(m_window->parameters()->lossLabel()->text(), QStringLiteral("MSE = 18.6667"));
    QTest::keySequence(editor, QKeySequence::Redo);
    QCOMPARE(m_window->model()->w(), 1.9);
}

// In a text field, a spin box, a list, the table and the tabs the arrows do what they do there;
// on the w slider they move w as anywhere else.
void TestKeyboardWalk::arrowsKeepTheirMeaningInControls()
{
    QLineEdit *rate = m_window->training()->learningRateEdit();
    rate->setFocus(Qt::TabFocusReason);
    rate->setCursorPosition(0);
    QTest::keyClick(rate, Qt::Key_Right);
    QCOMPARE(rate->cursorPosition(), 1);
    QCOMPARE(m_window->model()->w(), 0.0);

    QTabBar *tabBar = m_window->tabs()->tabBar();
    tabBar->setFocus(Qt::TabFocusReason);
    QCOMPARE(m_window->tabs()->currentIndex(), 0);
    QTest::keyClick(tabBar, Qt::Key_Right);
    QCOMPARE(m_window->tabs()->currentIndex(), 2); // the loss surface's tab is off
    QCOMPARE(m_window->model()->w(), 0.0);

    QAbstractItemView *table = m_window->table();
    table->setFocus(Qt::TabFocusReason);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Right);
    QCOMPARE(table->currentIndex(), table->model()->index(0, 1));
    QCOMPARE(m_window->model()->w(), 0.0);

    QAbstractSpinBox *spinBox = m_window->parameters()->wSlider()->spinBox();
    spinBox->setFocus(Qt::TabFocusReason);
    QTest::keyClick(spinBox, Qt::Key_Up);
    QCOMPARE(m_window->model()->w(), 0.1);

    QSlider *slider = m_window->parameters()->slider();
    slider->setFocus(Qt::TabFocusReason);
    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(m_window->model()->w(), 0.2);
    QTest::keyClick(slider, Qt::Key_Left);
    QTest::keyClick(slider, Qt::Key_Left);
    QCOMPARE(m_window->model()->w(), 0.0);
}

void TestKeyboardWalk::menusOpenWithAltAndALetter()
{
    const QList<QPair<Qt::Key, QString>> menus = {{Qt::Key_F, QStringLiteral("&File")},
                                                  {Qt::Key_E, QStringLiteral("&Edit")},
                                                  {Qt::Key_L, QStringLiteral("&Lesson")},
                                                  {Qt::Key_H, QStringLiteral("&Help")}};
    for (const auto &[key, title] : menus) {
        m_window->dataEditor()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window->dataEditor(), key, Qt::AltModifier);
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QCOMPARE(menu->title(), title);
        QTest::keyClick(menu, Qt::Key_Escape);
        QTRY_VERIFY(!QApplication::activePopupWidget());
    }

    // A whole action from the keyboard: Alt+L, then D for Decrease w and I for Increase w.
    m_window->dataEditor()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window->dataEditor(), Qt::Key_L, Qt::AltModifier);
    QTRY_VERIFY(QApplication::activePopupWidget());
    QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_I);
    QTRY_VERIFY(!QApplication::activePopupWidget());
    QCOMPARE(m_window->model()->w(), 0.1);

    // The standard keys reach the standard actions (where the platform has a key for them:
    // the offscreen one has none for Quit).
    const QList<QAction *> actions = m_window->findChildren<QAction *>();
    const auto has = [&actions](QKeySequence::StandardKey key) {
        const QList<QKeySequence> sequences = QKeySequence::keyBindings(key);
        return sequences.isEmpty()
            || std::any_of(actions.cbegin(), actions.cend(), [&sequences](QAction *action) {
                   return action->shortcut() == sequences.first();
               });
    };
    for (auto key : {QKeySequence::Open, QKeySequence::Save, QKeySequence::Undo, QKeySequence::Redo,
                     QKeySequence::Quit, QKeySequence::New})
        QVERIFY2(has(key), qPrintable(QKeySequence(key).toString()));
}

void TestKeyboardWalk::everyControlIsNamedAndExplained()
{
    // Every control, shown or not (the rows of other optimizers, the b slider).
    QStringList missing;
    const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
    int controls = 0;
    for (QWidget *widget : widgets) {
        if (!isControl(widget) || isPartOfAnother(widget))
            continue;
        ++controls;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty())
            missing.append(describe(widget) + QStringLiteral(": no accessible name"));
        QString tip = widget->toolTip();
        if (auto *tabBar = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabBar->count(); ++i) {
                if (tabBar->tabToolTip(i).isEmpty())
                    missing.append(
                        describe(widget)
                        + QStringLiteral(": tab %1 has no tooltip").arg(tabBar->tabText(i)));
            }
        }
        if (tip.trimmed().isEmpty())
            missing.append(describe(widget) + QStringLiteral(": no tooltip"));
        if (widget->statusTip().trimmed().isEmpty())
            missing.append(describe(widget) + QStringLiteral(": no status-bar hint"));
    }
    QVERIFY(controls > 30);
    // The charts say what they show.
    for (QWidget *chart : {static_cast<QWidget *>(m_window->dataEditor()),
                           static_cast<QWidget *>(m_window->lossCurve())}) {
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(chart);
        if (accessible->text(QAccessible::Description).isEmpty())
            missing.append(describe(chart) + QStringLiteral(": no description"));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
}

// Alt and a letter, or a letter in an open menu, reaches one entry at once only when no other
// entry of the same menu has that letter.
void TestKeyboardWalk::menuLettersAreUniqueInEachMenu()
{
    const auto letter = [](const QString &text) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text[i] == u'&') {
                if (text[i + 1] == u'&') {
                    ++i;
                    continue;
                }
                return text[i + 1].toLower();
            }
        }
        return QChar();
    };
    QList<QList<QAction *>> groups {m_window->menuBar()->actions()};
    for (QMenu *menu : m_window->findChildren<QMenu *>()) {
        Q_EMIT menu->aboutToShow(); // Open recent fills itself when shown
        groups.append(menu->actions());
    }
    for (const QList<QAction *> &actions : groups) {
        QHash<QChar, QString> taken;
        for (QAction *action : actions) {
            const QChar key = letter(action->text());
            if (action->isSeparator() || key.isNull())
                continue;
            QVERIFY2(!taken.contains(key),
                     qPrintable(QStringLiteral("'%1' and '%2' share %3")
                                    .arg(taken.value(key), action->text(), QString(key))));
            taken.insert(key, action->text());
        }
    }
}

void TestKeyboardWalk::everyMenuEntryHasAStatusTip()
{
    QStringList missing;
    const QList<QMenu *> menus = m_window->menuBar()->findChildren<QMenu *>();
    QVERIFY(menus.size() >= 4);
    for (QMenu *menu : m_window->findChildren<QMenu *>()) {
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions) {
            if (action->isSeparator())
                continue;
            if (action->statusTip().trimmed().isEmpty())
                missing.append(menu->title() + QStringLiteral(" › ") + action->text());
        }
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral("\n"))));
}

void TestKeyboardWalk::focusShowsTheHintInTheStatusBar()
{
    QWidget *train = m_window->training()->trainButton();
    m_window->training()->stepButton()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(m_window->training()->stepButton(), Qt::Key_Tab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), train);
    QCOMPARE(m_window->statusBar()->currentMessage(), train->toolTip());
}

QTEST_MAIN(TestKeyboardWalk)
#include "tst_keyboardwalk.moc"
