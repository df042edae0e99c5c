#include "sessionreader.h"

#include "jsonnumber.h"
#include "optimizerstatereader.h"
#include "sessionfile.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace {

using Fields = JsonFieldReader;

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr NumberBounds Finite {-Inf, Inf, false, false,
                               QT_TRANSLATE_NOOP("JsonFieldReader", "a finite number")};
constexpr NumberBounds Positive {0.0, Inf, false, false,
                                 QT_TRANSLATE_NOOP("JsonFieldReader", "a finite number above 0")};
constexpr NumberBounds NonNegative {
    0.0, Inf, true, false, QT_TRANSLATE_NOOP("JsonFieldReader", "a finite number of 0 or more")};
constexpr NumberBounds UnitClosed {0.0, 1.0, true, true,
                                   QT_TRANSLATE_NOOP("JsonFieldReader", "a number from 0 to 1")};
constexpr NumberBounds UnitOpen {
    0.0, 1.0, true, false, QT_TRANSLATE_NOOP("JsonFieldReader", "a number from 0 up to but not 1")};

constexpr qint64 MaxInteger = std::numeric_limits<qint64>::max();

QStringList modelNames()
{
    return {Objective::name(ModelKind::Origin), Objective::name(ModelKind::Line)};
}

QStringList lossNames()
{
    return {Objective::name(LossKind::Mse), Objective::name(LossKind::Mae),
            Objective::name(LossKind::Huber)};
}

} // namespace

SessionReader::SessionReader(QStringList *warnings)
    : m_fields(warnings)
{
}

std::optional<Session> SessionReader::read(const QJsonObject &root, QString *error)
{
    Session session;
    const bool ok = readVersion(root) && readData(root, &session) && readObjective(root, &session)
        && readTraining(root, &session) && readTrails(root, &session) && readView(root, &session);
    if (!ok) {
        if (error)
            *error = m_fields.error();
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
        return m_fields.fail(
            QCoreApplication::translate("SessionReader",
                                        "not a LossLab session (it has no \"format\": \"%1\")")
                .arg(SessionFile::formatName()));
    }
    const QJsonValue value = root.value(QLatin1StringView("version"));
    const std::optional<qint64> version =
        value.isDouble() ? Fields::wholeNumber(value) : std::optional<qint64>();
    if (!version) {
        return m_fields.fail(QCoreApplication::translate(
            "SessionReader", "the session's format version should be a whole number"));
    }
    if (*version > SessionFile::version) {
        return m_fields.fail(
            QCoreApplication::translate("SessionReader",
                                        "written by a newer LossLab (session format version %1; "
                                        "this LossLab reads version %2 and older)")
                .arg(*version)
                .arg(SessionFile::version));
    }
    if (*version < 1)
        return m_fields.fail(
            QCoreApplication::translate("SessionReader", "unknown session format version %1")
                .arg(*version));
    m_version = *version;
    return true;
}

bool SessionReader::readData(const QJsonObject &root, Session *session)
{
    QJsonObject data;
    bool present = false;
    if (!m_fields.section(root, QLatin1StringView("data"), &data, &present))
        return false;
    if (!present)
        return true;

    const QString path = QStringLiteral("data");
    return m_fields.text(data, path, QLatin1StringView("file"), &session->sourceFile)
        && m_fields.text(data, path, QLatin1StringView("xColumn"), &session->xColumn)
        && m_fields.text(data, path, QLatin1StringView("yColumn"), &session->yColumn)
        && readPoints(data, session);
}

