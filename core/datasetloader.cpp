#include "datasetloader.h"

#include "inputfile.h"
#include "numberformat.h"
#include "sessionfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
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

bool isBlankCell(const QString &cell)
{
    for (const QChar c : cell) {
        if (!c.isSpace())
            return false;
    }
    return true;
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

QString capped(const QString &message)
{
    return ellipsized(message, MaxMessageLength);
}

// What a column is called for the user: its header name, or its 1-based number when the file
// has no header or leaves that name empty.
QString columnName(const NumericTable &table, int column)
{
    const QString &name = table.header().at(column);
    return isBlankCell(name) ? QString::number(column + 1) : name;
}

QString columnList(const NumericTable &table)
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

QString unknownColumnMessage(const NumericTable &table, const QString &column)
{
    const QString digits = column.trimmed();
    if (isDigits(digits)) {
        return QCoreApplication::translate("DatasetLoader",
                                           "no column number %1; the columns are: %2")
            .arg(shortName(digits), columnList(table));
    }
    return QCoreApplication::translate("DatasetLoader", "no column named '%1'; the columns are: %2")
        .arg(shortName(column), columnList(table));
}

// Where the first cell that is not a finite number stands, outside the columns in `skip`, as
// " (line 3: 'abc' is not a number)"; a decimal comma gets a word about the dot. Empty when
// every filled cell is a number.
QString firstNonNumber(const NumericTable &table, const QList<int> &skip)
{
    qsizetype firstColumn = -1;
    for (qsizetype column = 0; column < table.columnCount(); ++column) {
        const qsizetype row = table.firstText(column).row;
        if (row < 0 || skip.contains(int(column)))
            continue;
        if (firstColumn < 0 || row < table.firstText(firstColumn).row)
            firstColumn = column;
    }
    if (firstColumn < 0)
        return QString();

    const NumericTable::TextCell &cell = table.firstText(firstColumn);
    const int line = table.lineOf(cell.row);
    const QString text = shortName(cell.text);
    return cell.decimalComma
        ? QCoreApplication::translate("DatasetLoader",
                                      " (line %1: '%2' is not a number: decimals take a dot)")
              .arg(line)
              .arg(text)
        : QCoreApplication::translate("DatasetLoader", " (line %1: '%2' is not a number)")
              .arg(line)
              .arg(text);
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = capped(message);
    return false;
}

// Resolves a user's column choice; an empty (or blank) choice stays -1 to mean "default".
bool resolveChoice(const NumericTable &table, const QString &choice, int *column, QString *error)
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
bool chooseDefaults(const NumericTable &table, int *x, int *y, QString *error)
{
    if (*x >= 0 && *y >= 0)
        return true;

    if (table.columnCount() < 2) {
        return fail(
            error,
            QCoreApplication::translate("DatasetLoader",
                                        "only one column found (columns must be separated by "
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
                        QCoreApplication::translate("DatasetLoader",
                                                    "no column holds numbers; x and y need two")
                            + firstNonNumber(table, numeric));
        }
        return fail(error,
                    QCoreApplication::translate("DatasetLoader",
                                                "only column '%1' holds numbers; x and y need two")
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
                QCoreApplication::translate("DatasetLoader",
                                            "no column other than '%1' holds numbers to use for %2")
                        .arg(shortName(columnName(table, given)),
                             missing == y ? QStringLiteral("y") : QStringLiteral("x"))
                    + firstNonNumber(table, numeric));
}

// Resolves a header name or 1-based number to a 0-based column of `header`, or -1.
int resolveColumnIn(const QStringList &header, const QString &column)
{
    const qsizetype count = header.size();
    for (qsizetype i = 0; i < count; ++i) {
        if (header.at(i) == column)
            return int(i);
    }
    for (qsizetype i = 0; i < count; ++i) {
        if (header.at(i).compare(column, Qt::CaseInsensitive) == 0)
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

// Opens `path` and hands it to `read` (a reader of CSV text from a QIODevice, which reads in
// chunks, so that a stream with no end, a device or a pipe, is refused at the first NUL byte
// or at the size limit, never read until memory runs out). Messages start with the file's name.
template<typename Read>
auto readFile(const QString &path, QString *error, Read read) -> decltype(read(nullptr, error))
{
    const QString name = InputFile::displayName(path);
    const auto failWith = [&](const QString &message) {
        fail(error, name + QStringLiteral(": ") + message);
        return std::nullopt;
    };

    // Opening a folder succeeds on some systems and reads nothing, so name the real problem.
    if (QFileInfo(path).isDir())
        return failWith(
            QCoreApplication::translate("DatasetLoader", "this is a folder, not a file"));

    QFile file(path);
    if (!InputFile::open(file, path))
        return failWith(QCoreApplication::translate("DatasetLoader", "cannot open the file: %1")
                            .arg(file.errorString()));
    if (file.size() > MaxFileBytes)
        return failWith(
            QCoreApplication::translate("DatasetLoader", "the file is larger than 2 GiB"));

    QString message;
    auto result = read(&file, &message);
    if (!result)
        return failWith(message);
    return result;
}

// The points of a session file, which keeps the columns it was saved with.
std::optional<LoadedData> loadSession(const QString &path, const QString &xColumn,
                                      const QString &yColumn, QString *error)
{
    if (!DatasetLoader::checkSessionColumns(path, xColumn, yColumn, error))
        return std::nullopt;
    LoadedData loaded;
    std::optional<Session> session = SessionFile::load(path, &loaded.warnings, error);
    if (!session)
        return std::nullopt;
    if (session->data.isEmpty()) {
        fail(error,
             InputFile::displayName(path)
                 + QCoreApplication::translate("DatasetLoader", ": the session has no points"));
        return std::nullopt;
    }
    loaded.data = std::move(session->data);
    loaded.xName = session->xColumn;
    loaded.yName = session->yColumn;
    return loaded;
}

} // namespace

QString LoadedData::skippedSummary() const
{
    if (skippedRows <= 0)
        return QString();

    const QString rows = skippedRows == 1
        ? QCoreApplication::translate("DatasetLoader", "1 row")
        : QCoreApplication::translate("DatasetLoader", "%1 rows").arg(skippedRows);
    QString text =
        QCoreApplication::translate("DatasetLoader",
                                    "Skipped %1 with a missing or non-numeric value in the chosen "
                                    "columns")
            .arg(rows);
    if (!skippedLines.isEmpty()) {
        QStringList numbers;
        for (const int line : skippedLines)
            numbers.append(QString::number(line));
        if (skippedRows > skippedLines.size())
            numbers.append(QStringLiteral("…"));
        text += skippedLines.size() == 1 && skippedRows == 1
            ? QCoreApplication::translate("DatasetLoader", " (line ")
            : QCoreApplication::translate("DatasetLoader", " (lines ");
        text += numbers.join(QStringLiteral(", ")) + u')';
    }
    return text + u'.';
}

bool DatasetLoader::checkSessionColumns(const QString &path, const QString &xColumn,
                                        const QString &yColumn, QString *error)
{
    if (xColumn.trimmed().isEmpty() && yColumn.trimmed().isEmpty())
        return true;
    fail(error,
         InputFile::displayName(path)
             + QCoreApplication::translate("DatasetLoader",
                                           ": a session keeps the columns it was saved with; x and "
                                           "y columns are chosen for CSV files only"));
    return false;
}

std::optional<LoadedData> DatasetLoader::loadFile(const QString &path, const QString &xColumn,
                                                  const QString &yColumn, QString *error)
{
    if (SessionFile::isSessionPath(path))
        return loadSession(path, xColumn, yColumn, error);

    const std::optional<NumericTable> table = readNumbers(path, error);
    if (!table)
        return std::nullopt;

    QString message;
    std::optional<LoadedData> loaded = fromTable(*table, xColumn, yColumn, &message);
    if (!loaded)
        fail(error, InputFile::displayName(path) + QStringLiteral(": ") + message);
    return loaded;
}

std::optional<NumericTable> DatasetLoader::readNumbers(const QString &path, QString *error)
{
    return readFile(path, error, [](QIODevice *device, QString *message) {
        return NumericTable::read(device, message);
    });
}

std::optional<CsvTable> DatasetLoader::readTable(const QString &path, QString *error)
{
    return readFile(path, error, [](QIODevice *device, QString *message) {
        return CsvReader::parse(device, message);
    });
}

std::optional<LoadedData> DatasetLoader::fromTable(const CsvTable &table, const QString &xColumn,
                                                   const QString &yColumn, QString *error)
{
    return fromTable(NumericTable::fromTable(table), xColumn, yColumn, error);
}

std::optional<LoadedData> DatasetLoader::fromTable(const NumericTable &table,
                                                   const QString &xColumn, const QString &yColumn,
                                                   QString *error)
{
    if (table.rowCount() == 0) {
        fail(error, QCoreApplication::translate("DatasetLoader", "no data rows"));
        return std::nullopt;
    }
    if (table.columnCount() == 0) {
        fail(error, QCoreApplication::translate("DatasetLoader", "no columns"));
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

    // A cell that is missing, blank or not a finite number is NaN in the table.
    std::vector<double> xs;
    std::vector<double> ys;
    xs.reserve(std::size_t(table.rowCount()));
    ys.reserve(std::size_t(table.rowCount()));
    for (qsizetype i = 0; i < table.rowCount(); ++i) {
        const double xValue = table.value(i, x);
        const double yValue = table.value(i, y);
        if (!std::isnan(xValue) && !std::isnan(yValue)) {
            xs.push_back(xValue);
            ys.push_back(yValue);
            continue;
        }

        ++loaded.skippedRows;
        if (loaded.skippedLines.size() < MaxSkippedLines)
            loaded.skippedLines.append(table.lineOf(i));
    }

    if (xs.empty()) {
        const QString columns = x == y
            ? QCoreApplication::translate("DatasetLoader", "column '%1'")
                  .arg(shortName(loaded.xName))
            : QCoreApplication::translate("DatasetLoader", "column '%1' or '%2'")
                  .arg(shortName(loaded.xName), shortName(loaded.yName));
        fail(error,
             QCoreApplication::translate(
                 "DatasetLoader",
                 "no usable rows: every row has a missing or non-numeric value in %1 "
                 "(the first at line %2)")
                 .arg(columns)
                 .arg(loaded.skippedLines.value(0)));
        return std::nullopt;
    }

    loaded.data = Dataset(std::move(xs), std::move(ys));
    return loaded;
}

QList<int> DatasetLoader::numericColumns(const NumericTable &table)
{
    QList<int> numeric;
    for (qsizetype column = 0; column < table.columnCount(); ++column) {
        const qsizetype numbers = table.numberCells(column);
        if (numbers > 0 && numbers * 2 > table.filledCells(column))
            numeric.append(int(column));
    }
    return numeric;
}

QList<int> DatasetLoader::numericColumns(const CsvTable &table)
{
    return numericColumns(NumericTable::fromTable(table));
}

int DatasetLoader::resolveColumn(const NumericTable &table, const QString &column)
{
    return resolveColumnIn(table.header(), column);
}

int DatasetLoader::resolveColumn(const CsvTable &table, const QString &column)
{
    return resolveColumnIn(table.header, column);
}
