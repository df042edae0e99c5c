#include "racertrail.h"

#include <QCoreApplication>

namespace RacerStyle {

QColor color(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Gd:
        return QColor(0xD5, 0x5E, 0x00);
    case OptimizerKind::Momentum:
        return QColor(0x00, 0x72, 0xB2);
    case OptimizerKind::Nesterov:
        return QColor(0x56, 0xB4, 0xE9);
    case OptimizerKind::Adagrad:
        // Not Okabe–Ito's orange, which is the loss curve's own colour: Paul Tol's wine.
        return QColor(0x88, 0x22, 0x55);
    case OptimizerKind::Rmsprop:
        return QColor(0xCC, 0x79, 0xA7);
    case OptimizerKind::Adam:
        return QColor(0x00, 0x9E, 0x73);
    }
    return Qt::black;
}

QString shownSteps(qint64 stride)
{
    if (stride <= 1)
        return {};
    // English ordinals (2nd, 4th, 11th); a language without them translates each as "%1".
    const qint64 lastTwo = stride % 100;
    const qint64 last = stride % 10;
    const QString ordinal = lastTwo >= 11 && lastTwo <= 13
        ? QCoreApplication::translate("RacerStyle", "%1th", "ordinal: 4th, 11th")
        : last == 1 ? QCoreApplication::translate("RacerStyle", "%1st", "ordinal: 1st, 21st")
        : last == 2 ? QCoreApplication::translate("RacerStyle", "%1nd", "ordinal: 2nd, 32nd")
        : last == 3 ? QCoreApplication::translate("RacerStyle", "%1rd", "ordinal: 3rd, 43rd")
                    : QCoreApplication::translate("RacerStyle", "%1th", "ordinal: 4th, 11th");
    return QCoreApplication::translate("RacerStyle", "every %1 step shown")
        .arg(ordinal.arg(stride));
}

} // namespace RacerStyle
