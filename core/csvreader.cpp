#include "csvreader.h"

#include "numberformat.h"

#include <algorithm>
#include <array>
#include <limits>

namespace {

// Limits that keep a hostile or mistaken file from exhausting memory. Line numbers are ints, so
// the whole text must stay below 2 GiB; a row longer than 64 MiB is not a table anyone meant to
// plot; 16384 columns is what common spreadsheets allow; and the cell budget bounds the QString
// objects the table can hold to about a gigabyte. Short rows are not padded to the header's
// width, so that every cell held was at least a separator in the file: padding let a 64 KiB
// file (a wide header over many one-cell lines) fill that gigabyte.
constexpr qsizetype MaxBytes = std::numeric_limits<int>::max();
constexpr qsizetype MaxRowBytes = qsizetype(64) * 1024 * 1024;
constexpr qsizetype MaxColumns = 16384;
constexpr qsizetype MaxCells = 50'000'000;

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isLineEnd(char c)
{
    return c == '\n' || c == '\r';
}

// Narrows [*begin, *end) to leave out leading and trailing spaces and tabs. Callers pass a
// range without separators in it, so a tab here is never a tab separator.
void trimBlanks(const char **begin, const char **end)
{
    while (*begin < *end && isBlank(**begin))
        ++*begin;
    while (*end > *begin && isBlank((*end)[-1]))
        --*end;
}

// Length of the valid UTF-8 sequence that starts at `p` with a byte >= 0x80, or 0 when the
// bytes there are not valid UTF-8 (stray continuation bytes, overlong forms, surrogates, code
// points above U+10FFFF, or a sequence cut off by `end`).
int utf8SequenceLength(const char *p, const char *end)
{
    const auto byte = [](const char *at) {
        return static_cast<unsigned char>(*at);
    };
    const unsigned char lead = byte(p);
    int length = 0;
    unsigned char secondMin = 0x80;
    unsigned char secondMax = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            secondMin = 0xA0; // overlong below U+0800
        else if (lead == 0xED)
            secondMax = 0x9F; // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            secondMin = 0x90; // overlong below U+10000
        else if (lead == 0xF4)
            secondMax = 0x8F; // above U+10FFFF
    } else {
        return 0;
    }

    if (end - p < length)
        return 0;
    if (byte(p + 1) < secondMin || byte(p + 1) > secondMax)
        return 0;
    for (int i = 2; i < length; ++i) {
        if (byte(p + i) < 0x80 || byte(p + i) > 0xBF)
            return 0;
    }
    return length;
}

// Picks the separator from the first record (quotes respected, so a quoted newline does not
// end it): the most frequent of tab, semicolon and comma outside quotes. On a tie the rarer
// separators win, because a comma is more often part of the text (a decimal comma in a
// semicolon file) than a semicolon or tab is in a comma file. Where semicolons are present, a
// comma between two digits is a decimal comma and does not count: "1,5;3,0" has two columns,
// not three. No separator at all means a single column, and the comma is as good a default as
// any.
char detectSeparator(const char *p, const char *end)
{
    const std::array<char, 3> separators {'\t', ';', ','};
    std::array<qsizetype, 3> counts {};
    qsizetype decimalCommas = 0;
    const auto isDigit = [](char c) {
        return c >= '0' && c <= '9';
    };
    const char *const begin = p;
    bool quoted = false;
    bool atFieldStart = true; // a quote opens a field only here, as in the parser
    for (; p < end; ++p) {
        const char c = *p;
        if (quoted) {
            if (c == '"' && p + 1 < end && p[1] == '"')
                ++p;
            else if (c == '"')
                quoted = atFieldStart = false;
            continue;
        }
        if (c == '"' && atFieldStart) {
            quoted = true;
            continue;
        }
        if (isLineEnd(c))
            break;

        const auto separator = std::find(separators.begin(), separators.end(), c);
        if (separator != separators.end()) {
            ++counts[separator - separators.begin()];
            if (c == ',' && p > begin && isDigit(p[-1]) && p + 1 < end && isDigit(p[1]))
                ++decimalCommas;
            atFieldStart = true;
        } else if (!isBlank(c)) {
            atFieldStart = false;
        }
    }

    if (counts[1] > 0)
        counts[2] -= decimalCommas;
    int best = 0;
    for (int i = 1; i < 3; ++i) {
        if (counts[i] > counts[best])
            best = i;
    }
    return counts[best] > 0 ? separators[best] : ',';
}

