#include "commandline.h"

#include <QCoreApplication>

#include "commandoptions.h"
#include "datasetloader.h"
#include "gridsearch.h"
#include "numberformat.h"
#include "objective.h"
#include "optimizer.h"
#include "stopsignals.h"
#include "trainer.h"

#include <QFileInfo>

#include <cmath>
#include <csignal>
#include <limits>
#include <ostream>

namespace {

// A message stays one line even when it quotes an argument with a line break (or another
// control character) in it.
QString oneLine(QString message)
{
    for (QChar &c : message) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            c = u' ';
    }
    return message;
}

std::optional<Dataset> datasetOption(const QString &command, const CommandOptions &options,
                                     std::ostream &err, QString *error)
{
    const QString file = options.value(QStringLiteral("data"));
    const QString x = options.value(QStringLiteral("x"));
    const QString y = options.value(QStringLiteral("y"));
    if (file.isEmpty()) {
        if (!x.isEmpty() || !y.isEmpty()) {
            *error = QCoreApplication::translate(
                "CommandLine", "--x and --y choose columns of a file given with --data");
            return std::nullopt;
        }
        return Dataset::lesson();
    }
    auto loaded = DatasetLoader::loadFile(file, x, y, error);
    if (!loaded)
        return std::nullopt;
    if (const QString note = loaded->skippedSummary(); !note.isEmpty())
        err << "losslab " << command.toStdString() << ": note: " << note.toStdString() << '\n';
    for (const QString &warning : loaded->warnings) {
        err << "losslab " << command.toStdString() << ": note: " << oneLine(warning).toStdString()
            << '\n';
    }
    return std::move(loaded->data);
}

QStringList windowOptionNames()
{
    return {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("screenshot")};
}

int fail(std::ostream &err, const QString &command, const QString &message)
{
    err << "losslab" << (command.isEmpty() ? "" : " ") << command.toStdString() << ": "
        << oneLine(message).toStdString() << '\n';
    return CommandLine::exitUsage;
}

// The options of a headless command, which takes no positional arguments; on a usage error
// the error is printed and nothing is returned.
std::optional<CommandOptions> commandOptions(const QString &command, const QStringList &arguments,
                                             const QStringList &known, std::ostream &err,
                                             const QStringList &flags = {})
{
    QString error;
    auto options = CommandOptions::parse(arguments, known, &error, flags);
    if (options && !options->positional().isEmpty())
        error = QCoreApplication::translate("CommandLine", "unexpected argument '%1'")
                    .arg(options->positional().first());
    if (!error.isEmpty()) {
        fail(err, command, error);
        return std::nullopt;
    }
    return options;
}

int runGrid(const QStringList &arguments, std::ostream &out, std::ostream &err)
{
    const QString command = QStringLiteral("grid");
    const auto options = commandOptions(command, arguments, CommandLine::optionNames(command), err,
                                        CommandLine::flagNames(command));
    if (!options)
        return CommandLine::exitUsage;

    QString error;
    const auto from = options->number(QStringLiteral("from"), 0.0, &error);
    const auto to = options->number(QStringLiteral("to"), 4.0, &error);
    const auto step = options->number(QStringLiteral("step"), 0.1, &error);
    if (!from || !to || !step)
        return fail(err, command, error);
    if (!GridSearch::validate(*from, *to, *step, &error))
        return fail(err, command, error);

    const auto data = datasetOption(command, *options, err, &error);
    if (!data)
        return fail(err, command, error);
    if (options->contains(QStringLiteral("csv")))
        GridSearch::writeCsv(out, *data, *from, *to, *step);
    else
        GridSearch::write(out, *data, *from, *to, *step);
    return CommandLine::exitOk;
}

void printRow(std::ostream &out, const TrainingStep &state, bool bias)
{
    out << state.step << ',' << NumberFormat::shortest(state.w) << ',';
    if (bias)
        out << NumberFormat::shortest(state.b) << ',';
    out << NumberFormat::shortest(state.loss) << ',' << NumberFormat::shortest(state.gradW);
    if (bias)
        out << ',' << NumberFormat::shortest(state.gradB);
    out << '\n';
}

