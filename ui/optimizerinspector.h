#pragma once

#include "objective.h"
#include "optimizer.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

// Shows the chosen optimizer's internal state per parameter at the current step: SGD's
// velocity, the accumulators of AdaGrad and RMSprop, Adam's m, v, m̂, v̂ and effective step.
class OptimizerInspector : public QWidget
{
    Q_OBJECT

public:
    explicit OptimizerInspector(QWidget *parent = nullptr);

    void setOptimizer(OptimizerKind kind);
    void setObjective(const Objective &objective);
    void showState(qint64 step, const std::vector<OptimizerStateEntry> &state);

    QTableWidget *table() const { return m_table; }
    QLabel *summary() const { return m_summary; }

private:
    OptimizerKind m_kind = OptimizerKind::Gd;
    bool m_bias = false;
    QLabel *m_summary;
    QTableWidget *m_table;
};
