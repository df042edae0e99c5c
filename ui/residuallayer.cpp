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
    if (m_points->dataset().size() <= std::size_t(crowded))
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
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(ChartStyle::residualPen());
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);
    painter->restore();
}

void ResidualLayer::paintColumns(QPainter *painter)
{
    // Every segment of a column touches the line, so together they cover the line and the
    // column's topmost and bottommost points: one span, one device pixel wide, per column.
    const PointLayer::Frame &frame = m_points->frame();
    const PointRaster &raster = m_points->raster();
    const int width = raster.size().width();
    const int height = raster.size().height();
    if (m_spans.size() != raster.size()) {
        m_spans = QImage(raster.size(), QImage::Format_ARGB32_Premultiplied);
        m_spans.fill(Qt::transparent);
        m_spans.setDevicePixelRatio(frame.ratio);
        m_drawn.assign(std::size_t(width), {0, -1});
    }
    if (m_spans.isNull())
        return;
    QColor color = ChartStyle::residualColor();
    color.setAlphaF(0.35f);
    const QRgb shade = qPremultiply(color.rgba());

    const double xSpan = frame.xMax - frame.xMin;
    const auto stride = std::size_t(m_spans.bytesPerLine()) / sizeof(QRgb);
    auto *pixels = reinterpret_cast<QRgb *>(m_spans.bits());
    for (int column = 0; column < width; ++column) {
        int from = 0, to = -1, top = 0, bottom = 0;
        if (raster.columnExtent(column, &top, &bottom)) {
            // The line at the column's centre, as a raster row (clamped: it may be far off).
            const double x =
                frame.xMin + xSpan * ((column + 0.5) / frame.ratio) / frame.plotArea.width();
            const double line =
                m_points->rasterPosition(m_points->positionOf(QPointF(x, m_predict(x)))).y();
            if (!std::isnan(line)) {
                const int lineRow = int(std::clamp(std::floor(line), -1.0, double(height)));
                from = std::max(0, std::min(top, lineRow));
                to = std::min(height - 1, std::max(bottom, lineRow));
            }
        }
        auto &drawn = m_drawn[std::size_t(column)];
        if (drawn.first == from && drawn.second == to)
            continue;
        for (int row = drawn.first; row <= drawn.second; ++row)
            pixels[std::size_t(row) * stride + std::size_t(column)] = 0;
        for (int row = from; row <= to; ++row)
            pixels[std::size_t(row) * stride + std::size_t(column)] = shade;
        drawn = {from, to};
    }
    painter->drawImage(frame.plotArea.topLeft(), m_spans);
}
