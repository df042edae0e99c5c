#pragma once

#include "dataset.h"

#include <QString>
#include <QUndoCommand>

#include <functional>

// What the window shows as its data: the points, the title, the columns' names and the file
// they came from (empty for points not read from a file).
struct DatasetState
{
    Dataset data;
    QString title;
    QString xName;
    QString yName;
    QString sourceFile;
};

// An undoable replacement of the window's data: a file opened, an example, the points
// cleared. It holds only the state not shown, so a large dataset is never kept twice.
class DatasetCommand : public QUndoCommand
{
public:
    // Shows the state given and returns the one it replaced.
    using Show = std::function<DatasetState(DatasetState)>;

    DatasetCommand(DatasetState state, Show show, const QString &text);

    void redo() override;
    void undo() override;

private:
    DatasetState m_state;
    Show m_show;
};
