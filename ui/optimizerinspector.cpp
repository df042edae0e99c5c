#include "optimizerinspector.h"

#include "localenumber.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QString ruleOf(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Gd:
        return OptimizerInspector::tr("Gradient descent keeps no state: each step is −lr·g.");
    case OptimizerKind::Momentum:
        return OptimizerInspector::tr("Momentum: v ← μv + (1 − dampening)·g, then w ← w − lr·v.");
    case OptimizerKind::Nesterov:
        return OptimizerInspector::tr("Nesterov: v ← μv + g, then w ← w − lr·(g + μv).");
    case OptimizerKind::Adagrad:
        return OptimizerInspector::tr("AdaGrad: s ← s + g², then w ← w − lr_t·g/(√s + ε).");
    case OptimizerKind::Rmsprop:
        return OptimizerInspector::tr("RMSprop: s ← αs + (1 − α)g², then w ← w − lr·g/(√s + ε).");
    case OptimizerKind::Adam:
        return OptimizerInspector::tr("Adam: m ← β1·m + (1 − β1)g, v ← β2·v + (1 − β2)g², "
                                      "w ← w − lr·m̂/(√v̂ + ε).");
    }
    return {};
}

} // namespace

OptimizerInspector::OptimizerInspector(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setAccessibleName(tr("optimizer state"));
    m_table->setToolTip(tr("The optimizer's state for each parameter after the current step"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    showState(0, {});
}

void OptimizerInspector::setOptimizer(OptimizerKind kind)
{
    m_kind = kind;
    showState(0, {});
}

void OptimizerInspector::setObjective(const Objective &objective)
{
    m_bias = objective.hasBias();
}

void OptimizerInspector::showState(qint64 step, const std::vector<OptimizerStateEntry> &state)
{
    m_summary->setText(tr("%1\nState after step %2:").arg(ruleOf(m_kind)).arg(step));
    QStringList columns = {tr("w")};
    if (m_bias)
        columns.append(tr("b"));
    m_table->setColumnCount(int(columns.size()));
    m_table->setHorizontalHeaderLabels(columns);
    m_table->setRowCount(int(state.size()));
    QStringList rows;
    for (std::size_t row = 0; row < state.size(); ++row) {
        const OptimizerStateEntry &entry = state[row];
        rows.append(entry.name);
        for (int column = 0; column < columns.size(); ++column) {
            const QString text = column < entry.values.size()
                ? LocaleNumber::readable(entry.values(column))
                : QString();
            auto *item = new QTableWidgetItem(text);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(int(row), column, item);
        }
    }
    m_table->setVerticalHeaderLabels(rows);
}
