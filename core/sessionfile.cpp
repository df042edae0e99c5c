#include "sessionfile.h"

#include "atomicfile.h"
#include "inputfile.h"
#include "jsonnumber.h"
#include "sessionreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

constexpr qint64 ChunkBytes = qint64(1) << 20;

QJsonArray numberArray(const std::vector<double> &values)
{
    QJsonArray array;
    for (const double value : values)
        array.append(JsonNumber::toJson(value));
    return array;
}

QJsonObject optimizerObject(const OptimizerSettings &settings)
{
    return {
        {QStringLiteral("kind"), Optimizer::name(settings.kind)},
        {QStringLiteral("momentum"), JsonNumber::toJson(settings.momentum)},
        {QStringLiteral("dampening"), JsonNumber::toJson(settings.dampening)},
        {QStringLiteral("alpha"), JsonNumber::toJson(settings.alpha)},
        {QStringLiteral("rmspropMomentum"), JsonNumber::toJson(settings.rmspropMomentum)},
        {QStringLiteral("centered"), settings.centered},
        {QStringLiteral("beta1"), JsonNumber::toJson(settings.beta1)},
        {QStringLiteral("beta2"), JsonNumber::toJson(settings.beta2)},
        {QStringLiteral("amsgrad"), settings.amsgrad},
        {QStringLiteral("lrDecay"), JsonNumber::toJson(settings.lrDecay)},
        {QStringLiteral("initialAccumulator"), JsonNumber::toJson(settings.initialAccumulator)},
        {QStringLiteral("eps"),
         settings.eps ? JsonNumber::toJson(*settings.eps) : QJsonValue(QJsonValue::Null)},
    };
}

// An optimizer's state as the file holds it, or null where it is not known.
QJsonValue snapshotValue(const std::optional<OptimizerSnapshot> &snapshot)
{
    if (!snapshot)
        return QJsonValue(QJsonValue::Null);
    QJsonArray buffers;
    for (const OptimizerSnapshot::Buffer &buffer : snapshot->buffers) {
        QJsonArray values;
        for (Eigen::Index i = 0; i < buffer.size(); ++i)
            values.append(JsonNumber::toJson(buffer(i)));
        buffers.append(values);
    }
    QJsonArray scalars;
    for (const double scalar : snapshot->scalars)
        scalars.append(JsonNumber::toJson(scalar));
    return QJsonObject {
        {QStringLiteral("kind"), Optimizer::name(snapshot->kind)},
        {QStringLiteral("steps"), snapshot->steps},
        {QStringLiteral("buffers"), buffers},
        {QStringLiteral("scalars"), scalars},
    };
}

QJsonObject trailObject(const SessionTrail &trail)
{
    QJsonArray steps;
    QJsonArray ws;
    QJsonArray bs;
    QJsonArray losses;
    QJsonArray gradWs;
    QJsonArray gradBs;
    QJsonArray tooLarge;
    for (const TrainingStep &step : trail.steps) {
        steps.append(step.step);
        ws.append(JsonNumber::toJson(step.w));
        bs.append(JsonNumber::toJson(step.b));
        losses.append(JsonNumber::toJson(step.loss));
        gradWs.append(JsonNumber::toJson(step.gradW));
        gradBs.append(JsonNumber::toJson(step.gradB));
        tooLarge.append(step.tooLarge);
    }
    QJsonArray states;
    for (std::size_t i = 0; i < trail.steps.size(); ++i) {
        states.append(snapshotValue(i < trail.optimizerStates.size() ? trail.optimizerStates[i]
                                                                     : std::nullopt));
    }
    return {
        {QStringLiteral("stride"), trail.stride},
        {QStringLiteral("step"), steps},
        {QStringLiteral("w"), ws},
        {QStringLiteral("b"), bs},
        {QStringLiteral("loss"), losses},
        {QStringLiteral("gradW"), gradWs},
        {QStringLiteral("gradB"), gradBs},
        {QStringLiteral("tooLarge"), tooLarge},
        {QStringLiteral("optimizerState"), states},
    };
}

// "line 3, column 7" of the byte at `offset` in `text`; columns count characters. (Qt's parse
// error offsets point just past the character where the parser stopped.)
QString position(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    const qsizetype lineStart = offset > 0 ? text.lastIndexOf('\n', offset - 1) + 1 : 0;
    const qsizetype line = text.first(lineStart).count('\n') + 1;
    qsizetype column = 1;
    for (qsizetype i = lineStart; i < offset; ++i) {
        if ((uchar(text.at(i)) & 0xC0) != 0x80) // not a UTF-8 continuation byte
            ++column;
    }
    return QCoreApplication::translate("SessionFile", "line %1, column %2").arg(line).arg(column);
}

} // namespace

QString SessionFile::formatName()
{
    return QStringLiteral("losslab-session");
}

QString SessionFile::suffix()
{
    return QStringLiteral("losslab");
}

bool SessionFile::isSessionPath(const QString &path)
{
    return path.endsWith(u'.' + suffix(), Qt::CaseInsensitive);
}

