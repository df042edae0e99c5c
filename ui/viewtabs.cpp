#include "viewtabs.h"

#include "gridsearchpanel.h"
#include "lossstepview.h"
#include "losssurfaceview.h"
#include "modelpanel.h"
#include "optimizerinspector.h"

#include <QCheckBox>
#include <QTabBar>
#include <QVBoxLayout>

ViewTabs::ViewTabs(LossStepView *lossStep, LossSurfaceView *surface, ModelPanel *modelPanel,
                   OptimizerInspector *inspector, GridSearchPanel *gridSearch, QWidget *parent)
    : QTabWidget(parent)
    , m_surface(surface)
{
    auto *lossPerStep = new QWidget;
    m_logScale = new QCheckBox(tr("Logarithmic loss a&xis"), lossPerStep);
    m_logScale->setToolTip(
        tr("Show the loss on a log scale: steady convergence is a straight line"));
    connect(m_logScale, &QCheckBox::toggled, lossStep, &LossStepView::setLogScale);
    auto *lossPerStepLayout = new QVBoxLayout(lossPerStep);
    lossPerStepLayout->setContentsMargins(0, 0, 0, 0);
    lossPerStepLayout->addWidget(m_logScale);
    lossPerStepLayout->addWidget(lossStep, 1);

    setTabToolTip(addTab(lossPerStep, tr("Loss per step")),
                  tr("The loss after each step of training (Ctrl+Tab: the next tab)"));
    const int surfaceTab = addTab(surface, tr("Loss surface"));
    setTabToolTip(surfaceTab, tr("The loss over (w, b), for the model y = w·x + b"));
    setTabEnabled(surfaceTab, false);
    setTabToolTip(addTab(modelPanel, tr("Model and optimizer")),
                  tr("Choose the model, the loss, the optimizer and its rivals"));
    setTabToolTip(addTab(inspector, tr("Optimizer state")),
                  tr("The optimizer's velocity or averages at the current step"));
    setTabToolTip(addTab(gridSearch, tr("Grid search")),
                  tr("Replay the lesson's search over every w on the grid"));
    tabBar()->setAccessibleName(tr("views"));
    tabBar()->setToolTip(tr("The views under the controls; Ctrl+Tab shows the next"));
}

void ViewTabs::setSurfaceEnabled(bool enabled, bool show)
{
    setTabEnabled(indexOf(m_surface), enabled);
    if (enabled && show)
        setCurrentWidget(m_surface);
}
