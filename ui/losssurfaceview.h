#pragma once

#include "parameterrange.h"
#include "racertrail.h"

#include <QImage>
#include <QWidget>

#include <vector>

class DatasetModel;
class LossSampler;

// The loss of y = w·x + b over a grid of (w, b) as a heat map with contour lines, the current
// (w, b), the optimum and the training trajectory. Clicking the map moves the parameters
// there (before training starts, that is the starting point). It is recomputed whenever the
// data, the loss or the ranges change, so it follows a dragged point live (for large data with
// MAE or Huber, on a thread of its own, as fast as it can be sampled).
class LossSurfaceView : public QWidget
{
    Q_OBJECT

public:
    explicit LossSurfaceView(DatasetModel *model, QWidget *parent = nullptr);

    void setRanges(const ParameterRange &wRange, const ParameterRange &bRange);
    void setTrails(const std::vector<RacerTrail> &trails);

    // The sampled grid, for tests: column i is w, row j is b (row 0 at the top, largest b).
    int columns() const { return m_columns; }
    int rows() const { return m_rows; }
    QPointF parametersAt(int column, int row) const;
    // NaN before the map was first shown (it is sampled only while visible).
    double sampledLoss(int column, int row) const;
    // The chosen optimizer's trajectory as drawn, in (w, b).
    std::vector<QPointF> trajectory() const;
    // The widget position of (w, b) and back.
    QPointF positionOf(double w, double b) const;
    QPointF parametersAtPosition(const QPointF &position) const;

    // True while the map is being sampled on the sampler's thread (large data, MAE or Huber).
    bool isSampling() const;

    static constexpr int contourLevels = 8;

Q_SIGNALS:
    void parametersPicked(double w, double b);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void resample();
    void showSampledValues();
    void showValues(std::vector<double> values);
    QRectF plotRect() const;
    QList<QLineF> contourSegments(double level) const;

    DatasetModel *m_model;
    ParameterRange m_wRange;
    ParameterRange m_bRange;
    int m_columns = 120;
    int m_rows = 90;
    std::vector<double> m_values; // row-major, m_rows × m_columns
    std::vector<double> m_levels;
    QImage m_image;
    bool m_stale = true;
    std::vector<RacerTrail> m_trails;
    // Samples the map off the window's thread where that takes more than a moment.
    LossSampler *m_sampler;
};
