#include "parameterslider.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cfloat>
#include <cmath>

ParameterSlider::ParameterSlider(const QString &name, const QString &description, QWidget *parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_spinBox(new QDoubleSpinBox(this))
{
    auto *label = new QLabel(QStringLiteral("&") + name, this);
    label->setBuddy(m_slider);
    label->setMinimumWidth(label->fontMetrics().horizontalAdvance(QStringLiteral("ww")));
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);

    m_slider->setToolTip(tr("%1; arrow keys move it by one grid step").arg(description));
    m_slider->setAccessibleName(description);
    m_spinBox->setToolTip(tr("Type a value for %1").arg(name));
    m_spinBox->setAccessibleName(tr("%1 value").arg(description));
    m_spinBox->setKeyboardTracking(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spinBox);

    connect(m_slider, &QSlider::valueChanged, this, &ParameterSlider::handleSliderMoved);
    connect(m_spinBox, &QDoubleSpinBox::valueChanged, this, &ParameterSlider::handleSpinBoxChanged);
    setRange(ParameterRange());
}

void ParameterSlider::setRange(const ParameterRange &range)
{
    const double current = value();
    m_range = range;
    const QSignalBlocker sliderBlocker(m_slider);
    const QSignalBlocker spinBlocker(m_spinBox);
    m_slider->setRange(0, tickFor(range.maximum));
    m_slider->setSingleStep(int(std::lround(range.step / resolution())));
    m_slider->setPageStep(m_slider->singleStep() * 5);
    // The spin box reaches far beyond the slider, so that a value out in the wild (a large
    // step of training, a typed value) is shown as it is rather than clamped.
    // Near the ends of the doubles the reach is held inside them.
    const double reach = std::min(1e6 * (range.maximum - range.minimum), DBL_MAX / 4.0);
    m_spinBox->setDecimals(range.decimals);
    m_spinBox->setSingleStep(range.step);
    m_spinBox->setRange(std::max(range.minimum - reach, -DBL_MAX),
                        std::min(range.maximum + reach, DBL_MAX));
    setValue(current);
}

void ParameterSlider::setValue(double value)
{
    const QSignalBlocker sliderBlocker(m_slider);
    const QSignalBlocker spinBlocker(m_spinBox);
    m_spinBox->setValue(value);
    m_slider->setValue(tickFor(value));
}

double ParameterSlider::value() const
{
    return m_spinBox->value();
}

void ParameterSlider::stepBy(int steps)
{
    // The spin box's step is the grid step and it reaches beyond the slider: a w out past the
    // slider's end moves by one step instead of jumping back to the end.
    m_spinBox->stepBy(steps);
}

void ParameterSlider::handleSliderMoved(int tick)
{
    // Snap to the slider's resolution so that 0.1 steps print as 0.1, 0.2, …
    const double value = m_range.minimum + double(tick) * resolution();
    const double snapped = std::round(value / resolution()) * resolution();
    const QSignalBlocker blocker(m_spinBox);
    m_spinBox->setValue(snapped);
    Q_EMIT edited(m_spinBox->value());
}

void ParameterSlider::handleSpinBoxChanged(double value)
{
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(tickFor(value));
    Q_EMIT edited(value);
}

double ParameterSlider::resolution() const
{
    // The range's last decimal; for a span so wide that the slider would need more ticks
    // than it has (w* near 1e10 or 1e300), a tenth of a step.
    const double fine = std::pow(10.0, -m_range.decimals);
    return (m_range.maximum - m_range.minimum) / fine > 1e8 ? m_range.step / 10.0 : fine;
}

int ParameterSlider::tickFor(double value) const
{
    const double tick = std::round((value - m_range.minimum) / resolution());
    return int(std::clamp(tick, 0.0, 1e9));
}
