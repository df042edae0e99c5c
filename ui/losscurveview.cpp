#include "losscurveview.h"

#include "chartstyle.h"
#include "datasetmodel.h"
#include "localenumber.h"
#include "lossfunction.h"
#include "losssampler.h"
#include "mseloss.h"
#include "trailpointsitem.h"

#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

LossCurveView::LossCurveView(DatasetModel *model, QWidget *parent)
    : QChartView(ChartStyle::newChart(), parent)
    , m_model(model)
    , m_axisW(new QValueAxis(this))
    , m_axisLoss(new QValueAxis(this))
    , m_curve(new QLineSeries(this))
    , m_grid(new QScatterSeries(this))
    , m_optimum(new QScatterSeries(this))
    , m_marker(new QScatterSeries(this))
    , m_tangent(new QLineSeries(this))
    , m_sampler(new LossSampler(this))
{
    QChart *chart = this->chart();
    ChartStyle::fitToView(this);
    setRenderHint(QPainter::Antialiasing);

    m_curve->setPen(ChartStyle::modelPen());
    for (OptimizerKind kind : Optimizer::all()) {
        auto *trail = new QScatterSeries(this);
        ChartStyle::stylePoints(trail, RacerStyle::color(kind), trailDotSize);
        trail->setName(Optimizer::title(kind));
        trail->setVisible(false);
        m_trails.push_back(trail);
    }
    m_grid->setName(tr("grid"));
    m_optimum->setName(tr("w*"));
    // A hollow square, so that no racer's colour can be taken for it (see applyPalette()).
    m_optimum->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_optimum->setMarkerSize(13);
    m_marker->setName(tr("current"));
    m_tangent->setName(tr("tangent"));
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.9);
    chart->setTitleFont(titleFont);

    m_axisW->setTitleText(tr("w"));
    m_axisLoss->setTitleText(Objective::title(LossKind::Mse));
    m_axisLoss->setLabelFormat(QStringLiteral("%.6g"));
    chart->addAxis(m_axisW, Qt::AlignBottom);
    chart->addAxis(m_axisLoss, Qt::AlignLeft);
    // Each point's own loss, faint: the curve is their mean. Made once, shown for small data.
    for (int i = 0; i < maxPointCurves; ++i) {
        auto *series = new QLineSeries(this);
        QColor color = ChartStyle::dataColor();
        color.setAlphaF(0.35);
        series->setPen(QPen(color, 1.0));
        series->setName(tr("each point"));
        chart->addSeries(series);
        series->attachAxis(m_axisW);
        series->attachAxis(m_axisLoss);
        m_pointCurves.append(series);
    }
    for (QXYSeries *series :
         {static_cast<QXYSeries *>(m_curve), static_cast<QXYSeries *>(m_tangent),
          static_cast<QXYSeries *>(m_grid), static_cast<QXYSeries *>(m_optimum),
          static_cast<QXYSeries *>(m_marker)}) {
        chart->addSeries(series);
        series->attachAxis(m_axisW);
        series->attachAxis(m_axisLoss);
    }
    for (QScatterSeries *trail : m_trails) {
        chart->addSeries(trail);
        trail->attachAxis(m_axisW);
        trail->attachAxis(m_axisLoss);
    }
    m_trailPoints = new TrailPointsItem(chart, m_axisW, m_axisLoss, trailDotSize);
    connect(chart, &QChart::plotAreaChanged, this, [this] { m_trailPoints->plotAreaChanged(); });
    for (QValueAxis *axis : {m_axisW, m_axisLoss}) {
        connect(axis, &QValueAxis::rangeChanged, this,
                [this] { m_trailPoints->plotAreaChanged(); });
    }
    // The current w stays on top of the trails.
    chart->removeSeries(m_marker);
    chart->addSeries(m_marker);
    m_marker->attachAxis(m_axisW);
    m_marker->attachAxis(m_axisLoss);

    // The legend names what moves; the faint per-point curves and the tangent explain
    // themselves (and the tooltip says what they are).
    for (QLineSeries *series : m_pointCurves)
        chart->legend()->markers(series).first()->setVisible(false);
    chart->legend()->markers(m_tangent).first()->setVisible(false);
    chart->legend()->markers(m_grid).first()->setVisible(false);
    setToolTip(tr("The loss against w (faint: each point's own loss; dashed: the tangent at w)"));
    applyPalette();

    connect(model, &DatasetModel::pointsChanged, this, &LossCurveView::updateCurve);
    connect(m_sampler, &LossSampler::sampled, this, &LossCurveView::showSampledCurve);
    // The curve is the slice through the current b, so a new b redraws it; a new w only
    // moves the marker.
    connect(model, &DatasetModel::parametersChanged, this, [this] {
        if (m_model->b() != m_sliceB) {
            m_sliceB = m_model->b();
            updateCurve();
        } else {
            updateMarker();
        }
    });
    connect(model, &DatasetModel::objectiveChanged, this, &LossCurveView::updateCurve);
    setRange(ParameterRange::forDataset(model->dataset()));
}

