#pragma once

#include "objective.h"
#include "optimizer.h"

#include <QWidget>

#include <vector>

class NumberField;
class QCheckBox;
class QComboBox;
class QFormLayout;

// Chooses what is trained and how: the model (y = w·x or y = w·x + b), the loss (MSE, MAE,
// Huber with its δ) and the optimizer with its hyper-parameters (torch.optim's defaults).
// Only the fields of the chosen loss and optimizer are shown.
class ModelPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ModelPanel(QWidget *parent = nullptr);

    Objective objective() const;
    // The optimizer's settings; the learning rate is the training panel's.
    OptimizerSettings optimizer() const;

    // Shows the settings given (a session opened) and announces each as an edit would.
    void setSettings(const Objective &objective, const OptimizerSettings &optimizer,
                     const std::vector<OptimizerSettings> &rivals, bool standardize);

    QComboBox *modelBox() const { return m_model; }
    QComboBox *lossBox() const { return m_loss; }
    QComboBox *optimizerBox() const { return m_optimizer; }
    QCheckBox *standardizeBox() const { return m_standardize; }
    // The optimizers ticked to race the chosen one, with torch.optim's defaults.
    std::vector<OptimizerSettings> rivals() const;
    QCheckBox *raceBox(OptimizerKind kind) const { return m_race[std::size_t(kind)]; }

Q_SIGNALS:
    void objectiveChanged(const Objective &objective);
    void optimizerChanged(const OptimizerSettings &settings);
    void fieldRejected(const QString &error);
    void fieldErrorCleared();
    void standardizeChanged(bool standardize);
    void rivalsChanged(const std::vector<OptimizerSettings> &rivals);

private:
    NumberField *addField(const QString &label, double value, double minimum, bool allowMinimum,
                          double maximum, const QString &tip);
    void updateVisibleRows();
    void emitOptimizer();

    QComboBox *m_model;
    QCheckBox *m_standardize;
    QComboBox *m_loss;
    QComboBox *m_optimizer;
    QFormLayout *m_form;
    NumberField *m_delta;
    NumberField *m_momentum;
    NumberField *m_dampening;
    NumberField *m_alpha;
    NumberField *m_rmspropMomentum;
    QCheckBox *m_centered;
    NumberField *m_beta1;
    NumberField *m_beta2;
    QCheckBox *m_amsgrad;
    NumberField *m_lrDecay;
    NumberField *m_initialAccumulator;
    NumberField *m_eps;
    std::vector<QCheckBox *> m_race; // one per optimizer kind
};
