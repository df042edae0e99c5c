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
{
    auto *chart = new QChart;
    setChart(chart);
    ChartStyle::apply(chart);
    setRenderHint(QPainter::Antialiasing);

    m_axisStep->setTitleText(tr("step"));
    m_axisStep->setLabelFormat(QStringLiteral("%.0f"));
    m_axisLoss->setTitleText(tr("MSE"));
    m_axisLoss->setLabelFormat(QStringLiteral("%.6g"));
    chart->addAxis(m_axisStep, Qt::AlignBottom);
    chart->addAxis(m_axisLoss, Qt::AlignLeft);
    for (OptimizerKind kind : Optimizer::all()) {
        auto *series = new QLineSeries(this);
        series->setPen(QPen(RacerStyle::color(kind), 2));
        series->setName(RacerStyle::label(kind));
        series->setVisible(false);
        chart->addSeries(series);
        series->attachAxis(m_axisStep);
        series->attachAxis(m_axisLoss);
        m_series.push_back(series);
    }
    redraw();
}

void LossStepView::setTrails(const std::vector<RacerTrail> &trails)
{
    m_trails = trails;
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
    double top = 0.0;
    double lastStep = 0.0;
    for (QLineSeries *series : m_series)
        series->setVisible(false);
    for (const RacerTrail &trail : m_trails) {
        QList<QPointF> points;
        points.reserve(qsizetype(trail.steps.size()));
        for (const TrainingStep &state : trail.steps) {
            points.append(QPointF(double(state.step), state.loss));
            top = std::max(top, state.loss);
        }
        if (!trail.steps.empty())
            lastStep = std::max(lastStep, double(trail.steps.back().step));
        QLineSeries *series = m_series[std::size_t(trail.kind)];
        series->replace(points);
        series->setVisible(true);
    }
    chart()->legend()->setVisible(m_trails.size() > 1);
    m_axisStep->setRange(0.0, std::max(lastStep, 10.0));
    m_axisStep->applyNiceNumbers();
    m_axisLoss->setRange(0.0, top > 0.0 ? top * 1.05 : 1.0);
    m_axisLoss->applyNiceNumbers();
}
