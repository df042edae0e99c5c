#include "trailpointsitem.h"

#include <QChart>
#include <QPainter>
#include <QValueAxis>

#include <cmath>

TrailPointsItem::TrailPointsItem(QChart *chart, QValueAxis *axisX, QValueAxis *axisY, qreal size)
    : QGraphicsItem(chart)
    , m_chart(chart)
    , m_axisX(axisX)
    , m_axisY(axisY)
    , m_size(size)
{
    // Qt Charts stacks every series at one z value (ChartPresenter::SeriesZValue, 4 in Qt 6.4)
    // and, within it, in the order the items were made: this item goes over the series made
    // before it and under those made after it.
    setZValue(4.0);
    setAcceptedMouseButtons(Qt::NoButton);
    plotAreaChanged();
}

void TrailPointsItem::setSets(std::vector<Set> sets)
{
    m_sets = std::move(sets);
    update();
}

void TrailPointsItem::plotAreaChanged()
{
    // The dots may stick out of the plot area by their radius, as markers do.
    const qreal half = m_size / 2.0 + 1.0;
    const QRectF bounds = m_chart->plotArea().adjusted(-half, -half, half, half);
    if (bounds != m_bounds) {
        prepareGeometryChange();
        m_bounds = bounds;
    }
    update();
}

QRectF TrailPointsItem::boundingRect() const
{
    return m_bounds;
}

const QImage &TrailPointsItem::dot(const QColor &color, qreal devicePixelRatio)
{
    for (const Dot &dot : m_dots) {
        if (dot.color == color.rgba() && dot.devicePixelRatio == devicePixelRatio)
            return dot.image;
    }
    // A filled antialiased circle of the dots' diameter on a transparent square, one pixel to
    // spare on each side.
    const int side = int(std::ceil((m_size + 2.0) * devicePixelRatio));
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    const qreal center = qreal(side) / devicePixelRatio / 2.0;
    painter.drawEllipse(QPointF(center, center), m_size / 2.0, m_size / 2.0);
    painter.end();
    m_dots.push_back({color.rgba(), devicePixelRatio, image});
    return m_dots.back().image;
}

void TrailPointsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const QRectF plot = m_chart->plotArea();
    const double xSpan = m_axisX->max() - m_axisX->min();
    const double ySpan = m_axisY->max() - m_axisY->min();
    if (plot.isEmpty() || !(xSpan > 0.0) || !(ySpan > 0.0) || !std::isfinite(xSpan)
        || !std::isfinite(ySpan)) {
        return;
    }
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
    for (const Set &set : m_sets) {
        const QImage &image = dot(set.color, ratio);
        const qreal half = qreal(image.width()) / ratio / 2.0;
        QPointF last(qInf(), qInf());
        for (const QPointF &value : set.values) {
            // Where the chart puts the value, as for a linear value axis; a point outside the
            // axes' ranges is not drawn, as Qt Charts hides such markers.
            const double x = plot.left() + (value.x() - m_axisX->min()) / xSpan * plot.width();
            const double y = plot.bottom() - (value.y() - m_axisY->min()) / ySpan * plot.height();
            if (!(x >= plot.left() - 0.5 && x <= plot.right() + 0.5 && y >= plot.top() - 0.5
                  && y <= plot.bottom() + 0.5)) {
                continue;
            }
            // Runs of steps that land on the same device pixel (a converged trail) are one dot.
            const QPointF at(std::round((x - half) * ratio) / ratio,
                             std::round((y - half) * ratio) / ratio);
            if (at == last)
                continue;
            last = at;
            painter->drawImage(at, image);
        }
    }
}
