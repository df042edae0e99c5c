#include "lossstepview.h"

#include "chartstyle.h"

#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

LossStepView::LossStepView(QWidget *parent)
    : QChartView(ChartStyle::newChart(), parent)
    , m_axisStep(new QValueAxis(this))
    , m_axisLoss(new QValueAxis(this))
    , m_logAxisLoss(new QLogValueAxis(this))
    , m_shownMark(new QScatterSeries(this))
{
    QChart *chart = this->chart();
    ChartStyle::fitToView(this);
    setRenderHint(QPainter::Antialiasing);

    m_axisStep->setTitleText(tr("step"));
    m_axisStep->setLabelFormat(QStringLiteral("%.0f"));
    m_axisLoss->setTitleText(tr("MSE"));
    m_axisLoss->setLabelFormat(QStringLiteral("%.6g"));
    chart->addAxis(m_axisStep, Qt::AlignBottom);
    chart->addAxis(m_axisLoss, Qt::AlignLeft);
    m_logAxisLoss->setTitleText(tr("loss (log scale)"));
    m_logAxisLoss->setLabelFormat(QStringLiteral("%.0e"));
    m_logAxisLoss->setBase(10.0);
    for (OptimizerKind kind : Optimizer::all()) {
        auto *series = new QLineSeries(this);
        series->setPen(QPen(RacerStyle::color(kind), 2));
        series->setName(Optimizer::title(kind));
        series->setVisible(false);
        chart->addSeries(series);
        series->attachAxis(m_axisStep);
        series->attachAxis(m_axisLoss);
        m_series.push_back(series);
    }
    m_shownMark->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_shownMark->setMarkerSize(11.0);
    m_shownMark->setBrush(Qt::NoBrush);
    m_shownMark->setName(tr("step shown"));
    chart->addSeries(m_shownMark);
    m_shownMark->attachAxis(m_axisStep);
    m_shownMark->attachAxis(m_axisLoss);
    for (QLegendMarker *marker : chart->legend()->markers(m_shownMark))
        marker->setVisible(false);
    ChartStyle::applyPalette(chart, palette());
    ChartStyle::applyPalette(m_logAxisLoss, palette());
    colourShownMark();
    redraw();
}

void LossStepView::colourShownMark()
{
    m_shownMark->setPen(QPen(palette().color(QPalette::WindowText), 2));
}

void LossStepView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    // The axis not shown is coloured too, for when it is swapped in.
    ChartStyle::applyPalette(chart(), palette());
    ChartStyle::applyPalette(m_logScale ? static_cast<QAbstractAxis *>(m_axisLoss) : m_logAxisLoss,
                             palette());
    colourShownMark();
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

void LossStepView::setLogScale(bool logScale)
{
    if (logScale == m_logScale)
        return;
    m_logScale = logScale;
    QAbstractAxis *from = logScale ? static_cast<QAbstractAxis *>(m_axisLoss) : m_logAxisLoss;
    QAbstractAxis *to = logScale ? static_cast<QAbstractAxis *>(m_logAxisLoss) : m_axisLoss;
    for (QLineSeries *series : m_series)
        series->detachAxis(from);
    m_shownMark->detachAxis(from);
    chart()->removeAxis(from);
    // removeAxis() hands the axis back without a parent: keep it with the view.
    from->setParent(this);
    chart()->addAxis(to, Qt::AlignLeft);
    for (QLineSeries *series : m_series)
        series->attachAxis(to);
    m_shownMark->attachAxis(to);
    redraw();
}

QString LossStepView::stepTitle() const
{
    return m_axisStep->titleText();
}

QPointF LossStepView::lossRange() const
{
    return m_logScale ? QPointF(m_logAxisLoss->min(), m_logAxisLoss->max())
                      : QPointF(m_axisLoss->min(), m_axisLoss->max());
}

void LossStepView::setShownStep(const std::optional<TrainingStep> &step)
{
    if (!step && !m_shownStep)
        return;
    m_shownStep = step;
    if (isVisible())
        redraw();
}

std::optional<QPointF> LossStepView::shownMark() const
{
    if (m_shownMark->count() == 0)
        return std::nullopt;
    return m_shownMark->at(0);
}

void LossStepView::redraw()
{
    double top = 0.0;
    double bottom = qInf(); // the smallest positive loss, for the log axis
    double lastStep = 0.0;
    for (QLineSeries *series : m_series)
        series->setVisible(false);
    for (const RacerTrail &trail : m_trails) {
        QList<QPointF> points;
        points.reserve(qsizetype(trail.steps.size()));
        for (const TrainingStep &state : trail.steps) {
            if (state.tooLarge || (m_logScale && !(state.loss > 0.0)))
                continue;
            points.append(QPointF(double(state.step), state.loss));
            top = std::max(top, state.loss);
            if (state.loss > 0.0)
                bottom = std::min(bottom, state.loss);
        }
        if (!trail.steps.empty())
            lastStep = std::max(lastStep, double(trail.steps.back().step));
        QLineSeries *series = m_series[std::size_t(trail.kind)];
        series->replace(points);
        series->setVisible(true);
    }
    // A decimated trail says so: in the step axis's title, or racer by racer in the legend.
    const bool racing = m_trails.size() > 1;
    QString shown;
    for (const RacerTrail &trail : m_trails) {
        const QString note = RacerStyle::shownSteps(trail.stride);
        QString name = Optimizer::title(trail.kind);
        if (!note.isEmpty())
            name += QStringLiteral(" (%1)").arg(note);
        m_series[std::size_t(trail.kind)]->setName(name);
        if (!racing)
            shown = note;
    }
    m_axisStep->setTitleText(shown.isEmpty() ? tr("step") : tr("step (%1)").arg(shown));
    const bool markable = m_shownStep && !m_shownStep->tooLarge
        && (m_logScale ? m_shownStep->loss > 0.0 : std::isfinite(m_shownStep->loss));
    if (markable)
        m_shownMark->replace({QPointF(double(m_shownStep->step), m_shownStep->loss)});
    else
        m_shownMark->clear();
    chart()->legend()->setVisible(racing);
    ChartStyle::fitFromZero(m_axisStep, std::max(lastStep, 10.0));
    if (m_logScale) {
        // Whole decades around the positive losses, from 1e-307 at the lowest (below it 10^k
        // is subnormal or 0, whose logarithm is no number) to 1e308 at the highest.
        const double high =
            top > 0.0 ? std::pow(10.0, std::min(308.0, std::ceil(std::log10(top)))) : 10.0;
        const double low = std::isfinite(bottom)
            ? std::pow(10.0, std::clamp(std::floor(std::log10(bottom)), -307.0, 307.0))
            : high / 10.0;
        m_logAxisLoss->setRange(low, std::max(high, low * 10.0));
    } else {
        ChartStyle::fitFromZero(m_axisLoss, top > 0.0 ? top * 1.05 : 1.0);
    }
}
