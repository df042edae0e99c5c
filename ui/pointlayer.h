#pragma once

#include "dataset.h"
#include "pointraster.h"

#include <QColor>
#include <QGraphicsItem>
#include <QImage>

// The data editor's points, drawn in its chart's scene in place of a scatter series. They are
// counted on a PointRaster of the plot's device pixels (whose columns the residuals use).
// Up to exactLimit points are drawn one by one as antialiased circles where they are; beyond
// that, from a cached image of the raster's markers, which a moved point updates only around
// its old and new pixel. A marker is shown for a point inside the plot area only, as Qt
// Charts does.
class PointLayer : public QGraphicsItem
{
public:
    // Where values land: the plot area in the chart's coordinates, the axes' ranges and the
    // device pixel ratio the markers are drawn for.
    struct Frame
    {
        QRectF plotArea;
        double xMin = 0.0;
        double xMax = 1.0;
        double yMin = 0.0;
        double yMax = 1.0;
        qreal ratio = 1.0;
        bool operator==(const Frame &other) const = default;
    };

    // Points drawn one by one (the lesson's handful); more go through the raster. A thousand
    // antialiased circles cost about 15 ms a paint, their raster a few microseconds a move,
    // drawn at most half a device pixel from where they are.
    static constexpr int exactLimit = 40;

    // `data` (the model's dataset) must outlive this item.
    explicit PointLayer(const Dataset *data, QGraphicsItem *parent = nullptr);

    void setColor(const QColor &color);
    // The markers' diameter in logical pixels.
    void setMarkerSize(qreal size);

    const Frame &frame() const { return m_frame; }
    // A new frame: the points are counted again before the next paint.
    void setFrame(const Frame &frame);
    // The points changed as a whole (a new dataset, a point added or removed): they are
    // counted again before the next paint.
    void invalidate();
    // One point moved from `from` to `to` (values): two pixels change.
    void movePoint(const QPointF &from, const QPointF &to);
    // Counts the points again if they or the frame changed since they were last counted;
    // paint() calls it.
    void refresh();

    // Where `value` is drawn, in the chart's coordinates: Qt Charts' own mapping of a value
    // axis (QChart::mapToPosition), computed without it so that a million points cost little.
    QPointF positionOf(const QPointF &value) const;
    // The raster position (device pixels from the plot's top left) of a chart position.
    QPointF rasterPosition(const QPointF &position) const;

    // True while the points are few enough to be drawn one by one (no raster).
    bool isExact() const { return m_data->size() <= std::size_t(exactLimit); }
    const Dataset &dataset() const { return *m_data; }
    const PointRaster &raster() const { return m_raster; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    void repaintMarkers(const QRect &rect);

    const Dataset *m_data;
    Frame m_frame;
    QColor m_color = Qt::blue;
    qreal m_markerSize = 11.0;
    bool m_stale = true;
    PointRaster m_raster;
    QImage m_markers; // the raster's markers, at the frame's device pixel ratio
};
