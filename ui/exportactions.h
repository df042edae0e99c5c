#pragma once

#include <QObject>
#include <QString>

class MainWindow;
class QMenu;
class QWidget;

// File › Export and Edit › Copy chart: each chart as a PNG or SVG file or onto the clipboard,
// the points and the training trails as CSV, the grid-search log as text. Files are written
// atomically (AtomicFile), so a failed export never leaves half a file.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    explicit ExportActions(MainWindow *window);

    // Adds the actions to the two menus.
    void addTo(QMenu *exportMenu, QMenu *copyMenu);

    // The charts, in menu order, with their names ("Loss curve") and file names ("loss-curve").
    struct Chart
    {
        QWidget *widget;
        QString name;
        QString fileName;
    };
    QList<Chart> charts() const;

    // The exports themselves, without dialogs. A chart's format follows the path's suffix:
    // .svg for SVG, anything else PNG. On failure `*error` names the file and the reason.
    bool saveChart(QWidget *chart, const QString &path, QString *error) const;
    bool saveData(const QString &path, QString *error) const;
    bool saveTrails(const QString &path, QString *error) const;
    bool saveGridLog(const QString &path, QString *error) const;
    void copyChart(QWidget *chart) const;

private:
    // Asks where to save, with the given filters, and runs `save` there; reports a failure in
    // a message box and success in the status bar.
    void saveWithDialog(const QString &title, const QString &fileName, const QString &filters,
                        const std::function<bool(const QString &, QString *)> &save);

    MainWindow *m_window;
};