QByteArray SessionFile::toJson(const Session &session)
{
    const QJsonObject data {
        {QStringLiteral("file"), session.sourceFile},
        {QStringLiteral("xColumn"), session.xColumn},
        {QStringLiteral("yColumn"), session.yColumn},
        {QStringLiteral("x"), numberArray(session.data.xs())},
        {QStringLiteral("y"), numberArray(session.data.ys())},
    };
    QJsonArray race;
    for (const OptimizerSettings &rival : session.rivals)
        race.append(optimizerObject(rival));
    QJsonArray trails;
    for (const SessionTrail &trail : session.trails)
        trails.append(trailObject(trail));

    const QJsonObject root {
        {QStringLiteral("format"), formatName()},
        {QStringLiteral("version"), version},
        {QStringLiteral("data"), data},
        {QStringLiteral("model"),
         QJsonObject {{QStringLiteral("kind"), Objective::name(session.objective.model)},
                      {QStringLiteral("standardizeX"), session.standardizeX}}},
        {QStringLiteral("loss"),
         QJsonObject {{QStringLiteral("kind"), Objective::name(session.objective.loss)},
                      {QStringLiteral("delta"), JsonNumber::toJson(session.objective.delta)}}},
        {QStringLiteral("optimizer"), optimizerObject(session.optimizer)},
        {QStringLiteral("race"), race},
        {QStringLiteral("training"),
         QJsonObject {
             {QStringLiteral("learningRate"), JsonNumber::toJson(session.training.learningRate)},
             {QStringLiteral("maxSteps"), session.training.maxSteps},
             {QStringLiteral("tolerance"), JsonNumber::toJson(session.training.tolerance)},
             {QStringLiteral("stepsPerSecond"), session.stepsPerSecond}}},
        {QStringLiteral("parameters"),
         QJsonObject {{QStringLiteral("w"), JsonNumber::toJson(session.w)},
                      {QStringLiteral("b"), JsonNumber::toJson(session.b)}}},
        {QStringLiteral("trails"), trails},
        {QStringLiteral("view"),
         QJsonObject {{QStringLiteral("tab"), session.view.tab},
                      {QStringLiteral("logLossAxis"), session.view.logLossAxis}}},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<Session> SessionFile::fromJson(const QByteArray &json, QStringList *warnings,
                                             QString *error)
{
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };

    // A byte-order mark is allowed in front of UTF-8, though JSON does not need one.
    const QByteArray bom("\xEF\xBB\xBF");
    const qsizetype start = json.startsWith(bom) ? bom.size() : 0;
    const auto isBlank = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    if (std::all_of(json.begin() + start, json.end(), isBlank))
        return failWith(QCoreApplication::translate("SessionFile", "the file is empty"));

    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(start > 0 ? json.sliced(start) : json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failWith(
            QCoreApplication::translate("SessionFile", "damaged JSON at %1: %2")
                .arg(position(json, start + parseError.offset - 1), parseError.errorString()));
    }
    if (!document.isObject())
        return failWith(QCoreApplication::translate(
            "SessionFile", "not a LossLab session (the JSON is not an object)"));

    SessionReader reader(warnings);
    return reader.read(document.object(), error);
}

bool SessionFile::save(const Session &session, const QString &path, QString *error)
{
    const QByteArray json = toJson(session);
    return AtomicFile::write(
        path, [&json](QIODevice *device) { device->write(json); }, error);
}

std::optional<Session> SessionFile::load(const QString &path, QStringList *warnings, QString *error)
{
    const auto failWith = [&](const QString &problem) {
        if (error)
            *error = InputFile::displayName(path) + QStringLiteral(": ") + problem;
        return std::nullopt;
    };

    if (QFileInfo(path).isDir())
        return failWith(QCoreApplication::translate("SessionFile", "this is a folder, not a file"));
    QFile file;
    if (!InputFile::open(file, path))
        return failWith(QCoreApplication::translate("SessionFile", "cannot open the file: %1")
                            .arg(file.errorString()));
    if (file.size() > MaxBytes)
        return failWith(
            QCoreApplication::translate("SessionFile", "the file is larger than 1 GiB"));

    // Read in chunks, so that a device or a pipe without end is refused at its first NUL byte
    // (which JSON text never holds) or at the size limit.
    QByteArray text;
    text.reserve(file.size());
    for (;;) {
        const QByteArray chunk = file.read(ChunkBytes);
        if (chunk.isEmpty())
            break;
        if (chunk.contains('\0'))
            return failWith(
                QCoreApplication::translate("SessionFile", "not a LossLab session (binary data)"));
        if (text.size() + chunk.size() > MaxBytes)
            return failWith(
                QCoreApplication::translate("SessionFile", "the file is larger than 1 GiB"));
        text += chunk;
    }
    if (file.error() != QFileDevice::NoError)
        return failWith(QCoreApplication::translate("SessionFile", "cannot read the file: %1")
                            .arg(file.errorString()));

    QString message;
    std::optional<Session> session = fromJson(text, warnings, &message);
    if (!session)
        return failWith(message);
    return session;
}
