#pragma once

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

// Answers the message box the window is about to show (the question before closing unsaved
// work, the offer to restore it) with `button`, as a user would click it. The box may come a
// little later (a button pressed by its Alt shortcut clicks after a short animation): it is
// looked for every 10 ms, for up to five seconds.
inline void answerNextQuestion(QMessageBox::StandardButton button)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, tries = 500]() mutable {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box && --tries > 0)
            return;
        timer->stop();
        timer->deleteLater();
        if (box)
            box->button(button)->click();
    });
    timer->start();
}
