#include "csvparser.h"

#include "numberformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace {

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

// Thrown when the parser reaches the end of the bytes it holds while more may follow: the
// row it was reading is read again from its start once more bytes have arrived.
struct NeedMoreBytes
{
};

} // namespace

bool CsvParser::fail(const QString &message)
{
    if (m_error)
        *m_error = message;
    return false;
}

// Whether `at` is at the end of the input; at the end of a piece that more bytes follow, the
// answer waits for them.
bool CsvParser::atEnd(const char *at) const
{
    if (at < m_end)
        return false;
    if (!m_final)
        throw NeedMoreBytes();
    return true;
}

void CsvParser::checkpoint()
{
    m_checkpoint = m_p;
    m_checkpointLine = m_line;
}

// Picks the separator from the first record (quotes respected, so a quoted newline does not
// end it): the most frequent of tab, semicolon and comma outside quotes. On a tie the rarer
// separators win, because a comma is more often part of the text (a decimal comma in a
// semicolon file) than a semicolon or tab is in a comma file. Where semicolons are present, a
// comma between two digits is a decimal comma and does not count: "1,5;3,0" has two columns,
// not three. No separator at all means a single column, and the comma is as good a default as
// any.
char CsvParser::detectSeparator() const
{
    const std::array<char, 3> separators {'\t', ';', ','};
    std::array<qsizetype, 3> counts {};
    qsizetype decimalCommas = 0;
    const auto isDigit = [](char c) {
        return c >= '0' && c <= '9';
    };
    const char *const begin = m_p;
    bool quoted = false;
    bool atFieldStart = true; // a quote opens a field only here, as in the parser
    for (const char *p = m_p; !atEnd(p); ++p) {
        const char c = *p;
        if (quoted) {
            if (c == '"' && !atEnd(p + 1) && p[1] == '"')
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
            if (c == ',' && p > begin && isDigit(p[-1]) && !atEnd(p + 1) && isDigit(p[1]))
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

// Checks the byte (or UTF-8 sequence) at `at` and stores how many bytes it spans.
bool CsvParser::checkByte(const char *at, int *length)
{
    const auto byte = static_cast<unsigned char>(*at);
    *length = 1;
    if (byte == 0)
        return fail(
            QCoreApplication::translate("CsvParser", "not a text file (binary data at line %1)")
                .arg(m_line));
    if (byte < 0x80)
        return true;
    if (!m_final && m_end - at < 4)
        throw NeedMoreBytes(); // the sequence may go on in the next piece
    *length = utf8SequenceLength(at, m_end);
    if (*length == 0)
        return fail(
            QCoreApplication::translate("CsvParser", "not a text file (binary data at line %1)")
                .arg(m_line));
    return true;
}

// Skips the line at m_p when it holds nothing but blanks; returns whether it did.
bool CsvParser::skipBlankLine()
{
    const char *q = m_p;
    while (!atEnd(q) && isBlank(*q))
        ++q;
    if (!atEnd(q) && !isLineEnd(*q))
        return false;
    m_p = q;
    consumeLineEnd();
    return true;
}

// LF, CRLF and a lone CR each end one line.
void CsvParser::consumeLineEnd()
{
    if (atEnd(m_p))
        return;
    if (*m_p == '\r' && !atEnd(m_p + 1) && m_p[1] == '\n')
        ++m_p;
    ++m_p;
    ++m_line;
}

// The cells of the row just read, as views that stay valid until the next row.
std::span<const CsvCell> CsvParser::cells()
{
    m_cells.resize(m_rawCells.size());
    for (std::size_t i = 0; i < m_rawCells.size(); ++i) {
        const RawCell &raw = m_rawCells[i];
        const char *begin = raw.unescapedAt < 0 ? raw.begin : m_unescaped.data() + raw.unescapedAt;
        m_cells[i] = CsvCell {std::string_view(begin, std::size_t(raw.size)), raw.ascii};
    }
    return m_cells;
}

// Reads one row starting at m_p and leaves m_p at the start of the next line.
bool CsvParser::readRow()
{
    m_rawCells.clear();
    m_unescaped.clear();
    m_rowLine = m_line;
    m_rowStart = m_p;
    for (;;) {
        RawCell cell;
        if (!readField(&cell))
            return false;

        if (m_p - m_rowStart > MaxRowBytes)
            return fail(QCoreApplication::translate("CsvParser", "line %1 is longer than 64 MiB")
                            .arg(m_rowLine));
        if (qsizetype(m_rawCells.size()) == MaxColumns) {
            return fail(QCoreApplication::translate("CsvParser", "line %1 has more than %2 columns")
                            .arg(m_rowLine)
                            .arg(MaxColumns));
        }
        m_rawCells.push_back(cell);

        if (!atEnd(m_p) && *m_p == m_separator) {
            ++m_p;
            continue;
        }
        consumeLineEnd();
        return true;
    }
}

// Reads the row at m_p when it is nothing but plain finite numbers between separators, ending
// at a line end or the end of the text, and leaves m_p at the start of the next line; returns
// false, having moved nothing, for any other row. Most rows of a numeric file are such rows,
// and std::from_chars then both finds and parses each cell in one pass over its bytes. The
// rows it declines (blanks, quotes, text, an unfinished row at the end of a piece) are read
// by readRow(), which makes of them what it always did.
bool CsvParser::readNumericRow()
{
    // The cells go straight into m_cells, as cells() would make them: plain ASCII ranges.
    m_cells.clear();
    m_numbers.clear();
    const char *p = m_p;
    for (;;) {
        double value = 0.0;
        const auto [stop, problem] = std::from_chars(p, m_end, value);
        if (problem != std::errc() || !std::isfinite(value) || (stop == m_end && !m_final))
            return false;
        if (qsizetype(m_cells.size()) == MaxColumns)
            return false;
        m_cells.push_back(CsvCell {std::string_view(p, std::size_t(stop - p)), true});
        m_numbers.push_back(value);
        if (stop == m_end) {
            p = stop;
            break;
        }
        if (*stop == m_separator) {
            p = stop + 1;
            continue;
        }
        if (*stop == '\n') {
            p = stop + 1;
            break;
        }
        if (*stop != '\r' || (stop + 1 == m_end && !m_final))
            return false;
        p = stop + 1 < m_end && stop[1] == '\n' ? stop + 2 : stop + 1;
        break;
    }
    if (p - m_p > MaxRowBytes)
        return false;
    m_rowLine = m_line;
    m_rowStart = m_p;
    m_p = p;
    ++m_line;
    return true;
}

// Reads one cell and leaves m_p on the separator or line end after it (or at the end).
// Unquoted cells lose their surrounding blanks; quoted cells keep their content exactly.
bool CsvParser::readField(RawCell *cell)
{
    const char *start = m_p;
    while (!atEnd(m_p) && isBlank(*m_p) && *m_p != m_separator)
        ++m_p;
    if (!atEnd(m_p) && *m_p == '"')
        return readQuotedField(cell);

    m_p = start;
    bool ascii = true;
    for (;;) {
        m_p = skipPlain(m_p);
        if (atEnd(m_p) || *m_p == m_separator || isLineEnd(*m_p))
            break;
        int length = 1;
        if (!checkByte(m_p, &length))
            return false;
        ascii = ascii && length == 1;
        m_p += length;
    }

    // Checked before the cell is handed on, so an oversized cell is never copied.
    if (m_p - m_rowStart > MaxRowBytes)
        return fail(QCoreApplication::translate("CsvParser", "line %1 is longer than 64 MiB")
                        .arg(m_rowLine));

    const char *last = m_p;
    trimBlanks(&start, &last);
    *cell = RawCell {start, last - start, -1, ascii};
    return true;
}

// The first byte from `p` on that ends an unquoted field or needs a check: the separator, a
// line end, a NUL byte or a byte of a UTF-8 sequence. Sixteen bytes at a time where SSE2 is
// there (every x86-64 processor), since most of a numeric file's bytes are in such fields.
const char *CsvParser::skipPlain(const char *p) const
{
#ifdef __SSE2__
    const __m128i separator = _mm_set1_epi8(m_separator);
    const __m128i carriageReturn = _mm_set1_epi8('\r');
    const __m128i lineFeed = _mm_set1_epi8('\n');
    const __m128i nul = _mm_setzero_si128();
    while (m_end - p >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i stops = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(bytes, separator), _mm_cmpeq_epi8(bytes, carriageReturn)),
            _mm_or_si128(_mm_cmpeq_epi8(bytes, lineFeed), _mm_cmpeq_epi8(bytes, nul)));
        // The sign bit is set in a stop and in any byte above 0x7F.
        const auto mask = unsigned(_mm_movemask_epi8(_mm_or_si128(stops, bytes)));
        if (mask != 0)
            return p + std::countr_zero(mask);
        p += 16;
    }
#endif
    while (p < m_end && m_plain[static_cast<unsigned char>(*p)])
        ++p;
    return p;
}

// m_p is on the opening quote. The field is first scanned to its closing quote (validating and
// counting lines) and only then copied, so an unterminated quote in a large file reports the
// quote instead of building a huge cell.
bool CsvParser::readQuotedField(RawCell *cell)
{
    const qint64 quoteLine = m_line;
    ++m_p;
    const char *contentStart = m_p;
    bool escaped = false;
    bool ascii = true;
    for (;;) {
        if (atEnd(m_p)) {
            return fail(QCoreApplication::translate(
                            "CsvParser", "a quoted field that starts on line %1 never ends")
                            .arg(quoteLine));
        }
        const char c = *m_p;
        if (c == '"') {
            if (!atEnd(m_p + 1) && m_p[1] == '"') {
                escaped = true;
                m_p += 2;
                continue;
            }
            break;
        }
        if (c == '\r' || c == '\n') {
            // A quoted line break is part of the cell but still counts as a line of the file.
            if (c == '\r' && !atEnd(m_p + 1) && m_p[1] == '\n')
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
        return fail(QCoreApplication::translate("CsvParser", "line %1 is longer than 64 MiB")
                        .arg(m_rowLine));

    // Text after the closing quote is not valid CSV; keeping it (minus blanks) loses nothing.
    const char *trailStart = m_p;
    while (!atEnd(m_p) && *m_p != m_separator && !isLineEnd(*m_p)) {
        int length = 1;
        if (!checkByte(m_p, &length))
            return false;
        ascii = ascii && length == 1;
        m_p += length;
    }
    const char *trailEnd = m_p;
    trimBlanks(&trailStart, &trailEnd);

    if (!escaped && trailStart == trailEnd) {
        *cell = RawCell {contentStart, contentEnd - contentStart, -1, ascii};
        return true;
    }

    const auto at = qsizetype(m_unescaped.size());
    for (const char *q = contentStart; q < contentEnd; ++q) {
        m_unescaped.push_back(*q);
        if (*q == '"')
            ++q; // the second quote of ""
    }
    m_unescaped.append(trailStart, trailEnd);
    *cell = RawCell {nullptr, qsizetype(m_unescaped.size()) - at, at, ascii};
    return true;
}

CsvParser::Result CsvParser::feed(const char *begin, const char *end, bool final,
                                  qsizetype *consumed)
{
    m_begin = m_p = m_checkpoint = begin;
    m_end = end;
    m_final = final;
    m_line = m_checkpointLine;
    try {
        const Result result = parse();
        *consumed = m_p - begin;
        return result;
    } catch (const NeedMoreBytes &) {
        // The row in progress is read again from its start, line count included.
        m_line = m_checkpointLine;
        *consumed = m_checkpoint - begin;
        return Result::NeedMore;
    }
}

CsvParser::Result CsvParser::parse()
{
    if (m_stage == Stage::Bom) {
        if (!m_final && m_end - m_p < 3)
            throw NeedMoreBytes();
        if (m_end - m_p >= 3 && m_p[0] == '\xEF' && m_p[1] == '\xBB' && m_p[2] == '\xBF')
            m_p += 3;
        checkpoint();
        m_stage = Stage::Empty;
    }
    if (m_stage == Stage::Empty) {
        if (atEnd(m_p)) {
            fail(QCoreApplication::translate("CsvParser", "the file is empty"));
            return Result::Failed;
        }
        m_stage = Stage::LeadingBlankLines;
    }
    if (m_stage == Stage::LeadingBlankLines) {
        while (!atEnd(m_p) && skipBlankLine())
            checkpoint();
        if (atEnd(m_p)) {
            fail(QCoreApplication::translate("CsvParser",
                                             "the file is empty (it has only blank lines)"));
            return Result::Failed;
        }
        m_stage = Stage::FirstRow;
    }
    if (m_stage == Stage::FirstRow) {
        m_separator = detectSeparator();
        for (int byte = 0; byte < 256; ++byte) {
            m_plain[std::size_t(byte)] =
                byte > 0 && byte < 0x80 && byte != m_separator && !isLineEnd(char(byte));
        }
        if (!readRow())
            return Result::Failed;

        // A header is any first row with text in it; a row of numbers (and empty cells) is data.
        const std::span<const CsvCell> first = cells();
        bool isHeader = false;
        for (const CsvCell &cell : first) {
            if (!cell.isBlank() && !NumberFormat::parseFinite(cell.decodedText())) {
                isHeader = true;
                break;
            }
        }
        m_handler->start(m_separator, first, isHeader);
        if (!isHeader) {
            m_handler->row(first, int(m_rowLine));
            ++m_dataRows;
        }
        m_cellCount = qsizetype(first.size());
        checkpoint();
        m_stage = Stage::Rows;
    }

    while (!atEnd(m_p)) {
        const bool numeric = readNumericRow();
        if (!numeric) {
            if (skipBlankLine()) {
                checkpoint();
                continue;
            }
            if (!readRow())
                return Result::Failed;
        }

        m_cellCount += qsizetype(numeric ? m_cells.size() : m_rawCells.size());
        if (m_cellCount > MaxCells) {
            fail(QCoreApplication::translate("CsvParser",
                                             "line %1: too much data (more than %2 cells)")
                     .arg(m_rowLine)
                     .arg(MaxCells));
            return Result::Failed;
        }
        if (numeric)
            m_handler->numericRow(m_cells, m_numbers, int(m_rowLine));
        else
            m_handler->row(cells(), int(m_rowLine));
        ++m_dataRows;
        checkpoint();
    }

    if (m_dataRows == 0) {
        fail(QCoreApplication::translate("CsvParser", "no data rows"));
        return Result::Failed;
    }
    return Result::Done;
}