void LossCurveView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void LossCurveView::applyPalette()
{
    const QPalette &colours = palette();
    ChartStyle::applyPalette(chart(), colours);
    const QColor marker = ChartStyle::markerColor(colours);
    ChartStyle::stylePoints(m_marker, marker, 12);
    m_tangent->setPen(QPen(marker, 1.5, Qt::DashLine));
    ChartStyle::stylePoints(m_optimum, colours.color(QPalette::Base), 13);
    m_optimum->setBorderColor(marker);
    m_optimum->setPen(QPen(marker, 2));
    // Rings, told from the racers' dots (Nesterov's is the same sky blue) by their shape.
    ChartStyle::stylePoints(m_grid, colours.color(QPalette::Base), 9);
    m_grid->setBorderColor(ChartStyle::gridColor());
    m_grid->setPen(QPen(ChartStyle::gridColor(), 2));
}

void LossCurveView::setRange(const ParameterRange &range)
{
    m_range = range;
    // Ticks every five grid steps (every 0.5 on the lesson's 0 to 4), anchored at 0. Fixed
    // ticks while the range and the interval change: the old interval on the new range could
    // ask for trillions of ticks (a range of 0 to 2e13 at the lesson's 0.5) and hang the chart.
    m_axisW->setTickType(QValueAxis::TicksFixed);
    m_axisW->setRange(range.minimum, range.maximum);
    m_axisW->setTickAnchor(0.0);
    m_axisW->setTickInterval(range.step * 5.0);
    m_axisW->setTickType(QValueAxis::TicksDynamic);
    // Fixed decimals read best (0.5, 1.0, …) down to millionths; finer ticks, or decimals too
    // few for them, read as %g ("-2e-09", not "-0.0000").
    const int decimals = std::max(0, range.decimals - 1);
    const double tick = range.step * 5.0;
    const bool fine = decimals > 6 || !(tick >= 0.5 * std::pow(10.0, -decimals));
    m_axisW->setLabelFormat(fine ? QStringLiteral("%.6g") : QStringLiteral("%.%1f").arg(decimals));
    updateCurve();
}

void LossCurveView::setTrails(const std::vector<RacerTrail> &trails)
{
    // The series only name the racers in the legend; the dots are drawn by m_trailPoints, in
    // the order of the kinds (as the series were stacked).
    std::vector<TrailPointsItem::Set> sets;
    for (std::size_t k = 0; k < m_trails.size(); ++k) {
        QScatterSeries *series = m_trails[k];
        const auto racer = std::find_if(trails.begin(), trails.end(),
                                        [k](const RacerTrail &t) { return int(t.kind) == int(k); });
        if (racer == trails.end()) {
            series->setVisible(false);
            continue;
        }
        QList<QPointF> points;
        points.reserve(qsizetype(racer->steps.size()));
        for (const TrainingStep &state : racer->steps) {
            if (!state.tooLarge)
                points.append(QPointF(state.w, state.loss));
        }
        sets.push_back({RacerStyle::color(racer->kind), std::move(points)});
        QString name = trails.size() > 1 ? Optimizer::title(racer->kind) : tr("steps");
        if (const QString note = RacerStyle::shownSteps(racer->stride); !note.isEmpty())
            name += QStringLiteral(" (%1)").arg(note);
        series->setName(name);
        series->setVisible(true);
    }
    m_trailPoints->setSets(std::move(sets));
}

