#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <string_view>

class QIODevice;

// The cells of a delimited text file, before any column is chosen or any number is parsed.
struct CsvTable
{
    QStringList header; // column names; "1", "2", ... when the file has no header row
    bool hasHeader = false; // true when the first non-blank row was taken as a header
    // Data rows as text cells, quotes removed. A row holds the cells its line has: fewer than
    // the header when the line is short (the missing cells are empty), or more.
    QList<QStringList> rows;
    QList<int> lineNumbers; // 1-based line in the file where each row starts
    QChar separator = u','; // ',', ';' or '\t', detected from the file

    qsizetype columnCount() const { return header.size(); }
};

// One cell as the reader found it: valid UTF-8, quotes removed, blanks around an unquoted cell
// left out. It points into the reader's buffer and lasts until the handler returns.
struct CsvCell
{
    std::string_view text;
    bool ascii = true; // no byte above 0x7F

    QString toString() const;
    // The bytes toString() decodes into text: all of them but a byte order mark at the start,
    // which QString::fromUtf8() drops. What numbers are parsed from, so that "\uFEFF1" reads
    // as 1 here as it does from a CsvTable.
    std::string_view decodedText() const;
    // True when the cell holds nothing but white space, as QChar::isSpace() counts it.
    bool isBlank() const;
};

// Receives the rows of a file from CsvReader::read() as soon as each is complete.
class CsvRowHandler
{
public:
    virtual ~CsvRowHandler() = default;

    // The first row, before any other: the header when `isHeader`, else also the first data
    // row, which row() receives next. `separator` is ',', ';' or '\t'.
    virtual void start(char separator, std::span<const CsvCell> first, bool isHeader) = 0;
    // A data row and the 1-based line where it starts.
    virtual void row(std::span<const CsvCell> cells, int line) = 0;
    // A data row whose every cell is a plain finite number ("2", "-1.5e3": no blanks, quotes
    // or '+'), with `numbers[i]` the value std::from_chars read from cell i, which is what any
    // number parser of LossLab makes of it. By default passed on to row().
    virtual void numericRow(std::span<const CsvCell> cells, std::span<const double> numbers,
                            int line)
    {
        Q_UNUSED(numbers);
        row(cells, line);
    }
};

// Reads comma, semicolon or tab separated text: an optional UTF-8 BOM, LF or CRLF line ends,
// blank lines, quoted fields (with "" for a quote inside) and an optional header row.
// Binary data (NUL bytes, invalid UTF-8) and text without any row are rejected.
class CsvReader
{
public:
    // Parses `bytes`; on failure returns nothing and sets `*error` to one line naming the
    // problem and, where there is one, the line number.
    static std::optional<CsvTable> parse(QByteArrayView bytes, QString *error);

    // How much text read() takes from a device before parsing it: 1 MiB.
    static constexpr qint64 DefaultChunkBytes = qint64(1) << 20;

    // Reads `device` as read() below does and parses its text; errors as there.
    static std::optional<CsvTable> parse(QIODevice *device, QString *error,
                                         qint64 chunkBytes = DefaultChunkBytes);

    // Parses `bytes`, handing each row to `handler`; errors as for parse().
    static bool read(QByteArrayView bytes, CsvRowHandler *handler, QString *error);

    // Reads `device` to its end in chunks of `chunkBytes` (small ones are for tests) and hands
    // each row to `handler` as soon as it is complete, so that the text held at any time is
    // one chunk, or twice a row when a row is longer. A row cut by the end of a chunk is read
    // again from its start once the text held has doubled, so that even a row that trickles in
    // a few bytes at a time costs time in proportion to its length. Reading stops at the first
    // chunk with a NUL byte (the parser then names its line) and beyond 2 GiB ("the file is
    // larger than 2 GiB"), so that an endless device is refused early. Errors as for parse(),
    // plus "cannot read the file: ..." from the device.
    static bool read(QIODevice *device, CsvRowHandler *handler, QString *error,
                     qint64 chunkBytes = DefaultChunkBytes);
};
