#include "pointraster.h"

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QTest>

#include <cmath>
#include <limits>

// The data editor's level of detail: which pixels a set of points lights, each column's
// extent for the residuals, and the discs drawn around lit pixels.
class TestPointRaster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pixelsLitByKnownPoints();
    void pointsOutsideTheGrid();
    void removingRestoresTheCounts();
    void columnExtents();
    void changedRectangle();
    void discAroundOnePixel_data();
    void discAroundOnePixel();
    void discsOfTwoPoints();
    void aBatchDrawsWhatSingleAddsDraw();
};

namespace {

PointRaster raster(int width, int height, double radius = 2.0)
{
    PointRaster result;
    result.reset(QSize(width, height), radius);
    return result;
}

QImage paintedMarkers(const PointRaster &raster, const QColor &color = Qt::blue)
{
    QImage image(raster.imageSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::red); // every pixel must be written
    raster.paintMarkers(&image, image.rect(), color);
    return image;
}

} // namespace

void TestPointRaster::pixelsLitByKnownPoints()
{
    PointRaster grid = raster(10, 8);
    // Pixel (i, j) covers [i, i + 1) × [j, j + 1).
    grid.add(QPointF(2.5, 3.2));
    grid.add(QPointF(2.0, 3.999));
    grid.add(QPointF(9.99, 0.0));
    grid.add(QPointF(0.0, 7.5));
    QCOMPARE(grid.count(2, 3), 2u);
    QCOMPARE(grid.count(9, 0), 1u);
    QCOMPARE(grid.count(0, 7), 1u);
    QCOMPARE(grid.litPixels(), 3);
    QCOMPARE(grid.count(3, 3), 0u);
    QCOMPARE(grid.count(2, 4), 0u);
    QCOMPARE(grid.count(-1, 0), 0u);
    QCOMPARE(grid.count(10, 0), 0u);
}

void TestPointRaster::pointsOutsideTheGrid()
{
    PointRaster grid = raster(10, 8);
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const QPointF &outside :
         {QPointF(10.0, 1.0), QPointF(-0.001, 1.0), QPointF(1e300, 1.0), QPointF(-inf, 1.0),
          QPointF(nan, 1.0), QPointF(1.0, nan), QPointF(inf, inf)}) {
        QVERIFY(grid.add(outside).isEmpty());
    }
    QCOMPARE(grid.litPixels(), 0);
    int top = 0, bottom = 0;
    for (int column = 0; column < 10; ++column)
        QVERIFY(!grid.columnExtent(column, &top, &bottom));

    // Above or below, a point lights nothing but its column's residual reaches the edge.
    QVERIFY(grid.add(QPointF(4.5, -1e300)).isEmpty());
    QVERIFY(grid.add(QPointF(6.5, 8.0)).isEmpty());
    QCOMPARE(grid.litPixels(), 0);
    QVERIFY(grid.columnExtent(4, &top, &bottom));
    QCOMPARE(top, -1);
    QCOMPARE(bottom, -1);
    QVERIFY(grid.columnExtent(6, &top, &bottom));
    QCOMPARE(top, 8);
    QCOMPARE(bottom, 8);
}

void TestPointRaster::removingRestoresTheCounts()
{
    PointRaster grid = raster(10, 8);
    const QList<QPointF> points = {QPointF(1.5, 1.5), QPointF(1.2, 1.7), QPointF(7.1, 6.9),
                                   QPointF(3.0, -2.0)};
    for (const QPointF &point : points)
        grid.add(point);
    QCOMPARE(grid.count(1, 1), 2u);
    grid.remove(points[0]);
    QCOMPARE(grid.count(1, 1), 1u);
    QCOMPARE(grid.litPixels(), 2);
    for (qsizetype i = 1; i < points.size(); ++i)
        grid.remove(points[i]);
    QCOMPARE(grid.litPixels(), 0);
    QCOMPARE(grid.count(1, 1), 0u);
    int top = 0, bottom = 0;
    QVERIFY(!grid.columnExtent(1, &top, &bottom));
    QVERIFY(!grid.columnExtent(3, &top, &bottom));

    // Removing what was never counted changes nothing.
    QVERIFY(grid.remove(QPointF(5.5, 5.5)).isEmpty());
    QCOMPARE(grid.count(5, 5), 0u);
}

void TestPointRaster::columnExtents()
{
    PointRaster grid = raster(4, 10);
    grid.add(QPointF(2.5, 3.5));
    grid.add(QPointF(2.5, 7.5));
    grid.add(QPointF(2.5, 5.5));
    int top = 0, bottom = 0;
    QVERIFY(grid.columnExtent(2, &top, &bottom));
    QCOMPARE(top, 3);
    QCOMPARE(bottom, 7);

    // The extremes go: the column is looked at again.
    grid.remove(QPointF(2.5, 3.5));
    QVERIFY(grid.columnExtent(2, &top, &bottom));
    QCOMPARE(top, 5);
    QCOMPARE(bottom, 7);
    grid.remove(QPointF(2.5, 7.5));
    QVERIFY(grid.columnExtent(2, &top, &bottom));
    QCOMPARE(top, 5);
    QCOMPARE(bottom, 5);

    // A point below the grid takes the bottom to the edge, one above the top.
    grid.add(QPointF(2.5, 12.0));
    QVERIFY(grid.columnExtent(2, &top, &bottom));
    QCOMPARE(top, 5);
    QCOMPARE(bottom, 10);
    grid.add(QPointF(2.5, -0.5));
    QVERIFY(grid.columnExtent(2, &top, &bottom));
    QCOMPARE(top, -1);
    QCOMPARE(bottom, 10);
    QVERIFY(!grid.columnExtent(1, &top, &bottom));
    QVERIFY(!grid.columnExtent(4, &top, &bottom));
}