// One pass over the bytes: validates the text, counts lines and splits rows into cells.
class Parser
{
public:
    Parser(const char *begin, const char *end, QString *error)
        : m_p(begin)
        , m_end(end)
        , m_error(error)
    {
    }

    std::optional<CsvTable> run();

private:
    bool skipBlankLine();
    void consumeLineEnd();
    bool readRow(QStringList *cells);
    bool readField(QString *cell);
    bool readQuotedField(QString *cell);
    bool checkByte(const char *at, int *length);
    bool fail(const QString &message);

    const char *m_p;
    const char *m_end;
    QString *m_error;
    char m_separator = ',';
    qint64 m_line = 1;
    qint64 m_rowLine = 1;
    const char *m_rowStart = nullptr;
    QByteArray m_unescaped; // reused buffer for quoted fields that contain ""
};

bool Parser::fail(const QString &message)
{
    if (m_error)
        *m_error = message;
    return false;
}

// Checks the byte (or UTF-8 sequence) at `at` and stores how many bytes it spans.
bool Parser::checkByte(const char *at, int *length)
{
    const auto byte = static_cast<unsigned char>(*at);
    *length = 1;
    if (byte == 0)
        return fail(QStringLiteral("not a text file (binary data at line %1)").arg(m_line));
    if (byte < 0x80)
        return true;
    *length = utf8SequenceLength(at, m_end);
    if (*length == 0)
        return fail(QStringLiteral("not a text file (binary data at line %1)").arg(m_line));
    return true;
}

// Skips the line at m_p when it holds nothing but blanks; returns whether it did.
bool Parser::skipBlankLine()
{
    const char *q = m_p;
    while (q < m_end && isBlank(*q))
        ++q;
    if (q < m_end && !isLineEnd(*q))
        return false;
    m_p = q;
    consumeLineEnd();
    return true;
}

// LF, CRLF and a lone CR each end one line.
void Parser::consumeLineEnd()
{
    if (m_p >= m_end)
        return;
    if (*m_p == '\r' && m_p + 1 < m_end && m_p[1] == '\n')
        ++m_p;
    ++m_p;
    ++m_line;
}

// Reads one row starting at m_p and leaves m_p at the start of the next line.
bool Parser::readRow(QStringList *cells)
{
    cells->clear();
    m_rowLine = m_line;
    m_rowStart = m_p;
    for (;;) {
        QString cell;
        if (!readField(&cell))
            return false;

        if (m_p - m_rowStart > MaxRowBytes)
            return fail(QStringLiteral("line %1 is longer than 64 MiB").arg(m_rowLine));
        if (cells->size() == MaxColumns) {
            return fail(
                QStringLiteral("line %1 has more than %2 columns").arg(m_rowLine).arg(MaxColumns));
        }
        cells->append(cell);

        if (m_p < m_end && *m_p == m_separator) {
            ++m_p;
            continue;
        }
        consumeLineEnd();
        return true;
    }
}

// Reads one cell and leaves m_p on the separator or line end after it (or at the end).
// Unquoted cells lose their surrounding blanks; quoted cells keep their content exactly.
bool Parser::readField(QString *cell)
{
    const char *start = m_p;
    while (m_p < m_end && isBlank(*m_p) && *m_p != m_separator)
        ++m_p;
    if (m_p < m_end && *m_p == '"')
        return readQuotedField(cell);

    m_p = start;
    bool ascii = true;
    while (m_p < m_end && *m_p != m_separator && !isLineEnd(*m_p)) {
        int length = 1;
        if (!checkByte(m_p, &length))
            return false;
        ascii = ascii && length == 1;
        m_p += length;
    }

    // Checked before the copy, so an oversized cell is never turned into a QString.
    if (m_p - m_rowStart > MaxRowBytes)
        return fail(QStringLiteral("line %1 is longer than 64 MiB").arg(m_rowLine));

    const char *last = m_p;
    trimBlanks(&start, &last);
    *cell =
        ascii ? QString::fromLatin1(start, last - start) : QString::fromUtf8(start, last - start);
    return true;
}

