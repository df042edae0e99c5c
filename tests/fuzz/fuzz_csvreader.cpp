// Feeds arbitrary bytes to CsvReader::parse and checks the shape of every table it accepts.

#include "../trickledevice.h"
#include "csvreader.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<CsvTable> table = CsvReader::parse(bytes, &error);

    // Read as a stream in pieces of 1 to 8 bytes, the text gives the same table or message.
    const qint64 step = size > 0 ? 1 + data[0] % 8 : 1;
    TrickleDevice device(bytes.toByteArray(), step);
    QString streamError;
    const std::optional<CsvTable> streamed = CsvReader::parse(&device, &streamError, step);
    fuzzCheck(streamed.has_value() == table.has_value(), "a stream is accepted as its text is");
    fuzzCheck(streamError == error, "a stream is rejected with its text's message");
    if (table && streamed) {
        fuzzCheck(streamed->header == table->header && streamed->rows == table->rows
                      && streamed->lineNumbers == table->lineNumbers
                      && streamed->hasHeader == table->hasHeader
                      && streamed->separator == table->separator,
                  "a stream gives its text's table");
    }

    if (!table) {
        fuzzCheck(!error.isEmpty(), "a rejected file comes with a message");
        fuzzCheck(!error.contains(u'\n'), "the message is one line");
        return 0;
    }

    const QChar separator = table->separator;
    fuzzCheck(separator == u',' || separator == u';' || separator == u'\t',
              "the separator is a comma, a semicolon or a tab");
    fuzzCheck(table->columnCount() > 0, "a table has a column");
    fuzzCheck(!table->rows.isEmpty(), "a table has a row");
    fuzzCheck(table->rows.size() == table->lineNumbers.size(), "each row has its line number");

    int previousLine = 0;
    for (qsizetype i = 0; i < table->rows.size(); ++i) {
        fuzzCheck(!table->rows.at(i).isEmpty(), "a row has a cell");
        const int line = table->lineNumbers.at(i);
        fuzzCheck(line > previousLine, "line numbers increase");
        previousLine = line;
    }
    fuzzCheck(qsizetype(previousLine) <= bytes.size(), "no row starts past the last line");
    return 0;
}
