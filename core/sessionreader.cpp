#include "sessionreader.h"

#include "jsonnumber.h"
#include "numberformat.h"
#include "sessionfile.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

// The range a number of the file must lie in, and its words for a warning.
struct NumberBounds
{
    double low;
    double high;
    bool lowIncluded;
    bool highIncluded;
    const char *words;

    bool contains(double value) const
    {
        return (lowIncluded ? value >= low : value > low)
            && (highIncluded ? value <= high : value < high);
    }
};

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr NumberBounds Finite {-Inf, Inf, false, false, "a finite number"};
constexpr NumberBounds Positive {0.0, Inf, false, false, "a finite number above 0"};
constexpr NumberBounds NonNegative {0.0, Inf, true, false, "a finite number of 0 or more"};
constexpr NumberBounds UnitClosed {0.0, 1.0, true, true, "a number from 0 to 1"};
constexpr NumberBounds UnitOpen {0.0, 1.0, true, false, "a number from 0 up to but not 1"};

constexpr qint64 MaxInteger = std::numeric_limits<qint64>::max();

QString join(const QString &path, QLatin1StringView key)
{
    return path.isEmpty() ? QString(key) : path + u'.' + key;
}

QString indexed(const QString &path, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(path).arg(index);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("true or false");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString shortest(double value)
{
    return QString::fromStdString(NumberFormat::shortest(value));
}

// The whole number `value` holds, if it holds one exactly.
std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    // toInteger() gives its fallback for a fraction, so two fallbacks tell one apart.
    const qint64 first = value.toInteger(0);
    if (first != value.toInteger(1))
        return std::nullopt;
    return first;
}

QStringList modelNames()
{
    return {Objective::name(ModelKind::Origin), Objective::name(ModelKind::Line)};
}

QStringList lossNames()
{
    return {Objective::name(LossKind::Mse), Objective::name(LossKind::Mae),
            Objective::name(LossKind::Huber)};
}

QStringList optimizerNames()
{
    QStringList names;
    for (const OptimizerKind kind : Optimizer::all())
        names.append(Optimizer::name(kind));
    return names;
}

} // namespace

SessionReader::SessionReader(QStringList *warnings)
    : m_warnings(warnings)
{
}

std::optional<Session> SessionReader::read(const QJsonObject &root, QString *error)
{
    Session session;
    const bool ok = readVersion(root) && readData(root, &session) && readObjective(root, &session)
        && readTraining(root, &session) && readTrails(root, &session) && readView(root, &session);
    if (!ok) {
        if (error)
            *error = m_error;
        return std::nullopt;
    }

    session.optimizer.learningRate = session.training.learningRate;
    for (OptimizerSettings &rival : session.rivals)
        rival.learningRate = session.training.learningRate;
    return session;
}

bool SessionReader::readVersion(const QJsonObject &root)
{
    if (root.value(QLatin1StringView("format")).toString() != SessionFile::formatName()) {
        return fail(QStringLiteral("not a LossLab session (it has no \"format\": \"%1\")")
                        .arg(SessionFile::formatName()));
    }
    const QJsonValue value = root.value(QLatin1StringView("version"));
    const std::optional<qint64> version =
        value.isDouble() ? wholeNumber(value) : std::optional<qint64>();
    if (!version)
        return fail(QStringLiteral("the session's format version should be a whole number"));
    if (*version > SessionFile::version) {
        return fail(QStringLiteral("written by a newer LossLab (session format version %1; "
                                   "this LossLab reads version %2 and older)")
                        .arg(*version)
                        .arg(SessionFile::version));
    }
    if (*version < 1)
        return fail(QStringLiteral("unknown session format version %1").arg(*version));
    return true;
}

bool SessionReader::readData(const QJsonObject &root, Session *session)
{
    QJsonObject data;
    bool present = false;
    if (!section(root, QLatin1StringView("data"), &data, &present) || !present)
        return m_error.isEmpty();

    const QString path = QStringLiteral("data");
    return text(data, path, QLatin1StringView("file"), &session->sourceFile)
        && text(data, path, QLatin1StringView("xColumn"), &session->xColumn)
        && text(data, path, QLatin1StringView("yColumn"), &session->yColumn)
        && readPoints(data, session);
}

