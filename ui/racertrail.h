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
    // Every stride-th step is kept in `steps` (1: every step), plus the latest one.
    qint64 stride = 1;
};

namespace RacerStyle {

// Each optimizer keeps its colour in every view: Okabe–Ito's vermillion, blue, sky blue,
// reddish purple and bluish green, and Paul Tol's wine for AdaGrad (Okabe–Ito's orange is the
// loss curve's). tst_chartstyle checks them apart under simulated colour-vision deficiencies.
QColor color(OptimizerKind kind);
// What a trail kept every `stride` steps shows, in words: "every 4th step shown"; empty for a
// trail that shows every step.
QString shownSteps(qint64 stride);

} // namespace RacerStyle
