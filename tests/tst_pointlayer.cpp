#include "pointlayer.h"

#include "dataeditorview.h"
#include "datasetmodel.h"
#include "mainwindow.h"

#include <QChart>
#include <QChartView>
#include <QRandomGenerator>
#include <QScatterSeries>
#include <QTest>
#include <QValueAxis>

#include <memory>

// The data editor's point layer: it puts each point where Qt Charts would, counts the points
// of large data on its raster, and a dragged point leaves the raster as a recount would.
class TestPointLayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void positionsAreQtCharts();
    void rasterCountsEveryPointInThePlot();
    void movedPointMatchesARecount();
    void editorDragsAmongManyPoints();
    void clickHitsAPointAmongMany();
};

namespace {

Dataset scattered(int n, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<double> xs(static_cast<std::size_t>(n));
    std::vector<double> ys(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < xs.size(); ++i) {
        // A few land outside the axes' ranges (−1 to 11 against 0 to 10).
        xs[i] = -1.0 + 12.0 * random.generateDouble();
        ys[i] = -1.0 + 12.0 * random.generateDouble();
    }
    return Dataset(std::move(xs), std::move(ys));
}

// A chart as the editor has one: two value axes from 0 to 10 and a series attached to them.
struct Chart
{
    QChartView view;
    QScatterSeries *series = new QScatterSeries;

    Chart()
    {
        auto *axisX = new QValueAxis;
        auto *axisY = new QValueAxis;
        axisX->setRange(0.0, 10.0);
        axisY->setRange(0.0, 10.0);
        view.chart()->addAxis(axisX, Qt::AlignBottom);
        view.chart()->addAxis(axisY, Qt::AlignLeft);
        view.chart()->addSeries(series);
        series->attachAxis(axisX);
        series->attachAxis(axisY);
        view.resize(537, 411);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
    }

    PointLayer::Frame frame(qreal ratio = 1.0) const
    {
        return {view.chart()->plotArea(), 0.0, 10.0, 0.0, 10.0, ratio};
    }
};

} // namespace

void TestPointLayer::positionsAreQtCharts()
{
    Chart chart;
    const Dataset data = scattered(200, 1);
    PointLayer layer(&data);
    layer.setFrame(chart.frame());
    for (std::size_t i = 0; i < data.size(); ++i) {
        const QPointF value(data.x(i), data.y(i));
        const QPointF expected = chart.view.chart()->mapToPosition(value, chart.series);
        const QPointF actual = layer.positionOf(value);
        QVERIFY2(std::abs(actual.x() - expected.x()) < 1e-9
                     && std::abs(actual.y() - expected.y()) < 1e-9,
                 qPrintable(QStringLiteral("point %1").arg(i)));
    }
}

void TestPointLayer::rasterCountsEveryPointInThePlot()
{
    Chart chart;
    const Dataset data = scattered(5000, 2);
    PointLayer layer(&data);
    QVERIFY(!layer.isExact());
    for (const qreal ratio : {1.0, 1.5, 2.0}) {
        layer.setFrame(chart.frame(ratio));
        layer.refresh();
        const PointRaster &raster = layer.raster();
        const QRectF plot = chart.view.chart()->plotArea();
        QCOMPARE(
            raster.size(),
            QSize(int(std::ceil(plot.width() * ratio)), int(std::ceil(plot.height() * ratio))));

        // Counted by hand from Qt's own mapping, pixel by pixel.
        std::vector<std::uint32_t> expected(std::size_t(raster.size().width())
                                            * std::size_t(raster.size().height()));
        for (std::size_t i = 0; i < data.size(); ++i) {
            const QPointF position =
                chart.view.chart()->mapToPosition(QPointF(data.x(i), data.y(i)), chart.series);
            const QPointF pixel = (position - plot.topLeft()) * ratio;
            if (pixel.x() < 0.0 || pixel.y() < 0.0 || pixel.x() >= raster.size().width()
                || pixel.y() >= raster.size().height()) {
                continue;
            }
            ++expected[std::size_t(int(pixel.y())) * std::size_t(raster.size().width())
                       + std::size_t(int(pixel.x()))];
        }
        std::uint32_t counted = 0;
        for (int row = 0; row < raster.size().height(); ++row) {
            for (int column = 0; column < raster.size().width(); ++column) {
                const std::uint32_t count = raster.count(column, row);
                QCOMPARE(count,
                         expected[std::size_t(row) * std::size_t(raster.size().width())
                                  + std::size_t(column)]);
                counted += count;
            }
        }
        // About (10/12)² of the points fall inside the axes.
        QVERIFY(counted > 3000 && counted < 4000);
    }
}

