#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

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

// Reads comma, semicolon or tab separated text: an optional UTF-8 BOM, LF or CRLF line ends,
// blank lines, quoted fields (with "" for a quote inside) and an optional header row.
// Binary data (NUL bytes, invalid UTF-8) and text without any row are rejected.
class CsvReader
{
public:
    // Parses `bytes`; on failure returns nothing and sets `*error` to one line naming the
    // problem and, where there is one, the line number.
    static std::optional<CsvTable> parse(QByteArrayView bytes, QString *error);
};
