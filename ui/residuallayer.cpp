#include "residuallayer.h"

#include "chartstyle.h"
#include "pointlayer.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

ResidualLayer::ResidualLayer(PointLayer *points, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_points(points)
{
    setAcceptedMouseButtons(Qt::NoButton);
}

void ResidualLayer::setPrediction(std::function<double(double)> predict)
{
    m_predict = std::move(predict);
    update();
}

QRectF ResidualLayer::boundingRect() const
{
    return m_points->frame().plotArea.adjusted(-2.0, -2.0, 2.0, 2.0);
}

void ResidualLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (!m_predict)
        return;
    m_points->refresh();
    if (m_points->isExact())
        paintEach(painter);
    else
        paintColumns(painter);
}

void ResidualLayer::paintEach(QPainter *painter) const
{
    // One path for all residuals, each clipped to the plot area so that a far-off line does
    // not draw over the axes.
    const QRectF plot = m_points->frame().plotArea;
    const Dataset &data = m_points->dataset();
    QPainterPath path;
    for (std::size_t i = 0; i < data.size(); ++i) {
        const QPointF value(data.x(i), data.y(i));
        const QPointF point = m_points->positionOf(value);
        const QPointF onLine = m_points->positionOf(QPointF(value.x(), m_predict(value.x())));
        // A prediction too large to represent runs to the plot's edge (clamped below).
        if (point.x() < plot.left() || point.x() > plot.right() || std::isnan(onLine.y()))
            continue;
        const double top = std::clamp(std::min(point.y(), onLine.y()), plot.top(), plot.bottom());
        const double bottom =
            std::clamp(std::max(point.y(), onLine.y()), plot.top(), plot.bottom());
        path.moveTo(point.x(), top);
        path.lineTo(point.x(), bottom);
    }
    QPen pen = ChartStyle::residualPen();
    QColor color = pen.color();
    const bool crowd = data.size() > std::size_t(crowded);
    color.setAlphaF(crowd ? 0.35f : 1.0f);
    pen.setColor(color);
    pen.setWidthF(crowd ? 1.0 : pen.widthF());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    painter->restore();
}

void ResidualLayer::paintColumns(QPainter *painter) const
{
    // Every segment of a column touches the line, so together they cover the line and the
    // column's topmost and bottommost points: one span, one device pixel wide, per column.
    const PointLayer::Frame &frame = m_points->frame();
    const PointRaster &raster = m_points->raster();
    const int height = raster.size().height();
    QColor color = ChartStyle::residualColor();
    color.setAlphaF(0.35f);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->translate(frame.plotArea.topLeft());
    painter->scale(1.0 / frame.ratio, 1.0 / frame.ratio);
    const double xSpan = frame.xMax - frame.xMin;
    for (int column = 0; column < raster.size().width(); ++column) {
        int top = 0, bottom = 0;
        if (!raster.columnExtent(column, &top, &bottom))
            continue;
        // The line at the column's centre, as a raster row (clamped: it may be far off).
        const double x =
            frame.xMin + xSpan * ((column + 0.5) / frame.ratio) / frame.plotArea.width();
        const double line =
            m_points->rasterPosition(m_points->positionOf(QPointF(x, m_predict(x)))).y();
        if (std::isnan(line))
            continue;
        const double lineRow = std::clamp(std::floor(line), -1.0, double(height));
        const int from = std::max(0, std::min(top, int(lineRow)));
        const int to = std::min(height - 1, std::max(bottom, int(lineRow)));
        if (to >= from)
            painter->fillRect(QRect(column, from, 1, to - from + 1), color);
    }
    painter->restore();
}
