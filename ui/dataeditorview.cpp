#include "dataeditorview.h"

#include "chartstyle.h"
#include "datasetmodel.h"
#include "numberformat.h"
#include "pointlayer.h"
#include "residuallayer.h"

#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {

// A padded range for values in [low, high], stretched to include 0 when 0 is no farther away
// than the data's own span (the line y = w·x goes through the origin).
std::pair<double, double> paddedRange(double low, double high)
{
    // Reach 0 when it is not far off (within 2.5 spans): the line y = w·x goes through the
    // origin, and a residual is easier to read when the axis shows where 0 is.
    // Spans are taken in halves: high − low itself overflows for data near ±DBL_MAX.
    const double reach = 5.0 * (high / 2.0 - low / 2.0);
    const bool fromZero = low >= 0.0 && low <= reach;
    const bool toZero = high <= 0.0 && -high <= reach;
    if (fromZero)
        low = 0.0;
    if (toZero)
        high = 0.0;
    if (!(high > low)) // every value the same (all x = 0, one point): centre it
        return {low - std::max(1.0, std::fabs(low)), high + std::max(1.0, std::fabs(high))};
    // An axis that starts at 0 stays there; the other ends get a margin for the markers.
    const double pad = 0.16 * (high / 2.0 - low / 2.0);
    return {fromZero ? low : low - pad, toZero ? high : high + pad};
}

} // namespace

DataEditorView::DataEditorView(DatasetModel *model, QWidget *parent)
    : QChartView(ChartStyle::newChart(), parent)
    , m_model(model)
    , m_axisX(new QValueAxis(this))
    , m_axisY(new QValueAxis(this))
    , m_points(new QScatterSeries(this))
    , m_selection(new QScatterSeries(this))
    , m_line(new QLineSeries(this))
{
    QChart *chart = this->chart();
    ChartStyle::fitToView(this);
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setToolTip(tr("Drag a point to move it, click empty space to add one, right-click a point "
                  "to remove it"));

    m_line->setName(tr("model"));
    m_line->setPen(ChartStyle::modelPen());
    m_points->setName(tr("data"));
    ChartStyle::stylePoints(m_points, ChartStyle::dataColor(), 11);
    m_selection->setName(tr("selected"));
    ChartStyle::stylePoints(m_selection, ChartStyle::selectionColor(), 16);

    m_axisX->setTitleText(tr("x"));
    m_axisX->setLabelFormat(QStringLiteral("%.6g"));
    m_axisY->setLabelFormat(QStringLiteral("%.6g"));
    m_axisY->setTitleText(tr("y"));
    chart->addAxis(m_axisX, Qt::AlignBottom);
    chart->addAxis(m_axisY, Qt::AlignLeft);
    for (QXYSeries *series :
         {static_cast<QXYSeries *>(m_line), static_cast<QXYSeries *>(m_selection),
          static_cast<QXYSeries *>(m_points)}) {
        chart->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
    }
    chart->legend()->markers(m_selection).first()->setVisible(false);
    ChartStyle::applyPalette(chart, palette());

    // The points above every series (the selection ring and the line among them), the
    // residuals below, where the path of segments used to be.
    m_pointLayer = new PointLayer(&model->dataset(), chart);
    m_pointLayer->setColor(ChartStyle::dataColor());
    m_pointLayer->setMarkerSize(m_points->markerSize());
    m_pointLayer->setZValue(chart->legend()->zValue() - 1);
    m_residuals = new ResidualLayer(m_pointLayer, chart);
    m_residuals->setZValue(chart->zValue() + 1);
    m_residuals->setPrediction([model](double x) { return model->predict(x); });

    connect(model, &DatasetModel::pointMoved, this, &DataEditorView::handlePointMoved);
    connect(model, &DatasetModel::pointsChanged, this, &DataEditorView::updatePoints);
    connect(model, &DatasetModel::datasetReplaced, this, &DataEditorView::fitAxes);
    // An undo in the middle of a drag may take the dragged point away; the drag ends there.
    connect(model, &DatasetModel::rowsRemoved, this, [this] { m_dragRow = -1; });
    connect(model, &DatasetModel::rowsInserted, this, [this] { m_dragRow = -1; });
    connect(model, &DatasetModel::modelReset, this, [this] { m_dragRow = -1; });
    connect(model, &DatasetModel::parametersChanged, this, &DataEditorView::updateModelLine);
    connect(chart, &QChart::plotAreaChanged, this, &DataEditorView::updateResiduals);
    connect(m_axisX, &QValueAxis::rangeChanged, this, &DataEditorView::updateModelLine);
    connect(m_axisY, &QValueAxis::rangeChanged, this, &DataEditorView::updateFrame);

    fitAxes();
    updatePoints();
}

