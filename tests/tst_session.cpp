#include "datasetloader.h"
#include "jsonnumber.h"
#include "sessionfile.h"
#include "sessionreader.h"
#include "versionone.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <bit>
#include <clocale>
#include <cmath>
#include <csignal>
#include <limits>

namespace {

using Limits = std::numeric_limits<double>;
using Bits = QList<quint64>;

// The doubles that are hardest to carry through text.
const std::vector<double> &hardDoubles()
{
    static const std::vector<double> values = {0.1,     1.0 / 3.0,
                                               5e-324,  1.7976931348623157e308,
                                               -0.0,    -2.2250738585072014e-308,
                                               1e-310,  9007199254740991.0,
                                               -1e300,  0.30000000000000004,
                                               123.456, -7.0,
                                               1e21};
    return values;
}

// A session that uses every field, with hard doubles wherever a double may go.
Session richSession()
{
    Session session;
    std::vector<double> ys = hardDoubles();
    std::reverse(ys.begin(), ys.end());
    session.data = Dataset(hardDoubles(), ys);
    session.sourceFile = QStringLiteral("Temperatur für Ängstliche, 温度.csv");
    session.xColumn = QStringLiteral("year");
    session.yColumn = QStringLiteral("anomaly \"°C\"\n");
    session.objective = {ModelKind::Line, LossKind::Huber, 1.0 / 3.0};
    session.standardizeX = true;

    session.training = {0.1, 123456789012345, 5e-324};
    session.stepsPerSecond = 0;
    session.optimizer.kind = OptimizerKind::Adam;
    session.optimizer.learningRate = session.training.learningRate;
    session.optimizer.beta1 = 1.0 / 3.0;
    session.optimizer.beta2 = 0.9999999999999999;
    session.optimizer.amsgrad = true;
    session.optimizer.eps = 5e-324;
    OptimizerSettings momentum;
    momentum.kind = OptimizerKind::Momentum;
    momentum.learningRate = session.training.learningRate;
    momentum.momentum = 0.30000000000000004;
    momentum.dampening = 1.0;
    OptimizerSettings rmsprop;
    rmsprop.kind = OptimizerKind::Rmsprop;
    rmsprop.learningRate = session.training.learningRate;
    rmsprop.centered = true;
    rmsprop.rmspropMomentum = 1.7976931348623157e308;
    session.rivals = {momentum, rmsprop};

    session.w = -0.0;
    session.b = 1.7976931348623157e308;
    for (int racer = 0; racer < 3; ++racer) {
        SessionTrail trail;
        trail.stride = qint64(1) << (racer * 20);
        const std::vector<double> &v = hardDoubles();
        for (std::size_t i = 0; i + 4 < v.size(); ++i) {
            trail.steps.push_back({qint64(i) * trail.stride, v[i], v[i + 1], v[i + 2], v[i + 3],
                                   v[i + 4], racer, false});
        }
        trail.steps.push_back({qint64(1) << 62, 2.0, -0.0, 0.0, 0.0, 0.0, racer, true});
        // The optimizer's state after each step: buffers of 0, 1 and 2 numbers, hard doubles
        // in them, and a state that is not known. Racer 1 keeps states for its first steps only.
        const OptimizerKind kinds[] = {OptimizerKind::Adam, OptimizerKind::Momentum,
                                       OptimizerKind::Rmsprop};
        for (std::size_t i = 0; i < trail.steps.size(); ++i) {
            if (racer == 1 && i >= 3)
                break;
            if (i == 2) {
                trail.optimizerStates.push_back(std::nullopt);
                continue;
            }
            OptimizerSnapshot state;
            state.kind = kinds[racer];
            state.steps = trail.steps[i].step;
            for (std::size_t b = 0; b < state.buffers.size(); ++b) {
                const std::size_t size = (i + b) % 3;
                state.buffers[b].resize(Eigen::Index(size));
                for (std::size_t j = 0; j < size; ++j)
                    state.buffers[b](Eigen::Index(j)) = v[(i + b + j) % v.size()];
            }
            state.scalars = {v[(i + 5) % v.size()], v[(i + 6) % v.size()]};
            trail.optimizerStates.push_back(state);
        }
        if (racer == 1) // written as null, read back as unknown
            trail.optimizerStates.resize(trail.steps.size());
        session.trails.push_back(trail);
    }
    session.view = {QStringLiteral("lossSurface"), true};
    return session;
}

quint64 bits(double value)
{
    return std::bit_cast<quint64>(value);
}

void appendOptimizer(Bits *out, const OptimizerSettings &s)
{
    for (const double value :
         {s.learningRate, s.momentum, s.dampening, s.alpha, s.rmspropMomentum, s.beta1, s.beta2,
          s.lrDecay, s.initialAccumulator, s.eps.value_or(-1.0)}) {
        out->append(bits(value));
    }
}

// Every double of `session`, as bits, in a fixed order.
Bits doubleBits(const Session &session)
{
    Bits out;
    for (const double x : session.data.xs())
        out.append(bits(x));
    for (const double y : session.data.ys())
        out.append(bits(y));
    out.append(bits(session.objective.delta));
    appendOptimizer(&out, session.optimizer);
    for (const OptimizerSettings &rival : session.rivals)
        appendOptimizer(&out, rival);
    out << bits(session.training.learningRate) << bits(session.training.tolerance)
        << bits(session.w) << bits(session.b);
    for (const SessionTrail &trail : session.trails) {
        for (const TrainingStep &s : trail.steps)
            out << bits(s.w) << bits(s.b) << bits(s.loss) << bits(s.gradW) << bits(s.gradB);
        for (const std::optional<OptimizerSnapshot> &state : trail.optimizerStates) {
            if (!state)
                continue;
            for (const OptimizerSnapshot::Buffer &buffer : state->buffers) {
                for (Eigen::Index i = 0; i < buffer.size(); ++i)
                    out << bits(buffer(i));
            }
            for (const double scalar : state->scalars)
                out << bits(scalar);
        }
    }
    return out;
}

QJsonObject richObject()
{
    return QJsonDocument::fromJson(SessionFile::toJson(richSession())).object();
}

// `value` with the field at `path` ("trails.0.w": keys and array indices) set to `replacement`,
// or removed when `replacement` is undefined.
QJsonValue edited(const QJsonValue &value, QStringList path, const QJsonValue &replacement)
{
    const QString key = path.takeFirst();
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        const qsizetype i = key.toLongLong();
        array[i] = path.isEmpty() ? replacement : edited(array.at(i), path, replacement);
        return array;
    }
    QJsonObject object = value.toObject();
    if (path.isEmpty() && replacement.isUndefined())
        object.remove(key);
    else
        object[key] = path.isEmpty() ? replacement : edited(object.value(key), path, replacement);
    return object;
}

