#include "modelpanel.h"

#include "numberfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QSignalBlocker>

#include <algorithm>
#include <memory>

ModelPanel::ModelPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QComboBox(this))
    , m_standardize(new QCheckBox(tr("Standardize x: train on (x − mean)/sd"), this))
    , m_loss(new QComboBox(this))
    , m_optimizer(new QComboBox(this))
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_model->addItem(tr("y = w·x (through the origin)"), int(ModelKind::Origin));
    m_model->addItem(tr("y = w·x + b (a line with a bias)"), int(ModelKind::Line));
    m_model->setToolTip(tr("The model whose parameters are trained"));
    m_loss->addItem(tr("MSE: mean squared error"), int(LossKind::Mse));
    m_loss->addItem(tr("MAE: mean absolute error"), int(LossKind::Mae));
    m_loss->addItem(tr("Huber: squared near 0, absolute beyond δ"), int(LossKind::Huber));
    m_loss->setToolTip(tr("How the residuals are scored"));
    const QStringList names = {tr("gradient descent"), tr("momentum"), tr("Nesterov momentum"),
                               tr("AdaGrad"),          tr("RMSprop"),  tr("Adam")};
    for (OptimizerKind kind : Optimizer::all())
        m_optimizer->addItem(names.value(int(kind)), int(kind));
    m_optimizer->setToolTip(tr("The update rule, with torch.optim's defaults"));

    m_model->setAccessibleName(tr("model"));
    m_loss->setAccessibleName(tr("loss"));
    m_optimizer->setAccessibleName(tr("optimizer"));
    m_form->addRow(tr("&Model"), m_model);
    m_standardize->setToolTip(tr("For data with large x (years, incomes): w and b then act on "
                                 "standardized x, and the line is drawn in the original units"));
    m_form->addRow(QString(), m_standardize);
    m_form->addRow(tr("L&oss"), m_loss);
    m_delta =
        addField(tr("Huber &δ"), 1.0, 0.0, false, qInf(), tr("Residuals beyond δ count linearly"));
    m_form->addRow(tr("Optimi&zer"), m_optimizer);
    m_momentum = addField(tr("Momentum μ"), 0.9, 0.0, false, qInf(),
                          tr("How much of the last velocity each step keeps"));
    m_dampening = addField(tr("Dampening"), 0.0, 0.0, true, 1.0 + 1e-12,
                           tr("How much of each new gradient is left out of the velocity"));
    m_alpha = addField(tr("Smoothing α"), 0.99, 0.0, true, 1.0,
                       tr("How slowly the average of squared gradients forgets"));
    m_rmspropMomentum =
        addField(tr("Momentum"), 0.0, 0.0, true, qInf(), tr("RMSprop's momentum (0: none)"));
    m_centered = new QCheckBox(tr("centered (divide by the gradient's variance)"), this);
    m_centered->setToolTip(tr("Divide by the variance of the gradient rather than its mean "
                              "square"));
    m_form->addRow(QString(), m_centered);
    m_beta1 = addField(tr("β1"), 0.9, 0.0, true, 1.0, tr("Decay of the gradient's average m"));
    m_beta2 =
        addField(tr("β2"), 0.999, 0.0, true, 1.0, tr("Decay of the squared gradient's average v"));
    m_amsgrad = new QCheckBox(tr("AMSGrad (use the largest v so far)"), this);
    m_amsgrad->setToolTip(tr("Divide by the largest average of squared gradients seen so far"));
    m_form->addRow(QString(), m_amsgrad);
    m_lrDecay =
        addField(tr("Rate decay"), 0.0, 0.0, true, qInf(), tr("lr_t = lr / (1 + (t − 1)·decay)"));
    m_initialAccumulator = addField(tr("Initial sum"), 0.0, 0.0, true, qInf(),
                                    tr("Where the sum of squared gradients starts"));
    m_eps = addField(tr("ε"), 1e-8, 0.0, false, qInf(),
                     tr("Added to the denominator so that it is never 0"));

    connect(m_model, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT objectiveChanged(objective()); });
    connect(m_loss, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibleRows();
        Q_EMIT objectiveChanged(objective());
    });
    connect(m_delta, &NumberField::valueChanged, this,
            [this] { Q_EMIT objectiveChanged(objective()); });
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
        // Each optimizer has its own default ε: AdaGrad 1e-10, the others 1e-8.
        OptimizerSettings defaults;
        defaults.kind = OptimizerKind(m_optimizer->currentData().toInt());
        m_eps->setValue(defaults.epsilon());
        updateVisibleRows();
        emitOptimizer();
    });
    connect(m_standardize, &QCheckBox::toggled, this, &ModelPanel::standardizeChanged);
    // Race: tick other optimizers to train them side by side from the same start.
    auto *race = new QWidget(this);
    auto *raceLayout = new QGridLayout(race);
    raceLayout->setContentsMargins(0, 0, 0, 0);
    for (OptimizerKind kind : Optimizer::all()) {
        auto *box = new QCheckBox(names.value(int(kind)), race);
        box->setToolTip(tr("Race this optimizer (torch.optim's defaults) against the chosen one"));
        raceLayout->addWidget(box, int(kind) / 3, int(kind) % 3);
        m_race.push_back(box);
        connect(box, &QCheckBox::toggled, this, [this] { Q_EMIT rivalsChanged(rivals()); });
    }
    m_form->addRow(tr("Race against"), race);
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
        // The chosen optimizer cannot race itself.
        for (std::size_t k = 0; k < m_race.size(); ++k)
            m_race[k]->setEnabled(int(k) != m_optimizer->currentData().toInt());
        Q_EMIT rivalsChanged(rivals());
    });
    m_race.front()->setEnabled(false);

    for (QCheckBox *box : {m_centered, m_amsgrad})
        connect(box, &QCheckBox::toggled, this, &ModelPanel::emitOptimizer);
    updateVisibleRows();
}

