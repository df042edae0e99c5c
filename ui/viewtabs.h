#pragma once

#include <QTabWidget>

class GridSearchPanel;
class LossStepView;
class LossSurfaceView;
class ModelPanel;
class OptimizerInspector;
class QCheckBox;

// The views under the training controls, one tab each: the loss per step (with its
// logarithmic-axis box), the loss surface (only for y = w·x + b), the model and optimizer, the
// optimizer's state and the grid search. Each tab explains itself in a tooltip.
class ViewTabs : public QTabWidget
{
    Q_OBJECT

public:
    ViewTabs(LossStepView *lossStep, LossSurfaceView *surface, ModelPanel *modelPanel,
             OptimizerInspector *inspector, GridSearchPanel *gridSearch, QWidget *parent = nullptr);

    QCheckBox *logScaleBox() const { return m_logScale; }
    // The loss surface has a tab only for a model with a bias; `show` brings it in front.
    void setSurfaceEnabled(bool enabled, bool show);

private:
    QWidget *m_surface;
    QCheckBox *m_logScale;
};
