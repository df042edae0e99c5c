#pragma once

#include "racertrail.h"

#include <QChartView>

#include <optional>
#include <vector>

class QLineSeries;
class QScatterSeries;
class QLogValueAxis;
class QValueAxis;

// The loss against the step number for the current training run.
class LossStepView : public QChartView
{
    Q_OBJECT

public:
    explicit LossStepView(QWidget *parent = nullptr);

    // The loss per step of each racer (one without a race), in its optimizer's colour.
    void setTrails(const std::vector<RacerTrail> &trails);
    // A logarithmic loss axis shows the rate of convergence as a slope; losses of exactly 0
    // cannot be drawn on it and are left out.
    void setLogScale(bool logScale);
    bool isLogScale() const { return m_logScale; }
    // The step axis's title: "step", or "step (every 4th step shown)" for a decimated trail.
    QString stepTitle() const;
    // The loss axis in use (for tests): its range after the last redraw.
    QPointF lossRange() const;
    // Rings the step the timeline shows on its curve; none (the latest step): no ring.
    void setShownStep(const std::optional<TrainingStep> &step);
    // Where the ring is, in (step, loss); empty when none is drawn.
    std::optional<QPointF> shownMark() const;

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void redraw();
    void colourShownMark();

    std::vector<RacerTrail> m_trails;
    QValueAxis *m_axisStep;
    QValueAxis *m_axisLoss;
    QLogValueAxis *m_logAxisLoss;
    bool m_logScale = false;
    std::vector<QLineSeries *> m_series; // one per optimizer kind
    QScatterSeries *m_shownMark;
    std::optional<TrainingStep> m_shownStep;
};