Objective ModelPanel::objective() const
{
    Objective objective;
    objective.model = ModelKind(m_model->currentData().toInt());
    objective.loss = LossKind(m_loss->currentData().toInt());
    objective.delta = m_delta->value();
    return objective;
}

OptimizerSettings ModelPanel::optimizer() const
{
    OptimizerSettings settings;
    settings.kind = OptimizerKind(m_optimizer->currentData().toInt());
    settings.momentum = m_momentum->value();
    settings.dampening = settings.kind == OptimizerKind::Momentum ? m_dampening->value() : 0.0;
    settings.alpha = m_alpha->value();
    settings.rmspropMomentum = m_rmspropMomentum->value();
    settings.centered = m_centered->isChecked();
    settings.beta1 = m_beta1->value();
    settings.beta2 = m_beta2->value();
    settings.amsgrad = m_amsgrad->isChecked();
    settings.lrDecay = m_lrDecay->value();
    settings.initialAccumulator = m_initialAccumulator->value();
    settings.eps = m_eps->value();
    return settings;
}

std::vector<OptimizerSettings> ModelPanel::rivals() const
{
    std::vector<OptimizerSettings> rivals;
    const int chosen = m_optimizer->currentData().toInt();
    for (std::size_t k = 0; k < m_race.size(); ++k) {
        if (int(k) == chosen || !m_race[k]->isChecked())
            continue;
        OptimizerSettings settings;
        settings.kind = OptimizerKind(k);
        rivals.push_back(settings);
    }
    return rivals;
}