void TestPointLayer::movedPointMatchesARecount()
{
    Chart chart;
    Dataset data = scattered(3000, 3);
    PointLayer layer(&data);
    layer.setFrame(chart.frame(1.25));
    layer.refresh();
    QRandomGenerator random(4);
    for (int move = 0; move < 200; ++move) {
        const auto row = std::size_t(random.bounded(int(data.size())));
        const QPointF from(data.x(row), data.y(row));
        const QPointF to(-1.0 + 12.0 * random.generateDouble(),
                         -1.0 + 12.0 * random.generateDouble());
        data.setPoint(row, to.x(), to.y());
        layer.movePoint(from, to);
    }
    PointLayer recount(&data);
    recount.setFrame(chart.frame(1.25));
    recount.refresh();
    const QSize size = layer.raster().size();
    QCOMPARE(size, recount.raster().size());
    for (int row = 0; row < size.height(); ++row) {
        for (int column = 0; column < size.width(); ++column)
            QCOMPARE(layer.raster().count(column, row), recount.raster().count(column, row));
    }
    for (int column = 0; column < size.width(); ++column) {
        int top = 0, bottom = 0, expectedTop = 0, expectedBottom = 0;
        const bool has = layer.raster().columnExtent(column, &top, &bottom);
        QCOMPARE(has, recount.raster().columnExtent(column, &expectedTop, &expectedBottom));
        if (has) {
            QCOMPARE(top, expectedTop);
            QCOMPARE(bottom, expectedBottom);
        }
    }
}

void TestPointLayer::editorDragsAmongManyPoints()
{
    // Through the window: a drag of one of 5000 points is drawn where the point went, and the
    // picture equals that of the same data loaded afresh.
    MainWindow window;
    window.resize(1280, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Dataset data = scattered(5000, 5);
    // The moved points are none of the extremes, so the fresh window fits the same axes.
    for (std::size_t i = 0; i < 20; ++i)
        data.setPoint(i, 5.0, 5.0);
    window.setDataset(data, QStringLiteral("test"));
    DataEditorView *editor = window.dataEditor();
    editor->grab(); // counted and drawn before the drag, which then updates the raster
    for (int i = 0; i < 20; ++i)
        window.model()->setPoint(i, 1.0 + 0.2 * i, 2.0 + 0.1 * i);
    const QImage dragged = editor->grab().toImage();

    for (int i = 0; i < 20; ++i)
        data.setPoint(std::size_t(i), 1.0 + 0.2 * i, 2.0 + 0.1 * i);
    MainWindow fresh;
    fresh.resize(1280, 820);
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    fresh.setDataset(data, QStringLiteral("test"));
    // The same axes: they are fitted to the data at load, not while dragging.
    QCOMPARE(fresh.dataEditor()->positionOf(QPointF(1.0, 2.0)),
             editor->positionOf(QPointF(1.0, 2.0)));
    QCOMPARE(dragged, fresh.dataEditor()->grab().toImage());
}

void TestPointLayer::clickHitsAPointAmongMany()
{
    MainWindow window;
    window.resize(1280, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Dataset data = scattered(20000, 6);
    // One point alone in a corner, the nearest to the click by far.
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (std::abs(data.x(i) - 0.05) < 0.5 && std::abs(data.y(i) - 10.5) < 0.5)
            data.setPoint(i, 5.0, 5.0);
    }
    data.setPoint(12345, 0.05, 10.5);
    window.setDataset(data, QStringLiteral("test"));
    DataEditorView *editor = window.dataEditor();
    const QPoint at = editor->pointPosition(12345).toPoint();
    QTest::mouseClick(editor->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(editor->selectedRow(), 12345);
    QCOMPARE(window.model()->rowCount(), 20000);
}

QTEST_MAIN(TestPointLayer)
#include "tst_pointlayer.moc"
