#pragma once

#include "dataset.h"
#include "trainingstep.h"

#include <QString>

#include <vector>

class QIODevice;

// Writes the window's tables as CSV: a header row, then numbers in the shortest text that
// reads back to the same double, with a dot whatever the locale, so that LossLab and any
// spreadsheet read back exactly what was shown.
class CsvWriter
{
public:
    // The points as two columns named `xName` and `yName` ("x" and "y" when empty).
    static void writeDataset(QIODevice *device, const Dataset &data, const QString &xName,
                             const QString &yName);

    // The steps one optimizer took, for writeTrails().
    struct Trail
    {
        QString optimizer;
        std::vector<TrainingStep> steps;
    };
    // Every trail's steps, one row a step: optimizer, step, w, b, loss and the gradient. A loss
    // too large to represent leaves its cells empty.
    static void writeTrails(QIODevice *device, const std::vector<Trail> &trails);

    // A header cell: as it is, or quoted (with "" for a quote) when it holds a separator, a
    // quote, a line break or surrounding blanks.
    static QByteArray cell(const QString &text);
};
