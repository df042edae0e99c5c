#pragma once

#include "csvreader.h"

#include <QString>
#include <QStringList>

#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

class QIODevice;

// The data cells of a CSV file as numbers, for choosing columns and building a Dataset: eight
// bytes a cell instead of a QString each, so that a file can be read row by row without
// holding its text. A cell that is missing, blank or not a finite number reads as NaN; what
// the messages need of the text cells is kept per column.
class NumericTable
{
public:
    // The first cell of a column that is neither blank nor a finite number.
    struct TextCell
    {
        qsizetype row = -1; // data row, or -1 when the column has no such cell
        // The cell without surrounding white space, cut after 64 UTF-16 units (enough for a
        // message, which shortens it further).
        QString text;
        bool decimalComma = false; // a number once its commas are dots ("1,5")
    };

    // Reads CSV text from `device` row by row, `chunkBytes` at a time (see CsvReader::read());
    // errors as there.
    static std::optional<NumericTable> read(QIODevice *device, QString *error,
                                            qint64 chunkBytes = CsvReader::DefaultChunkBytes);
    // Parses the cells of `table`. Rows without a line number (hand-built tables) are counted
    // from the line after the header.
    static NumericTable fromTable(const CsvTable &table);

    // Column names; "1", "2", ... when the file has no header row.
    const QStringList &header() const { return m_header; }
    bool hasHeader() const { return m_hasHeader; }
    qsizetype columnCount() const { return m_header.size(); }
    qsizetype rowCount() const { return m_rowCount; }

    // The number in data row `row` and column `column` (both 0-based and in range), or NaN
    // when the row has no such cell or it is blank or not a finite number.
    double value(qsizetype row, qsizetype column) const
    {
        if (!m_ragged)
            return m_values[std::size_t(row * columnCount() + column)];
        const std::size_t begin = row == 0 ? 0 : m_rowEnds[std::size_t(row - 1)];
        const std::size_t at = begin + std::size_t(column);
        return at < m_rowEnds[std::size_t(row)] ? m_values[at]
                                                : std::numeric_limits<double>::quiet_NaN();
    }

    // The 1-based line of the file where data row `row` starts.
    int lineOf(qsizetype row) const;

    // How many data cells of `column` are not blank, and how many of those are finite numbers.
    qsizetype filledCells(qsizetype column) const { return m_filled[std::size_t(column)]; }
    qsizetype numberCells(qsizetype column) const { return m_numbers[std::size_t(column)]; }
    const TextCell &firstText(qsizetype column) const { return m_firstText[std::size_t(column)]; }

private:
    friend class NumericTableBuilder;

    QStringList m_header;
    bool m_hasHeader = false;
    qsizetype m_rowCount = 0;
    // The cells of each row up to the header's width, row after row. While every row has the
    // full width, m_rowEnds stays empty; from the first short row on (m_ragged) it holds where
    // each row ends in m_values, so that short rows under a wide header cost only their own
    // cells.
    std::vector<double> m_values;
    bool m_ragged = false;
    std::vector<std::size_t> m_rowEnds;
    // (first row, its line) where rows stop following one line after another (blank lines,
    // quoted line breaks).
    std::vector<std::pair<qsizetype, int>> m_lineRuns;
    std::vector<qsizetype> m_filled;
    std::vector<qsizetype> m_numbers;
    std::vector<TextCell> m_firstText;
};
