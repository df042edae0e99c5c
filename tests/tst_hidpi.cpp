#include "chartstyle.h"
#include "dataeditorview.h"
#include "datasetmodel.h"
#include "mainwindow.h"

#include <QChart>
#include <QImage>
#include <QLineF>
#include <QPixmap>
#include <QTest>
#include <QWindow>

#include <cmath>
#include <memory>

// The data editor under a scale factor: CTest runs this suite with QT_SCALE_FACTOR 1, 1.25,
// 1.5 and 2. The mouse is driven through the window as the platform delivers it, at whole
// device pixels, which are fractions of a logical pixel; Qt 6.4 rounds them to whole logical
// pixels on the way to the widget, so up to half a pixel of the tolerance is spent there.
class TestHiDpi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void scaleFactorIsApplied();
    void dragLandsUnderTheCursor_data();
    void dragLandsUnderTheCursor();
    void clickHitsThePointAsDrawn();
    void clickBesideAPointAddsOne();

private:
    // A device pixel of the editor's viewport, in the viewport's logical coordinates.
    QPointF devicePixel(const QPointF &logical) const;
    void press(const QPointF &position, Qt::MouseButton button = Qt::LeftButton);
    void move(const QPointF &position, Qt::MouseButtons buttons = Qt::LeftButton);
    void release(const QPointF &position, Qt::MouseButton button = Qt::LeftButton);
    void send(QEvent::Type type, const QPointF &position, Qt::MouseButton button,
              Qt::MouseButtons buttons);

    std::unique_ptr<MainWindow> m_window;
    ulong m_timestamp = 0;
};

namespace {

double requestedScale()
{
    const QByteArray factor = qgetenv("QT_SCALE_FACTOR");
    return factor.isEmpty() ? 1.0 : factor.toDouble();
}

// Within one logical pixel, the tolerance the window promises.
bool withinAPixel(const QPointF &a, const QPointF &b)
{
    return QLineF(a, b).length() <= 1.0;
}

QString text(const QPointF &p)
{
    return QStringLiteral("(%1, %2)").arg(p.x(), 0, 'f', 3).arg(p.y(), 0, 'f', 3);
}

} // namespace

void TestHiDpi::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestHiDpi::scaleFactorIsApplied()
{
    // The offscreen platform honours QT_SCALE_FACTOR; were it ignored, this suite would test
    // nothing beyond scale 1.
    QCOMPARE(m_window->devicePixelRatioF(), requestedScale());
    QCOMPARE(m_window->dataEditor()->viewport()->grab().devicePixelRatio(), requestedScale());
}

QPointF TestHiDpi::devicePixel(const QPointF &logical) const
{
    const double scale = m_window->devicePixelRatioF();
    return {std::round(logical.x() * scale) / scale, std::round(logical.y() * scale) / scale};
}

void TestHiDpi::send(QEvent::Type type, const QPointF &position, Qt::MouseButton button,
                     Qt::MouseButtons buttons)
{
    // qt_handleMouseEvent() scales the logical position to device pixels and hands it to Qt
    // as the platform would; the timestamps are far apart so that no click is a double click.
    QWindow *window = m_window->windowHandle();
    const QPointF local =
        m_window->dataEditor()->viewport()->mapTo(m_window.get(), QPointF(0, 0)) + position;
    m_timestamp += 1000;
    qt_handleMouseEvent(window, local, window->mapToGlobal(local), buttons, button, type,
                        Qt::NoModifier, int(m_timestamp));
    QCoreApplication::processEvents();
}

void TestHiDpi::press(const QPointF &position, Qt::MouseButton button)
{
    send(QEvent::MouseButtonPress, position, button, button);
}

void TestHiDpi::move(const QPointF &position, Qt::MouseButtons buttons)
{
    send(QEvent::MouseMove, position, Qt::NoButton, buttons);
}

void TestHiDpi::release(const QPointF &position, Qt::MouseButton button)
{
    send(QEvent::MouseButtonRelease, position, button, Qt::NoButton);
}

void TestHiDpi::dragLandsUnderTheCursor_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("lesson") << QString();
    QTest::newRow("gapminder") << QStringLiteral("gapminder-health-income.csv");
}

