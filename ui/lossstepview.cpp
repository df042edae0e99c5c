#include "lossstepview.h"

#include "chartstyle.h"

#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

LossStepView::LossStepView(QWidget *parent)
    : QChartView(parent)
    , m_axisStep(new QValueAxis(this))
    , m_axisLoss(new QValueAxis(this))
    , m_loss(new QLineSeries(this))
{
    auto *chart = new QChart;
    setChart(chart);
    ChartStyle::apply(chart);
    chart->legend()->hide();
    setRenderHint(QPainter::Antialiasing);

    QPen pen(ChartStyle::trailColor(), 2);
    m_loss->setPen(pen);
    m_axisStep->setTitleText(tr("step"));
    m_axisStep->setLabelFormat(QStringLiteral("%.0f"));
    m_axisLoss->setTitleText(tr("MSE"));
    m_axisLoss->setLabelFormat(QStringLiteral("%.6g"));
    chart->addAxis(m_axisStep, Qt::AlignBottom);
    chart->addAxis(m_axisLoss, Qt::AlignLeft);
    chart->addSeries(m_loss);
    m_loss->attachAxis(m_axisStep);
    m_loss->attachAxis(m_axisLoss);
    setTrail({});
}

void LossStepView::setTrail(const std::vector<TrainingStep> &trail)
{
    m_trail = trail;
    // Hidden behind another tab, the chart is redrawn when it is shown again.
    if (isVisible())
        redraw();
}

void LossStepView::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    redraw();
}

void LossStepView::redraw()
{
    const std::vector<TrainingStep> &trail = m_trail;
    QList<QPointF> points;
    points.reserve(qsizetype(trail.size()));
    double top = 0.0;
    for (const TrainingStep &state : trail) {
        points.append(QPointF(double(state.step), state.loss));
        top = std::max(top, state.loss);
    }
    m_loss->replace(points);
    const double lastStep = trail.empty() ? 0.0 : double(trail.back().step);
    m_axisStep->setRange(0.0, std::max(lastStep, 10.0));
    m_axisStep->applyNiceNumbers();
    m_axisLoss->setRange(0.0, top > 0.0 ? top * 1.05 : 1.0);
    m_axisLoss->applyNiceNumbers();
}
