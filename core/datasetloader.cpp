#include "datasetloader.h"

#include "numberformat.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#endif

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace {

// Keeps messages to one readable line even when a header name or file name is absurdly long.
constexpr qsizetype MaxNameLength = 40;
constexpr qsizetype MaxListedColumns = 10;
constexpr qsizetype MaxMessageLength = 300;
constexpr int MaxSkippedLines = 5;

// Same limit as the reader's: line numbers are ints.
constexpr qint64 MaxFileBytes = std::numeric_limits<int>::max();
constexpr qint64 ReadChunkBytes = 1 << 20;

// Opens `path` for reading without waiting for a writer: a named pipe that nobody writes to
// reads as empty instead of blocking the program in open().
bool openForReading(QFile &file, const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0) {
        // Reads wait for data again, as a pipe with a writer needs.
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        return file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    }
#endif
    file.setFileName(path);
    return file.open(QIODevice::ReadOnly);
}

// Parses a cell as a finite number without any locale. Numbers are plain ASCII, so the cell is
// narrowed into a stack buffer instead of allocating a UTF-8 copy for every cell.
std::optional<double> parseCell(const QString &cell)
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
        buffer[i] = char(c);
    }
    return NumberFormat::parseFinite({buffer.data(), std::size_t(size)});
}

bool isBlankCell(const QString &cell)
{
    for (const QChar c : cell) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

const QString &cellAt(const QStringList &row, int column)
{
    static const QString empty;
    return column < row.size() ? row.at(column) : empty;
}

// `text` cut to at most `length` UTF-16 units, the last one an ellipsis. The cut never falls
// inside a surrogate pair, so a character outside the BMP (an emoji) is kept whole or left out.
QString ellipsized(const QString &text, qsizetype length)
{
    if (text.size() <= length)
        return text;
    qsizetype kept = length - 1;
    if (kept > 0 && text.at(kept - 1).isHighSurrogate())
        --kept;
    return text.left(kept) + u'…';
}

// A name as it appears inside a message: on one line and of bounded length.
QString shortName(const QString &name)
{
    QString text = name;
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = u' ';
    }
    return ellipsized(text, MaxNameLength);
}

// A file as the user named it, on one line; the whole message is capped later.
QString pathName(const QString &path)
{
    QString text = QDir::toNativeSeparators(path);
    for (QChar &c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = u' ';
    }
    return text;
}

QString capped(const QString &message)
{
    return ellipsized(message, MaxMessageLength);
}

// What a column is called for the user: its header name, or its 1-based number when the file
// has no header or leaves that name empty.
QString columnName(const CsvTable &table, int column)
{
    const QString &name = table.header.at(column);
    return isBlankCell(name) ? QString::number(column + 1) : name;
}

QString columnList(const CsvTable &table)
{
    QStringList names;
    const qsizetype listed = std::min(table.columnCount(), MaxListedColumns);
    for (qsizetype i = 0; i < listed; ++i)
        names.append(shortName(columnName(table, int(i))));
    if (table.columnCount() > listed)
        names.append(QStringLiteral("…"));
    return names.join(QStringLiteral(", "));
}

bool isDigits(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

QString unknownColumnMessage(const CsvTable &table, const QString &column)
{
    const QString digits = column.trimmed();
    if (isDigits(digits)) {
        return QStringLiteral("no column number %1; the columns are: %2")
            .arg(shortName(digits), columnList(table));
    }
    return QStringLiteral("no column named '%1'; the columns are: %2")
        .arg(shortName(column), columnList(table));
}

// The line in the file where data row `row` starts. Hand-built tables may lack line numbers;
// data lines are counted after the header then.
int lineOf(const CsvTable &table, qsizetype row)
{
    return row < table.lineNumbers.size() ? table.lineNumbers.at(row)
                                          : int(row) + (table.hasHeader ? 2 : 1);
}

// Where the first cell that is not a finite number stands, outside the columns in `skip`, as
// " (line 3: 'abc' is not a number)"; a decimal comma gets a word about the dot. Empty when
// every filled cell is a number.
QString firstNonNumber(const CsvTable &table, const QList<int> &skip)
{
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const QStringList &row = table.rows.at(i);
        for (int column = 0; column < row.size() && column < table.columnCount(); ++column) {
            const QString &cell = row.at(column);
            if (skip.contains(column) || isBlankCell(cell) || parseCell(cell))
                continue;
            const QString text = shortName(cell.trimmed());
            const bool decimalComma = parseCell(QString(cell).replace(u',', u'.')).has_value();
            return decimalComma
                ? QStringLiteral(" (line %1: '%2' is not a number: decimals take a dot)")
                      .arg(lineOf(table, i))
                      .arg(text)
                : QStringLiteral(" (line %1: '%2' is not a number)")
                      .arg(lineOf(table, i))
                      .arg(text);
        }
    }
    return QString();
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = capped(message);
    return false;
}