QByteArray richWith(const QString &path, const QJsonValue &replacement)
{
    const QJsonValue root = edited(richObject(), path.split(u'.'), replacement);
    return QJsonDocument(root.toObject()).toJson();
}

// The paths of every field of `value`, looking into the first element of each array.
void collectPaths(const QJsonValue &value, const QString &path, QStringList *out)
{
    if (!path.isEmpty())
        out->append(path);
    const QString prefix = path.isEmpty() ? QString() : path + u'.';
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectPaths(it.value(), prefix + it.key(), out);
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        collectPaths(value.toArray().first(), prefix + u'0', out);
    }
}

bool setLocale(const QByteArray &name)
{
    if (!std::setlocale(LC_ALL, name.constData()))
        return false;
    QLocale::setDefault(name == "C" ? QLocale::c() : QLocale(QLocale::German, QLocale::Germany));
    return true;
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void jsonNumbers();
    void roundTrip_data();
    void roundTrip();
    void sameTextInEveryLocale();
    void defaultSessionRoundTrips();
    void nonFiniteValues();
    void refused_data();
    void refused();
    void refusedFileNamesTheFile();
    void unreadableFiles();
    void partial_data();
    void partial();
    void bareSessionWarnsOfEverySection();
    void versionOneOpensWithUnknownOptimizerStates();
    void hostileFieldsNeverCrash();
    void limits();
    void saveIntoFolderOrMissingFolderFails();
    void failedSaveKeepsTheOldFile_data();
    void failedSaveKeepsTheOldFile();
    void datasetLoaderOpensSessions();
};

