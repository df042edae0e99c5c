#include "losssurfaceview.h"

#include "chartstyle.h"
#include "datasetmodel.h"
#include "localenumber.h"
#include "lossfunction.h"
#include "losssampler.h"
#include "mseloss.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

constexpr int margin = 44;

// A perceptually ordered ramp from dark blue (low loss) through teal and green to yellow (high
// loss), readable with the common colour-vision deficiencies.
QColor rampColor(double t)
{
    static constexpr std::array<std::array<int, 3>, 5> stops = {{
        {{68, 1, 84}},
        {{59, 82, 139}},
        {{33, 145, 140}},
        {{94, 201, 98}},
        {{253, 231, 37}},
    }};
    t = std::clamp(t, 0.0, 1.0) * double(stops.size() - 1);
    const auto i = std::min(std::size_t(t), stops.size() - 2);
    const double f = t - double(i);
    const auto mix = [&](int c) {
        return int(std::lround(stops[i][c] + f * (stops[i + 1][c] - stops[i][c])));
    };
    return QColor(mix(0), mix(1), mix(2));
}

} // namespace

LossSurfaceView::LossSurfaceView(DatasetModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_sampler(new LossSampler(this))
{
    setMinimumSize(240, 180);
    setToolTip(tr("Click to move (w, b) there; before training starts, that is the start"));
    setAccessibleName(tr("loss surface"));
    connect(model, &DatasetModel::pointsChanged, this, &LossSurfaceView::resample);
    connect(model, &DatasetModel::objectiveChanged, this, &LossSurfaceView::resample);
    connect(m_sampler, &LossSampler::sampled, this, &LossSurfaceView::showSampledValues);
    connect(model, &DatasetModel::parametersChanged, this, qOverload<>(&QWidget::update));
}

void LossSurfaceView::setRanges(const ParameterRange &wRange, const ParameterRange &bRange)
{
    m_wRange = wRange;
    m_bRange = bRange;
    resample();
}

void LossSurfaceView::setTrails(const std::vector<RacerTrail> &trails)
{
    m_trails = trails;
    update();
}

std::vector<QPointF> LossSurfaceView::trajectory() const
{
    std::vector<QPointF> points;
    if (m_trails.empty())
        return points;
    for (const TrainingStep &state : m_trails.front().steps)
        points.emplace_back(state.w, state.b);
    return points;
}

QPointF LossSurfaceView::parametersAt(int column, int row) const
{
    const double w = m_wRange.minimum
        + (m_wRange.maximum - m_wRange.minimum) * (column + 0.5) / double(m_columns);
    const double b =
        m_bRange.maximum - (m_bRange.maximum - m_bRange.minimum) * (row + 0.5) / double(m_rows);
    return {w, b};
}

double LossSurfaceView::sampledLoss(int column, int row) const
{
    const std::size_t at = std::size_t(row) * std::size_t(m_columns) + std::size_t(column);
    return at < m_values.size() ? m_values[at] : qQNaN();
}

QPointF LossSurfaceView::positionOf(double w, double b) const
{
    const QRectF plot = plotRect();
    const double x = (w - m_wRange.minimum) / (m_wRange.maximum - m_wRange.minimum);
    const double y = (m_bRange.maximum - b) / (m_bRange.maximum - m_bRange.minimum);
    return {plot.left() + x * plot.width(), plot.top() + y * plot.height()};
}

QPointF LossSurfaceView::parametersAtPosition(const QPointF &position) const
{
    const QRectF plot = plotRect();
    const double x = (position.x() - plot.left()) / plot.width();
    const double y = (position.y() - plot.top()) / plot.height();
    return {m_wRange.minimum + x * (m_wRange.maximum - m_wRange.minimum),
            m_bRange.maximum - y * (m_bRange.maximum - m_bRange.minimum)};
}

void LossSurfaceView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        resample();
}

