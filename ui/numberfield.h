#pragma once

#include <QLineEdit>

// A line edit for one number (1e-8 and 0.01 alike) in the window's locale; a dot is read in
// every locale (see LocaleNumber::parse). A typed value that is not a number or is out of range
// is refused: the field turns red, says why in its tooltip and keeps its last good value.
class NumberField : public QLineEdit
{
    Q_OBJECT

public:
    // Values must be above `minimum` (or equal to it with `allowMinimum`) and below
    // `maximum` (never equal).
    NumberField(double value, double minimum, bool allowMinimum, double maximum,
                QWidget *parent = nullptr);

    double value() const { return m_value; }
    void setValue(double value);
    // The reason the last typed text was refused; empty when it was taken.
    const QString &error() const { return m_error; }

Q_SIGNALS:
    void valueChanged(double value);
    void rejected(const QString &error);
    // A valid value was typed after a rejected one.
    void errorCleared();

private:
    void readText();

    double m_value;
    double m_minimum;
    bool m_allowMinimum;
    double m_maximum;
    QString m_error;
};
