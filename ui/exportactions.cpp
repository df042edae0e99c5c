#include "exportactions.h"

#include "atomicfile.h"
#include "csvwriter.h"
#include "dataeditorview.h"
#include "datasetmodel.h"
#include "gridsearchpanel.h"
#include "losscurveview.h"
#include "lossstepview.h"
#include "losssurfaceview.h"
#include "mainwindow.h"
#include "optimizer.h"
#include "pngwriter.h"
#include "sessiondocument.h"

#include <QBuffer>
#include <QChartView>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QSvgGenerator>

#include <functional>

namespace {

bool isSvg(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0;
}

// `widget` painted into an SVG document; only what lies between its <svg> and </svg>.
QByteArray svgBody(QWidget *widget, const QString &title)
{
    QByteArray svg;
    QBuffer buffer(&svg);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(widget->size());
    generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
    generator.setTitle(title);
    generator.setDescription(QObject::tr("Made with LossLab"));
    QPainter painter(&generator);
    widget->render(&painter);
    painter.end();
    const qsizetype open = svg.indexOf('>', svg.indexOf("<svg")) + 1;
    return svg.mid(open, svg.lastIndexOf("</svg>") - open);
}

// `whole` inside a clip path of `rect` (widget coordinates), named `id`.
QByteArray clipped(const QByteArray &whole, const QRectF &rect, const QString &id)
{
    return QStringLiteral("<defs><clipPath id=\"%1\"><rect x=\"%2\" y=\"%3\" width=\"%4\" "
                          "height=\"%5\"/></clipPath></defs>\n<g clip-path=\"url(#%1)\">")
               .arg(id)
               .arg(rect.x())
               .arg(rect.y())
               .arg(rect.width())
               .arg(rect.height())
               .toUtf8()
        + whole + "</g>\n";
}

// The chart drawn as SVG: text and lines as vectors, the point layers of large data as the
// images they are. Qt 6.4's SVG generator ignores clipping, so a curve running past the plot
// area, or a legend marker hidden outside the legend, would show: a chart view is drawn with
// its series and legend transparent, then whole inside clip paths of the plot area and of the
// legend.
QByteArray svgOf(QWidget *widget, const QString &title)
{
    const QByteArray header = QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        + QStringLiteral("<svg width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                         "xmlns=\"http://www.w3.org/2000/svg\" "
                         "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.2\" "
                         "baseProfile=\"tiny\">\n")
              .arg(widget->width())
              .arg(widget->height())
              .toUtf8();
    auto *view = qobject_cast<QChartView *>(widget);
    if (!view)
        return header + svgBody(widget, title) + "</svg>\n";

    QChart *chart = view->chart();
    QList<qreal> opacities;
    for (QAbstractSeries *series : chart->series()) {
        opacities.append(series->opacity());
        series->setOpacity(0.0);
    }
    const qreal legendOpacity = chart->legend()->opacity();
    chart->legend()->setOpacity(0.0);
    const QByteArray frame = svgBody(widget, title);
    chart->legend()->setOpacity(legendOpacity);
    for (qsizetype i = 0; i < chart->series().size(); ++i)
        chart->series().at(i)->setOpacity(opacities.at(i));
    const QByteArray whole = svgBody(widget, title);

    const auto inView = [&](const QRectF &inChart) {
        return view->mapFromScene(chart->mapToScene(inChart)).boundingRect();
    };
    const QRectF legend = view->mapFromScene(chart->legend()->sceneBoundingRect()).boundingRect();
    return header + frame + clipped(whole, inView(chart->plotArea()), QStringLiteral("plot-area"))
        + clipped(whole, legend, QStringLiteral("legend")) + "</svg>\n";
}

} // namespace

ExportActions::ExportActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
}

QList<ExportActions::Chart> ExportActions::charts() const
{
    return {
        {m_window->dataEditor(), tr("Data chart"), QStringLiteral("data")},
        {m_window->lossCurve(), tr("Loss curve"), QStringLiteral("loss-curve")},
        {m_window->lossStep(), tr("Loss per step"), QStringLiteral("loss-per-step")},
        {m_window->surface(), tr("Loss surface"), QStringLiteral("loss-surface")},
    };
}