bool SessionReader::readPoints(const QJsonObject &data, Session *session)
{
    const QString path = QStringLiteral("data");
    QJsonArray xArray;
    QJsonArray yArray;
    bool hasX = false;
    bool hasY = false;
    const QString lesson = QCoreApplication::translate(
        "SessionReader", "using the lesson's points (1, 2), (2, 4), (3, 6)");
    if (!m_fields.array(data, path, QLatin1StringView("x"), MaxPoints, lesson, &xArray, &hasX)
        || !m_fields.array(data, path, QLatin1StringView("y"), MaxPoints, lesson, &yArray, &hasY)) {
        return false;
    }
    if (!hasX || !hasY)
        return true;
    if (xArray.size() != yArray.size()) {
        return m_fields.fail(
            QCoreApplication::translate("SessionReader", "data.x has %1 numbers but data.y has %2")
                .arg(xArray.size())
                .arg(yArray.size()));
    }

    std::vector<double> xs;
    std::vector<double> ys;
    if (!m_fields.numbers(xArray, QStringLiteral("data.x"), &xs)
        || !m_fields.numbers(yArray, QStringLiteral("data.y"), &ys)) {
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
        m_fields.warn(QCoreApplication::translate(
                          "SessionReader",
                          "data: left out %1 point(s) whose x or y is not a finite number "
                          "(the first is point %2)")
                          .arg(xs.size() - kept)
                          .arg(firstSkipped + 1));
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
    if (!m_fields.section(root, QLatin1StringView("model"), &model, &present))
        return false;
    int index = int(session->objective.model);
    if (present
        && (!m_fields.choice(model, QStringLiteral("model"), QLatin1StringView("kind"),
                             modelNames(), &index)
            || !m_fields.boolean(model, QStringLiteral("model"), QLatin1StringView("standardizeX"),
                                 &session->standardizeX))) {
        return false;
    }
    session->objective.model = ModelKind(index);

    QJsonObject loss;
    if (!m_fields.section(root, QLatin1StringView("loss"), &loss, &present))
        return false;
    if (!present)
        return true;
    const QString path = QStringLiteral("loss");
    index = int(session->objective.loss);
    if (!m_fields.choice(loss, path, QLatin1StringView("kind"), lossNames(), &index))
        return false;
    session->objective.loss = LossKind(index);
    return m_fields.number(loss, path, QLatin1StringView("delta"), Positive,
                           &session->objective.delta);
}

bool SessionReader::readOptimizer(const QJsonObject &object, const QString &path,
                                  OptimizerSettings *out)
{
    int index = int(out->kind);
    if (!m_fields.choice(object, path, QLatin1StringView("kind"), Optimizer::names(), &index))
        return false;
    out->kind = OptimizerKind(index);

    const bool ok =
        m_fields.number(object, path, QLatin1StringView("momentum"), Positive, &out->momentum)
        && m_fields.number(object, path, QLatin1StringView("dampening"), UnitClosed,
                           &out->dampening)
        && m_fields.number(object, path, QLatin1StringView("alpha"), UnitOpen, &out->alpha)
        && m_fields.number(object, path, QLatin1StringView("rmspropMomentum"), NonNegative,
                           &out->rmspropMomentum)
        && m_fields.boolean(object, path, QLatin1StringView("centered"), &out->centered)
        && m_fields.number(object, path, QLatin1StringView("beta1"), UnitOpen, &out->beta1)
        && m_fields.number(object, path, QLatin1StringView("beta2"), UnitOpen, &out->beta2)
        && m_fields.boolean(object, path, QLatin1StringView("amsgrad"), &out->amsgrad)
        && m_fields.number(object, path, QLatin1StringView("lrDecay"), NonNegative, &out->lrDecay)
        && m_fields.number(object, path, QLatin1StringView("initialAccumulator"), NonNegative,
                           &out->initialAccumulator);
    if (!ok)
        return false;

    // null: the optimizer's own default.
    const QLatin1StringView key("eps");
    const QJsonValue eps = object.value(key);
    if (eps.isUndefined()) {
        m_fields.warn(QCoreApplication::translate("SessionReader",
                                                  "missing %1; using the optimizer's default")
                          .arg(Fields::join(path, key)));
        return true;
    }
    if (eps.isNull())
        return true;
    const QString name = Fields::join(path, key);
    const std::optional<double> value = JsonNumber::fromJson(eps);
    if (!value) {
        return m_fields.fail(
            QCoreApplication::translate("SessionReader", "%1 should be a number or null, not %2")
                .arg(name, Fields::typeName(eps)));
    }
    if (!Positive.contains(*value)) {
        m_fields.warn(QCoreApplication::translate("SessionReader",
                                                  "%1: %2 is not %3; using the optimizer's default")
                          .arg(name, Fields::numberText(*value),
                               QCoreApplication::translate("JsonFieldReader", Positive.words)));
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
    if (!m_fields.array(root, QString(), QLatin1StringView("race"), limit,
                        QCoreApplication::translate("SessionReader", "no optimizer races"), &race,
                        &present)) {
        return false;
    }

    m_racers.assign(1, true);
    std::vector<OptimizerKind> racing = {session->optimizer.kind};
    for (qsizetype i = 0; i < race.size(); ++i) {
        const QString path = Fields::indexed(QStringLiteral("race"), i);
        if (!race.at(i).isObject()) {
            return m_fields.fail(
                QCoreApplication::translate("SessionReader", "%1 should be an object, not %2")
                    .arg(path, Fields::typeName(race.at(i))));
        }
        OptimizerSettings rival;
        if (!readOptimizer(race.at(i).toObject(), path, &rival))
            return false;
        // The window races each optimizer once, and never against itself.
        if (std::find(racing.begin(), racing.end(), rival.kind) != racing.end()) {
            m_fields.warn(QCoreApplication::translate(
                              "SessionReader", "%1: %2 races already; left out, with its trail")
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
    if (!m_fields.section(root, QLatin1StringView("optimizer"), &optimizer, &present))
        return false;
    if (present && !readOptimizer(optimizer, QStringLiteral("optimizer"), &session->optimizer))
        return false;
    if (!readRace(root, session))
        return false;

    QJsonObject training;
    if (!m_fields.section(root, QLatin1StringView("training"), &training, &present))
        return false;
    const QString path = QStringLiteral("training");
    TrainerSettings &settings = session->training;
    qint64 speed = session->stepsPerSecond;
    const bool ok = !present
        || (m_fields.number(training, path, QLatin1StringView("learningRate"), Positive,
                            &settings.learningRate)
            && m_fields.integer(training, path, QLatin1StringView("maxSteps"), 1, MaxInteger,
                                &settings.maxSteps)
            && m_fields.number(training, path, QLatin1StringView("tolerance"), NonNegative,
                               &settings.tolerance)
            && m_fields.integer(training, path, QLatin1StringView("stepsPerSecond"), 0,
                                std::numeric_limits<int>::max(), &speed));
    session->stepsPerSecond = int(speed);
    if (!ok)
        return false;

    QJsonObject parameters;
    if (!m_fields.section(root, QLatin1StringView("parameters"), &parameters, &present))
        return false;
    return !present
        || (m_fields.number(parameters, QStringLiteral("parameters"), QLatin1StringView("w"),
                            Finite, &session->w)
            && m_fields.number(parameters, QStringLiteral("parameters"), QLatin1StringView("b"),
                               Finite, &session->b));
}

bool SessionReader::readTrails(const QJsonObject &root, Session *session)
{
    QJsonArray trails;
    bool present = false;
    // One trail per racer the file names; a racer left out takes its trail along.
    const qsizetype racers = qsizetype(m_racers.size());
    if (!m_fields.array(root, QString(), QLatin1StringView("trails"), racers,
                        QCoreApplication::translate("SessionReader", "no trail"), &trails,
                        &present)) {
        return false;
    }

    for (qsizetype i = 0; i < trails.size(); ++i) {
        const QString path = Fields::indexed(QStringLiteral("trails"), i);
        if (!trails.at(i).isObject()) {
            return m_fields.fail(
                QCoreApplication::translate("SessionReader", "%1 should be an object, not %2")
                    .arg(path, Fields::typeName(trails.at(i))));
        }
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
    if (!m_fields.integer(object, path, QLatin1StringView("stride"), 1, MaxInteger, &trail.stride))
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
        if (!m_fields.array(object, path, keys[c], MaxTrailSteps,
                            QCoreApplication::translate("SessionReader", "the trail is left out"),
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
            return m_fields.fail(
                QCoreApplication::translate("SessionReader", "%1 has %2 entries but %3 has %4")
                    .arg(Fields::join(path, keys[c]))
                    .arg(columns[c].size())
                    .arg(Fields::join(path, first))
                    .arg(length));
        }
    }
    if (!complete)
        return true; // the missing column is named in a warning; the trail is left out

    std::array<std::vector<double>, 5> values;
    for (std::size_t c = 0; c < values.size(); ++c) {
        if (!m_fields.numbers(columns[c + 1], Fields::join(path, keys[c + 1]), &values[c]))
            return false;
    }
    bool finite = true;
    bool increasing = true; // a trail's steps are in the order they were taken
    for (qsizetype i = 0; i < columns[0].size(); ++i) {
        const QJsonValue step = columns[0].at(i);
        const QJsonValue tooLarge = columns[6].at(i);
        const std::optional<qint64> number =
            step.isDouble() ? Fields::wholeNumber(step) : std::optional<qint64>();
        if (!number || *number < 0) {
            return m_fields.fail(
                QCoreApplication::translate("SessionReader",
                                            "%1 should be a whole number of 0 or more, not %2")
                    .arg(Fields::indexed(Fields::join(path, keys[0]), i), Fields::typeName(step)));
        }
        if (!tooLarge.isBool()) {
            return m_fields.fail(
                QCoreApplication::translate("SessionReader", "%1 should be true or false, not %2")
                    .arg(Fields::indexed(Fields::join(path, keys[6]), i),
                         Fields::typeName(tooLarge)));
        }
        const auto at = std::size_t(i);
        const TrainingStep state {*number,       values[0][at], values[1][at], values[2][at],
                                  values[3][at], values[4][at], racer,         tooLarge.toBool()};
        finite = finite && state.isFinite();
        increasing = increasing && (trail.steps.empty() || state.step > trail.steps.back().step);
        trail.steps.push_back(state);
    }
    if (!increasing) {
        m_fields.warn(
            QCoreApplication::translate(
                "SessionReader", "%1: the step numbers do not increase; the trail is left out")
                .arg(path));
        return true;
    }
    if (!finite) {
        m_fields.warn(QCoreApplication::translate(
                          "SessionReader",
                          "%1 holds a value that is not a finite number; the trail is left out")
                          .arg(path));
        return true;
    }
    if (!OptimizerStateReader(&m_fields, m_version).read(object, path, columns[0].size(), &trail))
        return false;
    *out = std::move(trail);
    return true;
}

bool SessionReader::readView(const QJsonObject &root, Session *session)
{
    QJsonObject view;
    bool present = false;
    if (!m_fields.section(root, QLatin1StringView("view"), &view, &present))
        return false;
    const QString path = QStringLiteral("view");
    return !present
        || (m_fields.text(view, path, QLatin1StringView("tab"), &session->view.tab)
            && m_fields.boolean(view, path, QLatin1StringView("logLossAxis"),
                                &session->view.logLossAxis));
}
