#include "numberfield.h"

#include "localenumber.h"

#include <cmath>

namespace {

QString number(double value)
{
    return LocaleNumber::readable(value, 6);
}

} // namespace

NumberField::NumberField(double value, double minimum, bool allowMinimum, double maximum,
                         QWidget *parent)
    : QLineEdit(parent)
    , m_value(value)
    , m_minimum(minimum)
    , m_allowMinimum(allowMinimum)
    , m_maximum(maximum)
{
    setText(number(value));
    connect(this, &QLineEdit::editingFinished, this, &NumberField::readText);
}

void NumberField::setValue(double value)
{
    m_value = value;
    m_error.clear();
    setStyleSheet(QString());
    setText(number(value));
}

void NumberField::readText()
{
    const auto parsed = LocaleNumber::parse(text());
    const bool inRange = parsed && (*parsed > m_minimum || (m_allowMinimum && *parsed == m_minimum))
        && *parsed < m_maximum;
    if (!inRange) {
        const QString bound = m_allowMinimum ? tr("%1 or more").arg(number(m_minimum))
                                             : tr("more than %1").arg(number(m_minimum));
        const QString upper =
            std::isfinite(m_maximum) ? tr(" and less than %1").arg(number(m_maximum)) : QString();
        const QString what = parsed ? tr("'%1' is not %2%3").arg(text(), bound, upper)
                                    : tr("'%1' %2").arg(text(), LocaleNumber::whyNot(text()));
        m_error = accessibleName().isEmpty()
            ? tr("%1; keeping %2.").arg(what, number(m_value))
            : tr("%1: %2; keeping %3.").arg(accessibleName(), what, number(m_value));
        setStyleSheet(QStringLiteral("QLineEdit { border: 2px solid #b00020; }"));
        setToolTip(m_error);
        Q_EMIT rejected(m_error);
        return;
    }
    const bool hadError = !m_error.isEmpty();
    m_error.clear();
    setStyleSheet(QString());
    setToolTip(accessibleDescription());
    if (hadError)
        Q_EMIT errorCleared();
    if (*parsed == m_value)
        return;
    m_value = *parsed;
    Q_EMIT valueChanged(m_value);
}
