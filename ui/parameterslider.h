#pragma once

#include "parameterrange.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

// One parameter's slider with its spin box. The slider covers the parameter range at a
// resolution of a tenth of its step; arrow keys move the value by one step (0.1 for w on the
// lesson's data). edited() is emitted for the user's changes only, never for setValue().
class ParameterSlider : public QWidget
{
    Q_OBJECT

public:
    ParameterSlider(const QString &name, const QString &description, QWidget *parent = nullptr);

    void setRange(const ParameterRange &range);
    const ParameterRange &range() const { return m_range; }
    void setValue(double value);
    double value() const;
    // Moves the value by `steps` grid steps (the step of the range, 0.1 for w on the lesson's
    // data), as the arrow keys on the slider do; emits edited().
    void stepBy(int steps);

    QSlider *slider() const { return m_slider; }
    QDoubleSpinBox *spinBox() const { return m_spinBox; }

Q_SIGNALS:
    void edited(double value);

private:
    void handleSliderMoved(int tick);
    void handleSpinBoxChanged(double value);
    double resolution() const;
    int tickFor(double value) const;

    ParameterRange m_range;
    QSlider *m_slider;
    QDoubleSpinBox *m_spinBox;
};
