#include "pointlayer.h"

#include <QPainter>

#include <cmath>

PointLayer::PointLayer(const Dataset *data, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_data(data)
{
    setAcceptedMouseButtons(Qt::NoButton);
}

void PointLayer::setColor(const QColor &color)
{
    m_color = color;
    invalidate();
}

void PointLayer::setMarkerSize(qreal size)
{
    prepareGeometryChange();
    m_markerSize = size;
    invalidate();
}

void PointLayer::setFrame(const Frame &frame)
{
    if (frame == m_frame)
        return;
    prepareGeometryChange();
    m_frame = frame;
    invalidate();
}

void PointLayer::invalidate()
{
    m_stale = true;
    update();
}

void PointLayer::movePoint(const QPointF &from, const QPointF &to)
{
    update();
    if (m_stale)
        return;
    const QRect before = m_raster.remove(rasterPosition(positionOf(from)));
    const QRect after = m_raster.add(rasterPosition(positionOf(to)));
    repaintMarkers(before);
    repaintMarkers(after);
}

void PointLayer::refresh()
{
    if (!m_stale)
        return;
    m_stale = false;

    // One pass over the points, one multiply-add per coordinate.
    const QRectF &plot = m_frame.plotArea;
    const QSize pixels(int(std::ceil(plot.width() * m_frame.ratio)),
                       int(std::ceil(plot.height() * m_frame.ratio)));
    m_raster.reset(pixels, m_markerSize / 2.0 * m_frame.ratio);
    const std::vector<double> &xs = m_data->xs();
    const std::vector<double> &ys = m_data->ys();
    m_raster.beginBatch();
    for (std::size_t i = 0; i < xs.size(); ++i)
        m_raster.add(rasterPosition(positionOf(QPointF(xs[i], ys[i]))));
    m_raster.endBatch();
    if (isExact()) {
        m_markers = QImage();
        return;
    }

    if (m_markers.size() != m_raster.imageSize()) {
        m_markers = QImage(m_raster.imageSize(), QImage::Format_ARGB32_Premultiplied);
        m_markers.setDevicePixelRatio(m_frame.ratio);
    }
    repaintMarkers(m_markers.rect());
}

QPointF PointLayer::positionOf(const QPointF &value) const
{
    // As Qt Charts' XYDomain::calculateGeometryPoint() and ChartDataSet::mapToPosition(), in
    // the same order of operations, so that a marker is where QChart::mapToPosition() says.
    const QRectF &plot = m_frame.plotArea;
    const double deltaX = plot.width() / (m_frame.xMax - m_frame.xMin);
    const double deltaY = plot.height() / (m_frame.yMax - m_frame.yMin);
    const double x = (value.x() - m_frame.xMin) * deltaX;
    const double y = plot.height() - (value.y() - m_frame.yMin) * deltaY;
    return QPointF(x, y) + plot.topLeft();
}

QPointF PointLayer::rasterPosition(const QPointF &position) const
{
    return (position - m_frame.plotArea.topLeft()) * m_frame.ratio;
}

QRectF PointLayer::boundingRect() const
{
    const qreal reach = m_markerSize / 2.0 + 2.0;
    return m_frame.plotArea.adjusted(-reach, -reach, reach, reach);
}

void PointLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    refresh();
    if (!isExact()) {
        const qreal margin = m_raster.margin() / m_frame.ratio;
        painter->drawImage(m_frame.plotArea.topLeft() - QPointF(margin, margin), m_markers);
        return;
    }

    // As a scatter series draws them: filled circles without an outline, antialiased, for the
    // points inside the plot area.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_color);
    const qreal radius = m_markerSize / 2.0;
    for (std::size_t i = 0; i < m_data->size(); ++i) {
        const QPointF centre = positionOf(QPointF(m_data->x(i), m_data->y(i)));
        if (m_frame.plotArea.contains(centre))
            painter->drawEllipse(centre, radius, radius);
    }
    painter->restore();
}

void PointLayer::repaintMarkers(const QRect &rect)
{
    if (m_markers.isNull() || rect.isEmpty())
        return;
    m_raster.paintMarkers(&m_markers, rect, m_color);
    update();
}
