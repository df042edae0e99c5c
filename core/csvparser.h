#pragma once

#include "csvreader.h"

#include <QString>

#include <array>
#include <limits>
#include <span>
#include <string>
#include <vector>

// Validates CSV text, counts lines and splits rows into cells, handing each complete row to a
// CsvRowHandler: the parser behind CsvReader. It takes its input in pieces: feed() parses the
// complete rows of what it is given and says how much it consumed; the rest is given again
// with more bytes after it.
class CsvParser
{
public:
    // Limits that keep a hostile or mistaken file from exhausting memory. Line numbers are
    // ints, so the whole text must stay below 2 GiB; a row longer than 64 MiB is not a table
    // anyone meant to plot; 16384 columns is what common spreadsheets allow; and the cell
    // budget bounds what a table of the cells can hold (QStrings in a CsvTable, doubles in a
    // NumericTable). Short rows are not padded to the header's width, so that every cell held
    // was at least a separator in the file: padding let a 64 KiB file (a wide header over many
    // one-cell lines) fill a gigabyte.
    static constexpr qsizetype MaxBytes = std::numeric_limits<int>::max();
    static constexpr qsizetype MaxRowBytes = qsizetype(64) * 1024 * 1024;
    static constexpr qsizetype MaxColumns = 16384;
    static constexpr qsizetype MaxCells = 50'000'000;

    enum class Result { Done, Failed, NeedMore };

    // `error`, when not null, receives the message of a failure.
    CsvParser(CsvRowHandler *handler, QString *error)
        : m_handler(handler)
        , m_error(error)
    {
    }

    // Parses [begin, end); `final` when no byte follows. On NeedMore, `*consumed` bytes are
    // done with and the rest must be given again, followed by more.
    Result feed(const char *begin, const char *end, bool final, qsizetype *consumed);

private:
    // One cell of the row being read: either a range of the input or, for a quoted cell
    // with "" in it, a range of m_unescaped (which may move while the row grows).
    struct RawCell
    {
        const char *begin = nullptr;
        qsizetype size = 0;
        qsizetype unescapedAt = -1;
        bool ascii = true;
    };

    enum class Stage { Bom, Empty, LeadingBlankLines, FirstRow, Rows };

    Result parse();
    bool atEnd(const char *at) const;
    void checkpoint();
    char detectSeparator() const;
    bool skipBlankLine();
    void consumeLineEnd();
    bool readRow();
    bool readNumericRow();
    bool readField(RawCell *cell);
    bool readQuotedField(RawCell *cell);
    const char *skipPlain(const char *p) const;
    bool checkByte(const char *at, int *length);
    bool fail(const QString &message);
    std::span<const CsvCell> cells();

    CsvRowHandler *m_handler;
    QString *m_error;
    Stage m_stage = Stage::Bom;
    const char *m_begin = nullptr;
    const char *m_p = nullptr;
    const char *m_end = nullptr;
    bool m_final = false;
    const char *m_checkpoint = nullptr; // the start of the row being read
    qint64 m_checkpointLine = 1;
    char m_separator = ',';
    std::array<bool, 256> m_plain {}; // bytes that need no check inside an unquoted field
    qint64 m_line = 1;
    qint64 m_rowLine = 1;
    const char *m_rowStart = nullptr;
    qsizetype m_cellCount = 0;
    qsizetype m_dataRows = 0;
    std::vector<RawCell> m_rawCells;
    std::vector<CsvCell> m_cells;
    std::vector<double> m_numbers; // the values of a numeric row (readNumericRow())
    std::string m_unescaped; // the unescaped text of the row's quoted cells that contain ""
};
