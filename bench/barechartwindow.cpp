// The reference for row 7 of issue #5: the least a Qt Charts window does to show one series.
// `barechartwindow --screenshot OUT.png` lays it out at LossLab's size, paints it once and saves
// the PNG as LossLab's own --screenshot does, then exits; without the option it stays open.

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QPixmap>

#include <iostream>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const qsizetype option = arguments.indexOf(QStringLiteral("--screenshot"));
    if (option >= 0 && option + 1 >= arguments.size()) {
        std::cerr << "barechartwindow: --screenshot needs a file name\n";
        return 2;
    }

    auto *series = new QLineSeries;
    for (int i = 0; i <= 40; ++i) {
        const double w = 0.1 * i;
        series->append(w, 14.0 / 3.0 * (w - 2.0) * (w - 2.0));
    }
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->createDefaultAxes();
    QChartView view(chart);
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(1280, 820);
    // As LossLab's --screenshot: laid out off screen and painted once, by grab().
    if (option >= 0) {
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.setUpdatesEnabled(false);
    }
    view.show();
    if (option < 0)
        return QApplication::exec();

    for (int i = 0; i < 3; ++i)
        QApplication::processEvents();
    view.setUpdatesEnabled(true);
    const QPixmap pixmap = view.grab();
    if (pixmap.isNull() || !pixmap.save(arguments.at(option + 1), "PNG")) {
        std::cerr << "barechartwindow: cannot write the screenshot\n";
        return 1;
    }
    return 0;
}
