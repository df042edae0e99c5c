#pragma once

#include "parameterrange.h"
#include "trainingstep.h"

#include <QChartView>

#include <vector>

class DatasetModel;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

// The loss against w over the parameter range: the U-shaped curve, the current w, the exact
// optimum w*, the gradient-descent trail and the points of a grid search. The curve is
// recomputed whenever the data change, so it reshapes while a point is dragged.
class LossCurveView : public QChartView
{
    Q_OBJECT

public:
    explicit LossCurveView(DatasetModel *model, QWidget *parent = nullptr);

    void setRange(const ParameterRange &range);
    void setTrail(const std::vector<TrainingStep> &trail);
    void clearGridPoints();
    void addGridPoint(double w, double loss);

    // For tests: the sampled curve and the marker.
    const QLineSeries *curve() const { return m_curve; }
    QPointF marker() const;
    int gridPointCount() const;

    static constexpr int samples = 401;

private:
    void updateCurve();
    void updateMarker();

    DatasetModel *m_model;
    ParameterRange m_range;
    QValueAxis *m_axisW;
    QValueAxis *m_axisLoss;
    QLineSeries *m_curve;
    QScatterSeries *m_trail;
    QScatterSeries *m_grid;
    QScatterSeries *m_optimum;
    QScatterSeries *m_marker;
    double m_sliceB = 0.0;
};
