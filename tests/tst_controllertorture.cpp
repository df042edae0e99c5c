#include "lossfunction.h"
#include "trainingcontroller.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <random>
#include <set>

// Thousands of random operations on a TrainingController, as a user's clicks and drags would
// send them (start, pause, step, reset, new rates, optimizers, models and losses, new data,
// points added, moved and removed, a new start, racers, speeds, going back to a kept step, and
// the controller destroyed and made anew), with the invariants checked as it goes:
//
// - one worker: "running" goes on and off in turn, and the steps in every trail go up by one;
// - no step mixes old and new state: each step's loss and gradient are those of its (w, b)
//   under one of the (data, objective) pairs that were sent;
// - a reset state is the start: step 0, the same state on a second reset, and consistent;
// - no signal arrives from a controller after it is destroyed;
// - no Qt warning, and no thread left behind.
//
// LOSSLAB_TORTURE_SEED and LOSSLAB_TORTURE_OPS change the seed and the number of operations
// (defaults: a fixed seed, 3000); the seed is printed so that a failure can be replayed.
class TestControllerTorture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void randomOperations();
    void cleanupTestCase();
};

namespace {

QStringList g_warnings;
QtMessageHandler g_previousHandler = nullptr;

void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // A diverging rate is one of the operations; its warning is expected.
    const bool divergence = QLatin1String(context.category) == "losslab.core.training"
        && (message.contains(QLatin1String("Diverged at step"))
            || message.contains(QLatin1String("too large to represent")));
    if (type != QtDebugMsg && type != QtInfoMsg && !divergence)
        g_warnings << message;
    g_previousHandler(type, context, message);
}

qint64 environmentNumber(const char *name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok ? value : fallback;
}

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task"))
                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                   .size());
}

struct Sent
{
    Dataset data;
    Objective objective;
};

class Torture
{
public:
    explicit Torture(quint64 seed)
        : m_random(seed)
    {
        create();
    }

    void run(qint64 operations);

private:
    void create();
    void destroy();
    void operate();
    void settle();
    void checkTrails();
    void checkReset();
    bool consistent(const TrainingStep &state) const;
    double uniform(double from, double to)
    {
        return std::uniform_real_distribution<double>(from, to)(m_random);
    }
    int pick(int count) { return std::uniform_int_distribution<int>(0, count - 1)(m_random); }
    double rounded(double value) { return std::round(value * 10.0) / 10.0; }
    void sendData();

    std::mt19937_64 m_random;
    std::unique_ptr<TrainingController> m_controller;
    std::unique_ptr<QObject> m_receiver; // context of this controller's connections
    int m_generation = 0;
    std::set<int> m_destroyedGenerations;
    bool m_running = false;
    QStringList m_violations;
    qint64 m_checkedSteps = 0;
    int m_checkedResets = 0;

    Dataset m_data = Dataset::lesson();
    Objective m_objective;
    std::vector<Sent> m_sent; // every (data, objective) sent to this controller
};

void Torture::create()
{
    m_controller = std::make_unique<TrainingController>();
    m_receiver = std::make_unique<QObject>();
    const int generation = ++m_generation;
    m_running = false;
    m_data = Dataset::lesson();
    m_objective = {};
    m_sent = {{m_data, m_objective}};
    const auto check = [this, generation](const char *signal) {
        if (m_destroyedGenerations.count(generation))
            m_violations << QStringLiteral("%1 after destruction").arg(QLatin1String(signal));
    };
    QObject::connect(m_controller.get(), &TrainingController::runningChanged, m_receiver.get(),
                     [this, check](bool running) {
                         check("runningChanged");
                         if (running == m_running)
                             m_violations
                                 << QStringLiteral("running changed to %1 twice").arg(running);
                         m_running = running;
                     });
    QObject::connect(m_controller.get(), &TrainingController::progressed, m_receiver.get(),
                     [check] { check("progressed"); });
    QObject::connect(m_controller.get(), &TrainingController::stopped, m_receiver.get(),
                     [check] { check("stopped"); });
    // Steps every trail can hold in full, so that "up by one" is exact.
    m_controller->setSettings({0.01, qint64(TrainingController::trailCapacity) / 2, 0.0});
}

