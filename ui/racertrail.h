#pragma once

#include "optimizer.h"
#include "trainingstep.h"

#include <QColor>
#include <QString>

#include <vector>

// One optimizer's trail in a race, as the views draw it.
struct RacerTrail
{
    OptimizerKind kind = OptimizerKind::Gd;
    std::vector<TrainingStep> steps;
};

namespace RacerStyle {

// Each optimizer keeps its colour in every view (Okabe–Ito palette).
QColor color(OptimizerKind kind);
// The name in legends: "gradient descent", "momentum", …
QString label(OptimizerKind kind);

} // namespace RacerStyle