std::optional<Objective> objectiveOption(const CommandOptions &options, QString *error)
{
    Objective objective;
    const QString model = options.value(QStringLiteral("model"), QStringLiteral("origin"));
    const QString loss = options.value(QStringLiteral("loss"), QStringLiteral("mse"));
    const auto modelKind = Objective::modelFromName(model);
    const auto lossKind = Objective::lossFromName(loss);
    if (!modelKind) {
        *error =
            QCoreApplication::translate("CommandLine", "--model: '%1' is not one of origin, line")
                .arg(model);
        return std::nullopt;
    }
    if (!lossKind) {
        *error =
            QCoreApplication::translate("CommandLine", "--loss: '%1' is not one of mse, mae, huber")
                .arg(loss);
        return std::nullopt;
    }
    const auto delta = options.positive(QStringLiteral("delta"), 1.0, error);
    if (!delta)
        return std::nullopt;
    objective.model = *modelKind;
    objective.loss = *lossKind;
    objective.delta = *delta;
    return objective;
}

std::optional<OptimizerSettings> optimizerOption(const CommandOptions &options, QString *error)
{
    OptimizerSettings settings;
    const QString name = options.value(QStringLiteral("optimizer"), QStringLiteral("gd"));
    const auto kind = Optimizer::fromName(name);
    if (!kind) {
        *error = QCoreApplication::translate("CommandLine", "--optimizer: '%1' is not one of %2")
                     .arg(name, Optimizer::names().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    settings.kind = *kind;

    const double inf = std::numeric_limits<double>::infinity();
    const auto momentum =
        options.bounded(QStringLiteral("momentum"), *kind == OptimizerKind::Rmsprop ? 0.0 : 0.9,
                        0.0, inf, false, error);
    const auto dampening =
        options.bounded(QStringLiteral("dampening"), 0.0, 0.0, 1.0, false, error);
    const auto alpha = options.bounded(QStringLiteral("alpha"), 0.99, 0.0, 1.0, true, error);
    const auto beta1 = options.bounded(QStringLiteral("beta1"), 0.9, 0.0, 1.0, true, error);
    const auto beta2 = options.bounded(QStringLiteral("beta2"), 0.999, 0.0, 1.0, true, error);
    const auto lrDecay = options.bounded(QStringLiteral("lr-decay"), 0.0, 0.0, inf, false, error);
    const auto accumulator =
        options.bounded(QStringLiteral("initial-accumulator"), 0.0, 0.0, inf, false, error);
    if (!momentum || !dampening || !alpha || !beta1 || !beta2 || !lrDecay || !accumulator)
        return std::nullopt;
    if (options.contains(QStringLiteral("eps"))) {
        const auto eps = options.positive(QStringLiteral("eps"), 1.0, error);
        if (!eps)
            return std::nullopt;
        settings.eps = *eps;
    }
    if (*kind == OptimizerKind::Nesterov && (*momentum <= 0.0 || *dampening != 0.0)) {
        *error = QCoreApplication::translate("CommandLine",
                                             "--optimizer nesterov needs a positive --momentum and "
                                             "--dampening 0");
        return std::nullopt;
    }

    if (*kind == OptimizerKind::Rmsprop)
        settings.rmspropMomentum = *momentum;
    else
        settings.momentum = *momentum;
    settings.dampening = *dampening;
    settings.alpha = *alpha;
    settings.centered = options.contains(QStringLiteral("centered"));
    settings.beta1 = *beta1;
    settings.beta2 = *beta2;
    settings.amsgrad = options.contains(QStringLiteral("amsgrad"));
    settings.lrDecay = *lrDecay;
    settings.initialAccumulator = *accumulator;
    return settings;
}

const char *signalName(int signalNumber)
{
    return signalNumber == SIGTERM ? "SIGTERM" : "SIGINT";
}

int runTrain(const QStringList &arguments, std::ostream &out, std::ostream &err)
{
    const QString command = QStringLiteral("train");
    const auto options = commandOptions(command, arguments, CommandLine::optionNames(command), err,
                                        CommandLine::flagNames(command));
    if (!options)
        return CommandLine::exitUsage;

    QString error;
    const auto lr = options->positive(QStringLiteral("lr"), 0.01, &error);
    const auto w0 = options->number(QStringLiteral("w0"), 0.0, &error);
    const auto b0 = options->number(QStringLiteral("b0"), 0.0, &error);
    const auto tol = options->bounded(QStringLiteral("tol"), 0.0, 0.0, qInf(), false, &error);
    const auto steps = options->count(QStringLiteral("steps"), 1000, &error);
    if (!lr || !w0 || !b0 || !tol || !steps)
        return fail(err, command, error);
    const auto objective = objectiveOption(*options, &error);
    const auto optimizer = objective ? optimizerOption(*options, &error) : std::nullopt;
    if (!objective || !optimizer)
        return fail(err, command, error);
    if (!objective->hasBias() && options->contains(QStringLiteral("b0")))
        return fail(err, command,
                    QCoreApplication::translate("CommandLine", "--b0 needs --model line"));

    auto data = datasetOption(command, *options, err, &error);
    if (!data)
        return fail(err, command, error);

    Trainer trainer(std::move(*data), *w0, *b0);
    trainer.setObjective(*objective);
    trainer.setSettings({*lr, *steps, *tol});
    trainer.setOptimizer(*optimizer);
    const bool bias = objective->hasBias();
    out << (bias ? "step,w,b,loss,grad_w,grad_b\n" : "step,w,loss,grad_w\n");
    // A start whose loss or gradient is too large to represent has no row: no number stands
    // for it, and no step can be taken from it.
    const StopReason start = trainer.checkStart();
    if (start == StopReason::TooLarge) {
        out.flush();
        err << "losslab train: " << trainer.stopMessage().toStdString() << '\n';
        return CommandLine::exitDiverged;
    }
    printRow(out, trainer.current(), bias);
    if (start == StopReason::Converged)
        return CommandLine::exitOk;
    for (qint64 k = 0; k < *steps; ++k) {
        const StopReason reason = trainer.advance();
        if (reason == StopReason::Diverged || reason == StopReason::TooLarge) {
            out.flush();
            err << "losslab train: " << trainer.stopMessage().toStdString() << '\n';
            return CommandLine::exitDiverged;
        }
        printRow(out, trainer.current(), bias);
        if (reason != StopReason::None)
            break;
        if (StopSignals::requested()) {
            out.flush();
            err << "losslab train: "
                << QCoreApplication::translate(
                       "CommandLine", "interrupted (%1) after step %2; every row printed is whole")
                       .arg(QLatin1String(signalName(StopSignals::signalNumber())))
                       .arg(trainer.current().step)
                       .toStdString()
                << '\n';
            return CommandLine::exitOk;
        }
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
    return fail(err, QString(),
                QCoreApplication::translate("CommandLine", "unknown command '%1'").arg(command));
}

bool CommandLine::checkWindowArguments(const QStringList &arguments, QString *error)
{
    const auto options = CommandOptions::parse(arguments, windowOptionNames(), error);
    if (!options) {
        *error = oneLine(*error);
        return false;
    }
    for (const QString &argument : options->positional()) {
        if (!argument.startsWith(u'-') && !QFileInfo::exists(argument)) {
            *error = oneLine(
                QCoreApplication::translate("CommandLine",
                                            "%1: no such file (the commands are grid and train; "
                                            "see losslab --help)")
                    .arg(argument));
            return false;
        }
    }
    return true;
}

std::optional<WindowOptions> CommandLine::parseWindowOptions(const QStringList &arguments,
                                                             QString *error)
{
    const auto options = CommandOptions::parse(arguments, windowOptionNames(), error);
    if (!options) {
        *error = oneLine(*error);
        return std::nullopt;
    }
    if (options->positional().size() > 1) {
        *error = oneLine(
            QCoreApplication::translate("CommandLine", "one data file at most, got '%1' and '%2'")
                .arg(options->positional()[0], options->positional()[1]));
        return std::nullopt;
    }
    WindowOptions window;
    window.dataFile = options->positional().value(0);
    window.xColumn = options->value(QStringLiteral("x"));
    window.yColumn = options->value(QStringLiteral("y"));
    window.screenshot = options->value(QStringLiteral("screenshot"));
    if (window.dataFile.isEmpty() && (!window.xColumn.isEmpty() || !window.yColumn.isEmpty())) {
        *error = QCoreApplication::translate(
            "CommandLine", "--x and --y choose columns of a data file; none was given");
        return std::nullopt;
    }
    return window;
}

QString CommandLine::version()
{
    return QStringLiteral(LOSSLAB_VERSION);
}

QStringList CommandLine::optionNames(const QString &command)
{
    QStringList names = {QStringLiteral("data"), QStringLiteral("x"), QStringLiteral("y")};
    if (command == QLatin1String("grid"))
        return names
            + QStringList {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("step")};
    if (command != QLatin1String("train"))
        return {};
    return names
        + QStringList {QStringLiteral("model"),
                       QStringLiteral("loss"),
                       QStringLiteral("delta"),
                       QStringLiteral("optimizer"),
                       QStringLiteral("lr"),
                       QStringLiteral("steps"),
                       QStringLiteral("w0"),
                       QStringLiteral("b0"),
                       QStringLiteral("tol"),
                       QStringLiteral("momentum"),
                       QStringLiteral("dampening"),
                       QStringLiteral("alpha"),
                       QStringLiteral("beta1"),
                       QStringLiteral("beta2"),
                       QStringLiteral("eps"),
                       QStringLiteral("lr-decay"),
                       QStringLiteral("initial-accumulator")};
}

QStringList CommandLine::flagNames(const QString &command)
{
    if (command == QLatin1String("grid"))
        return {QStringLiteral("csv")};
    if (command != QLatin1String("train"))
        return {};
    return {QStringLiteral("centered"), QStringLiteral("amsgrad")};
}

QString CommandLine::usage()
{
    return QCoreApplication::translate(
        "CommandLine",
        "LossLab: see how a machine-learning model learns.\n"
        "\n"
        "Usage:\n"
        "  losslab [FILE] [--x COL] [--y COL] [--screenshot OUT.png]\n"
        "  losslab grid  [--data FILE] [--x COL] [--y COL] [--from 0] [--to 4] [--step 0.1]\n"
        "                [--csv]\n"
        "  losslab train [--data FILE] [--x COL] [--y COL] [--model origin|line]\n"
        "                [--loss mse|mae|huber] [--delta 1]\n"
        "                [--optimizer gd|momentum|nesterov|adagrad|rmsprop|adam] [--lr 0.01]\n"
        "                [--steps 1000] [--w0 0] [--b0 0] [--tol T] [--momentum 0.9]\n"
        "                [--dampening 0] [--alpha 0.99] [--centered] [--beta1 0.9]\n"
        "                [--beta2 0.999] [--eps E] [--amsgrad] [--lr-decay 0]\n"
        "                [--initial-accumulator 0]\n"
        "  losslab --help | --version\n"
        "\n"
        "Without a command, opens the window on FILE (a CSV file or a .losslab session) or\n"
        "on the lesson's data (1,2), (2,4), (3,6). COL is a header name or a 1-based column\n"
        "number; the default is the first two numeric columns. grid and train take the\n"
        "points of a session (not its settings).\n"
        "\n"
        "  grid    prints the brute-force search of the model y = w*x: every point's\n"
        "          prediction and squared error and the mean squared error (MSE) for each w;\n"
        "          with --csv, rows w,x,y,prediction,squared_error,mse with every digit.\n"
        "  train   trains the model y = w*x (origin) or y = w*x + b (line) on the loss\n"
        "          with the optimizer (torch.optim's rules and defaults) and prints CSV rows\n"
        "          step,w,loss,grad_w (step,w,b,loss,grad_w,grad_b for line); row 0 is the\n"
        "          start. Stops early on divergence, or when |gradient| < T if --tol is given.\n"
        "  --screenshot OUT.png  draws the window once, saves it as a PNG and exits.\n"
        "\n"
        "Exit status: 0 success, 2 bad usage or input, 3 training diverged (or its start\n"
        "is too large to represent).\n");
}
