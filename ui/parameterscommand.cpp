#include "parameterscommand.h"

#include <utility>

ParametersCommand::ParametersCommand(double fromW, double fromB, double toW, double toB,
                                     Apply apply, const QString &text)
    : QUndoCommand(text)
    , m_fromW(fromW)
    , m_fromB(fromB)
    , m_toW(toW)
    , m_toB(toB)
    , m_apply(std::move(apply))
{
}

void ParametersCommand::redo()
{
    m_apply(m_toW, m_toB);
}

void ParametersCommand::undo()
{
    m_apply(m_fromW, m_fromB);
}

int ParametersCommand::id() const
{
    return 2; // PointCommand's drags are 1
}

bool ParametersCommand::mergeWith(const QUndoCommand *other)
{
    // Training moves w and b without a command: a change made after it is a step of its own,
    // or undoing it would skip back over what training reached.
    const auto *next = static_cast<const ParametersCommand *>(other);
    if (next->m_fromW != m_toW || next->m_fromB != m_toB)
        return false;
    m_toW = next->m_toW;
    m_toB = next->m_toB;
    return true;
}
