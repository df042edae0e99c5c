#pragma once

#include <QPointer>
#include <QWidget>

// A ring in the palette's highlight colour drawn just inside a widget that draws no focus of
// its own (a chart, a list, the log), while it has the keyboard focus. QFocusFrame draws
// outside the widget, where splitters and the window's edge hide most of it.
class FocusRing : public QWidget
{
    Q_OBJECT

public:
    explicit FocusRing(QWidget *parent = nullptr);

    // Rings `widget` (on top of its children), or nothing for nullptr.
    void setWidget(QWidget *widget);
    QWidget *widget() const { return m_widget; }

    static constexpr int width = 3;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QPointer<QWidget> m_widget;
};