void TestSession::cleanup()
{
    setLocale("C");
}

void TestSession::jsonNumbers()
{
    for (const double value : hardDoubles()) {
        const QJsonValue json = JsonNumber::toJson(value);
        const QByteArray text = QJsonDocument(QJsonArray {json}).toJson();
        const QJsonValue back = QJsonDocument::fromJson(text).array().first();
        QCOMPARE(bits(JsonNumber::fromJson(back).value()), bits(value));
    }
    QCOMPARE(JsonNumber::toJson(-0.0), QJsonValue(QStringLiteral("-0")));
    QCOMPARE(JsonNumber::toJson(Limits::infinity()), QJsonValue(QStringLiteral("inf")));
    QCOMPARE(JsonNumber::toJson(-Limits::infinity()), QJsonValue(QStringLiteral("-inf")));
    QCOMPARE(JsonNumber::toJson(Limits::quiet_NaN()), QJsonValue(QStringLiteral("nan")));
    QVERIFY(std::isnan(JsonNumber::fromJson(QStringLiteral("nan")).value()));
    QCOMPARE(JsonNumber::fromJson(QStringLiteral("-inf")).value(), -Limits::infinity());
    QVERIFY(!JsonNumber::fromJson(QStringLiteral("0.5")));
    QVERIFY(!JsonNumber::fromJson(QJsonValue(QJsonValue::Null)));
    QVERIFY(!JsonNumber::fromJson(true));
}

void TestSession::roundTrip_data()
{
    QTest::addColumn<QByteArray>("locale");
    QTest::newRow("C") << QByteArray("C");
    QTest::newRow("German") << QByteArray("de_DE.UTF-8");
}

// Every double comes back with the same bits, in a locale with a decimal comma too.
void TestSession::roundTrip()
{
    QFETCH(QByteArray, locale);
    if (!setLocale(locale))
        QSKIP("this locale is not installed");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lesson.losslab"));
    const Session original = richSession();
    QString error;
    QVERIFY2(SessionFile::save(original, path, &error), qPrintable(error));

    QStringList warnings;
    const std::optional<Session> loaded = SessionFile::load(path, &warnings, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(warnings, QStringList());
    QCOMPARE(doubleBits(*loaded), doubleBits(original));
    QVERIFY(*loaded == original);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {"lesson.losslab"});
}

void TestSession::sameTextInEveryLocale()
{
    const QByteArray c = SessionFile::toJson(richSession());
    if (!setLocale("de_DE.UTF-8"))
        QSKIP("the de_DE.UTF-8 locale is not installed");
    QCOMPARE(SessionFile::toJson(richSession()), c);
    QVERIFY(c.contains("[0.1,0.3333333333333333,5e-324,1.7976931348623157e+308,\"-0\","));
}

