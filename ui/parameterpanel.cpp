#include "parameterpanel.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

ParameterPanel::ParameterPanel(QWidget *parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_spinBox(new QDoubleSpinBox(this))
    , m_loss(new QLabel(this))
{
    auto *label = new QLabel(tr("&w"), this);
    label->setBuddy(m_slider);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);

    m_slider->setToolTip(tr("The model's weight w; arrow keys move it by one grid step"));
    m_slider->setAccessibleName(tr("weight w"));
    m_spinBox->setToolTip(tr("Type a value for w"));
    m_spinBox->setAccessibleName(tr("weight w value"));
    m_spinBox->setKeyboardTracking(false);
    m_loss->setFont(bold);
    m_loss->setMinimumWidth(
        m_loss->fontMetrics().horizontalAdvance(QStringLiteral("MSE = 0.000000e+00")));
    m_loss->setAccessibleName(tr("mean squared error"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spinBox);
    layout->addSpacing(12);
    layout->addWidget(m_loss);

    connect(m_slider, &QSlider::valueChanged, this, &ParameterPanel::handleSliderMoved);
    connect(m_spinBox, &QDoubleSpinBox::valueChanged, this, &ParameterPanel::handleSpinBoxChanged);
    setRange(ParameterRange());
}

void ParameterPanel::setRange(const ParameterRange &range)
{
    const double w = this->w();
    m_range = range;
    const QSignalBlocker sliderBlocker(m_slider);
    const QSignalBlocker spinBlocker(m_spinBox);
    m_slider->setRange(0, tickFor(range.maximum));
    m_slider->setSingleStep(int(std::lround(range.step / resolution())));
    m_slider->setPageStep(m_slider->singleStep() * 5);
    // The spin box reaches far beyond the slider, so that a w out in the wild (a large step
    // of training, a typed value) is shown as it is rather than clamped.
    const double span = range.maximum - range.minimum;
    m_spinBox->setDecimals(range.decimals);
    m_spinBox->setSingleStep(range.step);
    m_spinBox->setRange(range.minimum - 1e6 * span, range.maximum + 1e6 * span);
    setW(w);
}

void ParameterPanel::setW(double w)
{
    const QSignalBlocker sliderBlocker(m_slider);
    const QSignalBlocker spinBlocker(m_spinBox);
    m_spinBox->setValue(w);
    m_slider->setValue(tickFor(w));
}

double ParameterPanel::w() const
{
    return m_spinBox->value();
}

void ParameterPanel::setLoss(double loss, bool hasData)
{
    if (!hasData)
        m_loss->setText(tr("MSE: no points"));
    else if (!std::isfinite(loss))
        m_loss->setText(tr("MSE too large to represent"));
    else
        m_loss->setText(tr("MSE = %1").arg(QString::number(loss, 'g', 6)));
    m_loss->setAccessibleDescription(m_loss->text());
}

void ParameterPanel::handleSliderMoved(int tick)
{
    const double w = m_range.minimum + double(tick) * resolution();
    // Snap to the slider's resolution so that 0.1 steps print as 0.1, 0.2, …
    const double snapped = std::round(w / resolution()) * resolution();
    const QSignalBlocker blocker(m_spinBox);
    m_spinBox->setValue(snapped);
    Q_EMIT wEdited(m_spinBox->value());
}

void ParameterPanel::handleSpinBoxChanged(double w)
{
    const QSignalBlocker blocker(m_slider);
    m_slider->setValue(tickFor(w));
    Q_EMIT wEdited(w);
}

double ParameterPanel::resolution() const
{
    return std::pow(10.0, -m_range.decimals);
}

int ParameterPanel::tickFor(double w) const
{
    const double tick = std::round((w - m_range.minimum) / resolution());
    return int(std::clamp(tick, 0.0, 1e9));
}
