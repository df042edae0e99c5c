#pragma once

#include "objective.h"
#include "trainer.h"
#include "trainingstep.h"

#include <QWidget>

class QComboBox;
class QLabel;
class NumberField;
class QLineEdit;
class QPushButton;
class QSpinBox;

// The training controls (Train/Pause, Step, Reset, learning rate, speed, step limit,
// tolerance) and the readout of the latest step. It only shows and asks; the window passes
// its requests on to the TrainingController.
class TrainingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingPanel(QWidget *parent = nullptr);

    // The settings as typed; fields that do not hold a valid value keep their last good one.
    TrainerSettings settings() const { return m_settings; }
    // Steps per second; 0 is "as fast as possible".
    int stepsPerSecond() const;

    // Shows the settings given (a session opened) and announces them as an edit would. A speed
    // the list does not offer is added to it.
    void setSettings(const TrainerSettings &settings, int stepsPerSecond);

    void setRunning(bool running);
    void showState(const TrainingStep &state, const Objective &objective = {}, bool hasData = true);
    void showStop(StopReason reason, const QString &message);
    void showMessage(const QString &message, bool isError);
    void clearMessage();
    // The largest stable learning rate for the data, shown beside the field; none if empty.
    // `applies` is false where no simple limit exists (other losses and optimizers).
    void setStableLimit(std::optional<double> limit, bool applies = true);

    QPushButton *trainButton() const { return m_train; }
    QPushButton *stepButton() const { return m_step; }
    QPushButton *resetButton() const { return m_reset; }
    QLineEdit *learningRateEdit() const;
    QComboBox *speedBox() const { return m_speed; }
    QSpinBox *stepLimitBox() const { return m_maxSteps; }
    QLabel *readout() const { return m_readout; }
    QLabel *message() const { return m_message; }
    QLabel *stableLimitLabel() const { return m_stableLimit; }

Q_SIGNALS:
    void trainToggled();
    void stepRequested();
    void resetRequested();
    void settingsChanged(const TrainerSettings &settings);
    void speedChanged(int stepsPerSecond);

private:
    void showStableLimit();

    TrainerSettings m_settings;
    QPushButton *m_train;
    QPushButton *m_step;
    QPushButton *m_reset;
    std::optional<double> m_limit;
    bool m_limitApplies = true;
    NumberField *m_learningRate;
    QLabel *m_stableLimit;
    QComboBox *m_speed;
    QSpinBox *m_maxSteps;
    NumberField *m_tolerance;
    QLabel *m_readout;
    QLabel *m_message;
};
