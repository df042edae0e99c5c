#pragma once

#include <QObject>

class MainWindow;
class QAction;
class QMenu;

// The window's menu bar: File, Edit, Lesson and Help, with their shortcuts (the standard ones,
// and Space, S, R and the arrows of the lesson), a status tip on every entry, the examples
// and Help › About.
class WindowMenus : public QObject
{
    Q_OBJECT

public:
    explicit WindowMenus(MainWindow *window);

    // Lesson › Decrease w, Increase w (the Left and Right keys).
    QAction *decreaseW() const { return m_decreaseW; }
    QAction *increaseW() const { return m_increaseW; }

private:
    void addFileMenu();
    void addEditMenu();
    void addLessonMenu();
    void addHelpMenu();
    void openExample(const QString &resource, const QString &title);
    void showAbout();
    void spacePressed();
    void arrowPressed(Qt::Key key, int steps);

    MainWindow *m_window;
    QMenu *m_exportMenu = nullptr; // File › Export, filled with Edit › Copy chart
    QAction *m_decreaseW = nullptr;
    QAction *m_increaseW = nullptr;
};