std::vector<QPointF> LossCurveView::trailPoints() const
{
    std::vector<QPointF> points;
    for (const TrailPointsItem::Set &set : m_trailPoints->sets())
        points.insert(points.end(), set.values.begin(), set.values.end());
    return points;
}

void LossCurveView::clearGridPoints()
{
    m_grid->clear();
    chart()->legend()->markers(m_grid).first()->setVisible(false);
}

void LossCurveView::addGridPoint(double w, double loss)
{
    // A loss too large to represent has no place on the axis (the log says so in words).
    if (!std::isfinite(loss))
        return;
    m_grid->append(w, loss);
    chart()->legend()->markers(m_grid).first()->setVisible(true);
}

QPointF LossCurveView::marker() const
{
    return m_marker->count() > 0 ? m_marker->at(0) : QPointF();
}

QString LossCurveView::title() const
{
    return chart()->title();
}

int LossCurveView::gridPointCount() const
{
    return int(m_grid->count());
}

void LossCurveView::updateCurve()
{
    const Dataset &data = m_model->trainingData();
    const Objective &objective = m_model->objective();
    const double b = m_model->b();

    // The slice of the loss through the current b.
    std::vector<double> ws = LossFunction::evenlySpaced(m_range.minimum, m_range.maximum, samples);
    if (LossSampler::isCheap(data, objective, ws.size())) {
        m_sampler->cancel();
        showCurve(ws, LossSampler::sample(data, objective, ws, {b}), b);
    } else {
        m_sampler->request(data, objective, std::move(ws), {b});
        const QString updating = tr(" (updating…)");
        if (!m_curve->name().endsWith(updating))
            m_curve->setName(m_curve->name() + updating);
    }
    updatePointCurves();
    m_axisLoss->setTitleText(Objective::title(objective.loss));

    // The exact optimum along the slice, where the MSE has one: w* = Σx(y − b) / Σx².
    const auto optimum =
        objective.loss == LossKind::Mse ? MseLoss::sliceOptimum(data, b) : std::nullopt;
    if (optimum && std::isfinite(*optimum))
        m_optimum->replace({QPointF(*optimum, LossFunction::loss(data, objective, *optimum, b))});
    else
        m_optimum->clear();
    updateMarker();
}

void LossCurveView::showCurve(const std::vector<double> &ws, const std::vector<double> &losses,
                              double b)
{
    // Only finite values reach the chart; the loss axis runs from 0 to the curve's top.
    QList<QPointF> points;
    points.reserve(qsizetype(ws.size()));
    double top = 0.0;
    bool tooLarge = false;
    for (std::size_t i = 0; i < ws.size() && i < losses.size(); ++i) {
        if (!std::isfinite(losses[i])) {
            tooLarge = true;
            continue;
        }
        points.append(QPointF(ws[i], losses[i]));
        top = std::max(top, losses[i]);
    }
    m_curve->replace(points);
    const Objective &objective = m_model->objective();
    QString name =
        objective.hasBias() ? tr("loss at b = %1").arg(LocaleNumber::readable(b, 4)) : tr("loss");
    if (tooLarge)
        name += tr(" (missing where too large to represent)");
    m_curve->setName(name);
    ChartStyle::fitFromZero(m_axisLoss, top > 0.0 ? top * 1.05 : 1.0);
}

