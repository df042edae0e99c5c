#include "timelinepanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_label(new QLabel(this))
    , m_continue(new QPushButton(tr("&Continue from here"), this))
{
    m_slider->setRange(0, 0);
    m_slider->setAccessibleName(tr("training timeline"));
    m_slider->setToolTip(tr("Drag back to see w, b, the line and the loss at an earlier step."));
    m_slider->setStatusTip(
        tr("Go back through the kept steps of the run without losing it; the end is the latest."));
    m_continue->setAccessibleName(tr("continue from here"));
    m_continue->setToolTip(
        tr("Train on from the step shown, with the optimizer's state it had there."));
    m_continue->setStatusTip(
        tr("Drop the steps after the one shown, so that Train and Step go on from it."));
    // Room for runs of up to a million steps, so that the slider keeps its length as they grow.
    m_label->setMinimumWidth(
        m_label->fontMetrics().horizontalAdvance(tr("Step %1 of %2").arg(999'999).arg(999'999)));
    auto *title = new QLabel(tr("Timeline"), this);
    title->setBuddy(m_slider);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    layout->addWidget(m_continue);

    connect(m_slider, &QSlider::valueChanged, this, &TimelinePanel::handleSliderMoved);
    connect(m_continue, &QPushButton::clicked, this, [this] {
        if (!isAtLatest())
            Q_EMIT continueRequested(shownStep().step);
    });
    updateLabel();
    updateEnabled();
}

void TimelinePanel::setTrail(std::vector<TrainingStep> steps)
{
    m_steps = std::move(steps);
    {
        const QSignalBlocker quiet(m_slider);
        const int last = std::max(0, int(m_steps.size()) - 1);
        m_slider->setRange(0, last);
        m_slider->setPageStep(std::max(1, last / 10));
        m_slider->setValue(last);
    }
    updateLabel();
    updateEnabled();
}

void TimelinePanel::setRunning(bool running)
{
    m_running = running;
    if (running)
        showLatest();
    updateEnabled();
}

void TimelinePanel::showLatest()
{
    m_slider->setValue(m_slider->maximum());
}

bool TimelinePanel::isAtLatest() const
{
    return m_slider->value() == m_slider->maximum();
}

TrainingStep TimelinePanel::shownStep() const
{
    const auto index = std::size_t(m_slider->value());
    return index < m_steps.size() ? m_steps[index] : TrainingStep();
}

void TimelinePanel::handleSliderMoved(int index)
{
    updateLabel();
    updateEnabled();
    if (index >= 0 && std::size_t(index) < m_steps.size())
        Q_EMIT stepSelected(m_steps[std::size_t(index)], isAtLatest());
}

void TimelinePanel::updateLabel()
{
    if (m_steps.size() < 2) {
        m_label->setText(tr("No steps yet"));
    } else {
        m_label->setText(tr("Step %1 of %2").arg(shownStep().step).arg(m_steps.back().step));
    }
    m_slider->setAccessibleDescription(m_label->text());
}

void TimelinePanel::updateEnabled()
{
    m_slider->setEnabled(m_steps.size() >= 2 && !m_running);
    m_continue->setEnabled(m_steps.size() >= 2 && !m_running && !isAtLatest());
}