// m_p is on the opening quote. The field is first scanned to its closing quote (validating and
// counting lines) and only then copied, so an unterminated quote in a large file reports the
// quote instead of building a huge cell.
bool Parser::readQuotedField(QString *cell)
{
    const qint64 quoteLine = m_line;
    ++m_p;
    const char *contentStart = m_p;
    bool escaped = false;
    bool ascii = true;
    for (;;) {
        if (m_p >= m_end) {
            return fail(
                QStringLiteral("a quoted field that starts on line %1 never ends").arg(quoteLine));
        }
        const char c = *m_p;
        if (c == '"') {
            if (m_p + 1 < m_end && m_p[1] == '"') {
                escaped = true;
                m_p += 2;
                continue;
            }
            break;
        }
        if (c == '\r' || c == '\n') {
            // A quoted line break is part of the cell but still counts as a line of the file.
            if (c == '\r' && m_p + 1 < m_end && m_p[1] == '\n')
                ++m_p;
            ++m_p;
            ++m_line;
            continue;
        }
        int length = 1;
        if (!checkByte(m_p, &length))
            return false;
        ascii = ascii && length == 1;
        m_p += length;
    }
    const char *contentEnd = m_p;
    ++m_p;

    if (m_p - m_rowStart > MaxRowBytes)
        return fail(QStringLiteral("line %1 is longer than 64 MiB").arg(m_rowLine));

    // Text after the closing quote is not valid CSV; keeping it (minus blanks) loses nothing.
    const char *trailStart = m_p;
    while (m_p < m_end && *m_p != m_separator && !isLineEnd(*m_p)) {
        int length = 1;
        if (!checkByte(m_p, &length))
            return false;
        ascii = ascii && length == 1;
        m_p += length;
    }
    const char *trailEnd = m_p;
    trimBlanks(&trailStart, &trailEnd);

    if (!escaped && trailStart == trailEnd) {
        const qsizetype size = contentEnd - contentStart;
        *cell =
            ascii ? QString::fromLatin1(contentStart, size) : QString::fromUtf8(contentStart, size);
        return true;
    }

    m_unescaped.resize(0);
    for (const char *q = contentStart; q < contentEnd; ++q) {
        m_unescaped.append(*q);
        if (*q == '"')
            ++q; // the second quote of ""
    }
    m_unescaped.append(trailStart, trailEnd - trailStart);
    *cell = QString::fromUtf8(m_unescaped);
    return true;
}

std::optional<CsvTable> Parser::run()
{
    if (m_end - m_p > MaxBytes) {
        fail(QStringLiteral("the file is larger than 2 GiB"));
        return std::nullopt;
    }

    if (m_end - m_p >= 3 && m_p[0] == '\xEF' && m_p[1] == '\xBB' && m_p[2] == '\xBF')
        m_p += 3;
    if (m_p == m_end) {
        fail(QStringLiteral("the file is empty"));
        return std::nullopt;
    }

    while (m_p < m_end && skipBlankLine()) { }
    if (m_p == m_end) {
        fail(QStringLiteral("the file is empty (it has only blank lines)"));
        return std::nullopt;
    }

    CsvTable table;
    m_separator = detectSeparator(m_p, m_end);
    table.separator = QChar::fromLatin1(m_separator);

    QStringList first;
    if (!readRow(&first))
        return std::nullopt;
    const qint64 firstLine = m_rowLine;

    // A header is any first row with text in it; a row of numbers (and empty cells) is data.
    for (const QString &cell : std::as_const(first)) {
        if (!cell.trimmed().isEmpty() && !NumberFormat::parseFinite(cell.toStdString())) {
            table.hasHeader = true;
            break;
        }
    }
    if (table.hasHeader) {
        table.header = first;
    } else {
        const qsizetype count = first.size();
        table.header.reserve(count);
        for (qsizetype i = 1; i <= count; ++i)
            table.header.append(QString::number(i));
        table.rows.append(std::move(first));
        table.lineNumbers.append(int(firstLine));
    }

    qsizetype cells = table.header.size();
    while (m_p < m_end) {
        if (skipBlankLine())
            continue;
        QStringList row;
        if (!readRow(&row))
            return std::nullopt;

        cells += row.size();
        if (cells > MaxCells) {
            fail(QStringLiteral("line %1: too much data (more than %2 cells)")
                     .arg(m_rowLine)
                     .arg(MaxCells));
            return std::nullopt;
        }
        table.rows.append(std::move(row));
        table.lineNumbers.append(int(m_rowLine));
    }

    if (table.rows.isEmpty()) {
        fail(QStringLiteral("no data rows"));
        return std::nullopt;
    }
    return table;
}

} // namespace

std::optional<CsvTable> CsvReader::parse(QByteArrayView bytes, QString *error)
{
    Parser parser(bytes.data(), bytes.data() + bytes.size(), error);
    return parser.run();
}