void ModelPanel::setSettings(const Objective &objective, const OptimizerSettings &optimizer,
                             const std::vector<OptimizerSettings> &rivals, bool standardize)
{
    {
        // Set quietly, then announced once each: a combo box's own handler would put ε back
        // to the optimizer's default.
        const QList<QObject *> quiet = {m_model,       m_loss,     m_optimizer,
                                        m_standardize, m_centered, m_amsgrad};
        std::vector<std::unique_ptr<QSignalBlocker>> blockers;
        for (QObject *object : quiet)
            blockers.push_back(std::make_unique<QSignalBlocker>(object));
        for (QCheckBox *box : m_race)
            blockers.push_back(std::make_unique<QSignalBlocker>(box));

        m_model->setCurrentIndex(m_model->findData(int(objective.model)));
        m_loss->setCurrentIndex(m_loss->findData(int(objective.loss)));
        m_delta->setValue(objective.delta);
        m_standardize->setChecked(standardize);
        m_optimizer->setCurrentIndex(m_optimizer->findData(int(optimizer.kind)));
        m_momentum->setValue(optimizer.momentum);
        m_dampening->setValue(optimizer.dampening);
        m_alpha->setValue(optimizer.alpha);
        m_rmspropMomentum->setValue(optimizer.rmspropMomentum);
        m_centered->setChecked(optimizer.centered);
        m_beta1->setValue(optimizer.beta1);
        m_beta2->setValue(optimizer.beta2);
        m_amsgrad->setChecked(optimizer.amsgrad);
        m_lrDecay->setValue(optimizer.lrDecay);
        m_initialAccumulator->setValue(optimizer.initialAccumulator);
        m_eps->setValue(optimizer.epsilon());
        for (std::size_t k = 0; k < m_race.size(); ++k) {
            const bool racing = std::any_of(rivals.cbegin(), rivals.cend(), [k](const auto &rival) {
                return std::size_t(rival.kind) == k;
            });
            m_race[k]->setChecked(racing && int(k) != int(optimizer.kind));
            m_race[k]->setEnabled(int(k) != int(optimizer.kind));
        }
    }
    updateVisibleRows();
    Q_EMIT objectiveChanged(this->objective());
    Q_EMIT standardizeChanged(standardize);
    emitOptimizer();
    Q_EMIT rivalsChanged(this->rivals());
}

NumberField *ModelPanel::addField(const QString &label, double value, double minimum,
                                  bool allowMinimum, double maximum, const QString &tip)
{
    auto *field = new NumberField(value, minimum, allowMinimum, maximum, this);
    field->setAccessibleName(label);
    field->setAccessibleDescription(tip);
    field->setToolTip(tip);
    m_form->addRow(label, field);
    connect(field, &NumberField::rejected, this, &ModelPanel::fieldRejected);
    connect(field, &NumberField::errorCleared, this, &ModelPanel::fieldErrorCleared);
    if (field != m_delta)
        connect(field, &NumberField::valueChanged, this, &ModelPanel::emitOptimizer);
    return field;
}

void ModelPanel::updateVisibleRows()
{
    const auto kind = OptimizerKind(m_optimizer->currentData().toInt());
    const bool sgd = kind == OptimizerKind::Momentum || kind == OptimizerKind::Nesterov;
    const bool rmsprop = kind == OptimizerKind::Rmsprop;
    const bool adam = kind == OptimizerKind::Adam;
    const bool adagrad = kind == OptimizerKind::Adagrad;
    m_form->setRowVisible(m_delta, LossKind(m_loss->currentData().toInt()) == LossKind::Huber);
    m_form->setRowVisible(m_momentum, sgd);
    m_form->setRowVisible(m_dampening, kind == OptimizerKind::Momentum);
    m_form->setRowVisible(m_alpha, rmsprop);
    m_form->setRowVisible(m_rmspropMomentum, rmsprop);
    m_form->setRowVisible(m_centered, rmsprop);
    m_form->setRowVisible(m_beta1, adam);
    m_form->setRowVisible(m_beta2, adam);
    m_form->setRowVisible(m_amsgrad, adam);
    m_form->setRowVisible(m_lrDecay, adagrad);
    m_form->setRowVisible(m_initialAccumulator, adagrad);
    m_form->setRowVisible(m_eps, adam || rmsprop || adagrad);
}

void ModelPanel::emitOptimizer()
{
    Q_EMIT optimizerChanged(optimizer());
}
