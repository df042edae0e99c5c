#pragma once

#include <QColor>
#include <QPen>

class QAbstractAxis;
class QChart;
class QChartView;
class QPalette;
class QScatterSeries;
class QValueAxis;

// The charts' shared look. Colours come from the Okabe–Ito palette, which stays
// distinguishable with the common colour-vision deficiencies (tst_chartstyle measures it);
// backgrounds, axes and text follow the application's palette, light or dark.
namespace ChartStyle {

QColor dataColor(); // blue: data points
QColor modelColor(); // orange: the model line and the loss curve
QColor selectionColor(); // reddish purple: the selected point
QColor residualColor(); // vermillion: residuals
QColor markerColor(const QPalette &palette); // the palette's text colour: the current w
QColor gridColor(); // sky blue: grid-search points

QPen modelPen();
QPen residualPen();

// The chart's background (the palette's Base), its title, legend and axes (its Text, with grid
// lines halfway to the background) in the colours of `palette`: dark under a dark palette.
// A view calls it when made and on every QEvent::PaletteChange.
void applyPalette(QChart *chart, const QPalette &palette);
void applyPalette(QAbstractAxis *axis, const QPalette &palette);
// `color` mixed with `background`: 0 is the background, 1 the colour.
QColor blend(const QColor &background, const QColor &color, qreal amount);
// Margins, legend and animation settings common to every chart.
void apply(QChart *chart);
// A new chart with apply()'s settings, for a view to be constructed with: a view constructed
// without one makes a default chart of its own, which setChart() would leak.
QChart *newChart();
// Sizes the view's chart, and the scene it shows, to the view, as QChartView::setChart() does.
// A view's size hint is its scene's size: without this, a view constructed with its chart asks
// its layout for the few pixels of an empty chart and is laid out as a strip.
void fitToView(QChartView *view);
// Filled circles of `size` pixels without an outline (outlines cost a lot to draw).
void stylePoints(QScatterSeries *series, const QColor &color, qreal size);
// Sets the axis to [low, high], rounded out to nice numbers where that cannot overflow (ends
// within ±1e300). Ends beyond ±1e307 (fewer with more than 5 ticks) are held there, so that
// every tick Qt computes and labels is finite: no axis runs to infinity.
void setValueRange(QValueAxis *axis, double low, double high);
// An axis from 0 that holds values up to `top`. Laying an axis out costs more than drawing the
// lines, so the range is kept while `top` stays inside it and above a third of it; otherwise
// it is set with setValueRange().
void fitFromZero(QValueAxis *axis, double top);
// Gives the axis's labels enough significant digits that neighbouring ticks read differently
// (%g's six print 4e+09 for every tick from 4000000000 to 4000000200); setValueRange() calls
// it, and a view that sets its own tick interval calls it after.
void showTicksApart(QValueAxis *axis);

} // namespace ChartStyle
