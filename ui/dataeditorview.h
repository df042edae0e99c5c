#pragma once

#include <QChartView>

class DatasetModel;
class PointLayer;
class QLineSeries;
class ResidualLayer;
class QScatterSeries;
class QValueAxis;

// The data as a chart that can be edited with the mouse: the points, the line y = w·x and
// each point's residual. Drag a point to move it, click empty space to add one, right-click a
// point (or select it and press Delete) to remove it. The points and residuals are drawn by a
// PointLayer and a ResidualLayer in the chart's scene, so that a million points drag at frame
// rate; the "data" series stays empty and gives the legend its marker.
class DataEditorView : public QChartView
{
    Q_OBJECT

public:
    explicit DataEditorView(DatasetModel *model, QWidget *parent = nullptr);

    // Fits the axes to the data (called when a dataset is loaded, not while dragging).
    void fitAxes();
    // The viewport position of the data value `value`, and of point `row`, in logical pixels
    // and not rounded: where the marker is drawn.
    QPointF positionOf(const QPointF &value) const;
    QPointF pointPosition(int row) const;
    int selectedRow() const { return m_selectedRow; }

    // A click this close to a point's centre (in logical pixels) takes the point.
    static constexpr int hitRadius = 10;

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updatePoints();
    void handlePointMoved(int row, const QPointF &from);
    void updateFrame();
    void updateModelLine();
    void updateResiduals();
    void setSelectedRow(int row);
    int rowAt(const QPointF &position) const;
    QPointF valueAt(const QPointF &position) const;
    bool isInPlotArea(const QPointF &position) const;

    DatasetModel *m_model;
    QValueAxis *m_axisX;
    QValueAxis *m_axisY;
    QScatterSeries *m_points;
    QScatterSeries *m_selection;
    QLineSeries *m_line;
    PointLayer *m_pointLayer;
    ResidualLayer *m_residuals;
    bool m_pointMoved = false; // pointsChanged() follows a pointMoved() already drawn
    int m_selectedRow = -1;
    int m_dragRow = -1;
    int m_dragGesture = 0; // the model's gesture number of the drag under way
};
