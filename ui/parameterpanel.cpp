#include "parameterpanel.h"

#include "localenumber.h"
#include "parameterslider.h"

#include <QGridLayout>
#include <QLabel>
#include <QSlider>

#include <cmath>

ParameterPanel::ParameterPanel(QWidget *parent)
    : QWidget(parent)
    , m_w(new ParameterSlider(tr("w"), tr("weight w"), this))
    , m_b(new ParameterSlider(tr("b"), tr("bias b"), this))
    , m_loss(new QLabel(this))
{
    QFont bold = m_loss->font();
    bold.setBold(true);
    m_loss->setFont(bold);
    m_loss->setMinimumWidth(
        m_loss->fontMetrics().horizontalAdvance(QStringLiteral("Huber = 0.000000e+00")));
    m_loss->setAccessibleName(tr("loss"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_w, 0, 0);
    layout->addWidget(m_loss, 0, 1);
    layout->addWidget(m_b, 1, 0);
    layout->setColumnStretch(0, 1);
    m_b->hide();

    connect(m_w, &ParameterSlider::edited, this, &ParameterPanel::wEdited);
    connect(m_b, &ParameterSlider::edited, this, &ParameterPanel::bEdited);
}

void ParameterPanel::setRange(const ParameterRange &range)
{
    m_w->setRange(range);
}

const ParameterRange &ParameterPanel::range() const
{
    return m_w->range();
}

void ParameterPanel::setBiasRange(const ParameterRange &range)
{
    m_b->setRange(range);
}

const ParameterRange &ParameterPanel::biasRange() const
{
    return m_b->range();
}

void ParameterPanel::setBiasVisible(bool visible)
{
    m_b->setVisible(visible);
}

void ParameterPanel::setW(double w)
{
    m_w->setValue(w);
}

void ParameterPanel::setB(double b)
{
    m_b->setValue(b);
}

void ParameterPanel::setLoss(double loss, bool hasData, LossKind kind)
{
    const QString name = Objective::label(kind);
    if (!hasData)
        m_loss->setText(tr("%1: no points").arg(name));
    else if (!std::isfinite(loss))
        m_loss->setText(tr("%1 too large to represent").arg(name));
    else
        m_loss->setText(tr("%1 = %2").arg(name, LocaleNumber::readable(loss)));
    // What a screen reader says of the state: "w 1.9, mean squared error 0.047".
    QString spoken = tr("w %1").arg(LocaleNumber::readable(m_w->value()));
    if (m_b->isVisible())
        spoken += tr(", b %1").arg(LocaleNumber::readable(m_b->value()));
    if (hasData && std::isfinite(loss)) {
        spoken += tr(", %1 %2").arg(Objective::title(kind), LocaleNumber::readable(loss));
    }
    m_spokenState = spoken;
    m_loss->setAccessibleDescription(spoken);
    m_w->slider()->setAccessibleDescription(spoken);
}

QSlider *ParameterPanel::slider() const
{
    return m_w->slider();
}