void TestSession::defaultSessionRoundTrips()
{
    QStringList warnings;
    QString error;
    const auto loaded = SessionFile::fromJson(SessionFile::toJson(Session()), &warnings, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(warnings, QStringList());
    QVERIFY(*loaded == Session());
}

// Non-finite values are written as strings, never as numbers; read back, each has a meaning.
void TestSession::nonFiniteValues()
{
    const double inf = Limits::infinity();
    Session session;
    session.data = Dataset({1.0, inf, 3.0, Limits::quiet_NaN()}, {2.0, 4.0, -inf, 8.0});
    session.w = Limits::quiet_NaN();
    session.training.tolerance = inf;
    session.trails = {SessionTrail {1, {{0, 0.0, 0.0, inf, 1.0, 0.0, 0, false}}, {}}};

    const QByteArray json = SessionFile::toJson(session);
    QJsonParseError parseError;
    QJsonDocument::fromJson(json, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    QVERIFY(json.contains("\"x\":[1,\"inf\",3,\"nan\"]"));
    QVERIFY(json.contains("\"y\":[2,4,\"-inf\",8]"));

    QStringList warnings;
    QString error;
    const auto loaded = SessionFile::fromJson(json, &warnings, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->data, Dataset({1.0}, {2.0}));
    QCOMPARE(loaded->w, 0.0);
    QCOMPARE(loaded->training.tolerance, 1e-6);
    QCOMPARE(loaded->trails.size(), std::size_t(1));
    QVERIFY(loaded->trails.front().steps.empty());
    QCOMPARE(warnings,
             QStringList({"data: left out 3 point(s) whose x or y is not a finite number (the "
                          "first is point 2)",
                          "training.tolerance: inf is not a finite number of 0 or more; using "
                          "1e-06",
                          "parameters.w: nan is not a finite number; using 0",
                          "trails[0] holds a value that is not a finite number; the trail is "
                          "left out"}));
}

void TestSession::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    const auto session = [](const QByteArray &fields) {
        return "{\"format\": \"losslab-session\", \"version\": 1" + fields + '}';
    };
    QTest::newRow("newer version")
        << QByteArray("{\"format\": \"losslab-session\", \"version\": 3, \"future\": [1]}")
        << "written by a newer LossLab (session format version 3; this LossLab reads version 2 "
           "and older)";
    QTest::newRow("optimizer state of an unknown kind")
        << richWith("trails.0.optimizerState.0.kind", "lbfgs")
        << "trails[0].optimizerState[0].kind should be one of gd, momentum, nesterov, adagrad, "
           "rmsprop, adam";
    QTest::newRow("optimizer state buffer too long")
        << richWith("trails.0.optimizerState.0.buffers.1", QJsonArray {1, 2, 3})
        << "trails[0].optimizerState[0].buffers[1] should be an array of at most 2 numbers";
    QTest::newRow("optimizer states not one per step")
        << richWith("trails.0.optimizerState", QJsonArray {QJsonValue::Null})
        << "trails[0].optimizerState has 1 entries but trails[0].step has 10";
    QTest::newRow("version zero") << richWith("version", 0) << "unknown session format version 0";
    QTest::newRow("version as text")
        << richWith("version", "1") << "the session's format version should be a whole number";
    QTest::newRow("fractional version")
        << richWith("version", 1.5) << "the session's format version should be a whole number";
    QTest::newRow("no format") << QByteArray("{\"version\": 1}")
                               << "not a LossLab session (it has no \"format\": "
                                  "\"losslab-session\")";
    QTest::newRow("a CSV file") << QByteArray("x,y\n1,2\n")
                                << "damaged JSON at line 1, column 1: illegal value";
    QTest::newRow("cut short")
        << QByteArray("{\"format\": \"losslab-session\",\n"
                      "  \"version\": 1,\n  \"data\": {\"x\": [1, 2")
        << "damaged JSON at line 3, column 21: invalid termination by number";
    QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,\n \"é\": 2,}")
                                    << "damaged JSON at line 2, column 9: "
                                       "object is missing after a comma";
    QTest::newRow("an array") << QByteArray("[1, 2]")
                              << "not a LossLab session (the JSON is not an object)";
    QTest::newRow("empty") << QByteArray(" \n") << "the file is empty";
    QTest::newRow("section type") << richWith("view", QJsonArray())
                                  << "view should be an object, not an array";
    QTest::newRow("array type") << richWith("data.x", "1 2 3")
                                << "data.x should be an array, not a string";
    QTest::newRow("element type") << richWith("data.y.2", true)
                                  << "data.y[2] should be a number, not true or false";
    QTest::newRow("number as text")
        << richWith("optimizer.beta1", "0.9") << "optimizer.beta1 should be a number, not a string";
    QTest::newRow("bool type") << richWith("model.standardizeX", 1)
                               << "model.standardizeX should be true or false, not a number";
    QTest::newRow("string type") << richWith("data.file", QJsonValue::Null)
                                 << "data.file should be a string, not null";
    QTest::newRow("unknown loss") << richWith("loss.kind", "hinge")
                                  << "loss.kind: unknown name \"hinge\" (known: mse, mae, huber)";
    QTest::newRow("eps type") << richWith("race.1.eps", QJsonObject())
                              << "race[1].eps should be a number or null, not an object";
    QTest::newRow("uneven points") << session(", \"data\": {\"x\": [1, 2, 3], \"y\": [1, 2]}")
                                   << "data.x has 3 numbers but data.y has 2";
    QTest::newRow("uneven trail") << richWith("trails.1.loss", QJsonArray {1, 2})
                                  << "trails[1].loss has 2 entries but trails[1].step has 10";
    QTest::newRow("step type") << richWith("trails.0.step.3", 2.5)
                               << "trails[0].step[3] should be a whole number of 0 or more, not "
                                  "a number";
    QTest::newRow("too many racers")
        << richWith("race",
                    QJsonArray {QJsonObject(), QJsonObject(), QJsonObject(), QJsonObject(),
                                QJsonObject(), QJsonObject()})
        << "race has 6 entries; at most 5 are allowed";
    QTest::newRow("more trails than racers")
        << session(", \"trails\": [{}, {}]") << "trails has 2 entries; at most 1 are allowed";
    QTest::newRow("deep nesting") << QByteArray(100000, '[')
                                  << "damaged JSON at line 1, column 1025: too deeply nested "
                                     "document";
}