void DataEditorView::fitAxes()
{
    const Dataset &data = m_model->dataset();
    double xLow = 0.0, xHigh = 4.0, yLow = 0.0, yHigh = 8.0;
    if (!data.isEmpty()) {
        const auto [xMin, xMax] = std::minmax_element(data.xs().begin(), data.xs().end());
        const auto [yMin, yMax] = std::minmax_element(data.ys().begin(), data.ys().end());
        std::tie(xLow, xHigh) = paddedRange(*xMin, *xMax);
        std::tie(yLow, yHigh) = paddedRange(*yMin, *yMax);
    }
    m_axisX->setTitleText(m_model->xLabel());
    m_axisY->setTitleText(m_model->yLabel());
    ChartStyle::setValueRange(m_axisX, xLow, xHigh);
    ChartStyle::setValueRange(m_axisY, yLow, yHigh);
    setSelectedRow(-1);
}

QPointF DataEditorView::positionOf(const QPointF &value) const
{
    // QGraphicsView::mapFromScene() rounds to whole pixels; the transform itself does not.
    const QPointF inChart = chart()->mapToPosition(value, m_points);
    return viewportTransform().map(chart()->mapToScene(inChart));
}

QPointF DataEditorView::pointPosition(int row) const
{
    const Dataset &data = m_model->dataset();
    return positionOf(QPointF(data.x(std::size_t(row)), data.y(std::size_t(row))));
}

void DataEditorView::mousePressEvent(QMouseEvent *event)
{
    // Kept fractional: on a scaled screen a device pixel is part of a logical one (though Qt
    // 6.4 itself rounds a widget's mouse position to whole logical pixels).
    const QPointF position = event->position();
    const int row = rowAt(position);
    if (event->button() == Qt::RightButton && row >= 0) {
        m_model->removePoint(row);
        setSelectedRow(-1);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return QChartView::mousePressEvent(event);

    if (row >= 0) {
        setSelectedRow(row);
        m_dragRow = row;
        m_dragGesture = m_model->newGesture();
        setCursor(Qt::ClosedHandCursor);
    } else if (isInPlotArea(position)) {
        const QPointF value = valueAt(position);
        setSelectedRow(m_model->addPoint(value.x(), value.y()));
    }
}

void DataEditorView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF position = event->position();
    if (m_dragRow >= 0) {
        const QPointF value = valueAt(position);
        m_model->setPoint(m_dragRow, value.x(), value.y(), m_dragGesture);
        return;
    }
    if (rowAt(position) >= 0)
        setCursor(Qt::OpenHandCursor);
    else
        setCursor(isInPlotArea(position) ? Qt::CrossCursor : Qt::ArrowCursor);
    QChartView::mouseMoveEvent(event);
}

void DataEditorView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragRow >= 0 && event->button() == Qt::LeftButton) {
        m_dragRow = -1;
        setCursor(Qt::OpenHandCursor);
        return;
    }
    QChartView::mouseReleaseEvent(event);
}

void DataEditorView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace)
        && m_selectedRow >= 0) {
        m_model->removePoint(m_selectedRow);
        setSelectedRow(-1);
        return;
    }
    QChartView::keyPressEvent(event);
}

void DataEditorView::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        ChartStyle::applyPalette(chart(), palette());
}

void DataEditorView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    updateResiduals();
}

void DataEditorView::updatePoints()
{
    // A moved point was drawn already; anything else redraws them all.
    if (!m_pointMoved)
        m_pointLayer->invalidate();
    m_pointMoved = false;
    if (m_selectedRow >= int(m_model->dataset().size()))
        m_selectedRow = -1;
    setSelectedRow(m_selectedRow);
    updateResiduals();
}

void DataEditorView::handlePointMoved(int row, const QPointF &from)
{
    const Dataset &data = m_model->dataset();
    updateFrame();
    m_pointLayer->movePoint(from, QPointF(data.x(std::size_t(row)), data.y(std::size_t(row))));
    m_pointMoved = true;
}