bool LossCurveView::isSampling() const
{
    return m_sampler->isBusy();
}

void LossCurveView::showSampledCurve()
{
    if (const auto grid = m_sampler->takeResult())
        showCurve(grid->ws, grid->losses, grid->bs.front());
}

void LossCurveView::updatePointCurves()
{
    const Dataset &data = m_model->dataset();
    const bool show = !data.isEmpty() && int(data.size()) <= maxPointCurves;
    const int samples = 101;
    const double step = (m_range.maximum - m_range.minimum) / double(samples - 1);
    for (int i = 0; i < maxPointCurves; ++i) {
        QLineSeries *series = m_pointCurves[i];
        const bool used = show && i < int(data.size());
        series->setVisible(used);
        if (!used)
            continue;
        QList<QPointF> points;
        points.reserve(samples);
        for (int k = 0; k < samples; ++k) {
            const double w = m_range.minimum + double(k) * step;
            const double residual =
                m_model->predict(data.x(std::size_t(i)), w) - data.y(std::size_t(i));
            const double loss = LossFunction::pointLoss(m_model->objective(), residual);
            if (std::isfinite(loss))
                points.append(QPointF(w, loss));
        }
        series->replace(points);
    }
}

void LossCurveView::updateMarker()
{
    const Dataset &data = m_model->trainingData();
    const Objective &objective = m_model->objective();
    const double w = m_model->w();
    const Evaluation value = LossFunction::evaluate(data, objective, w, m_model->b());
    if (std::isfinite(w) && std::isfinite(value.loss))
        m_marker->replace({QPointF(w, value.loss)});
    else
        m_marker->clear();

    // The tangent at w has the gradient as its slope.
    const double half = (m_range.maximum - m_range.minimum) / 8.0;
    const QPointF left(w - half, value.loss - value.gradW * half);
    const QPointF right(w + half, value.loss + value.gradW * half);
    if (std::isfinite(w) && std::isfinite(left.y()) && std::isfinite(right.y())) {
        m_tangent->replace({left, right});
    } else {
        m_tangent->clear();
    }
    chart()->setTitle(
        data.isEmpty() ? tr("No points: add some by clicking the data chart.")
            : data.allXZero()
            ? (m_model->isStandardized()
                   ? tr("All x are equal: standardized they are 0, so w does nothing.")
                   : tr("All x are 0: every w gives the same loss."))
            : gradientFormula(data, objective, value.gradW));
}

QString LossCurveView::gradientFormula(const Dataset &data, const Objective &objective,
                                       double gradW)
{
    // The gradient is factor/n · Σ ψ(r)·x, with ψ(r) = r (MSE, factor 2), sign(r) (MAE) or r
    // clamped to ±δ (Huber); the sum is recovered from the mean.
    const double n = double(data.size());
    const QString r =
        objective.hasBias() ? QStringLiteral("w·x + b − y") : QStringLiteral("w·x − y");
    const QString name = Objective::label(objective.loss);
    double factor = 1.0;
    QString term;
    switch (objective.loss) {
    case LossKind::Mse:
        factor = 2.0;
        term = QStringLiteral("x(%1)").arg(r);
        break;
    case LossKind::Mae:
        term = QStringLiteral("x·sign(%1)").arg(r);
        break;
    case LossKind::Huber:
        term =
            QStringLiteral("x·clamp(%1, ±%2)").arg(r, LocaleNumber::readable(objective.delta, 4));
        break;
    }
    const double sum = gradW * n / factor;
    const QString d = objective.hasBias() ? QStringLiteral("∂") : QStringLiteral("d");
    return QStringLiteral("%1%2/%1w = (%3/n)·Σ %4 = (%3/%5)·(%6) = %7")
        .arg(d, name, LocaleNumber::readable(factor), term, LocaleNumber::readable(n, 10),
             LocaleNumber::readable(sum), LocaleNumber::readable(gradW));
}
