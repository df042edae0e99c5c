#pragma once

#include "objective.h"
#include "parameterrange.h"

#include <QWidget>

class ParameterSlider;
class QLabel;
class QSlider;

// The model's parameters, w and (for y = w·x + b) b, each with a slider and a spin box, and
// the readout of the loss at them.
class ParameterPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ParameterPanel(QWidget *parent = nullptr);

    void setRange(const ParameterRange &range);
    const ParameterRange &range() const;
    void setBiasRange(const ParameterRange &range);
    const ParameterRange &biasRange() const;
    void setBiasVisible(bool visible);
    void setW(double w);
    void setB(double b);
    // Shows the loss at the current parameters, or says why there is none.
    // Shows the loss at the current w (and b), set before it; also the state in words for
    // screen readers (spokenState()).
    void setLoss(double loss, bool hasData, LossKind kind = LossKind::Mse);
    // "w 1.9, mean squared error 0.047": the accessible description of the w slider and the
    // loss label, and of the loss curve.
    const QString &spokenState() const { return m_spokenState; }

    ParameterSlider *wSlider() const { return m_w; }
    ParameterSlider *bSlider() const { return m_b; }
    QSlider *slider() const;
    QLabel *lossLabel() const { return m_loss; }

Q_SIGNALS:
    void wEdited(double w);
    void bEdited(double b);

private:
    ParameterSlider *m_w;
    ParameterSlider *m_b;
    QLabel *m_loss;
    QString m_spokenState;
};
