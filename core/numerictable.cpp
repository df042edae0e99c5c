#include "numerictable.h"

#include "csvparser.h"
#include "csvreader.h"
#include "numberformat.h"

#include <QIODevice>

#include <algorithm>
#include <array>
#include <charconv>
#include <span>
#include <string>

namespace {

// What a message can show of a text cell, in UTF-16 units: more than it ever shows, so that
// shortening the kept text gives what shortening the whole cell would.
constexpr qsizetype KeptTextLength = 64;

// A data cell as a finite number, without any locale. UTF-8 text: a byte above 0x7F is never
// part of a number, so the bytes parse as their decoded text would. A plain number (no blanks,
// no '+') that std::from_chars takes whole is what parseFinite() would make of it; anything
// else goes through parseFinite().
std::optional<double> numberOf(const CsvCell &cell)
{
    const char *begin = cell.text.data();
    const char *end = begin + cell.text.size();
    double value = 0.0;
    const auto [stop, problem] = std::from_chars(begin, end, value);
    if (problem == std::errc() && stop == end && std::isfinite(value))
        return value;
    return NumberFormat::parseFinite(cell.decodedText());
}

// The same for a cell of a CsvTable. Numbers are plain ASCII, so the cell is narrowed into a
// stack buffer instead of allocating a UTF-8 copy for every cell.
std::optional<double> numberOf(const QString &cell)
{
    std::array<char, 128> buffer;
    const qsizetype size = cell.size();
    if (size > qsizetype(buffer.size())) {
        const QByteArray utf8 = cell.toUtf8();
        return NumberFormat::parseFinite({utf8.constData(), std::size_t(utf8.size())});
    }
    const QChar *chars = cell.constData();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t c = chars[i].unicode();
        if (c > 0x7F)
            return std::nullopt;
        buffer[std::size_t(i)] = char(c);
    }
    return NumberFormat::parseFinite({buffer.data(), std::size_t(size)});
}

bool isBlank(const CsvCell &cell)
{
    return cell.isBlank();
}

bool isBlank(const QString &cell)
{
    return std::all_of(cell.cbegin(), cell.cend(), [](QChar c) { return c.isSpace(); });
}

QString textOf(const CsvCell &cell)
{
    return cell.toString();
}

const QString &textOf(const QString &cell)
{
    return cell;
}

// Whether the cell reads as a number once its commas are dots: "1,5" written with a decimal
// comma.
bool hasDecimalComma(const QString &cell)
{
    return numberOf(QString(cell).replace(u',', u'.')).has_value();
}

bool hasDecimalComma(const CsvCell &cell)
{
    std::string text(cell.decodedText());
    std::replace(text.begin(), text.end(), ',', '.');
    return NumberFormat::parseFinite(text).has_value();
}

} // namespace

// Fills a NumericTable row by row, from CsvReader or from a CsvTable.
class NumericTableBuilder : public CsvRowHandler
{
public:
    void start(char separator, std::span<const CsvCell> first, bool isHeader) override
    {
        Q_UNUSED(separator);
        QStringList header;
        if (isHeader) {
            header.reserve(qsizetype(first.size()));
            for (const CsvCell &cell : first)
                header.append(cell.toString());
        } else {
            for (std::size_t i = 1; i <= first.size(); ++i)
                header.append(QString::number(i));
        }
        setHeader(header, isHeader);
    }

    void row(std::span<const CsvCell> cells, int line) override { add(cells, line); }
    void numericRow(std::span<const CsvCell> cells, std::span<const double> numbers,
                    int line) override;

    void setHeader(const QStringList &header, bool isHeader)
    {
        m_table.m_header = header;
        m_table.m_hasHeader = isHeader;
        const auto columns = std::size_t(header.size());
        m_table.m_filled.assign(columns, 0);
        m_table.m_numbers.assign(columns, 0);
        m_table.m_firstText.assign(columns, NumericTable::TextCell());
    }

    template<typename Cells> void add(const Cells &cells, int line);
    void noteLine(int line);
    // The bytes of text still to come after the header, when known: the first row then sizes
    // the table once instead of letting it grow by doubling.
    void expectBytes(qint64 bytes) { m_expectedBytes = bytes; }

    NumericTable take()
    {
        // Every cell of a numeric row is a filled number cell.
        for (std::size_t column = 0; column < m_table.m_filled.size(); ++column) {
            m_table.m_filled[column] += m_numericRows;
            m_table.m_numbers[column] += m_numericRows;
        }
        m_numericRows = 0;
        return std::move(m_table);
    }

private:
    void reserveFor(std::span<const CsvCell> firstRow);

