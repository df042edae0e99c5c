#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QImage>
#include <QList>
#include <QPointF>

#include <vector>

class QChart;
class QValueAxis;

// The dots of the training trails on a chart, drawn as one graphics item: a QScatterSeries
// makes a graphics item per point and paints each as a path, which at two thousand points
// takes several milliseconds a frame; this stamps one prepared dot per point. Each set of
// points has its own colour; later sets are drawn over earlier ones, as series added later are.
class TrailPointsItem : public QGraphicsItem
{
public:
    struct Set
    {
        QColor color;
        QList<QPointF> values; // in the axes' units
    };

    // `size` is the dots' diameter in pixels, as QScatterSeries::markerSize.
    TrailPointsItem(QChart *chart, QValueAxis *axisX, QValueAxis *axisY, qreal size);

    void setSets(std::vector<Set> sets);
    const std::vector<Set> &sets() const { return m_sets; }
    // Call when the plot area moved or an axis changed its range.
    void plotAreaChanged();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

private:
    const QImage &dot(const QColor &color, qreal devicePixelRatio);

    QChart *m_chart;
    QValueAxis *m_axisX;
    QValueAxis *m_axisY;
    qreal m_size;
    QRectF m_bounds;
    std::vector<Set> m_sets;
    struct Dot
    {
        QRgb color;
        qreal devicePixelRatio;
        QImage image;
    };
    std::vector<Dot> m_dots;
};