void TestHiDpi::dragLandsUnderTheCursor()
{
    QFETCH(QString, file);

    if (!file.isEmpty()) {
        QString error;
        QVERIFY2(m_window->openFile(QStringLiteral(LOSSLAB_TEST_DATA "/") + file, QString(),
                                    QString(), false, &error),
                 qPrintable(error));
    }
    DataEditorView *editor = m_window->dataEditor();
    const QRectF plot = editor->chart()->plotArea();
    const int row = 0;
    const int rows = m_window->model()->rowCount();

    // Targets spread over the plot area at every fraction of a pixel (steps of the golden
    // ratio), each reached in a few moves from wherever the point is and let go there.
    double fx = 0.5, fy = 0.5;
    for (int target = 0; target < 40; ++target) {
        fx = std::fmod(fx + 0.6180339887, 1.0);
        fy = std::fmod(fy + 0.7548776662, 1.0);
        const QPointF to = devicePixel(
            plot.topLeft()
            + QPointF((0.03 + 0.94 * fx) * plot.width(), (0.03 + 0.94 * fy) * plot.height()));
        const QPointF from = devicePixel(editor->pointPosition(row));
        press(from);
        for (int i = 1; i <= 3; ++i)
            move(devicePixel(from + (to - from) * i / 4.0));
        move(to);
        release(to);

        QCOMPARE(m_window->model()->rowCount(), rows);
        const QPointF landed = editor->pointPosition(row);
        QVERIFY2(
            withinAPixel(landed, to),
            qPrintable(QStringLiteral("released at %1, landed at %2").arg(text(to), text(landed))));
    }
}

void TestHiDpi::clickHitsThePointAsDrawn()
{
    // With w = 2 the line runs through the lesson's points, so no residual covers a marker.
    m_window->model()->setParameters(2.0, 0.0);
    DataEditorView *editor = m_window->dataEditor();
    const QImage image = editor->viewport()->grab().toImage();
    const double scale = image.devicePixelRatio();
    const QColor data = ChartStyle::dataColor();

    for (int row = 0; row < m_window->model()->rowCount(); ++row) {
        // The centre of the marker's pixels, found in what was painted.
        const QPointF expected = editor->pointPosition(row);
        const int reach = int(std::ceil(DataEditorView::hitRadius * scale));
        const QPoint centre = (expected * scale).toPoint();
        double sumX = 0.0, sumY = 0.0, count = 0.0;
        for (int y = centre.y() - reach; y <= centre.y() + reach; ++y) {
            for (int x = centre.x() - reach; x <= centre.x() + reach; ++x) {
                if (!image.rect().contains(x, y))
                    continue;
                const QColor c = image.pixelColor(x, y);
                if (std::abs(c.red() - data.red()) + std::abs(c.green() - data.green())
                        + std::abs(c.blue() - data.blue())
                    < 40) {
                    sumX += x + 0.5;
                    sumY += y + 0.5;
                    count += 1.0;
                }
            }
        }
        QVERIFY2(count > 0,
                 qPrintable(QStringLiteral("no marker drawn near %1").arg(text(expected))));
        const QPointF drawn(sumX / count / scale, sumY / count / scale);
        QVERIFY2(withinAPixel(drawn, expected),
                 qPrintable(QStringLiteral("row %1 drawn at %2, placed at %3")
                                .arg(row)
                                .arg(text(drawn), text(expected))));

        // A click where the marker is seen selects it and adds nothing.
        press(devicePixel(drawn));
        release(devicePixel(drawn));
        QCOMPARE(editor->selectedRow(), row);
        QCOMPARE(m_window->model()->rowCount(), 3);
    }
}

void TestHiDpi::clickBesideAPointAddsOne()
{
    DataEditorView *editor = m_window->dataEditor();
    const QPointF point = editor->pointPosition(1);

    // Inside the hit radius the click still takes the point.
    const double inside = DataEditorView::hitRadius - 2.0;
    const QPointF near =
        devicePixel(point + QPointF(inside / std::sqrt(2.0), inside / std::sqrt(2.0)));
    press(near);
    release(near);
    QCOMPARE(editor->selectedRow(), 1);
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());

    // Beyond it, in empty space, the click adds a point under the cursor.
    const QPointF beside = devicePixel(point + QPointF(0.0, -(DataEditorView::hitRadius + 3.0)));
    press(beside);
    release(beside);
    QCOMPARE(m_window->model()->rowCount(), 4);
    QCOMPARE(editor->selectedRow(), 3);
    QVERIFY2(withinAPixel(editor->pointPosition(3), beside),
             qPrintable(QStringLiteral("clicked at %1, placed at %2")
                            .arg(text(beside), text(editor->pointPosition(3)))));
    QCOMPARE(m_window->model()->dataset().x(1), 2.0);
    QCOMPARE(m_window->model()->dataset().y(1), 4.0);
}

QTEST_MAIN(TestHiDpi)
#include "tst_hidpi.moc"