    NumericTable m_table;
    qint64 m_expectedBytes = 0;
    qsizetype m_numericRows = 0; // rows numericRow() took whole, not yet in the counts
};

// Reserves room for as many rows as the expected text holds if each is as long as the first
// (plus a tenth), within the parser's cell budget.
void NumericTableBuilder::reserveFor(std::span<const CsvCell> firstRow)
{
    if (m_expectedBytes <= 0 || firstRow.empty())
        return;
    const char *begin = firstRow.front().text.data();
    const char *end = firstRow.back().text.data() + firstRow.back().text.size();
    const qint64 rowBytes = std::max<qint64>(end - begin + 1, 2);
    const qint64 rows = m_expectedBytes / rowBytes + m_expectedBytes / rowBytes / 10 + 16;
    const qint64 cells = std::min(rows * m_table.columnCount(), CsvParser::MaxCells);
    m_table.m_values.reserve(std::size_t(cells));
}

// A row of numbers as wide as the table or wider, the rows of most numeric files: its numbers
// go in as they are.
void NumericTableBuilder::numericRow(std::span<const CsvCell> cells,
                                     std::span<const double> numbers, int line)
{
    NumericTable &table = m_table;
    const auto width = std::size_t(table.columnCount());
    if (numbers.size() < width)
        return add(cells, line);
    if (table.m_rowCount == 0)
        reserveFor(cells);
    noteLine(line);
    for (std::size_t column = 0; column < width; ++column)
        table.m_values.push_back(numbers[column]);
    ++m_numericRows;
    if (table.m_ragged)
        table.m_rowEnds.push_back(table.m_values.size());
    ++table.m_rowCount;
}

// Notes where the next row starts, keeping only where rows stop following line after line.
void NumericTableBuilder::noteLine(int line)
{
    NumericTable &table = m_table;
    const qsizetype row = table.m_rowCount;
    if (table.m_lineRuns.empty()
        || table.m_lineRuns.back().second + (row - table.m_lineRuns.back().first) != line) {
        table.m_lineRuns.emplace_back(row, line);
    }
}

template<typename Cells> void NumericTableBuilder::add(const Cells &cells, int line)
{
    NumericTable &table = m_table;
    const qsizetype row = table.m_rowCount;
    noteLine(line);

    const auto width = std::size_t(table.columnCount());
    const std::size_t present = std::min(std::size_t(cells.size()), width);
    if (present < width && !table.m_ragged) {
        // The first short row: from here on each row's end is kept.
        table.m_ragged = true;
        table.m_rowEnds.reserve(std::size_t(row) + 1);
        for (qsizetype i = 1; i <= row; ++i)
            table.m_rowEnds.push_back(std::size_t(i) * width);
    }

    for (std::size_t column = 0; column < present; ++column) {
        const auto &cell = cells[qsizetype(column)];
        if (const std::optional<double> number = numberOf(cell)) {
            table.m_values.push_back(*number);
            ++table.m_filled[column];
            ++table.m_numbers[column];
            continue;
        }
        table.m_values.push_back(std::numeric_limits<double>::quiet_NaN());
        if (isBlank(cell))
            continue;
        ++table.m_filled[column];
        NumericTable::TextCell &text = table.m_firstText[column];
        if (text.row < 0)
            text = {row, textOf(cell).trimmed().left(KeptTextLength), hasDecimalComma(cell)};
    }
    if (table.m_ragged)
        table.m_rowEnds.push_back(table.m_values.size());
    ++table.m_rowCount;
}

std::optional<NumericTable> NumericTable::read(QIODevice *device, QString *error, qint64 chunkBytes)
{
    NumericTableBuilder builder;
    if (!device->isSequential())
        builder.expectBytes(device->size() - device->pos());
    if (!CsvReader::read(device, &builder, error, chunkBytes))
        return std::nullopt;
    return builder.take();
}

NumericTable NumericTable::fromTable(const CsvTable &table)
{
    NumericTableBuilder builder;
    builder.setHeader(table.header, table.hasHeader);
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const int line = i < table.lineNumbers.size() ? table.lineNumbers.at(i)
                                                      : int(i) + (table.hasHeader ? 2 : 1);
        builder.add(table.rows.at(i), line);
    }
    return builder.take();
}

int NumericTable::lineOf(qsizetype row) const
{
    const auto run = std::upper_bound(
        m_lineRuns.cbegin(), m_lineRuns.cend(), row,
        [](qsizetype wanted, const std::pair<qsizetype, int> &run) { return wanted < run.first; });
    if (run == m_lineRuns.cbegin())
        return 0;
    const auto &[first, line] = *std::prev(run);
    return line + int(row - first);
}
