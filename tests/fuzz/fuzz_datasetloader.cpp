// Feeds arbitrary bytes through CsvReader into DatasetLoader::fromTable, with the default
// columns and with column choices a user could type, and checks every dataset it returns.

#include "../trickledevice.h"
#include "datasetloader.h"
#include "fuzzcheck.h"

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {

void load(const CsvTable &table, const QString &x, const QString &y)
{
    QString error;
    const std::optional<LoadedData> loaded = DatasetLoader::fromTable(table, x, y, &error);
    if (!loaded) {
        fuzzCheck(!error.isEmpty(), "a rejected choice comes with a message");
        fuzzCheck(error.size() <= 300, "the message stays short");
        fuzzCheck(!error.contains(u'\n'), "the message is one line");
        fuzzCheck(QString::fromUtf8(error.toUtf8()) == error,
                  "shortening a name does not cut a character in half");
        return;
    }

    const Dataset &data = loaded->data;
    fuzzCheck(!data.isEmpty(), "a loaded dataset has a point");
    fuzzCheck(data.xs().size() == data.ys().size(), "x and y have as many values");
    for (std::size_t i = 0; i < data.size(); ++i)
        fuzzCheck(std::isfinite(data.x(i)) && std::isfinite(data.y(i)), "every value is finite");
    fuzzCheck(loaded->xColumn >= 0 && loaded->xColumn < table.columnCount(), "x is a column");
    fuzzCheck(loaded->yColumn >= 0 && loaded->yColumn < table.columnCount(), "y is a column");
    fuzzCheck(qsizetype(data.size()) + loaded->skippedRows == table.rows.size(),
              "every row is either loaded or skipped");
    fuzzCheck(loaded->skippedLines.size() <= 5, "at most five skipped lines are named");
    fuzzCheck(loaded->skippedSummary().isEmpty() == (loaded->skippedRows == 0),
              "skipped rows are summed up");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const std::optional<CsvTable> table = CsvReader::parse(bytes, nullptr);

    // The program reads files row by row into numbers, never into a table of text: the
    // default columns of that give the table's dataset, skipped rows or message.
    const qint64 step = size > 0 ? 1 + data[0] % 8 : 1;
    TrickleDevice device(bytes.toByteArray(), step);
    const std::optional<NumericTable> numbers = NumericTable::read(&device, nullptr, step);
    fuzzCheck(numbers.has_value() == table.has_value(), "a stream is accepted as its text is");
    if (!table)
        return 0;
    QString tableError;
    QString numbersError;
    const std::optional<LoadedData> fromText =
        DatasetLoader::fromTable(*table, QString(), QString(), &tableError);
    const std::optional<LoadedData> fromNumbers =
        DatasetLoader::fromTable(*numbers, QString(), QString(), &numbersError);
    fuzzCheck(tableError == numbersError, "numbers are refused as text is");
    fuzzCheck(fromText.has_value() == fromNumbers.has_value(), "numbers load as text does");
    if (fromText && fromNumbers) {
        fuzzCheck(fromText->data == fromNumbers->data
                      && fromText->skippedLines == fromNumbers->skippedLines
                      && fromText->skippedRows == fromNumbers->skippedRows
                      && fromText->xName == fromNumbers->xName,
                  "numbers give the dataset text gives");
    }

    const QList<int> numeric = DatasetLoader::numericColumns(*table);
    for (const int column : numeric)
        fuzzCheck(column >= 0 && column < table->columnCount(), "numeric columns exist");

    // The default columns, then names and numbers as a user would give them: the header's
    // own names (exact and in another case), numbers in and out of range, and one side only.
    load(*table, QString(), QString());
    const QString first = table->header.first();
    const QString last = table->header.last();
    load(*table, first, last);
    load(*table, last.toUpper(), first.toLower());
    load(*table, QStringLiteral("2"), QString());
    load(*table, QString(), QStringLiteral(" 1 "));
    load(*table, QString::number(table->columnCount() + 1), QStringLiteral("1"));
    load(*table, QStringLiteral("99999999999999999999"), QString());
    load(*table, first, first);

    for (qsizetype i = 0; i < table->columnCount() && i < 4; ++i) {
        const QString &name = table->header.at(i);
        const int column = DatasetLoader::resolveColumn(*table, name);
        fuzzCheck(column >= 0 && column < table->columnCount(), "a header name resolves");
        fuzzCheck(table->header.at(column).compare(name, Qt::CaseInsensitive) == 0
                      || QString::number(column + 1) == name.trimmed(),
                  "a name resolves to a column of that name");
    }
    return 0;
}
