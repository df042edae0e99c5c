#pragma once

#include "dataset.h"
#include "objective.h"

#include <QAbstractTableModel>
#include <QPointF>

class PointCommand;
class QUndoStack;

// The window's data, model, loss and current parameters, as a table: x, y, the prediction
// w·x (+ b) and each point's loss. The one place the window's data and parameters change;
// every view follows its signals.
class DatasetModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { XColumn, YColumn, PredictionColumn, SquaredErrorColumn, ColumnCount };

    explicit DatasetModel(QObject *parent = nullptr);

    const Dataset &dataset() const { return m_data; }
    double w() const { return m_w; }
    double b() const { return m_b; }
    const Objective &objective() const { return m_objective; }
    // The data the model is trained on: the points themselves, or with x standardized.
    const Dataset &trainingData() const { return m_standardized ? m_zData : m_data; }
    bool isStandardized() const { return m_standardized; }
    // Trains on z = (x − mean)/sd instead of x (sd 1 when every x is equal); the points and
    // the fitted line stay in the original units.
    void setStandardized(bool standardized);
    // x as the model sees it.
    double modelX(double x) const { return m_standardized ? (x - m_meanX) / m_scaleX : x; }

    // The model's prediction at x (original units) with the current parameters.
    double predict(double x) const { return m_w * modelX(x) + m_b; }
    // The prediction at x with w in place of the current w.
    double predict(double x, double w) const { return w * modelX(x) + m_b; }

    // Replaces the data; the names are the file's column headers, shown beside x and y.
    // Returns the data replaced.
    Dataset setDataset(Dataset data, const QString &xName = {}, const QString &yName = {});
    const QString &xName() const { return m_xName; }
    const QString &yName() const { return m_yName; }
    // "x" or "x: income" when the column has a name.
    QString xLabel() const;
    QString yLabel() const;
    void setW(double w);
    // b is kept at 0 for the model y = w·x.
    void setB(double b);
    void setParameters(double w, double b);
    void setObjective(const Objective &objective);
    // Edits of single points. With an undo stack set, each is pushed onto it as a
    // PointCommand, and moves with the same non-zero `gesture` (see newGesture()) are one step.
    void setPoint(int row, double x, double y, int gesture = 0);
    int addPoint(double x, double y);
    void removePoint(int row);
    void setUndoStack(QUndoStack *stack) { m_undoStack = stack; }
    // A new gesture number, for the moves of one drag.
    int newGesture() { return ++m_lastGesture; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // Any change to the points: an edit, an addition, a removal or a new dataset.
    void pointsChanged();
    // Point `row` was moved from `from` (emitted just before pointsChanged()), so that a view
    // of a million points can update two pixels instead of redrawing them all.
    void pointMoved(int row, const QPointF &from);
    // The dataset was replaced as a whole (a file was opened).
    void datasetReplaced();
    // w or b changed.
    void parametersChanged();
    // The model or the loss changed.
    void objectiveChanged();
    // A typed edit was refused; `message` says why.
    void editRejected(const QString &message);

private:
    friend class PointCommand;
    // The edits themselves, never recorded.
    void setPointNow(int row, double x, double y);
    void insertPointNow(int row, double x, double y);
    void removePointNow(int row);
    void record(PointCommand *command);

    void emitRowChanged(int row);
    void emitComputedColumnsChanged();
    void refreshTrainingData();

    Dataset m_data = Dataset::lesson();
    Dataset m_zData;
    bool m_standardized = false;
    double m_meanX = 0.0;
    double m_scaleX = 1.0;
    QString m_xName;
    QString m_yName;
    Objective m_objective;
    double m_w = 0.0;
    double m_b = 0.0;
    QUndoStack *m_undoStack = nullptr;
    int m_lastGesture = 0;
};
