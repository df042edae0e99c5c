#pragma once

#include "racertrail.h"

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

    // The loss per step of each racer (one without a race), in its optimizer's colour.
    void setTrails(const std::vector<RacerTrail> &trails);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void redraw();

    std::vector<RacerTrail> m_trails;
    QValueAxis *m_axisStep;
    QValueAxis *m_axisLoss;
    std::vector<QLineSeries *> m_series; // one per optimizer kind
};
