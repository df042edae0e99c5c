#pragma once

#include <QUndoCommand>

#include <functional>

// An undoable change of w and b made by hand (slider, spin box, a click on the loss surface).
// Consecutive changes merge into one step, so that scrubbing w is undone at once, unless
// something else (training) moved w and b in between.
class ParametersCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(double w, double b)>;

    ParametersCommand(double fromW, double fromB, double toW, double toB, Apply apply,
                      const QString &text);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    double m_fromW;
    double m_fromB;
    double m_toW;
    double m_toB;
    Apply m_apply;
};
