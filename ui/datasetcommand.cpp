#include "datasetcommand.h"

#include <utility>

DatasetCommand::DatasetCommand(DatasetState state, Show show, const QString &text)
    : QUndoCommand(text)
    , m_state(std::move(state))
    , m_show(std::move(show))
{
}

void DatasetCommand::redo()
{
    m_state = m_show(std::move(m_state));
}

void DatasetCommand::undo()
{
    m_state = m_show(std::move(m_state));
}
