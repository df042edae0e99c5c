#pragma once

#include "objective.h"
#include "parameterrange.h"
#include "racertrail.h"
#include "trainingstep.h"

#include <QChartView>

#include <vector>

class Dataset;
class DatasetModel;
class LossSampler;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
class TrailPointsItem;

// The loss against w over the parameter range: the U-shaped curve, the current w, the exact
// optimum w*, the gradient-descent trail and the points of a grid search. The curve is
// recomputed whenever the data change, so it reshapes while a point is dragged (for large data
// with MAE or Huber, on a thread of its own: it follows as fast as it can be sampled).
class LossCurveView : public QChartView
{
    Q_OBJECT

public:
    explicit LossCurveView(DatasetModel *model, QWidget *parent = nullptr);

    void setRange(const ParameterRange &range);
    // The trails of the racers (one without a race), each in its optimizer's colour.
    void setTrails(const std::vector<RacerTrail> &trails);
    void clearGridPoints();
    void addGridPoint(double w, double loss);

    // For tests: the sampled curve and the marker.
    const QLineSeries *curve() const { return m_curve; }
    QPointF marker() const;
    // True while the curve is being sampled on the sampler's thread (large data, MAE or
    // Huber): what is shown is the curve before the last change.
    bool isSampling() const;
    int gridPointCount() const;
    // For tests: the (w, loss) of every trail dot, racer after racer in the order of the kinds.
    std::vector<QPointF> trailPoints() const;

    // The gradient's formula with the live numbers, as shown above the chart.
    static QString gradientFormula(const Dataset &data, const Objective &objective, double gradW);
    QString title() const;

    static constexpr int samples = 401;
    // Each point's own loss curve is drawn for up to this many points.
    static constexpr int maxPointCurves = 12;
    // The diameter of a trail's dots, in pixels.
    static constexpr qreal trailDotSize = 7.0;

protected:
    void changeEvent(QEvent *event) override;

private:
    // The chart, the current w, the tangent and w* in the colours of the window's palette.
    void applyPalette();
    void updateCurve();
    void showCurve(const std::vector<double> &ws, const std::vector<double> &losses, double b);
    void showSampledCurve();
    void updateMarker();
    void updatePointCurves();

    DatasetModel *m_model;
    ParameterRange m_range;
    QValueAxis *m_axisW;
    QValueAxis *m_axisLoss;
    QLineSeries *m_curve;
    // One per optimizer kind, for the legend; the dots themselves are m_trailPoints.
    std::vector<QScatterSeries *> m_trails;
    TrailPointsItem *m_trailPoints = nullptr;
    QScatterSeries *m_grid;
    QScatterSeries *m_optimum;
    QScatterSeries *m_marker;
    QLineSeries *m_tangent;
    QList<QLineSeries *> m_pointCurves;
    double m_sliceB = 0.0;
    // Samples the curve off the window's thread where that takes more than a moment (large
    // data with a loss other than the MSE).
    LossSampler *m_sampler;
};
