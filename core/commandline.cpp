#include "commandline.h"

#include "datasetloader.h"
#include "gridsearch.h"
#include "numberformat.h"
#include "trainer.h"

#include <QFileInfo>
#include <QHash>

#include <charconv>
#include <ostream>

namespace {

// The options of one command, read from `--name value` or `--name=value`.
struct ParsedOptions
{
    QHash<QString, QString> values;
    QStringList positional;
};

std::optional<ParsedOptions> parseOptions(const QStringList &arguments, const QStringList &known,
                                          QString *error)
{
    ParsedOptions parsed;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (!argument.startsWith(QLatin1String("--")) || argument == QLatin1String("--")) {
            parsed.positional.append(argument);
            continue;
        }
        QString name = argument.mid(2);
        QString value;
        const qsizetype equals = name.indexOf(u'=');
        if (equals >= 0) {
            value = name.mid(equals + 1);
            name.truncate(equals);
        } else if (i + 1 < arguments.size()) {
            value = arguments[++i];
        } else if (known.contains(name)) {
            *error = QStringLiteral("option --%1 needs a value").arg(name);
            return std::nullopt;
        }
        if (!known.contains(name)) {
            *error = QStringLiteral("unknown option --%1").arg(name);
            return std::nullopt;
        }
        parsed.values.insert(name, value);
    }
    return parsed;
}

// A finite number from option --name, or `fallback` when the option is absent.
std::optional<double> numberOption(const ParsedOptions &options, const QString &name,
                                   double fallback, QString *error)
{
    if (!options.values.contains(name))
        return fallback;
    const QString text = options.values.value(name);
    const auto value = NumberFormat::parseFinite(text.toStdString());
    if (!value)
        *error = QStringLiteral("--%1: '%2' is not a finite number").arg(name, text);
    return value;
}

std::optional<qint64> countOption(const ParsedOptions &options, const QString &name,
                                  qint64 fallback, QString *error)
{
    if (!options.values.contains(name))
        return fallback;
    const std::string text = options.values.value(name).trimmed().toStdString();
    qint64 value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec == std::errc::result_out_of_range) {
        *error = QStringLiteral("--%1: '%2' is too large").arg(name, QString::fromStdString(text));
        return std::nullopt;
    }
    if (result.ec != std::errc() || result.ptr != text.data() + text.size() || value < 0) {
        *error = QStringLiteral("--%1: '%2' is not a whole number of 0 or more")
                     .arg(name, QString::fromStdString(text));
        return std::nullopt;
    }
    return value;
}

std::optional<Dataset> datasetOption(const QString &command, const ParsedOptions &options,
                                     std::ostream &err, QString *error)
{
    const QString file = options.values.value(QStringLiteral("data"));
    const QString x = options.values.value(QStringLiteral("x"));
    const QString y = options.values.value(QStringLiteral("y"));
    if (file.isEmpty()) {
        if (!x.isEmpty() || !y.isEmpty()) {
            *error = QStringLiteral("--x and --y choose columns of a file given with --data");
            return std::nullopt;
        }
        return Dataset::lesson();
    }
    auto loaded = DatasetLoader::loadFile(file, x, y, error);
    if (!loaded)
        return std::nullopt;
    if (const QString note = loaded->skippedSummary(); !note.isEmpty())
        err << "losslab " << command.toStdString() << ": note: " << note.toStdString() << '\n';
    return std::move(loaded->data);
}

QStringList windowOptionNames()
{
    return {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("screenshot")};
}

int fail(std::ostream &err, const QString &command, const QString &message)
{
    err << "losslab" << (command.isEmpty() ? "" : " ") << command.toStdString() << ": "
        << message.toStdString() << '\n';
    return CommandLine::exitUsage;
}

// The options of a headless command, which takes no positional arguments; on a usage error
// the error is printed and nothing is returned.
std::optional<ParsedOptions> commandOptions(const QString &command, const QStringList &arguments,
                                            const QStringList &known, std::ostream &err)
{
    QString error;
    auto options = parseOptions(arguments, known, &error);
    if (options && !options->positional.isEmpty())
        error = QStringLiteral("unexpected argument '%1'").arg(options->positional.first());
    if (!error.isEmpty()) {
        fail(err, command, error);
        return std::nullopt;
    }
    return options;
}

int runGrid(const QStringList &arguments, std::ostream &out, std::ostream &err)
{
    const QString command = QStringLiteral("grid");
    const auto options =
        commandOptions(command, arguments,
                       {QStringLiteral("data"), QStringLiteral("x"), QStringLiteral("y"),
                        QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("step")},
                       err);
    if (!options)
        return CommandLine::exitUsage;

    QString error;
    const auto from = numberOption(*options, QStringLiteral("from"), 0.0, &error);
    const auto to = numberOption(*options, QStringLiteral("to"), 4.0, &error);
    const auto step = numberOption(*options, QStringLiteral("step"), 0.1, &error);
    if (!from || !to || !step)
        return fail(err, command, error);
    if (!GridSearch::validate(*from, *to, *step, &error))
        return fail(err, command, error);

    const auto data = datasetOption(command, *options, err, &error);
    if (!data)
        return fail(err, command, error);
    out << GridSearch::report(*data, *from, *to, *step).toStdString();
    return CommandLine::exitOk;
}

void printRow(std::ostream &out, const TrainingStep &state)
{
    out << state.step << ',' << NumberFormat::shortest(state.w) << ','
        << NumberFormat::shortest(state.loss) << ',' << NumberFormat::shortest(state.gradient)
        << '\n';
}

