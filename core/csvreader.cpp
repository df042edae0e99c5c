#include "csvreader.h"

#include "csvparser.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace {

// Builds a CsvTable of text cells.
class TableBuilder : public CsvRowHandler
{
public:
    void start(char separator, std::span<const CsvCell> first, bool isHeader) override
    {
        m_table.separator = QChar::fromLatin1(separator);
        m_table.hasHeader = isHeader;
        if (isHeader) {
            m_table.header = toStrings(first);
            return;
        }
        const qsizetype count = qsizetype(first.size());
        m_table.header.reserve(count);
        for (qsizetype i = 1; i <= count; ++i)
            m_table.header.append(QString::number(i));
    }

    void row(std::span<const CsvCell> cells, int line) override
    {
        m_table.rows.append(toStrings(cells));
        m_table.lineNumbers.append(line);
    }

    CsvTable take() { return std::move(m_table); }

private:
    static QStringList toStrings(std::span<const CsvCell> cells)
    {
        QStringList strings;
        strings.reserve(qsizetype(cells.size()));
        for (const CsvCell &cell : cells)
            strings.append(cell.toString());
        return strings;
    }

    CsvTable m_table;
};

} // namespace

QString CsvCell::toString() const
{
    const auto size = qsizetype(text.size());
    return ascii ? QString::fromLatin1(text.data(), size) : QString::fromUtf8(text.data(), size);
}

std::string_view CsvCell::decodedText() const
{
    return !ascii && text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}

bool CsvCell::isBlank() const
{
    if (!ascii) {
        const QString decoded = toString();
        return std::all_of(decoded.cbegin(), decoded.cend(), [](QChar c) { return c.isSpace(); });
    }
    // QChar::isSpace() in ASCII: tab, line feed, vertical tab, form feed, carriage return and
    // space.
    return std::all_of(text.cbegin(), text.cend(),
                       [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); });
}

std::optional<CsvTable> CsvReader::parse(QByteArrayView bytes, QString *error)
{
    TableBuilder builder;
    if (!read(bytes, &builder, error))
        return std::nullopt;
    return builder.take();
}

std::optional<CsvTable> CsvReader::parse(QIODevice *device, QString *error, qint64 chunkBytes)
{
    TableBuilder builder;
    if (!read(device, &builder, error, chunkBytes))
        return std::nullopt;
    return builder.take();
}

bool CsvReader::read(QByteArrayView bytes, CsvRowHandler *handler, QString *error)
{
    if (bytes.size() > CsvParser::MaxBytes) {
        if (error)
            *error = QCoreApplication::translate("CsvReader", "the file is larger than 2 GiB");
        return false;
    }
    CsvParser parser(handler, error);
    qsizetype consumed = 0;
    return parser.feed(bytes.data(), bytes.data() + bytes.size(), true, &consumed)
        == CsvParser::Result::Done;
}

bool CsvReader::read(QIODevice *device, CsvRowHandler *handler, QString *error, qint64 chunkBytes)
{
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };

    CsvParser parser(handler, error);
    QByteArray buffer;
    qsizetype held = 0; // bytes of `buffer` not yet consumed, from its start
    qint64 total = 0;
    bool final = false;
    for (;;) {
        // At least a chunk more, and at least double what a cut row left over.
        const qint64 target = held + std::max(std::max<qint64>(chunkBytes, 1), qint64(held));
        if (buffer.size() < target)
            buffer.resize(target);
        while (!final && held < target) {
            const qint64 wanted = std::min(target - held, qint64(CsvParser::MaxBytes) - total + 1);
            const qint64 count = device->read(buffer.data() + held, wanted);
            if (count < 0) {
                return failWith(QCoreApplication::translate("CsvReader", "cannot read the file: %1")
                                    .arg(device->errorString()));
            }
            total += count;
            if (total > CsvParser::MaxBytes)
                return failWith(
                    QCoreApplication::translate("CsvReader", "the file is larger than 2 GiB"));
            final = count == 0 || std::memchr(buffer.constData() + held, 0, std::size_t(count));
            held += qsizetype(count);
        }

        qsizetype consumed = 0;
        const CsvParser::Result result =
            parser.feed(buffer.constData(), buffer.constData() + held, final, &consumed);
        if (result != CsvParser::Result::NeedMore)
            return result == CsvParser::Result::Done;
        Q_ASSERT(!final);
        std::memmove(buffer.data(), buffer.constData() + consumed, std::size_t(held - consumed));
        held -= consumed;
    }
}
