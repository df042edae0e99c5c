#include "pointcommand.h"

#include "datasetmodel.h"
#include "localenumber.h"

namespace {

QString shortText(double value)
{
    return LocaleNumber::shortest(value);
}

} // namespace

PointCommand::PointCommand(DatasetModel *model, Kind kind, int row, const QPointF &from,
                           const QPointF &to, int gesture)
    : m_model(model)
    , m_kind(kind)
    , m_row(row)
    , m_from(from)
    , m_to(to)
    , m_gesture(gesture)
{
}

PointCommand *PointCommand::added(DatasetModel *model, int row, const QPointF &at)
{
    auto *command = new PointCommand(model, Kind::Add, row, at, at, 0);
    command->setText(tr("Add point (%1, %2)").arg(shortText(at.x()), shortText(at.y())));
    return command;
}

PointCommand *PointCommand::removed(DatasetModel *model, int row, const QPointF &was)
{
    auto *command = new PointCommand(model, Kind::Remove, row, was, was, 0);
    command->setText(tr("Remove point %1").arg(row + 1));
    return command;
}

PointCommand *PointCommand::moved(DatasetModel *model, int row, const QPointF &from,
                                  const QPointF &to, int gesture)
{
    auto *command = new PointCommand(model, Kind::Move, row, from, to, gesture);
    command->setText(gesture != 0 ? tr("Drag point %1").arg(row + 1)
                                  : tr("Edit point %1").arg(row + 1));
    return command;
}

void PointCommand::redo()
{
    switch (m_kind) {
    case Kind::Add:
        m_model->insertPointNow(m_row, m_to.x(), m_to.y());
        break;
    case Kind::Remove:
        m_model->removePointNow(m_row);
        break;
    case Kind::Move:
        m_model->setPointNow(m_row, m_to.x(), m_to.y());
        break;
    }
}

void PointCommand::undo()
{
    switch (m_kind) {
    case Kind::Add:
        m_model->removePointNow(m_row);
        break;
    case Kind::Remove:
        m_model->insertPointNow(m_row, m_from.x(), m_from.y());
        break;
    case Kind::Move:
        m_model->setPointNow(m_row, m_from.x(), m_from.y());
        break;
    }
}

int PointCommand::id() const
{
    // One id for every drag; mergeWith() tells the gestures apart.
    return m_kind == Kind::Move && m_gesture != 0 ? 1 : -1;
}

bool PointCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const PointCommand *>(other);
    if (next->m_gesture != m_gesture || next->m_row != m_row)
        return false;
    m_to = next->m_to;
    return true;
}