bool SessionReader::readPoints(const QJsonObject &data, Session *session)
{
    const QString path = QStringLiteral("data");
    QJsonArray xArray;
    QJsonArray yArray;
    bool hasX = false;
    bool hasY = false;
    const QString lesson = QStringLiteral("using the lesson's points (1, 2), (2, 4), (3, 6)");
    if (!array(data, path, QLatin1StringView("x"), MaxPoints, lesson, &xArray, &hasX)
        || !array(data, path, QLatin1StringView("y"), MaxPoints, lesson, &yArray, &hasY)) {
        return false;
    }
    if (!hasX || !hasY)
        return true;
    if (xArray.size() != yArray.size()) {
        return fail(QStringLiteral("data.x has %1 numbers but data.y has %2")
                        .arg(xArray.size())
                        .arg(yArray.size()));
    }

    std::vector<double> xs;
    std::vector<double> ys;
    if (!numbers(xArray, QStringLiteral("data.x"), &xs)
        || !numbers(yArray, QStringLiteral("data.y"), &ys)) {
        return false;
    }

    // The points are finite everywhere else in LossLab: a point that is not is left out.
    std::size_t kept = 0;
    std::size_t firstSkipped = xs.size();
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (std::isfinite(xs[i]) && std::isfinite(ys[i])) {
            xs[kept] = xs[i];
            ys[kept] = ys[i];
            ++kept;
        } else if (firstSkipped == xs.size()) {
            firstSkipped = i;
        }
    }
    if (kept < xs.size()) {
        warn(QStringLiteral("data: left out %1 point(s) whose x or y is not a finite number "
                            "(the first is point %2)")
                 .arg(xs.size() - kept)
                 .arg(firstSkipped));
        xs.resize(kept);
        ys.resize(kept);
    }
    session->data = Dataset(std::move(xs), std::move(ys));
    return true;
}

bool SessionReader::readObjective(const QJsonObject &root, Session *session)
{
    QJsonObject model;
    bool present = false;
    if (!section(root, QLatin1StringView("model"), &model, &present))
        return false;
    int index = int(session->objective.model);
    if (present
        && (!choice(model, QStringLiteral("model"), QLatin1StringView("kind"), modelNames(), &index)
            || !boolean(model, QStringLiteral("model"), QLatin1StringView("standardizeX"),
                        &session->standardizeX))) {
        return false;
    }
    session->objective.model = ModelKind(index);

    QJsonObject loss;
    if (!section(root, QLatin1StringView("loss"), &loss, &present))
        return false;
    if (!present)
        return true;
    const QString path = QStringLiteral("loss");
    index = int(session->objective.loss);
    if (!choice(loss, path, QLatin1StringView("kind"), lossNames(), &index))
        return false;
    session->objective.loss = LossKind(index);
    return number(loss, path, QLatin1StringView("delta"), Positive, &session->objective.delta);
}

bool SessionReader::readOptimizer(const QJsonObject &object, const QString &path,
                                  OptimizerSettings *out)
{
    int index = int(out->kind);
    if (!choice(object, path, QLatin1StringView("kind"), optimizerNames(), &index))
        return false;
    out->kind = OptimizerKind(index);

    const bool ok = number(object, path, QLatin1StringView("momentum"), Positive, &out->momentum)
        && number(object, path, QLatin1StringView("dampening"), UnitClosed, &out->dampening)
        && number(object, path, QLatin1StringView("alpha"), UnitOpen, &out->alpha)
        && number(object, path, QLatin1StringView("rmspropMomentum"), NonNegative,
                  &out->rmspropMomentum)
        && boolean(object, path, QLatin1StringView("centered"), &out->centered)
        && number(object, path, QLatin1StringView("beta1"), UnitOpen, &out->beta1)
        && number(object, path, QLatin1StringView("beta2"), UnitOpen, &out->beta2)
        && boolean(object, path, QLatin1StringView("amsgrad"), &out->amsgrad)
        && number(object, path, QLatin1StringView("lrDecay"), NonNegative, &out->lrDecay)
        && number(object, path, QLatin1StringView("initialAccumulator"), NonNegative,
                  &out->initialAccumulator);
    if (!ok)
        return false;

    // null: the optimizer's own default.
    const QLatin1StringView key("eps");
    const QJsonValue eps = object.value(key);
    if (eps.isUndefined()) {
        warn(QStringLiteral("missing %1; using the optimizer's default").arg(join(path, key)));
        return true;
    }
    if (eps.isNull())
        return true;
    const QString name = join(path, key);
    const std::optional<double> value = JsonNumber::fromJson(eps);
    if (!value)
        return fail(
            QStringLiteral("%1 should be a number or null, not %2").arg(name, typeName(eps)));
    if (!Positive.contains(*value)) {
        warn(QStringLiteral("%1: %2 is not %3; using the optimizer's default")
                 .arg(name, shortest(*value), QLatin1StringView(Positive.words)));
        return true;
    }
    out->eps = *value;
    return true;
}

