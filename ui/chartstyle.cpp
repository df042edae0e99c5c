#include "chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLocale>
#include <QPalette>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ChartStyle {

QColor dataColor()
{
    return QColor(0x00, 0x72, 0xB2);
}

QColor modelColor()
{
    return QColor(0xE6, 0x9F, 0x00);
}

QColor selectionColor()
{
    return QColor(0xCC, 0x79, 0xA7);
}

QColor residualColor()
{
    return QColor(0xD5, 0x5E, 0x00);
}

QColor markerColor(const QPalette &palette)
{
    return palette.color(QPalette::Text);
}

QColor gridColor()
{
    return QColor(0x56, 0xB4, 0xE9);
}

QPen modelPen()
{
    QPen pen(modelColor(), 2.5);
    pen.setCapStyle(Qt::RoundCap);
    return pen;
}

QPen residualPen()
{
    QPen pen(residualColor(), 1.5, Qt::DashLine);
    pen.setCosmetic(true);
    return pen;
}

QColor blend(const QColor &background, const QColor &color, qreal amount)
{
    const auto mix = [amount](qreal from, qreal to) {
        return from + (to - from) * amount;
    };
    return QColor::fromRgbF(float(mix(background.redF(), color.redF())),
                            float(mix(background.greenF(), color.greenF())),
                            float(mix(background.blueF(), color.blueF())));
}

void applyPalette(QAbstractAxis *axis, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    axis->setLabelsColor(text);
    axis->setTitleBrush(text);
    axis->setLinePenColor(blend(base, text, 0.55));
    axis->setGridLineColor(blend(base, text, 0.18));
    axis->setMinorGridLineColor(blend(base, text, 0.08));
    axis->setShadesVisible(false);
}

void applyPalette(QChart *chart, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    chart->setBackgroundBrush(palette.base());
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->legend()->setBrush(Qt::NoBrush);
    chart->legend()->setPen(Qt::NoPen);
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes)
        applyPalette(axis, palette);
}

void apply(QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // Axis labels in the window's locale (see Translations), as every other number there.
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
}

QChart *newChart()
{
    auto *chart = new QChart;
    apply(chart);
    return chart;
}

void fitToView(QChartView *view)
{
    view->chart()->resize(view->size());
    view->setSceneRect(view->chart()->geometry());
}

void stylePoints(QScatterSeries *series, const QColor &color, qreal size)
{
    series->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    series->setMarkerSize(size);
    series->setColor(color);
    series->setBorderColor(color);
    series->setPen(Qt::NoPen);
}

void setValueRange(QValueAxis *axis, double low, double high)
{
    // Qt Charts labels the k-th of n ticks min + (k·(max − min))/(n − 1), multiplying first, so
    // (n − 1)·(max − min) must stay finite: ends within ±4e307/(n − 1), at most ±1e307, keep it
    // below 8e307. Qt's nice numbers step past the ends, so they are left out near the limit.
    const double limit = 4e307 / std::max(4, axis->tickCount() - 1);
    const auto held = [limit](double value) {
        return std::isnan(value) ? 0.0 : std::clamp(value, -limit, limit);
    };
    axis->setRange(held(low), held(high));
    if (std::fabs(low) < 1e300 && std::fabs(high) < 1e300)
        axis->applyNiceNumbers();
    showTicksApart(axis);
}

void showTicksApart(QValueAxis *axis)
{
    // Digits from the largest end's first down to the spacing's first, and every digit of a
    // whole number below 1e15 (so 12000000140 is not 1.20000001e+10).
    const double spacing = axis->tickType() == QValueAxis::TicksDynamic
        ? axis->tickInterval()
        : (axis->max() - axis->min()) / std::max(1, axis->tickCount() - 1);
    const double largest = std::max(std::fabs(axis->min()), std::fabs(axis->max()));
    int digits = 0;
    if (spacing > 0.0 && std::isfinite(spacing) && largest > 0.0 && std::isfinite(largest)) {
        const int top = int(std::floor(std::log10(largest)));
        digits = top - int(std::floor(std::log10(spacing))) + 1;
        if (top < 15)
            digits = std::max(digits, top + 1);
    }
    // The axis's own format serves wherever %g's six digits tell the ticks apart.
    const char *original = "losslabLabelFormat";
    if (!axis->property(original).isValid())
        axis->setProperty(original, axis->labelFormat());
    axis->setLabelFormat(digits > 6 ? QStringLiteral("%.%1g").arg(std::min(digits, 17))
                                    : axis->property(original).toString());
}

void fitFromZero(QValueAxis *axis, double top)
{
    if (axis->min() == 0.0 && top <= axis->max() && top >= axis->max() / 3.0)
        return;
    setValueRange(axis, 0.0, top);
}

} // namespace ChartStyle
