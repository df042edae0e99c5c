#pragma once

#include <QMenu>

class QActionGroup;

// Edit › Language: follow the system, or one of the languages the window speaks. The
// choice is kept in QSettings and takes effect the next time LossLab starts, as the window is
// built in the language it starts with.
class LanguageMenu : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(QWidget *parent = nullptr);

Q_SIGNALS:
    // The user chose a language ("" follows the system); it is already kept in the settings.
    void languageChosen(const QString &code);

private:
    void choose(const QString &code);

    QActionGroup *m_group;
};