bool SessionReader::readRace(const QJsonObject &root, Session *session)
{
    QJsonArray race;
    bool present = false;
    const qsizetype limit = qsizetype(Optimizer::all().size()) - 1;
    if (!array(root, QString(), QLatin1StringView("race"), limit,
               QStringLiteral("no optimizer races"), &race, &present)) {
        return false;
    }

    m_racers.assign(1, true);
    std::vector<OptimizerKind> racing = {session->optimizer.kind};
    for (qsizetype i = 0; i < race.size(); ++i) {
        const QString path = indexed(QStringLiteral("race"), i);
        if (!race.at(i).isObject())
            return fail(
                QStringLiteral("%1 should be an object, not %2").arg(path, typeName(race.at(i))));
        OptimizerSettings rival;
        if (!readOptimizer(race.at(i).toObject(), path, &rival))
            return false;
        // The window races each optimizer once, and never against itself.
        if (std::find(racing.begin(), racing.end(), rival.kind) != racing.end()) {
            warn(QStringLiteral("%1: %2 races already; left out, with its trail")
                     .arg(path, Optimizer::name(rival.kind)));
            m_racers.push_back(false);
            continue;
        }
        m_racers.push_back(true);
        racing.push_back(rival.kind);
        session->rivals.push_back(rival);
    }
    return true;
}

bool SessionReader::readTraining(const QJsonObject &root, Session *session)
{
    QJsonObject optimizer;
    bool present = false;
    if (!section(root, QLatin1StringView("optimizer"), &optimizer, &present))
        return false;
    if (present && !readOptimizer(optimizer, QStringLiteral("optimizer"), &session->optimizer))
        return false;
    if (!readRace(root, session))
        return false;

    QJsonObject training;
    if (!section(root, QLatin1StringView("training"), &training, &present))
        return false;
    const QString path = QStringLiteral("training");
    TrainerSettings &settings = session->training;
    qint64 speed = session->stepsPerSecond;
    const bool ok = !present
        || (number(training, path, QLatin1StringView("learningRate"), Positive,
                   &settings.learningRate)
            && integer(training, path, QLatin1StringView("maxSteps"), 1, MaxInteger,
                       &settings.maxSteps)
            && number(training, path, QLatin1StringView("tolerance"), NonNegative,
                      &settings.tolerance)
            && integer(training, path, QLatin1StringView("stepsPerSecond"), 0,
                       std::numeric_limits<int>::max(), &speed));
    session->stepsPerSecond = int(speed);
    if (!ok)
        return false;

    QJsonObject parameters;
    if (!section(root, QLatin1StringView("parameters"), &parameters, &present))
        return false;
    return !present
        || (number(parameters, QStringLiteral("parameters"), QLatin1StringView("w"), Finite,
                   &session->w)
            && number(parameters, QStringLiteral("parameters"), QLatin1StringView("b"), Finite,
                      &session->b));
}

bool SessionReader::readTrails(const QJsonObject &root, Session *session)
{
    QJsonArray trails;
    bool present = false;
    // One trail per racer the file names; a racer left out takes its trail along.
    const qsizetype racers = qsizetype(m_racers.size());
    if (!array(root, QString(), QLatin1StringView("trails"), racers, QStringLiteral("no trail"),
               &trails, &present)) {
        return false;
    }

    for (qsizetype i = 0; i < trails.size(); ++i) {
        const QString path = indexed(QStringLiteral("trails"), i);
        if (!trails.at(i).isObject())
            return fail(
                QStringLiteral("%1 should be an object, not %2").arg(path, typeName(trails.at(i))));
        if (!m_racers[std::size_t(i)])
            continue;
        std::optional<SessionTrail> trail;
        const int racer = int(session->trails.size());
        if (!readTrail(trails.at(i).toObject(), path, racer, &trail))
            return false;
        // A trail left out leaves the ones after it in their racers' places.
        session->trails.push_back(trail.value_or(SessionTrail()));
    }
    return true;
}

