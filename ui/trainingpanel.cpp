#include "trainingpanel.h"

#include "numberformat.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace {

QString number(double value)
{
    return QString::number(value, 'g', 6);
}

} // namespace

TrainingPanel::TrainingPanel(QWidget *parent)
    : QWidget(parent)
    , m_train(new QPushButton(tr("&Train"), this))
    , m_step(new QPushButton(tr("&Step"), this))
    , m_reset(new QPushButton(tr("&Reset"), this))
    , m_learningRate(new QLineEdit(this))
    , m_stableLimit(new QLabel(this))
    , m_speed(new QComboBox(this))
    , m_maxSteps(new QSpinBox(this))
    , m_tolerance(new QLineEdit(this))
    , m_readout(new QLabel(this))
    , m_message(new QLabel(this))
{
    m_settings.maxSteps = 10000;
    m_settings.tolerance = 1e-6;

    m_train->setToolTip(tr("Run gradient descent on a worker thread; press again to pause"));
    m_step->setToolTip(tr("Take one gradient-descent step"));
    m_reset->setToolTip(tr("Go back to the starting w and clear the trail"));

    m_learningRate->setText(number(m_settings.learningRate));
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

    m_maxSteps->setRange(1, 1'000'000'000);
    m_maxSteps->setValue(int(m_settings.maxSteps));
    m_maxSteps->setGroupSeparatorShown(true);
    m_maxSteps->setToolTip(tr("Training stops by itself after this many steps"));
    m_tolerance->setText(number(m_settings.tolerance));
    m_tolerance->setAccessibleDescription(
        tr("Training stops when |gradient| falls below this (0: never)"));
    m_tolerance->setToolTip(m_tolerance->accessibleDescription());

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_train);
    buttons->addWidget(m_step);
    buttons->addWidget(m_reset);
    buttons->addStretch();

    auto *rate = new QHBoxLayout;
    rate->addWidget(m_learningRate);
    rate->addWidget(m_stableLimit, 1);

    auto *form = new QFormLayout;
    auto *rateLabel = new QLabel(tr("&Learning rate"), this);
    rateLabel->setBuddy(m_learningRate);
    form->addRow(rateLabel, rate);
    form->addRow(tr("S&peed"), m_speed);
    form->addRow(tr("Step &limit"), m_maxSteps);
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
    connect(m_learningRate, &QLineEdit::editingFinished, this, &TrainingPanel::readLearningRate);
    connect(m_tolerance, &QLineEdit::editingFinished, this, &TrainingPanel::readTolerance);
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

void TrainingPanel::setRunning(bool running)
{
    m_train->setText(running ? tr("&Pause") : tr("&Train"));
}

void TrainingPanel::showState(const TrainingStep &state)
{
    m_readout->setText(tr("step %1   w = %2   MSE = %3   dMSE/dw = %4")
                           .arg(state.step)
                           .arg(number(state.w), number(state.loss), number(state.gradient)));
}

void TrainingPanel::showStop(StopReason reason, const QString &message)
{
    showMessage(message, reason == StopReason::Diverged || reason == StopReason::NoData);
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

void TrainingPanel::setStableLimit(std::optional<double> limit)
{
    m_stableLimit->setText(limit ? tr("stable below %1").arg(number(*limit))
                                 : tr("every rate is stable (all x are 0)"));
}

void TrainingPanel::readLearningRate()
{
    const auto value = NumberFormat::parseFinite(m_learningRate->text().toStdString());
    if (!value || *value <= 0.0) {
        showFieldError(m_learningRate,
                       tr("The learning rate must be a positive number such as 0.01; "
                          "keeping %1.")
                           .arg(number(m_settings.learningRate)));
        return;
    }
    showFieldError(m_learningRate, QString());
    if (*value == m_settings.learningRate)
        return;
    m_settings.learningRate = *value;
    Q_EMIT settingsChanged(m_settings);
}

void TrainingPanel::readTolerance()
{
    const auto value = NumberFormat::parseFinite(m_tolerance->text().toStdString());
    if (!value || *value < 0.0) {
        showFieldError(m_tolerance,
                       tr("The tolerance must be 0 or a positive number; keeping %1.")
                           .arg(number(m_settings.tolerance)));
        return;
    }
    showFieldError(m_tolerance, QString());
    if (*value == m_settings.tolerance)
        return;
    m_settings.tolerance = *value;
    Q_EMIT settingsChanged(m_settings);
}

void TrainingPanel::showFieldError(QLineEdit *field, const QString &error)
{
    field->setStyleSheet(
        error.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 2px solid #b00020; }"));
    field->setToolTip(error.isEmpty() ? field->accessibleDescription() : error);
    if (!error.isEmpty())
        showMessage(error, true);
}