// Resolves a user's column choice; an empty (or blank) choice stays -1 to mean "default".
bool resolveChoice(const CsvTable &table, const QString &choice, int *column, QString *error)
{
    *column = -1;
    if (choice.trimmed().isEmpty())
        return true;
    *column = DatasetLoader::resolveColumn(table, choice);
    if (*column < 0)
        return fail(error, unknownColumnMessage(table, choice));
    return true;
}

// Fills in the x and y columns the user left empty from the numeric columns.
bool chooseDefaults(const CsvTable &table, int *x, int *y, QString *error)
{
    if (*x >= 0 && *y >= 0)
        return true;

    if (table.columnCount() < 2) {
        return fail(error,
                    QStringLiteral("only one column found (columns must be separated by "
                                   "commas, semicolons or tabs); x and y need two"));
    }

    const QList<int> numeric = DatasetLoader::numericColumns(table);
    if (*x < 0 && *y < 0) {
        if (numeric.size() >= 2) {
            *x = numeric.at(0);
            *y = numeric.at(1);
            return true;
        }
        if (numeric.isEmpty()) {
            return fail(error,
                        QStringLiteral("no column holds numbers; x and y need two")
                            + firstNonNumber(table, numeric));
        }
        return fail(error,
                    QStringLiteral("only column '%1' holds numbers; x and y need two")
                            .arg(shortName(columnName(table, numeric.at(0))))
                        + firstNonNumber(table, numeric));
    }

    const int given = *x >= 0 ? *x : *y;
    int *missing = *x >= 0 ? y : x;
    for (const int column : numeric) {
        if (column != given) {
            *missing = column;
            return true;
        }
    }
    return fail(error,
                QStringLiteral("no column other than '%1' holds numbers to use for %2")
                        .arg(shortName(columnName(table, given)),
                             missing == y ? QStringLiteral("y") : QStringLiteral("x"))
                    + firstNonNumber(table, numeric));
}

} // namespace

QString LoadedData::skippedSummary() const
{
    if (skippedRows <= 0)
        return QString();

    const QString rows =
        skippedRows == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(skippedRows);
    QString text = QStringLiteral("Skipped %1 with a missing or non-numeric value in the chosen "
                                  "columns")
                       .arg(rows);
    if (!skippedLines.isEmpty()) {
        QStringList numbers;
        for (const int line : skippedLines)
            numbers.append(QString::number(line));
        if (skippedRows > skippedLines.size())
            numbers.append(QStringLiteral("…"));
        text += skippedLines.size() == 1 && skippedRows == 1 ? QStringLiteral(" (line ")
                                                             : QStringLiteral(" (lines ");
        text += numbers.join(QStringLiteral(", ")) + u')';
    }
    return text + u'.';
}

std::optional<LoadedData> DatasetLoader::loadFile(const QString &path, const QString &xColumn,
                                                  const QString &yColumn, QString *error)
{
    const std::optional<CsvTable> table = readTable(path, error);
    if (!table)
        return std::nullopt;

    QString message;
    std::optional<LoadedData> loaded = fromTable(*table, xColumn, yColumn, &message);
    if (!loaded)
        fail(error, pathName(path) + QStringLiteral(": ") + message);
    return loaded;
}

std::optional<CsvTable> DatasetLoader::readTable(const QString &path, QString *error)
{
    const QString name = pathName(path);
    const auto failWith = [&](const QString &message) {
        fail(error, name + QStringLiteral(": ") + message);
        return std::nullopt;
    };

    // Opening a folder succeeds on some systems and reads nothing, so name the real problem.
    if (QFileInfo(path).isDir())
        return failWith(QStringLiteral("this is a folder, not a file"));

    QFile file(path);
    if (!openForReading(file, path))
        return failWith(QStringLiteral("cannot open the file: %1").arg(file.errorString()));
    if (file.size() > MaxFileBytes)
        return failWith(QStringLiteral("the file is larger than 2 GiB"));

    // In chunks, so that a stream with no end (a device, a pipe) is refused at the first NUL
    // byte (the parser names its line) or at the size limit, never read until memory runs out.
    QByteArray bytes;
    while (!file.atEnd() || file.isSequential()) {
        const QByteArray chunk = file.read(ReadChunkBytes);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        if (bytes.size() > MaxFileBytes)
            return failWith(QStringLiteral("the file is larger than 2 GiB"));
        if (chunk.contains('\0'))
            break;
    }
    if (file.error() != QFileDevice::NoError)
        return failWith(QStringLiteral("cannot read the file: %1").arg(file.errorString()));
    file.close();

    QString message;
    std::optional<CsvTable> table = CsvReader::parse(bytes, &message);
    if (!table)
        return failWith(message);
    return table;
}