void LossSurfaceView::resample()
{
    // Hidden behind another tab, the map is brought up to date when it is shown again.
    m_stale = !isVisible();
    if (m_stale)
        return;
    const Dataset &data = m_model->trainingData();
    Objective objective = m_model->objective();
    objective.model = ModelKind::Line;
    std::vector<double> ws;
    std::vector<double> bs;
    for (int column = 0; column < m_columns; ++column)
        ws.push_back(parametersAt(column, 0).x());
    for (int row = 0; row < m_rows; ++row)
        bs.push_back(parametersAt(0, row).y());
    if (LossSampler::isCheap(data, objective, ws.size() * bs.size())) {
        m_sampler->cancel();
        showValues(LossSampler::sample(data, objective, ws, bs));
    } else {
        m_sampler->request(data, objective, std::move(ws), std::move(bs));
    }
}

bool LossSurfaceView::isSampling() const
{
    return m_sampler->isBusy();
}

void LossSurfaceView::showSampledValues()
{
    if (auto grid = m_sampler->takeResult())
        showValues(std::move(grid->losses));
}

void LossSurfaceView::showValues(std::vector<double> values)
{
    m_values = std::move(values);
    double low = qInf();
    double high = -qInf();
    for (const double loss : m_values) {
        if (std::isfinite(loss)) {
            low = std::min(low, loss);
            high = std::max(high, loss);
        }
    }

    // Colours and contour levels on a square-root scale of the sampled range, which spreads
    // the valley; a flat surface (or nothing finite) gets one colour and no contours.
    m_image = QImage(m_columns, m_rows, QImage::Format_RGB32);
    m_levels.clear();
    const bool flat = !(high > low);
    for (int row = 0; row < m_rows; ++row) {
        for (int column = 0; column < m_columns; ++column) {
            const double loss = sampledLoss(column, row);
            const double t = flat || !std::isfinite(loss) ? (std::isfinite(loss) ? 0.0 : 1.0)
                                                          : std::sqrt((loss - low) / (high - low));
            m_image.setPixelColor(column, row, rampColor(t));
        }
    }
    if (!flat) {
        for (int k = 1; k <= contourLevels; ++k) {
            const double t = double(k) / double(contourLevels + 1);
            m_levels.push_back(low + t * t * (high - low));
        }
    }
    update();
}

QRectF LossSurfaceView::plotRect() const
{
    return QRectF(margin, 8, width() - margin - 12, height() - 8 - margin);
}

QList<QLineF> LossSurfaceView::contourSegments(double level) const
{
    // Marching squares over the cell centres; each cell contributes at most two segments.
    QList<QLineF> segments;
    const auto crossing = [&](int c0, int r0, int c1, int r1) {
        const double v0 = sampledLoss(c0, r0);
        const double v1 = sampledLoss(c1, r1);
        // A loss too large to represent lies beyond every level: the crossing is at the other.
        const double f = !std::isfinite(v0) ? 1.0
            : !std::isfinite(v1)            ? 0.0
                                            : (level - v0) / (v1 - v0);
        const QPointF a = positionOf(parametersAt(c0, r0).x(), parametersAt(c0, r0).y());
        const QPointF b = positionOf(parametersAt(c1, r1).x(), parametersAt(c1, r1).y());
        return a + f * (b - a);
    };
    for (int row = 0; row + 1 < m_rows; ++row) {
        for (int column = 0; column + 1 < m_columns; ++column) {
            const bool tl = sampledLoss(column, row) > level;
            const bool tr = sampledLoss(column + 1, row) > level;
            const bool br = sampledLoss(column + 1, row + 1) > level;
            const bool bl = sampledLoss(column, row + 1) > level;
            QList<QPointF> points;
            if (tl != tr)
                points.append(crossing(column, row, column + 1, row));
            if (tr != br)
                points.append(crossing(column + 1, row, column + 1, row + 1));
            if (br != bl)
                points.append(crossing(column + 1, row + 1, column, row + 1));
            if (bl != tl)
                points.append(crossing(column, row + 1, column, row));
            if (points.size() >= 2)
                segments.append(QLineF(points[0], points[1]));
            if (points.size() == 4)
                segments.append(QLineF(points[2], points[3]));
        }
    }
    return segments;
}