void DataEditorView::updateFrame()
{
    PointLayer::Frame frame;
    frame.plotArea = chart()->plotArea();
    frame.xMin = m_axisX->min();
    frame.xMax = m_axisX->max();
    frame.yMin = m_axisY->min();
    frame.yMax = m_axisY->max();
    frame.ratio = devicePixelRatioF();
    m_pointLayer->setFrame(frame);
}

void DataEditorView::updateModelLine()
{
    // A line whose ends are too large to represent is not drawn (no axis can show it).
    const QPointF left(m_axisX->min(), m_model->predict(m_axisX->min()));
    const QPointF right(m_axisX->max(), m_model->predict(m_axisX->max()));
    if (std::isfinite(left.y()) && std::isfinite(right.y()))
        m_line->replace({left, right});
    else
        m_line->clear();
    updateResiduals();
}

void DataEditorView::updateResiduals()
{
    updateFrame();
    m_residuals->update();
}

void DataEditorView::setSelectedRow(int row)
{
    m_selectedRow = row;
    const Dataset &data = m_model->dataset();
    if (row >= 0 && row < int(data.size()))
        m_selection->replace({QPointF(data.x(std::size_t(row)), data.y(std::size_t(row)))});
    else
        m_selection->clear();
}

int DataEditorView::rowAt(const QPointF &position) const
{
    // Only points inside the box of the hit radius around `position` can be hit: comparing
    // values against that box first costs a million points about a millisecond.
    const QRectF plot = chart()->plotArea();
    const QPointF inChart = chart()->mapFromScene(viewportTransform().inverted().map(position));
    const double reach = hitRadius + 1.0;
    const double perPixelX = (m_axisX->max() - m_axisX->min()) / plot.width();
    const double perPixelY = (m_axisY->max() - m_axisY->min()) / plot.height();
    const double xCentre = m_axisX->min() + (inChart.x() - plot.left()) * perPixelX;
    const double yCentre = m_axisY->max() - (inChart.y() - plot.top()) * perPixelY;
    const double xLow = xCentre - reach * perPixelX, xHigh = xCentre + reach * perPixelX;
    const double yLow = yCentre - reach * perPixelY, yHigh = yCentre + reach * perPixelY;
    const bool boxed =
        std::isfinite(xLow) && std::isfinite(xHigh) && std::isfinite(yLow) && std::isfinite(yHigh);

    const std::vector<double> &xs = m_model->dataset().xs();
    const std::vector<double> &ys = m_model->dataset().ys();
    int nearest = -1;
    double nearestDistance = hitRadius;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (boxed && !(xs[i] >= xLow && xs[i] <= xHigh && ys[i] >= yLow && ys[i] <= yHigh))
            continue;
        const QPointF delta = pointPosition(int(i)) - position;
        const double distance = std::hypot(delta.x(), delta.y());
        if (distance <= nearestDistance) {
            nearest = int(i);
            nearestDistance = distance;
        }
    }
    return nearest;
}

QPointF DataEditorView::valueAt(const QPointF &position) const
{
    // Rounded to what a pixel can tell apart, so that a placed point reads 2.01, not
    // 2.000965095705324: to a quarter of a pixel or finer, because the position itself may
    // already be half a logical pixel off the cursor (Qt rounds it), and the point must land
    // within a pixel of the cursor.
    const QPointF inChart = chart()->mapFromScene(viewportTransform().inverted().map(position));
    const QPointF value = chart()->mapToValue(inChart, m_points);
    const QPointF quarterPixel = chart()->mapToValue(inChart + QPointF(0.25, 0.25), m_points);
    const auto snap = [](double v, double resolution) {
        resolution = std::fabs(resolution);
        if (!(resolution > 0.0) || !std::isfinite(resolution))
            return v;
        const int decimals = int(-std::floor(std::log10(resolution)));
        if (decimals > 0)
            return NumberFormat::rounded(v, decimals);
        const double unit = std::pow(10.0, -decimals);
        return std::round(v / unit) * unit;
    };
    return {snap(value.x(), quarterPixel.x() - value.x()),
            snap(value.y(), quarterPixel.y() - value.y())};
}

bool DataEditorView::isInPlotArea(const QPointF &position) const
{
    return chart()->plotArea().contains(
        chart()->mapFromScene(viewportTransform().inverted().map(position)));
}