int runTrain(const QStringList &arguments, std::ostream &out, std::ostream &err)
{
    const QString command = QStringLiteral("train");
    const auto options = commandOptions(
        command, arguments,
        {QStringLiteral("data"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("lr"),
         QStringLiteral("steps"), QStringLiteral("w0"), QStringLiteral("tol")},
        err);
    if (!options)
        return CommandLine::exitUsage;

    QString error;
    const auto lr = numberOption(*options, QStringLiteral("lr"), 0.01, &error);
    const auto w0 = numberOption(*options, QStringLiteral("w0"), 0.0, &error);
    const auto tol = numberOption(*options, QStringLiteral("tol"), 0.0, &error);
    const auto steps = countOption(*options, QStringLiteral("steps"), 1000, &error);
    if (!lr || !w0 || !tol || !steps)
        return fail(err, command, error);
    if (*lr <= 0.0) {
        return fail(err, command,
                    QStringLiteral("--lr: '%1' is not positive")
                        .arg(options->values.value(QStringLiteral("lr"))));
    }
    if (*tol < 0.0) {
        return fail(err, command,
                    QStringLiteral("--tol: '%1' is negative")
                        .arg(options->values.value(QStringLiteral("tol"))));
    }

    auto data = datasetOption(command, *options, err, &error);
    if (!data)
        return fail(err, command, error);

    Trainer trainer(std::move(*data), *w0);
    trainer.setSettings({*lr, *steps, *tol});
    out << "step,w,loss,grad_w\n";
    printRow(out, trainer.current());
    if (trainer.checkConverged() == StopReason::Converged)
        return CommandLine::exitOk;
    for (qint64 k = 0; k < *steps; ++k) {
        const StopReason reason = trainer.advance();
        if (reason == StopReason::Diverged) {
            out.flush();
            err << "losslab train: " << trainer.stopMessage().toStdString() << '\n';
            return CommandLine::exitDiverged;
        }
        printRow(out, trainer.current());
        if (reason != StopReason::None)
            break;
    }
    return CommandLine::exitOk;
}

} // namespace

bool CommandLine::isHeadless(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return false;
    static const QStringList headless = {
        QStringLiteral("grid"), QStringLiteral("train"),     QStringLiteral("--help"),
        QStringLiteral("-h"),   QStringLiteral("--version"),
    };
    return headless.contains(arguments.first());
}

int CommandLine::run(const QStringList &arguments, std::ostream &out, std::ostream &err)
{
    const QString command = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (command == QLatin1String("grid"))
        return runGrid(rest, out, err);
    if (command == QLatin1String("train"))
        return runTrain(rest, out, err);
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out << usage().toStdString();
        return exitOk;
    }
    if (command == QLatin1String("--version")) {
        out << "losslab " << version().toStdString() << '\n';
        return exitOk;
    }
    return fail(err, QString(), QStringLiteral("unknown command '%1'").arg(command));
}

bool CommandLine::checkWindowArguments(const QStringList &arguments, QString *error)
{
    const auto options = parseOptions(arguments, windowOptionNames(), error);
    if (!options)
        return false;
    for (const QString &argument : options->positional) {
        if (!argument.startsWith(u'-') && !QFileInfo::exists(argument)) {
            *error = QStringLiteral("%1: no such file (the commands are grid and train; see "
                                    "losslab --help)")
                         .arg(argument);
            return false;
        }
    }
    return true;
}

std::optional<WindowOptions> CommandLine::parseWindowOptions(const QStringList &arguments,
                                                             QString *error)
{
    const auto options = parseOptions(arguments, windowOptionNames(), error);
    if (!options)
        return std::nullopt;
    if (options->positional.size() > 1) {
        *error = QStringLiteral("one data file at most, got '%1' and '%2'")
                     .arg(options->positional[0], options->positional[1]);
        return std::nullopt;
    }
    WindowOptions window;
    window.dataFile = options->positional.value(0);
    window.xColumn = options->values.value(QStringLiteral("x"));
    window.yColumn = options->values.value(QStringLiteral("y"));
    window.screenshot = options->values.value(QStringLiteral("screenshot"));
    if (window.dataFile.isEmpty() && (!window.xColumn.isEmpty() || !window.yColumn.isEmpty())) {
        *error = QStringLiteral("--x and --y choose columns of a data file; none was given");
        return std::nullopt;
    }
    return window;
}

QString CommandLine::version()
{
    return QStringLiteral(LOSSLAB_VERSION);
}

QString CommandLine::usage()
{
    return QStringLiteral(
        "LossLab: see how a machine-learning model learns.\n"
        "\n"
        "Usage:\n"
        "  losslab [FILE] [--x COL] [--y COL] [--screenshot OUT.png]\n"
        "  losslab grid  [--data FILE] [--x COL] [--y COL] [--from 0] [--to 4] [--step 0.1]\n"
        "  losslab train [--data FILE] [--x COL] [--y COL] [--lr 0.01] [--steps 1000] [--w0 0]\n"
        "                [--tol T]\n"
        "  losslab --help | --version\n"
        "\n"
        "Without a command, opens the window on FILE (a CSV) or on the lesson's data\n"
        "(1,2), (2,4), (3,6). COL is a header name or a 1-based column number; the default\n"
        "is the first two numeric columns.\n"
        "\n"
        "  grid    prints the brute-force search of the model y = w*x: every point's\n"
        "          prediction and squared error and the mean squared error (MSE) for each w.\n"
        "  train   runs gradient descent w <- w - lr * dMSE/dw and prints CSV rows\n"
        "          step,w,loss,grad_w (row 0 is the start); stops early on divergence, or\n"
        "          when |grad_w| < T if --tol is given.\n"
        "  --screenshot OUT.png  draws the window once, saves it as a PNG and exits.\n"
        "\n"
        "Exit status: 0 success, 2 bad usage or input, 3 training diverged.\n");
}
