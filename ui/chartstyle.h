#pragma once

#include <QColor>
#include <QPen>

class QChart;
class QScatterSeries;

// The charts' shared look. Colours come from the Okabe–Ito palette, which stays
// distinguishable with the common colour-vision deficiencies.
namespace ChartStyle {

QColor dataColor(); // blue: data points
QColor modelColor(); // orange: the model line and the loss curve
QColor selectionColor(); // reddish purple: the selected point
QColor residualColor(); // vermillion: residuals
QColor markerColor(); // black: the current w
QColor gridColor(); // sky blue: grid-search points

QPen modelPen();
QPen residualPen();

// Margins, legend and animation settings common to every chart.
void apply(QChart *chart);
// Filled circles of `size` pixels without an outline (outlines cost a lot to draw).
void stylePoints(QScatterSeries *series, const QColor &color, qreal size);

} // namespace ChartStyle
