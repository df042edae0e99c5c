#pragma once

#include "csvreader.h"
#include "dataset.h"
#include "numerictable.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A dataset taken from two columns of a CSV file, with what had to be skipped.
struct LoadedData
{
    Dataset data;
    QString xName; // header name (or column number) of the x column
    QString yName;
    int xColumn = 0; // 0-based columns in the table
    int yColumn = 1;
    qsizetype skippedRows = 0; // rows whose x or y cell is missing or not a finite number
    QList<int> skippedLines; // the first few (at most 5) of those rows' line numbers
    // From a session file: the fields it lacked, filled with defaults (see SessionFile::load).
    QStringList warnings;

    // One sentence for the user about skipped rows ("Skipped 2 rows ... lines 4, 7."), or
    // an empty string when nothing was skipped.
    QString skippedSummary() const;
};

// Turns a CSV file or table into a Dataset: picks the x and y columns, parses numbers the
// same way in every locale, skips unusable rows and counts them.
class DatasetLoader
{
public:
    // Reads and parses `path`. `xColumn` and `yColumn` are a header name or a 1-based column
    // number; empty means the default, the first two numeric columns. On failure returns
    // nothing and sets `*error` to one line naming the file and, where there is one, the line.
    // A session file (`.losslab`, see SessionFile) gives its points and the names of the
    // columns they came from; it takes no columns to choose.
    static std::optional<LoadedData> loadFile(const QString &path, const QString &xColumn,
                                              const QString &yColumn, QString *error);

    // Reads and parses `path` row by row without choosing columns, keeping the cells as
    // numbers: what loadFile() and the window do. Memory holds the numbers and one chunk of
    // text, even when `path` is a pipe. Errors as for loadFile().
    static std::optional<NumericTable> readNumbers(const QString &path, QString *error);
    // A session keeps the columns it was saved with: false, with `*error` saying so, when an x
    // or y column is given for the session file `path`.
    static bool checkSessionColumns(const QString &path, const QString &xColumn,
                                    const QString &yColumn, QString *error);

    // Reads and parses `path` into text cells without choosing columns; errors as for
    // loadFile().
    static std::optional<CsvTable> readTable(const QString &path, QString *error);

    // Chooses the columns of a parsed table; errors name the line but not the file.
    static std::optional<LoadedData> fromTable(const NumericTable &table, const QString &xColumn,
                                               const QString &yColumn, QString *error);
    static std::optional<LoadedData> fromTable(const CsvTable &table, const QString &xColumn,
                                               const QString &yColumn, QString *error);

    // 0-based indices of the columns where most non-empty cells are finite numbers.
    static QList<int> numericColumns(const NumericTable &table);
    static QList<int> numericColumns(const CsvTable &table);

    // Resolves a header name or 1-based number to a 0-based column, or -1.
    static int resolveColumn(const NumericTable &table, const QString &column);
    static int resolveColumn(const CsvTable &table, const QString &column);
};
