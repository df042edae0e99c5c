#pragma once

#include "parameterrange.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

// The w slider with its spin box and the loss readout. The slider covers the parameter
// range at a resolution of a tenth of its step; arrow keys move w by one step (0.1 on the
// lesson's data). wEdited() is emitted for the user's changes only, never for setW().
class ParameterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterPanel(QWidget *parent = nullptr);

    void setRange(const ParameterRange &range);
    const ParameterRange &range() const { return m_range; }
    void setW(double w);
    double w() const;
    // Shows the loss at the current w, or says why there is none.
    void setLoss(double loss, bool hasData);

    QSlider *slider() const { return m_slider; }
    QDoubleSpinBox *spinBox() const { return m_spinBox; }
    QLabel *lossLabel() const { return m_loss; }

Q_SIGNALS:
    void wEdited(double w);

private:
    void handleSliderMoved(int tick);
    void handleSpinBoxChanged(double w);
    double resolution() const;
    int tickFor(double w) const;

    ParameterRange m_range;
    QSlider *m_slider;
    QDoubleSpinBox *m_spinBox;
    QLabel *m_loss;
};