void Torture::destroy()
{
    // The receiver outlives the controller, so a late signal would reach it and be caught.
    m_destroyedGenerations.insert(m_generation);
    m_controller.reset();
    QTest::qWait(5);
}

void Torture::sendData()
{
    m_sent.push_back({m_data, m_objective});
    m_controller->setDataset(m_data);
}

void Torture::operate()
{
    TrainingController &controller = *m_controller;
    switch (pick(18)) {
    case 0:
    case 1:
        controller.start();
        break;
    case 2:
        controller.pause();
        break;
    case 3:
        controller.step();
        break;
    case 4:
        controller.reset();
        if (pick(4) == 0)
            checkReset();
        break;
    case 5: {
        const double rates[] = {1e-12, 1e-3, 0.01, 0.05, 0.3, 2.0, 1e12};
        const double tolerances[] = {0.0, 0.0, 1e-6, 0.5};
        controller.setSettings(
            {rates[pick(7)], qint64(TrainingController::trailCapacity) / 2, tolerances[pick(4)]});
        break;
    }
    case 6: {
        OptimizerSettings settings;
        const auto kinds = Optimizer::all();
        settings.kind = kinds[std::size_t(pick(int(kinds.size())))];
        settings.momentum = settings.kind == OptimizerKind::Nesterov ? 0.9 : uniform(0.0, 0.99);
        controller.setOptimizer(settings);
        break;
    }
    case 7:
        m_objective.model = pick(2) ? ModelKind::Line : ModelKind::Origin;
        m_objective.loss = LossKind(pick(3));
        m_objective.delta = rounded(uniform(0.1, 3.0));
        m_sent.push_back({m_data, m_objective});
        controller.setObjective(m_objective);
        break;
    case 8: {
        std::vector<double> xs, ys;
        for (int i = 0, n = 1 + pick(8); i < n; ++i) {
            xs.push_back(rounded(uniform(-3.0, 3.0)));
            ys.push_back(rounded(uniform(-6.0, 6.0)));
        }
        m_data = Dataset(xs, ys);
        sendData();
        break;
    }
    case 9:
        m_data.append(rounded(uniform(-3.0, 3.0)), rounded(uniform(-6.0, 6.0)));
        sendData();
        break;
    case 10:
        // A drag: several moves of one point in a row.
        if (!m_data.isEmpty()) {
            const auto i = std::size_t(pick(int(m_data.size())));
            for (int move = 0, moves = 1 + pick(5); move < moves; ++move) {
                m_data.setPoint(i, rounded(m_data.x(i) + uniform(-0.5, 0.5)),
                                rounded(m_data.y(i) + uniform(-0.5, 0.5)));
                sendData();
            }
        }
        break;
    case 11:
        if (!m_data.isEmpty()) {
            m_data.remove(std::size_t(pick(int(m_data.size()))));
            sendData();
        }
        break;
    case 12:
        controller.setParameters(rounded(uniform(-4.0, 4.0)), rounded(uniform(-4.0, 4.0)));
        break;
    case 13: {
        std::vector<OptimizerSettings> rivals(std::size_t(pick(3)));
        for (OptimizerSettings &rival : rivals)
            rival.kind = OptimizerKind(1 + pick(5));
        controller.setRivals(rivals);
        break;
    }
    case 14: {
        const int speeds[] = {0, 0, 1000, 60};
        controller.setStepsPerSecond(speeds[pick(4)]);
        break;
    }
    case 15:
        // Let it run a little, as a user watching would.
        QTest::qWait(pick(8));
        break;
    case 16:
        if (pick(20) == 0) {
            destroy();
            create();
        }
        break;
    case 17:
        // Continue from here, at a step the run has reached or not (the latest kept one).
        controller.continueFrom(pick(int(std::min<qint64>(controller.latest().step, 1000)) + 2));
        break;
    }
}