void LossSurfaceView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    const QRectF plot = plotRect();
    if (plot.width() < 10 || plot.height() < 10 || m_image.isNull())
        return;

    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(plot, m_image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(plot);
    painter.setPen(QPen(QColor(255, 255, 255, 140), 1.0));
    for (double level : m_levels)
        painter.drawLines(contourSegments(level));

    // The optimum of the MSE, the trajectory and the current (w, b).
    QString note;
    if (m_model->objective().loss == LossKind::Mse) {
        const auto fit = MseLoss::lineOptimum(m_model->trainingData());
        if (fit && std::isfinite(fit->w) && std::isfinite(fit->b)) {
            painter.setPen(QPen(Qt::black, 2));
            painter.setBrush(Qt::white);
            const QPointF at = positionOf(fit->w, fit->b);
            painter.drawRect(QRectF(at - QPointF(5, 5), QSizeF(10, 10)));
            if (!fit->unique)
                note = tr("No unique optimum (all x are equal): every (w, b) on the valley's "
                          "floor fits; the shortest is marked.");
        }
    }
    painter.setBrush(Qt::NoBrush);
    // Racers in reverse, so that the chosen optimizer's path is drawn on top.
    for (auto it = m_trails.rbegin(); it != m_trails.rend(); ++it) {
        const RacerTrail &trail = *it;
        if (trail.steps.size() < 2)
            continue;
        QPainterPath path(positionOf(trail.steps.front().w, trail.steps.front().b));
        for (const TrainingStep &state : trail.steps)
            path.lineTo(positionOf(state.w, state.b));
        painter.setPen(QPen(RacerStyle::color(trail.kind), 2));
        painter.drawPath(path);
    }
    painter.setPen(QPen(Qt::white, 2));
    painter.setBrush(Qt::black);
    painter.drawEllipse(positionOf(m_model->w(), m_model->b()), 6, 6);
    if (!note.isEmpty()) {
        const QRectF box(plot.left() + 6, plot.top() + 6, plot.width() - 12, 34);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 210));
        painter.drawRect(box);
        painter.setPen(Qt::black);
        painter.drawText(box.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::TextWordWrap, note);
    }
    painter.setClipping(false);

    // A legend when optimizers race.
    if (m_trails.size() > 1) {
        QPointF at = plot.topRight() + QPointF(-150, 6);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 200));
        painter.drawRect(QRectF(at - QPointF(4, 2), QSizeF(148, 16.0 * m_trails.size() + 4)));
        for (const RacerTrail &trail : m_trails) {
            painter.setPen(QPen(RacerStyle::color(trail.kind), 3));
            painter.drawLine(at + QPointF(0, 8), at + QPointF(16, 8));
            painter.setPen(Qt::black);
            painter.drawText(QRectF(at + QPointF(22, 0), QSizeF(124, 16)), Qt::AlignVCenter,
                             Optimizer::title(trail.kind));
            at += QPointF(0, 16);
        }
    }

    // Axes: the ranges' ends and names.
    painter.setPen(palette().windowText().color());
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
    const auto label = [](double value) {
        return LocaleNumber::readable(value, 4);
    };
    painter.drawText(QRectF(plot.left(), plot.bottom() + 4, 80, 16), Qt::AlignLeft,
                     label(m_wRange.minimum));
    painter.drawText(QRectF(plot.right() - 80, plot.bottom() + 4, 80, 16), Qt::AlignRight,
                     label(m_wRange.maximum));
    painter.drawText(QRectF(plot.left(), plot.bottom() + 4, plot.width(), 32), Qt::AlignHCenter,
                     tr("w"));
    painter.drawText(QRectF(0, plot.top(), margin - 4, 16), Qt::AlignRight,
                     label(m_bRange.maximum));
    painter.drawText(QRectF(0, plot.bottom() - 16, margin - 4, 16), Qt::AlignRight,
                     label(m_bRange.minimum));
    painter.drawText(QRectF(0, plot.center().y() - 8, margin - 4, 16), Qt::AlignRight, tr("b"));
}

void LossSurfaceView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !plotRect().contains(event->position()))
        return QWidget::mousePressEvent(event);
    const QPointF picked = parametersAtPosition(event->position());
    Q_EMIT parametersPicked(picked.x(), picked.y());
}
