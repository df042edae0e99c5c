// Feeds arbitrary argument lists (NUL-separated, as no argument can hold a NUL) to the option
// parser,
// to the window's options and to the headless commands. The commands run on the lesson's data
// only and for a bounded time: --data and --steps are taken out, so no file is read, training
// stops after at most 1000 steps, and grids of more than a few thousand points are not printed.

#include "commandline.h"
#include "commandoptions.h"
#include "fuzzcheck.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <sstream>

namespace {

// Every option name of every command.
const QStringList &trainOptions()
{
    static const QStringList names = CommandLine::optionNames(QStringLiteral("train"))
        + QStringList {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("step")};
    return names;
}

// Every reader of CommandOptions on every option: each either gives a value or says why not.
void readEveryOption(const QStringList &arguments)
{
    QString error;
    const auto options = CommandOptions::parse(arguments, trainOptions(), &error,
                                               CommandLine::flagNames(QStringLiteral("train")));
    if (!options) {
        fuzzCheck(!error.isEmpty(), "a rejected command line comes with a message");
        return;
    }

    const double inf = std::numeric_limits<double>::infinity();
    for (const QString &name : trainOptions()) {
        const bool given = options->contains(name);
        error.clear();
        const auto number = options->number(name, 0.5, &error);
        fuzzCheck(number.has_value() == error.isEmpty(), "number() fails with a message");
        fuzzCheck(!number || std::isfinite(*number), "number() is finite");
        fuzzCheck(given || number == 0.5, "number() falls back");

        error.clear();
        const auto count = options->count(name, 7, &error);
        fuzzCheck(count.has_value() == error.isEmpty(), "count() fails with a message");
        fuzzCheck(!count || *count >= 0, "count() is not negative");

        error.clear();
        const auto bounded = options->bounded(name, 0.5, 0.0, 1.0, true, &error);
        fuzzCheck(bounded.has_value() == error.isEmpty(), "bounded() fails with a message");
        fuzzCheck(!bounded || (*bounded >= 0.0 && *bounded < 1.0), "bounded() is in range");

        error.clear();
        const auto open = options->bounded(name, 0.5, 0.0, inf, false, &error);
        fuzzCheck(open.has_value() == error.isEmpty(), "bounded() fails with a message");

        error.clear();
        const auto positive = options->positive(name, 0.5, &error);
        fuzzCheck(positive.has_value() == error.isEmpty(), "positive() fails with a message");
        fuzzCheck(!positive || *positive > 0.0, "positive() is positive");
    }
}

bool isOneLine(const QString &message)
{
    return !message.isEmpty() && !message.contains(u'\n') && !message.contains(u'\r');
}

bool isGridTooLong(const QStringList &arguments)
{
    QString error;
    const auto options = CommandOptions::parse(arguments, trainOptions(), &error);
    if (!options)
        return false;
    const auto from = options->number(QStringLiteral("from"), 0.0, &error);
    const auto to = options->number(QStringLiteral("to"), 4.0, &error);
    const auto step = options->number(QStringLiteral("step"), 0.1, &error);
    return from && to && step && *step > 0.0 && (*to - *from) / *step > 5000.0;
}

} // namespace

// Qt warns on stderr about every file name with a NUL in it; the fuzzer makes millions.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList arguments = text.split(QChar(u'\0'));

    readEveryOption(arguments);

    QString error;
    const auto window = CommandLine::parseWindowOptions(arguments, &error);
    fuzzCheck(window.has_value() || isOneLine(error), "a rejected window command says why");
    error.clear();
    const bool checked = CommandLine::checkWindowArguments(arguments, &error);
    fuzzCheck(checked || isOneLine(error), "a rejected window command says why");

    if (!CommandLine::isHeadless(arguments))
        return 0;

    QStringList bounded;
    for (const QString &argument : arguments) {
        if (!argument.startsWith(QLatin1String("--data"))
            && !argument.startsWith(QLatin1String("--steps"))) {
            bounded.append(argument);
        }
    }
    if (bounded.first() == QLatin1String("grid") && isGridTooLong(bounded.mid(1)))
        return 0;

    std::ostringstream out;
    std::ostringstream err;
    const int status = CommandLine::run(bounded, out, err);
    fuzzCheck(status == CommandLine::exitOk || status == CommandLine::exitUsage
                  || status == CommandLine::exitDiverged,
              "the exit status is 0, 2 or 3");
    const std::string message = err.str();
    fuzzCheck(
        status == CommandLine::exitOk
            || (std::count(message.begin(), message.end(), '\n') == 1 && message.back() == '\n'),
        "a failure says why in one line");
    const bool command =
        bounded.first() == QLatin1String("grid") || bounded.first() == QLatin1String("train");
    const std::string printed = out.str();
    fuzzCheck(!command
                  || (printed.find("nan") == std::string::npos
                      && printed.find("inf") == std::string::npos),
              "no NaN or infinity is printed as a number");
    return 0;
}