void TestSession::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);

    QString error;
    QStringList warnings;
    QVERIFY(!SessionFile::fromJson(json, &warnings, &error));
    QCOMPARE(error, expected);
}

void TestSession::refusedFileNamesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("new.losslab"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(richWith("version", 7));
    file.close();

    QString error;
    QStringList warnings;
    QVERIFY(!SessionFile::load(path, &warnings, &error));
    QCOMPARE(error,
             path
                 + ": written by a newer LossLab (session format version 7; this "
                   "LossLab reads version 2 and older)");
}

void TestSession::unreadableFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!SessionFile::load(dir.path(), nullptr, &error));
    QCOMPARE(error, dir.path() + ": this is a folder, not a file");

    const QString missing = dir.filePath(QStringLiteral("missing.losslab"));
    QVERIFY(!SessionFile::load(missing, nullptr, &error));
    QVERIFY2(error.startsWith(missing + ": cannot open the file: "), qPrintable(error));

    QVERIFY(!SessionFile::load(QStringLiteral("/dev/zero"), nullptr, &error));
    QCOMPARE(error, "/dev/zero: not a LossLab session (binary data)");

    QFile huge(dir.filePath(QStringLiteral("huge.losslab")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    if (!huge.resize(SessionFile::MaxBytes + 1))
        QSKIP("this file system cannot make a 1 GiB sparse file");
    huge.close();
    QVERIFY(!SessionFile::load(huge.fileName(), nullptr, &error));
    QCOMPARE(error, huge.fileName() + ": the file is larger than 1 GiB");
}

void TestSession::partial_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");

    const QJsonValue missing(QJsonValue::Undefined);
    QTest::newRow("beta2") << "optimizer.beta2" << missing
                           << "missing optimizer.beta2; using 0.999";
    QTest::newRow("learning rate")
        << "training.learningRate" << missing << "missing training.learningRate; using 0.01";
    QTest::newRow("step limit") << "training.maxSteps" << missing
                                << "missing training.maxSteps; using 10000";
    QTest::newRow("eps") << "optimizer.eps" << missing
                         << "missing optimizer.eps; using the optimizer's default";
    QTest::newRow("rival's flag") << "race.1.centered" << missing
                                  << "missing race[1].centered; using false";
    QTest::newRow("x") << "data.x" << missing
                       << "missing data.x; using the lesson's points (1, 2), (2, 4), (3, 6)";
    QTest::newRow("column name") << "data.yColumn" << missing << "missing data.yColumn; using \"\"";
    QTest::newRow("trail column") << "trails.2.gradB" << missing
                                  << "missing trails[2].gradB; the trail is left out";
    QTest::newRow("view") << "view" << missing << "missing view; using the defaults";
    // Steps are kept in the order they were taken; a hand-edited one out of order would draw
    // the loss per step going back and forth.
    QTest::newRow("steps going back")
        << "trails.0.step.5" << QJsonValue(3)
        << "trails[0]: the step numbers do not increase; the trail is left out";
    QTest::newRow("optimizer state")
        << "trails.1.optimizerState" << missing
        << "missing trails[1].optimizerState; training on from this trail starts the optimizer "
           "afresh";
    QTest::newRow("optimizer state not finite")
        << "trails.0.optimizerState.0.scalars.0" << QJsonValue("inf")
        << "trails[0].optimizerState[0] holds a value that is not a finite number; the state is "
           "taken as unknown";
    QTest::newRow("parameters") << "parameters" << missing
                                << "missing parameters; using the defaults";
    QTest::newRow("negative delta") << "loss.delta" << QJsonValue(-1)
                                    << "loss.delta: -1 is not a finite number above 0; using 1";
    QTest::newRow("beta1 of 1") << "optimizer.beta1" << QJsonValue(1)
                                << "optimizer.beta1: 1 is not a number from 0 up to but not 1; "
                                   "using 0.9";
    QTest::newRow("fractional steps") << "training.maxSteps" << QJsonValue(2.5)
                                      << "training.maxSteps: 2.5 is not a whole number from 1 to "
                                         "9223372036854775807; using 10000";
    // data.x[1] is the second point: points are counted from 1, as in the table.
    QTest::newRow("NaN in data") << "data.x.1" << QJsonValue("nan")
                                 << "data: left out 1 point(s) whose x or y is not a finite "
                                    "number (the first is point 2)";
    QTest::newRow("racing twice") << "race.1.kind" << QJsonValue("momentum")
                                  << "race[1]: momentum races already; left out, with its trail";
}

