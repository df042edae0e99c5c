#include "parameterslider.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
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
    const double span = range.maximum - range.minimum;
    m_spinBox->setDecimals(range.decimals);
    m_spinBox->setSingleStep(range.step);
    m_spinBox->setRange(range.minimum - 1e6 * span, range.maximum + 1e6 * span);
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
    return std::pow(10.0, -m_range.decimals);
}

int ParameterSlider::tickFor(double value) const
{
    const double tick = std::round((value - m_range.minimum) / resolution());
    return int(std::clamp(tick, 0.0, 1e9));
}
