#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QUndoCommand>

class DatasetModel;

// One undoable change to the points of a DatasetModel: a point added, removed or moved. The
// moves of one drag (one gesture of DatasetModel::newGesture()) merge into a single step.
class PointCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(PointCommand)

public:
    static PointCommand *added(DatasetModel *model, int row, const QPointF &at);
    static PointCommand *removed(DatasetModel *model, int row, const QPointF &was);
    // `gesture` 0 is a move of its own (a typed edit); others merge with the moves before them
    // of the same gesture.
    static PointCommand *moved(DatasetModel *model, int row, const QPointF &from, const QPointF &to,
                               int gesture);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    enum class Kind { Add, Remove, Move };

    PointCommand(DatasetModel *model, Kind kind, int row, const QPointF &from, const QPointF &to,
                 int gesture);

    DatasetModel *m_model;
    Kind m_kind;
    int m_row;
    QPointF m_from; // where the point was (Remove, Move)
    QPointF m_to; // where it is after the change (Add, Move)
    int m_gesture;
};
