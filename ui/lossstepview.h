#pragma once

#include "trainingstep.h"

#include <QChartView>

#include <vector>

class QLineSeries;
class QValueAxis;

// The loss against the step number for the current training run.
class LossStepView : public QChartView
{
    Q_OBJECT

public:
    explicit LossStepView(QWidget *parent = nullptr);

    void setTrail(const std::vector<TrainingStep> &trail);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void redraw();

    std::vector<TrainingStep> m_trail;
    QValueAxis *m_axisStep;
    QValueAxis *m_axisLoss;
    QLineSeries *m_loss;
};
