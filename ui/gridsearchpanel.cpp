#include "gridsearchpanel.h"

#include "gridsearch.h"
#include "localenumber.h"
#include "mseloss.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

GridSearchPanel::GridSearchPanel(QWidget *parent)
    : QWidget(parent)
    , m_run(new QPushButton(tr("Run &grid search"), this))
    , m_summary(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
    , m_timer(this)
{
    m_run->setToolTip(tr("Try every w on the grid, as in the lesson, and drop each onto the "
                         "loss curve"));
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setAccessibleName(tr("grid search log"));
    m_log->setToolTip(tr("The printout of the grid search: each w's predictions, losses and MSE"));
    // Reached with Tab and read or scrolled with the arrow keys.
    m_log->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_log->setPlaceholderText(tr("The grid search prints every w's predictions and losses here."));

    auto *top = new QHBoxLayout;
    top->addWidget(m_run);
    top->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_log, 1);

    m_timer.setInterval(replayIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &GridSearchPanel::revealNext);
    connect(m_run, &QPushButton::clicked, this, &GridSearchPanel::runRequested);
}

void GridSearchPanel::start(const Dataset &data, const ParameterRange &range)
{
    m_data = data;
    m_grid = GridSearch::grid(range.minimum, range.maximum, range.step);
    m_decimals = GridSearch::labelDecimals(range.minimum, range.step);
    m_next = 0;
    m_log->clear();
    // Tab stops four spaces apart, measured here rather than when the panel is made: the fixed
    // font is loaded only once a search is run.
    m_log->setTabStopDistance(4 * m_log->fontMetrics().horizontalAdvance(u' '));
    m_summary->setText(tr("w from %1 to %2 in steps of %3")
                           .arg(LocaleNumber::fixed(range.minimum, m_decimals),
                                LocaleNumber::fixed(range.maximum, m_decimals),
                                LocaleNumber::shortest(range.step)));
    Q_EMIT started();
    m_timer.start();
}

void GridSearchPanel::stop()
{
    m_timer.stop();
}

void GridSearchPanel::finish()
{
    while (m_timer.isActive())
        revealNext();
}

void GridSearchPanel::revealNext()
{
    if (m_next >= m_grid.size()) {
        m_timer.stop();
        return;
    }
    const double w = m_grid[m_next++];
    const double loss = MseLoss::loss(m_data, w);
    if (m_next == 1 || loss < m_bestLoss) {
        m_bestW = w;
        m_bestLoss = loss;
    }
    m_log->appendPlainText(GridSearch::reportBlock(m_data, w, m_decimals, shownPoints).chopped(1));
    Q_EMIT pointEvaluated(w, loss);

    if (m_next < m_grid.size())
        return;
    m_timer.stop();
    if (m_data.allXZero()) {
        m_summary->setText(tr("Every w gives the same MSE: all x are 0, so w has no effect."));
        return;
    }
    m_summary->setText(tr("Lowest MSE on the grid: w = %1, MSE = %2")
                           .arg(LocaleNumber::fixed(m_bestW, m_decimals),
                                LocaleNumber::fixedOrWords(m_bestLoss, 2)));
}