void TestPointRaster::changedRectangle()
{
    PointRaster grid = raster(20, 20, 2.0);
    // The margin holds a whole disc at the edge: radius 2 → 3 pixels.
    QCOMPARE(grid.margin(), 3);
    QCOMPARE(grid.imageSize(), QSize(26, 26));

    const QRect changed = grid.add(QPointF(10.5, 10.5));
    // Pixel (10, 10) is image pixel (13, 13); every pixel within the disc is inside.
    QVERIFY(changed.contains(QRect(13 - 3, 13 - 3, 7, 7)));
    QVERIFY(QRect(QPoint(0, 0), grid.imageSize()).contains(changed));
    // A second point on a lit pixel changes no marker.
    QVERIFY(grid.add(QPointF(10.1, 10.9)).isEmpty());
    QVERIFY(grid.remove(QPointF(10.1, 10.9)).isEmpty());
    QVERIFY(!grid.remove(QPointF(10.5, 10.5)).isEmpty());

    // At a corner the rectangle is clipped to the image.
    const QRect corner = grid.add(QPointF(0.0, 0.0));
    QCOMPARE(corner.topLeft(), QPoint(0, 0));
}

void TestPointRaster::discAroundOnePixel_data()
{
    // Coverage of a disc of radius r with a one-pixel edge: clamp(r + 0.5 − d, 0, 1) at the
    // distance d between pixel centres.
    QTest::addColumn<QPoint>("offset");
    QTest::addColumn<int>("alpha");
    QTest::newRow("centre") << QPoint(0, 0) << 255;
    QTest::newRow("inside, d = 1") << QPoint(1, 0) << 255;
    QTest::newRow("edge, d = 2") << QPoint(0, -2) << 128;
    QTest::newRow("edge, d = √5 ≈ 2.236") << QPoint(2, 1) << 67; // 0.264 · 255
    QTest::newRow("outside, d = √8 ≈ 2.83") << QPoint(-2, -2) << 0;
    QTest::newRow("outside, d = 3") << QPoint(3, 0) << 0;
    QTest::newRow("far") << QPoint(-3, 3) << 0;
}

void TestPointRaster::discAroundOnePixel()
{
    QFETCH(QPoint, offset);
    QFETCH(int, alpha);
    PointRaster grid = raster(9, 9, 2.0);
    grid.add(QPointF(4.5, 4.5));
    const QImage image = paintedMarkers(grid, QColor(0, 0, 255));
    const QPoint centre(4 + grid.margin(), 4 + grid.margin());
    const QRgb pixel = image.pixel(centre + offset);
    QVERIFY2(std::abs(qAlpha(pixel) - alpha) <= 1,
             qPrintable(QStringLiteral("alpha %1, expected %2").arg(qAlpha(pixel)).arg(alpha)));
    // Premultiplied blue: the blue channel carries the coverage, red and green stay 0.
    QCOMPARE(qRed(pixel), 0);
    QCOMPARE(qGreen(pixel), 0);
    QCOMPARE(qBlue(pixel), qAlpha(pixel));
}

void TestPointRaster::discsOfTwoPoints()
{
    PointRaster grid = raster(30, 10, 1.5);
    grid.add(QPointF(5.5, 5.5));
    grid.add(QPointF(20.5, 5.5));
    const QImage image = paintedMarkers(grid);
    const int m = grid.margin();
    QCOMPARE(qAlpha(image.pixel(5 + m, 5 + m)), 255);
    QCOMPARE(qAlpha(image.pixel(20 + m, 5 + m)), 255);
    QCOMPARE(qAlpha(image.pixel(12 + m, 5 + m)), 0);
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);

    // Moving one point moves its disc; the repainted rectangles are enough.
    QImage moved = image;
    const QRect before = grid.remove(QPointF(20.5, 5.5));
    const QRect after = grid.add(QPointF(12.5, 2.5));
    grid.paintMarkers(&moved, before, Qt::blue);
    grid.paintMarkers(&moved, after, Qt::blue);
    QCOMPARE(moved, paintedMarkers(grid));
    QCOMPARE(qAlpha(moved.pixel(20 + m, 5 + m)), 0);
    QCOMPARE(qAlpha(moved.pixel(12 + m, 2 + m)), 255);
}

void TestPointRaster::aBatchDrawsWhatSingleAddsDraw()
{
    PointRaster single = raster(40, 30, 2.5);
    PointRaster batch = raster(40, 30, 2.5);
    QList<QPointF> points;
    for (int i = 0; i < 200; ++i)
        points.append(QPointF((i * 37 % 430) / 10.0 - 1.0, (i * 53 % 330) / 10.0 - 1.0));
    batch.beginBatch();
    for (const QPointF &point : points) {
        single.add(point);
        batch.add(point);
    }
    batch.remove(points[7]);
    batch.endBatch();
    single.remove(points[7]);
    QCOMPARE(batch.litPixels(), single.litPixels());
    QCOMPARE(paintedMarkers(batch), paintedMarkers(single));
}

QTEST_GUILESS_MAIN(TestPointRaster)
#include "tst_pointraster.moc"
