#include "losscurveview.h"

#include "chartstyle.h"
#include "datasetmodel.h"
#include "mseloss.h"

#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

LossCurveView::LossCurveView(DatasetModel *model, QWidget *parent)
    : QChartView(parent)
    , m_model(model)
    , m_axisW(new QValueAxis(this))
    , m_axisLoss(new QValueAxis(this))
    , m_curve(new QLineSeries(this))
    , m_trail(new QScatterSeries(this))
    , m_grid(new QScatterSeries(this))
    , m_optimum(new QScatterSeries(this))
    , m_marker(new QScatterSeries(this))
{
    auto *chart = new QChart;
    setChart(chart);
    ChartStyle::apply(chart);
    setRenderHint(QPainter::Antialiasing);

    m_curve->setName(tr("MSE(w)"));
    m_curve->setPen(ChartStyle::modelPen());
    m_trail->setName(tr("gradient descent"));
    ChartStyle::stylePoints(m_trail, ChartStyle::trailColor(), 7);
    m_grid->setName(tr("grid search"));
    ChartStyle::stylePoints(m_grid, ChartStyle::gridColor(), 8);
    m_optimum->setName(tr("optimum w*"));
    ChartStyle::stylePoints(m_optimum, ChartStyle::optimumColor(), 13);
    m_optimum->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_marker->setName(tr("current w"));
    ChartStyle::stylePoints(m_marker, ChartStyle::markerColor(), 12);

    m_axisW->setTitleText(tr("w"));
    m_axisLoss->setTitleText(tr("mean squared error"));
    m_axisLoss->setLabelFormat(QStringLiteral("%.6g"));
    chart->addAxis(m_axisW, Qt::AlignBottom);
    chart->addAxis(m_axisLoss, Qt::AlignLeft);
    for (QXYSeries *series :
         {static_cast<QXYSeries *>(m_curve), static_cast<QXYSeries *>(m_grid),
          static_cast<QXYSeries *>(m_trail), static_cast<QXYSeries *>(m_optimum),
          static_cast<QXYSeries *>(m_marker)}) {
        chart->addSeries(series);
        series->attachAxis(m_axisW);
        series->attachAxis(m_axisLoss);
    }

    connect(model, &DatasetModel::pointsChanged, this, &LossCurveView::updateCurve);
    connect(model, &DatasetModel::wChanged, this, &LossCurveView::updateMarker);
    setRange(ParameterRange::forDataset(model->dataset()));
}

void LossCurveView::setRange(const ParameterRange &range)
{
    m_range = range;
    m_axisW->setRange(range.minimum, range.maximum);
    // Ticks every ten grid steps (every 1.0 on the lesson's 0 to 4), anchored at 0.
    m_axisW->setTickType(QValueAxis::TicksDynamic);
    m_axisW->setTickAnchor(0.0);
    m_axisW->setTickInterval(range.step * 5.0);
    m_axisW->setLabelFormat(QStringLiteral("%.%1f").arg(std::max(0, range.decimals - 1)));
    updateCurve();
}

void LossCurveView::setTrail(const std::vector<TrainingStep> &trail)
{
    QList<QPointF> points;
    points.reserve(qsizetype(trail.size()));
    for (const TrainingStep &state : trail)
        points.append(QPointF(state.w, state.loss));
    m_trail->replace(points);
}

void LossCurveView::clearGridPoints()
{
    m_grid->clear();
}

void LossCurveView::addGridPoint(double w, double loss)
{
    m_grid->append(w, loss);
}

QPointF LossCurveView::marker() const
{
    return m_marker->count() > 0 ? m_marker->at(0) : QPointF();
}

int LossCurveView::gridPointCount() const
{
    return int(m_grid->count());
}

void LossCurveView::updateCurve()
{
    const Dataset &data = m_model->dataset();
    // Only finite values reach the chart; the loss axis runs from 0 to the curve's top.
    QList<QPointF> points;
    points.reserve(samples);
    double top = 0.0;
    for (const QPointF &point : MseLoss::curve(data, m_range.minimum, m_range.maximum, samples)) {
        if (!std::isfinite(point.y()))
            continue;
        points.append(point);
        top = std::max(top, point.y());
    }
    m_curve->replace(points);
    m_axisLoss->setRange(0.0, top > 0.0 ? top * 1.05 : 1.0);
    m_axisLoss->applyNiceNumbers();

    const auto optimum = MseLoss::optimum(data);
    if (optimum && std::isfinite(*optimum))
        m_optimum->replace({QPointF(*optimum, MseLoss::loss(data, *optimum))});
    else
        m_optimum->clear();
    chart()->setTitle(data.isEmpty() ? tr("No points: add some by clicking the data chart.")
                          : !optimum ? tr("All x are 0: every w gives the same loss.")
                                     : QString());
    updateMarker();
}

void LossCurveView::updateMarker()
{
    const double w = m_model->w();
    const double loss = MseLoss::loss(m_model->dataset(), w);
    if (std::isfinite(w) && std::isfinite(loss))
        m_marker->replace({QPointF(w, loss)});
    else
        m_marker->clear();
}
