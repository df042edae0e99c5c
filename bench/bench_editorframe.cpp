#include "benchmark.h"

#include "dataeditorview.h"
#include "datasetmodel.h"
#include "losscurveview.h"
#include "mainwindow.h"
#include "parameterpanel.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QScatterSeries>
#include <QTest>
#include <QValueAxis>

#include <memory>

// Row 1 of BENCHMARKS.md: what a user sees after one mouse move of a dragged point (the data
// editor, the loss curve and the readout below it), and the first frame after N points are
// loaded. The reference is a plain Qt Charts scatter of the same points at the same size.
class BenchEditorFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dragFrame_data();
    void dragFrame();
    void firstFrame_data();
    void firstFrame();
    void cleanupTestCase();

private:
    // The window, laid out as on screen (1280 × 820) but never mapped, so that the only
    // painting is the render() each frame asks for.
    void makeWindow();
    void renderWindow();
    // The reference: one QChartView with one QScatterSeries (default markers) and two axes.
    void makeReference(const Dataset &data);
    void renderReference();

    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QChartView> m_reference;
    QScatterSeries *m_scatter = nullptr;
    QList<QPointF> m_points;
    qint64 m_referenceSize = -1;
    QImage m_editorImage;
    QImage m_curveImage;
    QImage m_readoutImage;
};

namespace {

const QStringList variants = {QStringLiteral("losslab"), QStringLiteral("qtcharts")};

QList<qint64> sizes()
{
    return Benchmark::sizes({1000, 10000, 100000, 1000000});
}

QImage imageFor(const QWidget *widget)
{
    const qreal ratio = widget->devicePixelRatioF();
    QImage image(widget->size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    return image;
}

// QWidget::render(), which QGraphicsView hides behind its own.
void renderInto(QWidget *widget, QImage *image)
{
    widget->render(image);
}

} // namespace

void BenchEditorFrame::makeWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setAttribute(Qt::WA_DontShowOnScreen);
    m_window->resize(1280, 820);
    m_window->show();
    QApplication::processEvents();
    m_editorImage = imageFor(m_window->dataEditor());
    m_curveImage = imageFor(m_window->lossCurve());
    m_readoutImage = imageFor(m_window->parameters());
}

void BenchEditorFrame::renderWindow()
{
    renderInto(m_window->dataEditor(), &m_editorImage);
    renderInto(m_window->lossCurve(), &m_curveImage);
    renderInto(m_window->parameters(), &m_readoutImage);
}

void BenchEditorFrame::makeReference(const Dataset &data)
{
    m_reference = std::make_unique<QChartView>();
    m_reference->setAttribute(Qt::WA_DontShowOnScreen);
    QChart *chart = m_reference->chart();
    auto *axisX = new QValueAxis(chart);
    auto *axisY = new QValueAxis(chart);
    axisX->setRange(0.0, 10.0);
    axisY->setRange(0.0, 22.0);
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    m_scatter = new QScatterSeries(chart);
    chart->addSeries(m_scatter);
    m_scatter->attachAxis(axisX);
    m_scatter->attachAxis(axisY);

    m_points.clear();
    m_points.reserve(qsizetype(data.size()));
    for (std::size_t i = 0; i < data.size(); ++i)
        m_points.append(QPointF(data.x(i), data.y(i)));
    m_scatter->replace(m_points);
    // The editor's size in the window, so that both draw the same number of pixels.
    if (!m_window)
        makeWindow();
    m_reference->resize(m_window->dataEditor()->size());
    m_reference->show();
    QApplication::processEvents();
    m_editorImage = imageFor(m_reference.get());
    m_referenceSize = qint64(data.size());
}

void BenchEditorFrame::renderReference()
{
    renderInto(m_reference.get(), &m_editorImage);
}

void BenchEditorFrame::dragFrame_data()
{
    Benchmark::addRows(variants, sizes());
}

void BenchEditorFrame::dragFrame()
{
    QFETCH(QString, variant);
    QFETCH(qint64, n);
    const Dataset data = Benchmark::noisyLine(n);
    const double x0 = data.x(0);
    const double y0 = data.y(0);
    int frame = 0;

    if (variant == QLatin1String("qtcharts")) {
        if (n > 100000)
            QSKIP("a QScatterSeries makes one graphics item per point: a million would take "
                  "many minutes and gigabytes before the first frame");
        // Built once per size: its first frame at 1e5 takes tens of seconds.
        if (m_referenceSize != n)
            makeReference(data);
        renderReference();
        QBENCHMARK
        {
            ++frame;
            m_points[0] = QPointF(x0 + 0.01 * (frame % 2), y0 + 0.01 * (frame % 2));
            m_scatter->replace(m_points);
            QApplication::processEvents();
            renderReference();
        }
        return;
    }

    m_reference.reset();
    m_referenceSize = -1;
    makeWindow();
    m_window->setDataset(data, QStringLiteral("benchmark"));
    QApplication::processEvents();
    renderWindow();
    DatasetModel *model = m_window->model();
    QBENCHMARK
    {
        // One mouse move of a drag: the editor calls setPoint() with the value under the cursor.
        ++frame;
        model->setPoint(0, x0 + 0.01 * (frame % 2), y0 + 0.01 * (frame % 2));
        QApplication::processEvents();
        renderWindow();
    }
    QCOMPARE(model->dataset().size(), std::size_t(n));
}

void BenchEditorFrame::firstFrame_data()
{
    Benchmark::addRows(variants, sizes());
}

void BenchEditorFrame::firstFrame()
{
    QFETCH(QString, variant);
    QFETCH(qint64, n);
    const Dataset data = Benchmark::noisyLine(n);

    if (variant == QLatin1String("qtcharts")) {
        if (n > 10000)
            QSKIP("the reference's first frame takes about 26 s at 1e5 points (one graphics "
                  "item per point) and far longer at 1e6; measured up to 1e4");
        if (!m_window)
            makeWindow();
        QBENCHMARK_ONCE
        {
            makeReference(data);
            renderReference();
        }
        m_reference.reset();
        m_referenceSize = -1;
        return;
    }

    m_reference.reset();
    m_referenceSize = -1;
    makeWindow();
    QBENCHMARK
    {
        m_window->setDataset(data, QStringLiteral("benchmark"));
        QApplication::processEvents();
        renderWindow();
    }
    QCOMPARE(m_window->model()->dataset().size(), std::size_t(n));
}

void BenchEditorFrame::cleanupTestCase()
{
    m_reference.reset();
    m_window.reset();
}

QTEST_MAIN(BenchEditorFrame)
#include "bench_editorframe.moc"