bool SessionReader::readTrail(const QJsonObject &object, const QString &path, int racer,
                              std::optional<SessionTrail> *out)
{
    SessionTrail trail;
    if (!integer(object, path, QLatin1StringView("stride"), 1, MaxInteger, &trail.stride))
        return false;

    const std::array<QLatin1StringView, 7> keys = {
        QLatin1StringView("step"),    QLatin1StringView("w"),     QLatin1StringView("b"),
        QLatin1StringView("loss"),    QLatin1StringView("gradW"), QLatin1StringView("gradB"),
        QLatin1StringView("tooLarge")};
    std::array<QJsonArray, 7> columns;
    bool complete = true;
    qsizetype length = -1;
    QLatin1StringView first;
    for (std::size_t c = 0; c < keys.size(); ++c) {
        bool present = false;
        if (!array(object, path, keys[c], MaxTrailSteps, QStringLiteral("the trail is left out"),
                   &columns[c], &present)) {
            return false;
        }
        complete = complete && present;
        if (!present)
            continue;
        if (length < 0) {
            length = columns[c].size();
            first = keys[c];
        } else if (columns[c].size() != length) {
            return fail(QStringLiteral("%1 has %2 entries but %3 has %4")
                            .arg(join(path, keys[c]))
                            .arg(columns[c].size())
                            .arg(join(path, first))
                            .arg(length));
        }
    }
    if (!complete)
        return true; // the missing column is named in a warning; the trail is left out

    std::array<std::vector<double>, 5> values;
    for (std::size_t c = 0; c < values.size(); ++c) {
        if (!numbers(columns[c + 1], join(path, keys[c + 1]), &values[c]))
            return false;
    }
    bool finite = true;
    for (qsizetype i = 0; i < columns[0].size(); ++i) {
        const QJsonValue step = columns[0].at(i);
        const QJsonValue tooLarge = columns[6].at(i);
        const std::optional<qint64> number =
            step.isDouble() ? wholeNumber(step) : std::optional<qint64>();
        if (!number || *number < 0) {
            return fail(QStringLiteral("%1 should be a whole number of 0 or more, not %2")
                            .arg(indexed(join(path, keys[0]), i), typeName(step)));
        }
        if (!tooLarge.isBool()) {
            return fail(QStringLiteral("%1 should be true or false, not %2")
                            .arg(indexed(join(path, keys[6]), i), typeName(tooLarge)));
        }
        const auto at = std::size_t(i);
        const TrainingStep state {*number,       values[0][at], values[1][at], values[2][at],
                                  values[3][at], values[4][at], racer,         tooLarge.toBool()};
        finite = finite && state.isFinite();
        trail.steps.push_back(state);
    }
    if (!finite) {
        warn(QStringLiteral("%1 holds a value that is not a finite number; the trail is left out")
                 .arg(path));
        return true;
    }
    *out = std::move(trail);
    return true;
}

bool SessionReader::readView(const QJsonObject &root, Session *session)
{
    QJsonObject view;
    bool present = false;
    if (!section(root, QLatin1StringView("view"), &view, &present))
        return false;
    const QString path = QStringLiteral("view");
    return !present
        || (text(view, path, QLatin1StringView("tab"), &session->view.tab)
            && boolean(view, path, QLatin1StringView("logLossAxis"), &session->view.logLossAxis));
}

bool SessionReader::section(const QJsonObject &object, QLatin1StringView key, QJsonObject *value,
                            bool *present)
{
    const QJsonValue json = object.value(key);
    *present = !json.isUndefined();
    if (!*present) {
        warn(QStringLiteral("missing %1; using the defaults").arg(key));
        return true;
    }
    if (!json.isObject())
        return fail(QStringLiteral("%1 should be an object, not %2").arg(key, typeName(json)));
    *value = json.toObject();
    return true;
}

