#include "focusring.h"

#include <QEvent>
#include <QPainter>

FocusRing::FocusRing(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
}

void FocusRing::setWidget(QWidget *widget)
{
    if (m_widget)
        m_widget->removeEventFilter(this);
    m_widget = widget;
    if (!widget) {
        hide();
        return;
    }
    setParent(widget);
    setGeometry(widget->rect());
    widget->installEventFilter(this);
    raise();
    show();
}

bool FocusRing::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_widget && event->type() == QEvent::Resize)
        setGeometry(m_widget->rect());
    // A child shown later (a chart's viewport) would cover the ring.
    if (watched == m_widget && event->type() == QEvent::ChildAdded)
        raise();
    return QWidget::eventFilter(watched, event);
}

void FocusRing::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const qreal inset = width / 2.0;
    painter.setPen(QPen(palette().color(QPalette::Highlight), width));
    painter.drawRect(QRectF(rect()).adjusted(inset, inset, -inset, -inset));
}
