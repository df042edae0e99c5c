#include "pngwriter.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

// The screenshot's file: a PNG that reads back as exactly the pixels written.
class TestPngWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opaqueImageReadsBackUnchanged_data();
    void opaqueImageReadsBackUnchanged();
    void translucentImageKeepsItsAlpha();
    void refusals();
};

namespace {

// Smooth areas, lines and noise, so that rows differ and deflate sees both runs and entropy.
QImage testImage(int width, int height, QImage::Format format)
{
    QImage image(width, height, format);
    image.setDotsPerMeterX(3780 + width % 100);
    image.setDotsPerMeterY(3780 + height % 100);
    QRandomGenerator random(width * 7919 + height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int noise = int(random.bounded(256));
            const QRgb pixel = x % 17 == 0 ? qRgb(noise, 255 - noise, noise / 2)
                                           : qRgb(x % 256, y % 256, (x + y) % 256);
            image.setPixel(x, y, pixel);
        }
    }
    return image;
}

} // namespace

void TestPngWriter::opaqueImageReadsBackUnchanged_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("format");
    QTest::newRow("one pixel") << 1 << 1 << int(QImage::Format_RGB32);
    QTest::newRow("window") << 1280 << 820 << int(QImage::Format_RGB32);
    // Noise enough to fill the writer's buffer many times over.
    QTest::newRow("tall") << 37 << 5000 << int(QImage::Format_RGB32);
    QTest::newRow("RGB888") << 300 << 200 << int(QImage::Format_RGB888);
}

void TestPngWriter::opaqueImageReadsBackUnchanged()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, format);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shot.png"));
    const QImage image = testImage(width, height, QImage::Format(format));
    QVERIFY(PngWriter::write(image, path));
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    const QImage read = reader.read();
    QVERIFY2(!read.isNull(), qPrintable(reader.errorString()));
    QVERIFY(!read.hasAlphaChannel());
    QCOMPARE(read.size(), image.size());
    QCOMPARE(read.dotsPerMeterX(), image.dotsPerMeterX());
    QCOMPARE(read.dotsPerMeterY(), image.dotsPerMeterY());
    QCOMPARE(read.convertToFormat(QImage::Format_RGB32),
             image.convertToFormat(QImage::Format_RGB32));
}

void TestPngWriter::translucentImageKeepsItsAlpha()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("translucent.png"));
    QImage image = testImage(64, 48, QImage::Format_ARGB32);
    image.setPixel(3, 4, qRgba(10, 20, 30, 40));
    QVERIFY(PngWriter::write(image, path));
    const QImage read(path);
    QVERIFY(read.hasAlphaChannel());
    QCOMPARE(read.convertToFormat(QImage::Format_ARGB32), image);
}

void TestPngWriter::refusals()
{
    QTemporaryDir dir;
    QVERIFY(!PngWriter::write(QImage(), dir.filePath(QStringLiteral("null.png"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("null.png"))));
    const QImage image = testImage(8, 8, QImage::Format_RGB32);
    QVERIFY(!PngWriter::write(image, dir.filePath(QStringLiteral("missing/shot.png"))));
}

QTEST_GUILESS_MAIN(TestPngWriter)
#include "tst_pngwriter.moc"