void ExportActions::addTo(QMenu *exportMenu, QMenu *copyMenu)
{
    const QString imageFilters = tr("PNG image (*.png);;SVG drawing (*.svg)");
    for (const Chart &chart : charts()) {
        QWidget *widget = chart.widget;
        QAction *save = exportMenu->addAction(tr("%1 as image…").arg(chart.name), this, [=, this] {
            saveWithDialog(tr("Export %1").arg(chart.name), chart.fileName + QStringLiteral(".png"),
                           imageFilters, [=, this](const QString &path, QString *error) {
                               return saveChart(widget, path, error);
                           });
        });
        save->setStatusTip(tr("Save the %1 as a PNG image or an SVG drawing, as it is shown")
                               .arg(chart.name.toLower()));
        QAction *copy = copyMenu->addAction(chart.name, this, [=, this] { copyChart(widget); });
        copy->setStatusTip(tr("Copy the %1 as an image, to paste into slides or a document")
                               .arg(chart.name.toLower()));
    }
    exportMenu->addSeparator();
    const QString csv = tr("CSV file (*.csv)");
    exportMenu
        ->addAction(tr("&Data as CSV…"), this,
                    [=, this] {
                        saveWithDialog(tr("Export the data"), QStringLiteral("data.csv"), csv,
                                       [this](const QString &path, QString *error) {
                                           return saveData(path, error);
                                       });
                    })
        ->setStatusTip(tr("Save the points as CSV, each number exactly as it is held"));
    exportMenu
        ->addAction(tr("Training &trail as CSV…"), this,
                    [=, this] {
                        saveWithDialog(tr("Export the training trail"), QStringLiteral("trail.csv"),
                                       csv, [this](const QString &path, QString *error) {
                                           return saveTrails(path, error);
                                       });
                    })
        ->setStatusTip(tr("Save the steps of the training run shown: w, b, loss and gradient"));
    exportMenu
        ->addAction(tr("&Grid-search log as text…"), this,
                    [=, this] {
                        saveWithDialog(tr("Export the grid-search log"),
                                       QStringLiteral("grid-search.txt"), tr("Text file (*.txt)"),
                                       [this](const QString &path, QString *error) {
                                           return saveGridLog(path, error);
                                       });
                    })
        ->setStatusTip(tr("Save the grid search's printout as it appears in its tab"));
}

bool ExportActions::saveChart(QWidget *chart, const QString &path, QString *error) const
{
    const QString name = m_window->windowTitle().remove(QStringLiteral("[*]"));
    const QByteArray bytes =
        isSvg(path) ? svgOf(chart, name) : PngWriter::encode(chart->grab().toImage());
    return AtomicFile::write(
        path, [&](QIODevice *device) { device->write(bytes); }, error);
}

bool ExportActions::saveData(const QString &path, QString *error) const
{
    const DatasetModel *model = m_window->model();
    return AtomicFile::write(
        path,
        [model](QIODevice *device) {
            CsvWriter::writeDataset(device, model->dataset(), model->xName(), model->yName());
        },
        error);
}

bool ExportActions::saveTrails(const QString &path, QString *error) const
{
    std::vector<CsvWriter::Trail> trails;
    for (RacerTrail &trail : m_window->racerTrails())
        trails.push_back({Optimizer::name(trail.kind), std::move(trail.steps)});
    return AtomicFile::write(
        path, [&](QIODevice *device) { CsvWriter::writeTrails(device, trails); }, error);
}

bool ExportActions::saveGridLog(const QString &path, QString *error) const
{
    const QByteArray text = m_window->gridSearch()->log()->toPlainText().toUtf8();
    if (text.isEmpty()) {
        *error = tr("The grid search has not run yet: Lesson › Run grid search fills its log.");
        return false;
    }
    return AtomicFile::write(
        path, [&](QIODevice *device) { device->write(text); }, error);
}

void ExportActions::copyChart(QWidget *chart) const
{
    QGuiApplication::clipboard()->setImage(chart->grab().toImage());
    m_window->statusBar()->showMessage(tr("Copied the chart to the clipboard."), 5000);
}

void ExportActions::saveWithDialog(const QString &title, const QString &fileName,
                                   const QString &filters,
                                   const std::function<bool(const QString &, QString *)> &save)
{
    const QString start = QDir(m_window->document()->lastDirectory()).filePath(fileName);
    QString filter;
    QString path = QFileDialog::getSaveFileName(m_window, title, start, filters, &filter);
    if (path.isEmpty())
        return;
    // A name typed without a suffix takes the chosen filter's ("*.svg" → .svg).
    if (QFileInfo(path).suffix().isEmpty()) {
        const qsizetype star = filter.indexOf(QLatin1String("*."));
        if (star >= 0)
            path += filter.mid(star + 1, filter.indexOf(u')', star) - star - 1);
    }
    m_window->document()->setLastDirectory(QFileInfo(path).absolutePath());
    QString error;
    if (!save(path, &error)) {
        QMessageBox::warning(m_window, title, error);
        return;
    }
    m_window->statusBar()->showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), 5000);
}