bool SessionReader::number(const QJsonObject &object, const QString &path, QLatin1StringView key,
                           const NumberBounds &bounds, double *value)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    if (json.isUndefined()) {
        warn(QStringLiteral("missing %1; using %2").arg(name, shortest(*value)));
        return true;
    }
    const std::optional<double> read = JsonNumber::fromJson(json);
    if (!read)
        return fail(QStringLiteral("%1 should be a number, not %2").arg(name, typeName(json)));
    if (!bounds.contains(*read)) {
        warn(QStringLiteral("%1: %2 is not %3; using %4")
                 .arg(name, shortest(*read), QLatin1StringView(bounds.words), shortest(*value)));
        return true;
    }
    *value = *read;
    return true;
}

bool SessionReader::integer(const QJsonObject &object, const QString &path, QLatin1StringView key,
                            qint64 low, qint64 high, qint64 *value)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    if (json.isUndefined()) {
        warn(QStringLiteral("missing %1; using %2").arg(name).arg(*value));
        return true;
    }
    if (!json.isDouble() && !JsonNumber::fromJson(json))
        return fail(QStringLiteral("%1 should be a number, not %2").arg(name, typeName(json)));
    const std::optional<qint64> read =
        json.isDouble() ? wholeNumber(json) : std::optional<qint64>();
    if (!read || *read < low || *read > high) {
        const QString given = json.isDouble() ? shortest(json.toDouble()) : json.toString();
        warn(QStringLiteral("%1: %2 is not a whole number from %3 to %4; using %5")
                 .arg(name, given)
                 .arg(low)
                 .arg(high)
                 .arg(*value));
        return true;
    }
    *value = *read;
    return true;
}

bool SessionReader::boolean(const QJsonObject &object, const QString &path, QLatin1StringView key,
                            bool *value)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    if (json.isUndefined()) {
        warn(QStringLiteral("missing %1; using %2")
                 .arg(name, *value ? QStringLiteral("true") : QStringLiteral("false")));
        return true;
    }
    if (!json.isBool())
        return fail(QStringLiteral("%1 should be true or false, not %2").arg(name, typeName(json)));
    *value = json.toBool();
    return true;
}

bool SessionReader::text(const QJsonObject &object, const QString &path, QLatin1StringView key,
                         QString *value)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    if (json.isUndefined()) {
        warn(QStringLiteral("missing %1; using \"%2\"").arg(name, *value));
        return true;
    }
    if (!json.isString())
        return fail(QStringLiteral("%1 should be a string, not %2").arg(name, typeName(json)));
    *value = json.toString();
    return true;
}

bool SessionReader::choice(const QJsonObject &object, const QString &path, QLatin1StringView key,
                           const QStringList &names, int *index)
{
    QString name = names.value(*index);
    if (!text(object, path, key, &name))
        return false;
    const qsizetype found = names.indexOf(name);
    if (found < 0) {
        return fail(QStringLiteral("%1: unknown name \"%2\" (known: %3)")
                        .arg(join(path, key), name.left(40), names.join(QStringLiteral(", "))));
    }
    *index = int(found);
    return true;
}

bool SessionReader::array(const QJsonObject &object, const QString &path, QLatin1StringView key,
                          qsizetype limit, const QString &fallback, QJsonArray *value,
                          bool *present)
{
    const QString name = join(path, key);
    const QJsonValue json = object.value(key);
    *present = !json.isUndefined();
    if (!*present) {
        warn(QStringLiteral("missing %1; %2").arg(name, fallback));
        return true;
    }
    if (!json.isArray())
        return fail(QStringLiteral("%1 should be an array, not %2").arg(name, typeName(json)));
    *value = json.toArray();
    if (value->size() > limit) {
        return fail(QStringLiteral("%1 has %2 entries; at most %3 are allowed")
                        .arg(name)
                        .arg(value->size())
                        .arg(limit));
    }
    return true;
}

bool SessionReader::numbers(const QJsonArray &array, const QString &path, std::vector<double> *out)
{
    out->reserve(std::size_t(array.size()));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue json = array.at(i);
        const std::optional<double> value = JsonNumber::fromJson(json);
        if (!value) {
            return fail(QStringLiteral("%1 should be a number, not %2")
                            .arg(indexed(path, i), typeName(json)));
        }
        out->push_back(*value);
    }
    return true;
}

void SessionReader::warn(const QString &message)
{
    if (m_warnings)
        m_warnings->append(message);
}

bool SessionReader::fail(const QString &message)
{
    m_error = message;
    return false;
}
