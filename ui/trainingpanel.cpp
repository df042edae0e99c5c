#include "trainingpanel.h"

#include "localenumber.h"
#include "numberfield.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QString number(double value)
{
    return LocaleNumber::readable(value);
}

} // namespace

TrainingPanel::TrainingPanel(QWidget *parent)
    : QWidget(parent)
    , m_train(new QPushButton(tr("&Train"), this))
    , m_step(new QPushButton(tr("&Step"), this))
    , m_reset(new QPushButton(tr("&Reset"), this))
    , m_learningRate(new NumberField(0.01, 0.0, false, qInf(), this))
    , m_stableLimit(new QLabel(this))
    , m_speed(new QComboBox(this))
    , m_maxSteps(new QSpinBox(this))
    , m_tolerance(new NumberField(1e-6, 0.0, true, qInf(), this))
    , m_readout(new QLabel(this))
    , m_message(new QLabel(this))
{
    m_settings.maxSteps = 10000;
    m_settings.tolerance = 1e-6;

    m_train->setToolTip(tr("Run gradient descent on a worker thread; press again to pause"));
    m_step->setToolTip(tr("Take one gradient-descent step"));
    m_reset->setToolTip(tr("Go back to the starting w and clear the trail"));

    m_learningRate->setAccessibleDescription(tr("Learning rate lr in w ← w − lr · dMSE/dw"));
    m_learningRate->setToolTip(m_learningRate->accessibleDescription());
    m_learningRate->setAccessibleName(tr("learning rate"));
    m_stableLimit->setForegroundRole(QPalette::PlaceholderText);

    const QList<int> speeds = {1, 5, 20, 60, 200, 1000, 0};
    for (int speed : speeds) {
        const QString label = speed == 0 ? tr("as fast as possible")
            : speed == 1                 ? tr("1 step a second")
                                         : tr("%1 steps a second").arg(speed);
        m_speed->addItem(label, speed);
    }
    m_speed->setCurrentIndex(speeds.indexOf(20));
    m_speed->setToolTip(tr("How many steps a second training takes"));
    m_speed->setAccessibleName(tr("speed"));

    m_maxSteps->setRange(1, 1'000'000'000);
    m_maxSteps->setValue(int(m_settings.maxSteps));
    m_maxSteps->setGroupSeparatorShown(true);
    m_maxSteps->setToolTip(tr("Training stops by itself after this many steps"));
    m_maxSteps->setAccessibleName(tr("step limit"));
    m_tolerance->setAccessibleDescription(
        tr("Training stops when |gradient| falls below this (0: never)"));
    m_tolerance->setToolTip(m_tolerance->accessibleDescription());
    m_tolerance->setAccessibleName(tr("tolerance"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_train);
    buttons->addWidget(m_step);
    buttons->addWidget(m_reset);
    buttons->addStretch();

    auto *rate = new QHBoxLayout;
    rate->addWidget(m_learningRate);
    rate->addWidget(m_stableLimit, 1);

    auto *form = new QFormLayout;
    auto *rateLabel = new QLabel(tr("Lear&ning rate"), this);
    rateLabel->setBuddy(m_learningRate);
    form->addRow(rateLabel, rate);
    form->addRow(tr("S&peed"), m_speed);
    form->addRow(tr("Step l&imit"), m_maxSteps);
    form->addRow(tr("Stop when |gradient| &<"), m_tolerance);

    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readout->setAccessibleName(tr("training state"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addLayout(form);
    layout->addWidget(m_readout);
    layout->addWidget(m_message);

    connect(m_train, &QPushButton::clicked, this, &TrainingPanel::trainToggled);
    connect(m_step, &QPushButton::clicked, this, &TrainingPanel::stepRequested);
    connect(m_reset, &QPushButton::clicked, this, &TrainingPanel::resetRequested);
    connect(m_learningRate, &NumberField::valueChanged, this, [this](double value) {
        m_settings.learningRate = value;
        showStableLimit();
        Q_EMIT settingsChanged(m_settings);
    });
    connect(m_tolerance, &NumberField::valueChanged, this, [this](double value) {
        m_settings.tolerance = value;
        Q_EMIT settingsChanged(m_settings);
    });
    for (NumberField *field : {m_learningRate, m_tolerance}) {
        connect(field, &NumberField::errorCleared, this, &TrainingPanel::clearMessage);
        connect(field, &NumberField::rejected, this,
                [this](const QString &error) { showMessage(error, true); });
    }
    connect(m_maxSteps, &QSpinBox::valueChanged, this, [this](int value) {
        m_settings.maxSteps = value;
        Q_EMIT settingsChanged(m_settings);
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT speedChanged(stepsPerSecond()); });
    showState({});
}

int TrainingPanel::stepsPerSecond() const
{
    return m_speed->currentData().toInt();
}

void TrainingPanel::setSettings(const TrainerSettings &settings, int stepsPerSecond)
{
    {
        const QSignalBlocker quietSteps(m_maxSteps);
        const QSignalBlocker quietSpeed(m_speed);
        m_learningRate->setValue(settings.learningRate);
        m_tolerance->setValue(settings.tolerance);
        m_maxSteps->setValue(int(
            std::clamp<qint64>(settings.maxSteps, m_maxSteps->minimum(), m_maxSteps->maximum())));
        int speed = m_speed->findData(stepsPerSecond);
        if (speed < 0) {
            m_speed->addItem(tr("%1 steps a second").arg(stepsPerSecond), stepsPerSecond);
            speed = m_speed->count() - 1;
        }
        m_speed->setCurrentIndex(speed);
    }
    m_settings = settings;
    m_settings.maxSteps = m_maxSteps->value();
    showStableLimit();
    Q_EMIT settingsChanged(m_settings);
    Q_EMIT speedChanged(this->stepsPerSecond());
}

void TrainingPanel::setRunning(bool running)
{
    m_train->setText(running ? tr("&Pause") : tr("&Train"));
}

void TrainingPanel::showState(const TrainingStep &state, const Objective &objective, bool hasData)
{
    if (!hasData) {
        m_readout->setText(tr("step %1   no points to train on").arg(state.step));
        return;
    }
    const QString loss = Objective::label(objective.loss);
    QString text = tr("step %1   w = %2").arg(state.step).arg(number(state.w));
    if (objective.hasBias())
        text += tr("   b = %1").arg(number(state.b));
    if (state.tooLarge) {
        m_readout->setText(text + tr("   %1 or its gradient too large to represent").arg(loss));
        return;
    }
    text += tr("   %1 = %2   d%1/dw = %3").arg(loss, number(state.loss), number(state.gradW));
    if (objective.hasBias())
        text += tr("   d%1/db = %2").arg(loss, number(state.gradB));
    m_readout->setText(text);
}

void TrainingPanel::showStop(StopReason reason, const QString &message)
{
    showMessage(message,
                reason == StopReason::Diverged || reason == StopReason::NoData
                    || reason == StopReason::TooLarge);
}

void TrainingPanel::showMessage(const QString &message, bool isError)
{
    m_message->setStyleSheet(isError ? QStringLiteral("color: #b00020; font-weight: bold;")
                                     : QString());
    m_message->setText(message);
}

void TrainingPanel::clearMessage()
{
    m_message->clear();
}

void TrainingPanel::setStableLimit(std::optional<double> limit, bool applies)
{
    m_limit = limit;
    m_limitApplies = applies;
    showStableLimit();
}

void TrainingPanel::showStableLimit()
{
    // Warn before training when the rate is already known to diverge.
    const bool above = m_limitApplies && m_limit && m_settings.learningRate >= *m_limit;
    m_stableLimit->setStyleSheet(above ? QStringLiteral("color: #b00020;") : QString());
    if (!m_limitApplies)
        m_stableLimit->clear();
    else if (!m_limit)
        m_stableLimit->setText(tr("every rate is stable (all x are 0)"));
    else if (std::isinf(*m_limit))
        m_stableLimit->setText(tr("every rate is stable (the limit is too large to represent)"));
    else if (*m_limit == 0.0) // below the smallest double (x near 1e200): no rate is stable
        m_stableLimit->setText(tr("stable only below about 1e-308 (too small to represent): "
                                  "every rate here will diverge"));
    else if (above)
        m_stableLimit->setText(tr("above the stable limit %1: will diverge").arg(number(*m_limit)));
    else
        m_stableLimit->setText(tr("stable below %1").arg(number(*m_limit)));
}

QLineEdit *TrainingPanel::learningRateEdit() const
{
    return m_learningRate;
}
