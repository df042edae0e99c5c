#pragma once

#include "trainingstep.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QSlider;

// The timeline of the run: a slider over the kept steps of the chosen optimizer's trail, the
// step it shows ("Step 40 of 120") and "Continue from here". It only shows and asks: moving the
// slider announces the step to show, and the button asks to train on from it; the window does
// both (see MainWindow).
class TimelinePanel : public QWidget
{
    Q_OBJECT

public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    // The kept steps of the chosen optimizer's trail, the latest last (see
    // TrainingController::trail()); the slider goes to the latest. Without a step beyond the
    // start there is nothing to go back to, and the slider is disabled.
    void setTrail(std::vector<TrainingStep> steps);
    // While training runs the slider stays at the latest step and cannot be moved.
    void setRunning(bool running);
    // Moves the slider to the latest step, announcing it when it was elsewhere.
    void showLatest();

    // Whether the slider shows the latest step (or there is no trail).
    bool isAtLatest() const;
    // The step the slider shows; the default step before any trail.
    TrainingStep shownStep() const;

    QSlider *slider() const { return m_slider; }
    QLabel *label() const { return m_label; }
    QPushButton *continueButton() const { return m_continue; }

Q_SIGNALS:
    // The user moved the slider to `state`; `latest` when it is the trail's latest step.
    void stepSelected(const TrainingStep &state, bool latest);
    // "Continue from here" was pressed at the kept step `step`.
    void continueRequested(qint64 step);

private:
    void handleSliderMoved(int index);
    void updateLabel();
    void updateEnabled();

    std::vector<TrainingStep> m_steps;
    bool m_running = false;
    QSlider *m_slider;
    QLabel *m_label;
    QPushButton *m_continue;
};
