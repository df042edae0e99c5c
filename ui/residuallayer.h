#pragma once

#include <QGraphicsItem>
#include <QImage>

#include <functional>
#include <utility>
#include <vector>

class PointLayer;

// Each point's residual, the vertical segment from the point to the line, clipped to the plot
// area. Up to `crowded` points each segment is drawn, dashed. Beyond, side by side they would
// become a solid wall, so they are drawn faint and one device pixel wide; and as the segments
// of one pixel column all run to the line, together they cover the line and the column's
// farthest points: one span per column, from the PointLayer raster's column extents, so that
// a frame costs the columns, not the points.
class ResidualLayer : public QGraphicsItem
{
public:
    // `points` gives the points, their frame and raster; it must outlive this item.
    explicit ResidualLayer(PointLayer *points, QGraphicsItem *parent = nullptr);

    // The model's prediction at x, in the data's units.
    void setPrediction(std::function<double(double)> predict);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

    // Beyond this many points the residuals are faint spans per pixel column.
    static constexpr int crowded = 40;

private:
    void paintEach(QPainter *painter) const;
    void paintColumns(QPainter *painter);

    PointLayer *m_points;
    std::function<double(double)> m_predict;
    // The spans of the columns, drawn into an image of the raster's size; a frame rewrites
    // only the columns whose span changed.
    QImage m_spans;
    std::vector<std::pair<int, int>> m_drawn; // per column: the rows drawn, from and to
};