bool Torture::consistent(const TrainingStep &state) const
{
    // The newest pairs first: a step is nearly always of the latest one.
    for (auto sent = m_sent.rbegin(); sent != m_sent.rend(); ++sent) {
        const Evaluation value = LossFunction::evaluate(sent->data, sent->objective, state.w,
                                                        sent->objective.hasBias() ? state.b : 0.0);
        const bool biasAgrees = sent->objective.hasBias() || state.b == 0.0;
        if (biasAgrees && value.loss == state.loss && value.gradW == state.gradW
            && value.gradB == state.gradB)
            return true;
    }
    return false;
}

void Torture::checkTrails()
{
    for (int racer = 0; racer < m_controller->racerCount(); ++racer) {
        const auto trail = m_controller->trail(racer);
        for (std::size_t i = 0; i < trail.size(); ++i) {
            const TrainingStep &state = trail[i];
            ++m_checkedSteps;
            if (i > 0 && state.step != trail[i - 1].step + 1)
                m_violations << QStringLiteral("racer %1: step %2 after step %3")
                                    .arg(racer)
                                    .arg(state.step)
                                    .arg(trail[i - 1].step);
            if (!consistent(state))
                m_violations << QStringLiteral("racer %1: step %2 mixes states (w %3, loss %4)")
                                    .arg(racer)
                                    .arg(state.step)
                                    .arg(state.w)
                                    .arg(state.loss);
        }
    }
}

void Torture::settle()
{
    // Every command sent has been carried out and its result is shown.
    if (!QTest::qWaitFor([this] { return m_controller->isSettled(); }, 60000))
        m_violations << QStringLiteral("the worker did not carry out the commands sent");
}

void Torture::checkReset()
{
    TrainingController &controller = *m_controller;
    settle();
    const TrainingStep first = controller.latest();
    if (first.step != 0 || controller.isRunning())
        m_violations << QStringLiteral("reset left step %1").arg(first.step);
    if (!consistent(first))
        m_violations << QStringLiteral("the reset state is not the start's loss");
    controller.reset();
    settle();
    ++m_checkedResets;
    if (!(controller.latest() == first))
        m_violations << QStringLiteral("a second reset changed the start");
}

void Torture::run(qint64 operations)
{
    for (qint64 i = 0; i < operations && m_violations.isEmpty(); ++i) {
        operate();
        if (i % 50 == 49) {
            m_controller->pause();
            settle();
            checkTrails();
            // After every command is taken, the state shown is of the last data and
            // objective sent.
            const Sent &last = m_sent.back();
            const TrainingStep state = m_controller->latest();
            const Evaluation value = LossFunction::evaluate(
                last.data, last.objective, state.w, last.objective.hasBias() ? state.b : 0.0);
            if (value.loss != state.loss || value.gradW != state.gradW
                || value.gradB != state.gradB)
                m_violations << QStringLiteral("the state at step %1 is not of the last data")
                                    .arg(state.step);
        }
    }
    destroy();
    QVERIFY2(m_violations.isEmpty(), qPrintable(m_violations.mid(0, 5).join(QLatin1Char('\n'))));
    qInfo("checked %lld steps, %d resets, %d controllers", m_checkedSteps, m_checkedResets,
          m_generation);
    // Not a vacuous run: training happened and the checks had something to check.
    QVERIFY(m_checkedSteps > operations / 10);
    QVERIFY(m_checkedResets > 0 && m_generation > 1);
}

int g_threadsAtStart = 0;

} // namespace

void TestControllerTorture::initTestCase()
{
    g_previousHandler = qInstallMessageHandler(collectWarnings);
    g_threadsAtStart = threadCount();
}

void TestControllerTorture::randomOperations()
{
    const auto seed = quint64(environmentNumber("LOSSLAB_TORTURE_SEED", 20261204));
    const qint64 operations = environmentNumber("LOSSLAB_TORTURE_OPS", 3000);
    qInfo("seed %llu, %lld operations", seed, operations);
    Torture torture(seed);
    torture.run(operations);
}

void TestControllerTorture::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
    QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.mid(0, 5).join(QLatin1Char('\n'))));
    // Every training thread was joined.
    QTRY_COMPARE(threadCount(), g_threadsAtStart);
}

QTEST_GUILESS_MAIN(TestControllerTorture)
#include "tst_controllertorture.moc"