// A missing or unusable field takes its default, and a warning names it.
void TestSession::partial()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);

    QStringList warnings;
    QString error;
    const auto loaded = SessionFile::fromJson(richWith(path, value), &warnings, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(warnings, QStringList {expected});

    // Everything else is as saved.
    const Session rich = richSession();
    if (path == u"training.learningRate") {
        QCOMPARE(loaded->training.learningRate, 0.01);
        QCOMPARE(loaded->optimizer.learningRate, 0.01);
        QCOMPARE(loaded->rivals.back().learningRate, 0.01);
    } else if (path == u"data.x") {
        QCOMPARE(loaded->data, Dataset::lesson());
        QCOMPARE(loaded->objective, rich.objective);
    } else if (path == u"trails.1.optimizerState") {
        QCOMPARE(loaded->trails[1].steps, rich.trails[1].steps);
        QVERIFY(loaded->trails[1].optimizerStates.empty());
        QCOMPARE(loaded->trails[0], rich.trails[0]);
    } else if (path == u"trails.0.optimizerState.0.scalars.0") {
        QVERIFY(!loaded->trails[0].optimizerStates[0]);
        QCOMPARE(loaded->trails[0].optimizerStates[1], rich.trails[0].optimizerStates[1]);
    } else if (path == u"trails.0.step.5") {
        QVERIFY(loaded->trails[0].steps.empty());
        QCOMPARE(loaded->trails[1], rich.trails[1]);
    } else if (path == u"trails.2.gradB") {
        QCOMPARE(loaded->trails.size(), std::size_t(3));
        QCOMPARE(loaded->trails[1], rich.trails[1]);
        QVERIFY(loaded->trails[2].steps.empty());
    } else if (path == u"optimizer.beta2") {
        QCOMPARE(loaded->optimizer.beta2, 0.999);
        QCOMPARE(loaded->optimizer.beta1, rich.optimizer.beta1);
    } else if (path == u"race.1.kind") {
        QCOMPARE(loaded->rivals.size(), std::size_t(1));
        QCOMPARE(loaded->trails.size(), std::size_t(2));
        QCOMPARE(loaded->trails[1].steps.front().racer, 1);
    }
}