std::optional<LoadedData> DatasetLoader::fromTable(const CsvTable &table, const QString &xColumn,
                                                   const QString &yColumn, QString *error)
{
    if (table.rows.isEmpty()) {
        fail(error, QStringLiteral("no data rows"));
        return std::nullopt;
    }
    if (table.columnCount() == 0) {
        fail(error, QStringLiteral("no columns"));
        return std::nullopt;
    }

    int x = -1;
    int y = -1;
    if (!resolveChoice(table, xColumn, &x, error) || !resolveChoice(table, yColumn, &y, error)
        || !chooseDefaults(table, &x, &y, error)) {
        return std::nullopt;
    }

    LoadedData loaded;
    loaded.xColumn = x;
    loaded.yColumn = y;
    loaded.xName = columnName(table, x);
    loaded.yName = columnName(table, y);

    std::vector<double> xs;
    std::vector<double> ys;
    xs.reserve(std::size_t(table.rows.size()));
    ys.reserve(std::size_t(table.rows.size()));
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const QStringList &row = table.rows.at(i);
        const std::optional<double> xValue = parseCell(cellAt(row, x));
        const std::optional<double> yValue = xValue ? parseCell(cellAt(row, y)) : std::nullopt;
        if (xValue && yValue) {
            xs.push_back(*xValue);
            ys.push_back(*yValue);
            continue;
        }

        ++loaded.skippedRows;
        if (loaded.skippedLines.size() < MaxSkippedLines)
            loaded.skippedLines.append(lineOf(table, i));
    }

    if (xs.empty()) {
        const QString columns = x == y ? QStringLiteral("column '%1'").arg(shortName(loaded.xName))
                                       : QStringLiteral("column '%1' or '%2'")
                                             .arg(shortName(loaded.xName), shortName(loaded.yName));
        fail(error,
             QStringLiteral("no usable rows: every row has a missing or non-numeric value in %1 "
                            "(the first at line %2)")
                 .arg(columns)
                 .arg(loaded.skippedLines.value(0)));
        return std::nullopt;
    }

    loaded.data = Dataset(std::move(xs), std::move(ys));
    return loaded;
}

QList<int> DatasetLoader::numericColumns(const CsvTable &table)
{
    // One pass over the cells the rows have: a row shorter than the header adds nothing to the
    // columns it lacks, so the work is that of the file, not rows × header width (which made
    // a 64 KiB file with a 16384-column header take seconds).
    const auto columns = std::size_t(table.columnCount());
    std::vector<qsizetype> filled(columns, 0);
    std::vector<qsizetype> numbers(columns, 0);
    for (const QStringList &row : table.rows) {
        const std::size_t present = std::min(std::size_t(row.size()), columns);
        for (std::size_t column = 0; column < present; ++column) {
            const QString &cell = row.at(qsizetype(column));
            if (isBlankCell(cell))
                continue;
            ++filled[column];
            if (parseCell(cell))
                ++numbers[column];
        }
    }

    QList<int> numeric;
    for (std::size_t column = 0; column < columns; ++column) {
        if (numbers[column] > 0 && numbers[column] * 2 > filled[column])
            numeric.append(int(column));
    }
    return numeric;
}

int DatasetLoader::resolveColumn(const CsvTable &table, const QString &column)
{
    const qsizetype count = table.columnCount();
    for (qsizetype i = 0; i < count; ++i) {
        if (table.header.at(i) == column)
            return int(i);
    }
    for (qsizetype i = 0; i < count; ++i) {
        if (table.header.at(i).compare(column, Qt::CaseInsensitive) == 0)
            return int(i);
    }

    // Only plain digits count as a number: "+2", "2.0" or "0x2" are names nobody has.
    const QString digits = column.trimmed();
    if (!isDigits(digits))
        return -1;
    bool ok = false;
    const qlonglong number = digits.toLongLong(&ok);
    return ok && number >= 1 && number <= count ? int(number - 1) : -1;
}