void TestSession::bareSessionWarnsOfEverySection()
{
    QStringList warnings;
    QString error;
    const auto loaded = SessionFile::fromJson(
        QByteArray("{\"format\": \"losslab-session\", \"version\": 1}"), &warnings, &error);
    QVERIFY2(loaded, qPrintable(error));
    QVERIFY(*loaded == Session());
    QStringList expected;
    for (const char *section : {"data", "model", "loss", "optimizer", "race", "training",
                                "parameters", "trails", "view"}) {
        expected.append(section == std::string_view("race")
                            ? QStringLiteral("missing race; no optimizer races")
                            : section == std::string_view("trails")
                            ? QStringLiteral("missing trails; no trail")
                            : QStringLiteral("missing %1; using the defaults").arg(section));
    }
    QCOMPARE(warnings, expected);
}

// A file of version 1, which kept no optimizer state, opens without a warning; its trails
// are there, with every optimizer state unknown.
void TestSession::versionOneOpensWithUnknownOptimizerStates()
{
    QJsonObject root = richObject();
    root = asVersionOne(root);

    QStringList warnings;
    QString error;
    const auto loaded = SessionFile::fromJson(QJsonDocument(root).toJson(), &warnings, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(warnings, QStringList());
    const Session rich = richSession();
    QCOMPARE(loaded->trails.size(), rich.trails.size());
    for (std::size_t i = 0; i < rich.trails.size(); ++i) {
        QCOMPARE(loaded->trails[i].stride, rich.trails[i].stride);
        QCOMPARE(loaded->trails[i].steps, rich.trails[i].steps);
        QVERIFY(loaded->trails[i].optimizerStates.empty());
    }
    // Gone are the states' doubles: steps i = 0…9 but 2 of racers 0 and 2 hold buffers of
    // (i + b) mod 3 numbers for b = 0…3 (3, 4, 3, 4, 5, 3, 4, 5, 3) and 2 scalars: 34 + 18 = 52
    // each; racer 1's steps 0 and 1 hold 3 + 4 + 2·2 = 11. 52 + 11 + 52 = 115.
    QCOMPARE(doubleBits(*loaded).size(), doubleBits(rich).size() - 115);
    // Written again, it is a file of this version whose states are all null.
    const QByteArray written = SessionFile::toJson(*loaded);
    QVERIFY(written.contains("\"version\":2"));
    QVERIFY(written.contains("\"optimizerState\":[null,null,"));
}

// Every field replaced by every kind of wrong value is refused, or read with its warnings into a
// session that writes back as text that reads back to the same session without a warning.
void TestSession::hostileFieldsNeverCrash()
{
    QStringList paths;
    collectPaths(richObject(), QString(), &paths);
    QVERIFY(paths.size() > 60);
    const QList<QJsonValue> values = {QJsonValue::Null,
                                      true,
                                      "nan",
                                      "",
                                      -1,
                                      1e308,
                                      -9.3e18,
                                      QJsonArray(),
                                      QJsonObject(),
                                      QJsonArray {1, "x"},
                                      QJsonValue::Undefined};
    for (const QString &path : paths) {
        for (const QJsonValue &value : values) {
            QStringList warnings;
            QString error;
            const auto loaded = SessionFile::fromJson(richWith(path, value), &warnings, &error);
            QVERIFY2(loaded ? error.isEmpty() : !error.isEmpty(), qPrintable(path));
            if (!loaded)
                continue;
            QVERIFY(loaded->training.learningRate > 0.0);
            const QByteArray written = SessionFile::toJson(*loaded);
            QStringList again;
            const auto reloaded = SessionFile::fromJson(written, &again, &error);
            QVERIFY2(reloaded, qPrintable(path));
            QCOMPARE(again, QStringList());
            QCOMPARE(SessionFile::toJson(*reloaded), written);
        }
    }
}

void TestSession::limits()
{
    QByteArray steps = "[0";
    steps.reserve(2 * SessionReader::MaxTrailSteps + 8);
    for (qsizetype i = 0; i < SessionReader::MaxTrailSteps; ++i)
        steps += ",0";
    steps += ']';
    const QByteArray json = "{\"format\": \"losslab-session\", \"version\": 1, \"trails\": "
                            "[{\"step\": "
        + steps + "}]}";
    QString error;
    QVERIFY(!SessionFile::fromJson(json, nullptr, &error));
    QCOMPARE(error, "trails[0].step has 1000001 entries; at most 1000000 are allowed");
}

void TestSession::saveIntoFolderOrMissingFolderFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY(!SessionFile::save(Session(), dir.path(), &error));
    QCOMPARE(error, dir.path() + ": cannot save: this is a folder, not a file");
    QVERIFY(QFileInfo(dir.path()).isDir());

    const QString nowhere = dir.filePath(QStringLiteral("gone/lesson.losslab"));
    QVERIFY(!SessionFile::save(Session(), nowhere, &error));
    QCOMPARE(error,
             nowhere + ": cannot save: the folder " + dir.filePath("gone") + " does not exist");
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void TestSession::failedSaveKeepsTheOldFile_data()
{
    QTest::addColumn<int>("points");
    QTest::newRow("written at commit") << 100;
    QTest::newRow("written at once") << 5000;
}

// A write that fails half-way (here: the process may not write files larger than 1 KiB, which
// stops root too) leaves the previous session as it was, and no temporary file behind.
void TestSession::failedSaveKeepsTheOldFile()
{
    QFETCH(int, points);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("lesson.losslab"));
    QString error;
    QVERIFY2(SessionFile::save(Session(), path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    QVERIFY(before.size() < 1024);

    Session large;
    large.data = Dataset(std::vector<double>(std::size_t(points), 0.1),
                         std::vector<double>(std::size_t(points), 0.2));
    rlimit saved {};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit small = saved;
    small.rlim_cur = 1024;
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    const bool written = SessionFile::save(large, path, &error);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!written);
    QVERIFY2(error.startsWith(path + ": cannot save: "), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {"lesson.losslab"});
}

void TestSession::datasetLoaderOpensSessions()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("Lesson.LossLab"));
    const Session rich = richSession();
    QString error;
    QVERIFY2(SessionFile::save(rich, path, &error), qPrintable(error));

    const std::optional<LoadedData> loaded = DatasetLoader::loadFile(path, {}, {}, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->data, rich.data);
    QCOMPARE(loaded->xName, rich.xColumn);
    QCOMPARE(loaded->yName, rich.yColumn);
    QCOMPARE(loaded->warnings, QStringList());

    QVERIFY(!DatasetLoader::loadFile(path, QStringLiteral("2"), {}, &error));
    QCOMPARE(error,
             path
                 + ": a session keeps the columns it was saved with; x and y columns "
                   "are chosen for CSV files only");
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
