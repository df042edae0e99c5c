#include "adagradoptimizer.h"
#include "adamoptimizer.h"
#include "optimizer.h"
#include "rmspropoptimizer.h"
#include "sgdoptimizer.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>

Q_DECLARE_METATYPE(OptimizerSettings)

// The lesson: x = 1, 2, 3 and y = 2, 4, 6, the model y = w·x and its MSE, whose gradient is
// g(w) = (2/3)·Σ x·(w·x − y) = (2/3)·14·(w − 2) = 28/3·(w − 2). Every run starts at w = 0, where
// g = −56/3. The expected numbers of the first steps are worked out by hand from each update rule
// (torch.optim's), step by step in the comments and the code of each case; they agree with the
// optimizers to 1e-12 relative.
class TestOptimizers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstThreeSteps_data();
    void firstThreeSteps();
    void resetStartsAgain_data();
    void resetStartsAgain();
    void zeroGradientAtTheOptimum_data();
    void zeroGradientAtTheOptimum();
    void convergesOnTheLesson_data();
    void convergesOnTheLesson();
    void convergesOnALineWithBias_data();
    void convergesOnALineWithBias();
    void centeredVarianceNeverGoesNegative();
    void settingsChangeKeepsTheState();
    void restoredSnapshotContinuesBitForBit_data();
    void restoredSnapshotContinuesBitForBit();
    void snapshotOfAnotherKindIsRefused();
    void snapshotFitsItsNumberOfParameters_data();
    void snapshotFitsItsNumberOfParameters();
    void nesterovIgnoresDampening();
    void createMakesTheRightRule();
    void epsilonDefaults();
    void namesRoundTrip();
    void unknownNamesAreRejected();
};

namespace {

double lessonGradient(double w)
{
    return 28.0 / 3.0 * (w - 2.0);
}

// The line y = 2x + 1 at x = 0, 1, 2, 3 with the model y = w·x + b. With r = w·x + b − y:
// g_w = (2/n)·Σ x·r and g_b = (2/n)·Σ r. The optimum is (w, b) = (2, 1).
Eigen::VectorXd lineGradient(const Eigen::VectorXd &parameters)
{
    const double xs[] = {0.0, 1.0, 2.0, 3.0};
    const double n = 4.0;
    double sumXR = 0.0;
    double sumR = 0.0;
    for (const double x : xs) {
        const double r = parameters[0] * x + parameters[1] - (2.0 * x + 1.0);
        sumXR += x * r;
        sumR += r;
    }
    Eigen::VectorXd gradient(2);
    gradient << 2.0 / n * sumXR, 2.0 / n * sumR;
    return gradient;
}

bool closeTo(double actual, double expected)
{
    return std::fabs(actual - expected) <= 1e-12 * std::fabs(expected);
}

QByteArray mismatch(const QString &what, double actual, double expected)
{
    return QStringLiteral("%1: got %2, expected %3")
        .arg(what, QString::number(actual, 'g', 17), QString::number(expected, 'g', 17))
        .toUtf8();
}

OptimizerSettings settingsOf(OptimizerKind kind)
{
    OptimizerSettings settings;
    settings.kind = kind;
    return settings;
}

// Every kind, with the variants of the flags that change the rule.
void addEveryRule()
{
    QTest::addColumn<OptimizerSettings>("settings");

    for (const OptimizerKind kind : Optimizer::all())
        QTest::newRow(qPrintable(Optimizer::name(kind))) << settingsOf(kind);

    OptimizerSettings dampened = settingsOf(OptimizerKind::Momentum);
    dampened.dampening = 0.5;
    QTest::newRow("momentum dampened") << dampened;

    OptimizerSettings adagrad = settingsOf(OptimizerKind::Adagrad);
    adagrad.lrDecay = 0.1;
    adagrad.initialAccumulator = 0.5;
    QTest::newRow("adagrad decay") << adagrad;

    OptimizerSettings centered = settingsOf(OptimizerKind::Rmsprop);
    centered.centered = true;
    QTest::newRow("rmsprop centered") << centered;

    OptimizerSettings rmspropMomentum = settingsOf(OptimizerKind::Rmsprop);
    rmspropMomentum.rmspropMomentum = 0.9;
    QTest::newRow("rmsprop momentum") << rmspropMomentum;
    rmspropMomentum.centered = true;
    QTest::newRow("rmsprop centered momentum") << rmspropMomentum;

    OptimizerSettings amsgrad = settingsOf(OptimizerKind::Adam);
    amsgrad.amsgrad = true;
    QTest::newRow("adam amsgrad") << amsgrad;
}

// Runs `steps` updates on the lesson from w = 0 and returns w after each.
QList<double> runLesson(Optimizer &optimizer, int steps, double start = 0.0)
{
    QList<double> ws;
    Eigen::VectorXd w(1);
    w << start;
    for (int i = 0; i < steps; ++i) {
        Eigen::VectorXd gradient(1);
        gradient << lessonGradient(w[0]);
        optimizer.step(w, gradient);
        ws.append(w[0]);
    }
    return ws;
}

QList<double> flatState(const Optimizer &optimizer)
{
    QList<double> values;
    for (const OptimizerStateEntry &entry : optimizer.state()) {
        for (const double value : entry.values)
            values.append(value);
    }
    return values;
}

QStringList stateNames(const Optimizer &optimizer)
{
    QStringList names;
    for (const OptimizerStateEntry &entry : optimizer.state())
        names.append(entry.name);
    return names;
}

} // namespace

void TestOptimizers::firstThreeSteps_data()
{
    QTest::addColumn<OptimizerSettings>("settings");
    // w after steps 1, 2 and 3.
    QTest::addColumn<QList<double>>("ws");
    // The state after step 3: the names in order and one value each (one parameter).
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<double>>("values");

    const double lr = 0.01;
    const double g0 = lessonGradient(0.0); // −56/3

    {
        // gd: w ← w − lr·g. Then w − 2 ← (w − 2) − 0.01·28/3·(w − 2) = (68/75)·(w − 2), so
        // w_k = 2 − 2·(68/75)^k:
        //   w1 = 2 − 136/75 = 14/75
        //   w2 = 2 − 9248/5625 = 2002/5625
        //   w3 = 2 − 628864/421875 = 214886/421875
        // Plain descent keeps no state.
        QTest::newRow("gd") << settingsOf(OptimizerKind::Gd)
                            << QList<double> {14.0 / 75.0, 2002.0 / 5625.0, 214886.0 / 421875.0}
                            << QStringList() << QList<double>();
    }
    {
        // momentum (μ = 0.9, τ = 0): buf ← g at step 1, then buf ← 0.9·buf + g; w ← w − lr·buf.
        //   step 1: buf1 = g0 = −56/3; w1 = 0.01·56/3 = 14/75
        //   step 2: g1 = 28/3·(14/75 − 2) = −3808/225
        //           buf2 = 0.9·(−56/3) − 3808/225 = −(3780 + 3808)/225 = −7588/225
        //           w2 = 14/75 + 75.88/225 = 117.88/225 = 2947/5625
        //   step 3: g2 = 28/3·(2947/5625 − 2) = 28/3·(−8303/5625) = −232484/16875
        //           buf3 = 0.9·(−7588/225) − 232484/16875 = −(512190 + 232484)/16875
        //                = −744674/16875
        //           w3 = 2947/5625 + 7446.74/16875 = (8841 + 7446.74)/16875 = 1628774/1687500
        QTest::newRow("momentum") << settingsOf(OptimizerKind::Momentum)
                                  << QList<double> {14.0 / 75.0, 2947.0 / 5625.0,
                                                    1628774.0 / 1687500.0}
                                  << QStringList {QStringLiteral("velocity")}
                                  << QList<double> {-744674.0 / 16875.0};
    }
    {
        // momentum with dampening τ = 0.5: the first buf is still a plain copy of g, later
        // ones add only (1 − τ)·g = 0.5·g.
        OptimizerSettings settings = settingsOf(OptimizerKind::Momentum);
        settings.dampening = 0.5;
        const double buf1 = g0;
        const double w1 = 0.0 - lr * buf1; // 14/75
        const double g1 = lessonGradient(w1);
        const double buf2 = 0.9 * buf1 + 0.5 * g1; // −16.8 − 1904/225 = −5684/225
        const double w2 = w1 - lr * buf2; // (42 + 56.84)/225 = 98.84/225
        const double g2 = lessonGradient(w2);
        const double buf3 = 0.9 * buf2 + 0.5 * g2;
        const double w3 = w2 - lr * buf3;
        QVERIFY(closeTo(buf2, -5684.0 / 225.0));
        QVERIFY(closeTo(w2, 98.84 / 225.0));
        QTest::newRow("momentum dampened")
            << settings << QList<double> {w1, w2, w3} << QStringList {QStringLiteral("velocity")}
            << QList<double> {buf3};
    }
    {
        // nesterov (μ = 0.9): the same buf as momentum; w ← w − lr·(g + 0.9·buf).
        //   step 1: buf1 = g0; w1 = −0.01·1.9·g0 = 0.019·56/3 = 1.064/3
        const double buf1 = g0;
        const double w1 = 0.0 - lr * (g0 + 0.9 * buf1);
        QVERIFY(closeTo(w1, 1.064 / 3.0));
        const double g1 = lessonGradient(w1);
        const double buf2 = 0.9 * buf1 + g1;
        const double w2 = w1 - lr * (g1 + 0.9 * buf2);
        const double g2 = lessonGradient(w2);
        const double buf3 = 0.9 * buf2 + g2;
        const double w3 = w2 - lr * (g2 + 0.9 * buf3);
        QTest::newRow("nesterov") << settingsOf(OptimizerKind::Nesterov)
                                  << QList<double> {w1, w2, w3}
                                  << QStringList {QStringLiteral("velocity")}
                                  << QList<double> {buf3};
    }
    {
        // adagrad (lr_decay 0, s starts at 0, eps 1e-10): clr = lr at every step;
        // s ← s + g²; w ← w − clr·g/(√s + eps).
        //   step 1: s1 = g0², so w1 = 0.01·(56/3)/(56/3 + 1e-10), a step of almost exactly lr.
        const double eps = 1e-10;
        const double s1 = g0 * g0;
        const double w1 = 0.01 * (56.0 / 3.0) / (56.0 / 3.0 + eps);
        const double g1 = lessonGradient(w1);
        const double s2 = s1 + g1 * g1;
        const double w2 = w1 - lr * g1 / (std::sqrt(s2) + eps);
        const double g2 = lessonGradient(w2);
        const double s3 = s2 + g2 * g2;
        const double w3 = w2 - lr * g2 / (std::sqrt(s3) + eps);
        QTest::newRow("adagrad") << settingsOf(OptimizerKind::Adagrad) << QList<double> {w1, w2, w3}
                                 << QStringList {QStringLiteral("sum of squares"),
                                                 QStringLiteral("learning rate")}
                                 << QList<double> {s3, lr};
    }
    {
        // adagrad with lr_decay 0.1 and s starting at 0.5: clr_t = 0.01/(1 + (t − 1)·0.1), so
        // clr1 = 0.01, clr2 = 0.01/1.1, clr3 = 0.01/1.2.
        OptimizerSettings settings = settingsOf(OptimizerKind::Adagrad);
        settings.lrDecay = 0.1;
        settings.initialAccumulator = 0.5;
        const double eps = 1e-10;
        const double s1 = 0.5 + g0 * g0; // 0.5 + 3136/9
        const double w1 = 0.0 - 0.01 * g0 / (std::sqrt(s1) + eps);
        const double g1 = lessonGradient(w1);
        const double s2 = s1 + g1 * g1;
        const double w2 = w1 - 0.01 / 1.1 * g1 / (std::sqrt(s2) + eps);
        const double g2 = lessonGradient(w2);
        const double s3 = s2 + g2 * g2;
        const double w3 = w2 - 0.01 / 1.2 * g2 / (std::sqrt(s3) + eps);
        QTest::newRow("adagrad decay")
            << settings << QList<double> {w1, w2, w3}
            << QStringList {QStringLiteral("sum of squares"), QStringLiteral("learning rate")}
            << QList<double> {s3, 0.01 / 1.2};
    }
    {
        // rmsprop (α = 0.99, eps 1e-8, not centered, no momentum):
        // s ← 0.99·s + 0.01·g²; w ← w − lr·g/(√s + eps).
        //   step 1: s1 = 0.01·g0², √s1 = 0.1·56/3, so w1 = 0.01·(56/3)/(0.1·56/3 + 1e-8) ≈ 0.1:
        //           the first step is about 10·lr.
        const double eps = 1e-8;
        const double s1 = 0.01 * g0 * g0;
        const double w1 = 0.01 * (56.0 / 3.0) / (0.1 * 56.0 / 3.0 + eps);
        const double g1 = lessonGradient(w1);
        const double s2 = 0.99 * s1 + 0.01 * g1 * g1;
        const double w2 = w1 - lr * g1 / (std::sqrt(s2) + eps);
        const double g2 = lessonGradient(w2);
        const double s3 = 0.99 * s2 + 0.01 * g2 * g2;
        const double w3 = w2 - lr * g2 / (std::sqrt(s3) + eps);
        QTest::newRow("rmsprop") << settingsOf(OptimizerKind::Rmsprop) << QList<double> {w1, w2, w3}
                                 << QStringList {QStringLiteral("square average")}
                                 << QList<double> {s3};
    }
    {
        // rmsprop centered: ḡ ← 0.99·ḡ + 0.01·g and avg = √(s − ḡ²) + eps.
        //   step 1: s1 = 0.01·g0², ḡ1 = 0.01·g0, s1 − ḡ1² = (0.01 − 0.0001)·g0² = 0.0099·g0²,
        //           so w1 = 0.01·(56/3)/(√0.0099·56/3 + 1e-8).
        OptimizerSettings settings = settingsOf(OptimizerKind::Rmsprop);
        settings.centered = true;
        const double eps = 1e-8;
        const double s1 = 0.01 * g0 * g0;
        const double m1 = 0.01 * g0;
        const double w1 = 0.01 * (56.0 / 3.0) / (std::sqrt(0.0099) * 56.0 / 3.0 + eps);
        const double g1 = lessonGradient(w1);
        const double s2 = 0.99 * s1 + 0.01 * g1 * g1;
        const double m2 = 0.99 * m1 + 0.01 * g1;
        const double w2 = w1 - lr * g1 / (std::sqrt(s2 - m2 * m2) + eps);
        const double g2 = lessonGradient(w2);
        const double s3 = 0.99 * s2 + 0.01 * g2 * g2;
        const double m3 = 0.99 * m2 + 0.01 * g2;
        const double w3 = w2 - lr * g2 / (std::sqrt(s3 - m3 * m3) + eps);
        QTest::newRow("rmsprop centered")
            << settings << QList<double> {w1, w2, w3}
            << QStringList {QStringLiteral("square average"), QStringLiteral("gradient average")}
            << QList<double> {s3, m3};
    }
    {
        // rmsprop with momentum 0.9: buf ← 0.9·buf + g/avg (buf starts at 0); w ← w − lr·buf.
        //   step 1: avg1 = 0.1·56/3 + 1e-8, buf1 = g0/avg1 ≈ −10, w1 = −0.01·buf1 ≈ 0.1.
        OptimizerSettings settings = settingsOf(OptimizerKind::Rmsprop);
        settings.rmspropMomentum = 0.9;
        const double eps = 1e-8;
        const double s1 = 0.01 * g0 * g0;
        const double buf1 = g0 / (0.1 * 56.0 / 3.0 + eps);
        const double w1 = 0.0 - lr * buf1;
        const double g1 = lessonGradient(w1);
        const double s2 = 0.99 * s1 + 0.01 * g1 * g1;
        const double buf2 = 0.9 * buf1 + g1 / (std::sqrt(s2) + eps);
        const double w2 = w1 - lr * buf2;
        const double g2 = lessonGradient(w2);
        const double s3 = 0.99 * s2 + 0.01 * g2 * g2;
        const double buf3 = 0.9 * buf2 + g2 / (std::sqrt(s3) + eps);
        const double w3 = w2 - lr * buf3;
        QTest::newRow("rmsprop momentum")
            << settings << QList<double> {w1, w2, w3}
            << QStringList {QStringLiteral("square average"), QStringLiteral("velocity")}
            << QList<double> {s3, buf3};
    }
    {
        // rmsprop centered with momentum 0.9: both of the above; avg = √(s − ḡ²) + eps feeds
        // buf ← 0.9·buf + g/avg.
        OptimizerSettings settings = settingsOf(OptimizerKind::Rmsprop);
        settings.centered = true;
        settings.rmspropMomentum = 0.9;
        const double eps = 1e-8;
        const double s1 = 0.01 * g0 * g0;
        const double m1 = 0.01 * g0;
        const double buf1 = g0 / (std::sqrt(0.0099) * 56.0 / 3.0 + eps);
        const double w1 = 0.0 - lr * buf1;
        const double g1 = lessonGradient(w1);
        const double s2 = 0.99 * s1 + 0.01 * g1 * g1;
        const double m2 = 0.99 * m1 + 0.01 * g1;
        const double buf2 = 0.9 * buf1 + g1 / (std::sqrt(s2 - m2 * m2) + eps);
        const double w2 = w1 - lr * buf2;
        const double g2 = lessonGradient(w2);
        const double s3 = 0.99 * s2 + 0.01 * g2 * g2;
        const double m3 = 0.99 * m2 + 0.01 * g2;
        const double buf3 = 0.9 * buf2 + g2 / (std::sqrt(s3 - m3 * m3) + eps);
        const double w3 = w2 - lr * buf3;
        QTest::newRow("rmsprop centered momentum")
            << settings << QList<double> {w1, w2, w3}
            << QStringList {QStringLiteral("square average"), QStringLiteral("gradient average"),
                            QStringLiteral("velocity")}
            << QList<double> {s3, m3, buf3};
    }

    // adam (β1 = 0.9, β2 = 0.999, eps 1e-8): m ← 0.9·m + 0.1·g; v ← 0.999·v + 0.001·g²;
    // bc1 = 1 − 0.9^t, bc2 = 1 − 0.999^t; w ← w − (lr/bc1)·m/(√v/√bc2 + eps).
    //   bc1: 0.1, 0.19, 0.271;  bc2: 0.001, 0.001999, 0.002997001.
    //   step 1: m1 = 0.1·g0 and v1 = 0.001·g0², so m1/bc1 = g0 and √v1/√bc2 = |g0|: the first
    //           step is lr·(56/3)/(56/3 + 1e-8), almost exactly lr.
    const QStringList adamNames {QStringLiteral("m"), QStringLiteral("v"),
                                 QStringLiteral("m\u0302"), QStringLiteral("v\u0302"),
                                 QStringLiteral("effective step")};
    {
        const double eps = 1e-8;
        const double m1 = 0.1 * g0;
        const double v1 = 0.001 * g0 * g0;
        const double w1 = 0.01 * (56.0 / 3.0) / (56.0 / 3.0 + eps);
        const double g1 = lessonGradient(w1);
        const double m2 = 0.9 * m1 + 0.1 * g1;
        const double v2 = 0.999 * v1 + 0.001 * g1 * g1;
        const double w2 = w1 - lr / 0.19 * m2 / (std::sqrt(v2) / std::sqrt(0.001999) + eps);
        const double g2 = lessonGradient(w2);
        const double m3 = 0.9 * m2 + 0.1 * g2;
        const double v3 = 0.999 * v2 + 0.001 * g2 * g2;
        const double step3 = lr / 0.271 * m3 / (std::sqrt(v3) / std::sqrt(0.002997001) + eps);
        const double w3 = w2 - step3;
        QTest::newRow("adam") << settingsOf(OptimizerKind::Adam) << QList<double> {w1, w2, w3}
                              << adamNames
                              << QList<double> {m3, v3, m3 / 0.271, v3 / 0.002997001, step3};

        // With amsgrad, v max = max(v max, v), but here v only grows in three steps (each step
        // adds 0.001·(g² − v), and g² ≈ 300 is far above v < 1), so v max = v and the steps
        // are Adam's.
        OptimizerSettings settings = settingsOf(OptimizerKind::Adam);
        settings.amsgrad = true;
        QVERIFY(v1 < v2 && v2 < v3);
        QStringList names = adamNames;
        names.insert(4, QStringLiteral("v max"));
        QTest::newRow("adam amsgrad, v grows")
            << settings << QList<double> {w1, w2, w3} << names
            << QList<double> {m3, v3, m3 / 0.271, v3 / 0.002997001, v3, step3};
    }
    {
        // amsgrad where v falls: β2 = 0.1 and lr = 0.5. bc2: 0.9, 0.99, 0.999.
        //   step 1: m1 = 0.1·g0, v1 = 0.9·g0² = 313.6, v max = v1;
        //           w1 = 0.5·(56/3)/(56/3 + 1e-8) ≈ 0.5, so g1 ≈ 28/3·(−1.5) = −14.
        //   step 2: v2 = 0.1·v1 + 0.9·g1² ≈ 31.36 + 176.4 < v1, so v max stays v1.
        //   step 3: w2 ≈ 0.955, g2 ≈ −9.75, v3 ≈ 20.8 + 85.6 < v1: v max is still v1.
        OptimizerSettings settings = settingsOf(OptimizerKind::Adam);
        settings.amsgrad = true;
        settings.beta2 = 0.1;
        settings.learningRate = 0.5;
        const double eps = 1e-8;
        const double m1 = 0.1 * g0;
        const double v1 = 0.9 * g0 * g0;
        const double w1 = 0.5 * (56.0 / 3.0) / (56.0 / 3.0 + eps);
        const double g1 = lessonGradient(w1);
        const double m2 = 0.9 * m1 + 0.1 * g1;
        const double v2 = 0.1 * v1 + 0.9 * g1 * g1;
        const double vMax2 = v1;
        const double w2 = w1 - 0.5 / 0.19 * m2 / (std::sqrt(vMax2) / std::sqrt(0.99) + eps);
        const double g2 = lessonGradient(w2);
        const double m3 = 0.9 * m2 + 0.1 * g2;
        const double v3 = 0.1 * v2 + 0.9 * g2 * g2;
        const double vMax3 = v1;
        const double step3 = 0.5 / 0.271 * m3 / (std::sqrt(vMax3) / std::sqrt(0.999) + eps);
        const double w3 = w2 - step3;
        QVERIFY(v2 < v1 && v3 < v1);
        QStringList names = adamNames;
        names.insert(4, QStringLiteral("v max"));
        QTest::newRow("adam amsgrad, v falls")
            << settings << QList<double> {w1, w2, w3} << names
            << QList<double> {m3, v3, m3 / 0.271, v3 / 0.999, vMax3, step3};
    }
}

void TestOptimizers::firstThreeSteps()
{
    QFETCH(OptimizerSettings, settings);
    QFETCH(QList<double>, ws);
    QFETCH(QStringList, names);
    QFETCH(QList<double>, values);

    const std::unique_ptr<Optimizer> optimizer = Optimizer::create(settings);
    QVERIFY(optimizer->state().empty());
    QCOMPARE(optimizer->steps(), 0);

    const QList<double> actual = runLesson(*optimizer, 3);
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(closeTo(actual[i], ws[i]),
                 mismatch(QStringLiteral("w%1").arg(i + 1), actual[i], ws[i]).constData());
    }
    QCOMPARE(optimizer->steps(), 3);

    QCOMPARE(stateNames(*optimizer), names);
    for (const OptimizerStateEntry &entry : optimizer->state())
        QCOMPARE(entry.values.size(), 1);
    const QList<double> state = flatState(*optimizer);
    for (int i = 0; i < values.size(); ++i) {
        QVERIFY2(closeTo(state[i], values[i]), mismatch(names[i], state[i], values[i]).constData());
    }
}

void TestOptimizers::resetStartsAgain_data()
{
    addEveryRule();
}

void TestOptimizers::resetStartsAgain()
{
    QFETCH(OptimizerSettings, settings);

    const std::unique_ptr<Optimizer> optimizer = Optimizer::create(settings);
    optimizer->reset(); // before any step: nothing to forget
    QVERIFY(optimizer->state().empty());

    const QList<double> first = runLesson(*optimizer, 3);
    const QStringList firstNames = stateNames(*optimizer);
    const QList<double> firstState = flatState(*optimizer);

    optimizer->reset();
    QCOMPARE(optimizer->steps(), 0);
    QVERIFY(optimizer->state().empty());

    // Exactly the same numbers, not merely close ones.
    const QList<double> second = runLesson(*optimizer, 3);
    QVERIFY(second == first);
    QCOMPARE(stateNames(*optimizer), firstNames);
    QVERIFY(flatState(*optimizer) == firstState);
    QCOMPARE(optimizer->steps(), 3);
}

void TestOptimizers::zeroGradientAtTheOptimum_data()
{
    addEveryRule();
}

void TestOptimizers::zeroGradientAtTheOptimum()
{
    QFETCH(OptimizerSettings, settings);

    // The lesson at w = 2, where g = 28/3·0 = 0 exactly: no step may move w or make a NaN
    // (Adam: m = v = 0 gives 0/(0 + eps); Adagrad: s = 0 gives 0/(0 + eps)).
    const std::unique_ptr<Optimizer> lesson = Optimizer::create(settings);
    const QList<double> ws = runLesson(*lesson, 10, 2.0);
    for (const double w : ws)
        QCOMPARE(w, 2.0);
    for (const double value : flatState(*lesson))
        QVERIFY(std::isfinite(value));

    // The line at its optimum (2, 1): every residual is 0, so both gradients are 0.
    const std::unique_ptr<Optimizer> line = Optimizer::create(settings);
    Eigen::VectorXd parameters(2);
    parameters << 2.0, 1.0;
    for (int i = 0; i < 10; ++i) {
        const Eigen::VectorXd gradient = lineGradient(parameters);
        QVERIFY((gradient.array() == 0.0).all());
        line->step(parameters, gradient);
        QCOMPARE(parameters[0], 2.0);
        QCOMPARE(parameters[1], 1.0);
    }
    for (const double value : flatState(*line))
        QVERIFY(std::isfinite(value));
}

void TestOptimizers::convergesOnTheLesson_data()
{
    QTest::addColumn<OptimizerSettings>("settings");
    QTest::addColumn<int>("steps");

    // Learning rates a user would pick for each rule; every run is within 1e-6 of w = 2 well
    // before its step budget.
    const auto row = [](const char *name, OptimizerSettings settings, double lr, int steps) {
        settings.learningRate = lr;
        QTest::newRow(name) << settings << steps;
    };
    row("gd", settingsOf(OptimizerKind::Gd), 0.05, 200);
    row("momentum", settingsOf(OptimizerKind::Momentum), 0.01, 1000);
    row("nesterov", settingsOf(OptimizerKind::Nesterov), 0.01, 1000);
    row("adagrad", settingsOf(OptimizerKind::Adagrad), 1.0, 200);
    row("rmsprop", settingsOf(OptimizerKind::Rmsprop), 0.01, 2000);
    OptimizerSettings centered = settingsOf(OptimizerKind::Rmsprop);
    centered.centered = true;
    row("rmsprop centered", centered, 0.01, 2000);
    OptimizerSettings rmspropMomentum = settingsOf(OptimizerKind::Rmsprop);
    rmspropMomentum.rmspropMomentum = 0.9;
    row("rmsprop momentum", rmspropMomentum, 0.01, 1000);
    row("adam", settingsOf(OptimizerKind::Adam), 0.1, 1000);
    OptimizerSettings amsgrad = settingsOf(OptimizerKind::Adam);
    amsgrad.amsgrad = true;
    row("adam amsgrad", amsgrad, 0.1, 1000);
}

void TestOptimizers::convergesOnTheLesson()
{
    QFETCH(OptimizerSettings, settings);
    QFETCH(int, steps);

    const std::unique_ptr<Optimizer> optimizer = Optimizer::create(settings);
    const QList<double> ws = runLesson(*optimizer, steps);
    QVERIFY2(std::fabs(ws.last() - 2.0) < 1e-6, qPrintable(QString::number(ws.last(), 'g', 17)));
}

void TestOptimizers::convergesOnALineWithBias_data()
{
    QTest::addColumn<OptimizerSettings>("settings");
    QTest::addColumn<int>("steps");

    const auto row = [](const char *name, OptimizerSettings settings, double lr, int steps) {
        settings.learningRate = lr;
        QTest::newRow(name) << settings << steps;
    };
    row("gd", settingsOf(OptimizerKind::Gd), 0.1, 1000);
    row("momentum", settingsOf(OptimizerKind::Momentum), 0.01, 1000);
    row("nesterov", settingsOf(OptimizerKind::Nesterov), 0.03, 1000);
    row("adagrad", settingsOf(OptimizerKind::Adagrad), 1.0, 1000);
    row("rmsprop", settingsOf(OptimizerKind::Rmsprop), 0.03, 2000);
    OptimizerSettings centered = settingsOf(OptimizerKind::Rmsprop);
    centered.centered = true;
    row("rmsprop centered", centered, 0.03, 2000);
    OptimizerSettings rmspropMomentum = settingsOf(OptimizerKind::Rmsprop);
    rmspropMomentum.rmspropMomentum = 0.9;
    row("rmsprop momentum", rmspropMomentum, 0.01, 1000);
    row("adam", settingsOf(OptimizerKind::Adam), 0.1, 1000);
    OptimizerSettings amsgrad = settingsOf(OptimizerKind::Adam);
    amsgrad.amsgrad = true;
    row("adam amsgrad", amsgrad, 0.1, 1000);
}

void TestOptimizers::convergesOnALineWithBias()
{
    QFETCH(OptimizerSettings, settings);
    QFETCH(int, steps);

    const std::unique_ptr<Optimizer> optimizer = Optimizer::create(settings);
    Eigen::VectorXd parameters = Eigen::VectorXd::Zero(2);
    for (int i = 0; i < steps; ++i)
        optimizer->step(parameters, lineGradient(parameters));

    const QString where =
        QStringLiteral("w = %1, b = %2")
            .arg(QString::number(parameters[0], 'g', 17), QString::number(parameters[1], 'g', 17));
    QVERIFY2(std::fabs(parameters[0] - 2.0) < 1e-6, qPrintable(where));
    QVERIFY2(std::fabs(parameters[1] - 1.0) < 1e-6, qPrintable(where));
    for (const OptimizerStateEntry &entry : optimizer->state())
        QCOMPARE(entry.values.size(), 2);
}

void TestOptimizers::centeredVarianceNeverGoesNegative()
{
    // Centered RMSprop under a constant gradient g: s = g²·(1 − α^t) and ḡ = g·(1 − α^t), so
    // s − ḡ² = g²·α^t·(1 − α^t) ≥ 0 shrinks towards 0. Once α^t is below the rounding of s
    // (t ≈ 3200 for α = 0.99), s − ḡ² rounds to ±a few ulps; with g = 0.1 it comes out
    // negative, where a plain square root would make the step NaN. It is taken as 0 instead.
    OptimizerSettings settings = settingsOf(OptimizerKind::Rmsprop);
    settings.centered = true;
    settings.learningRate = 1e-3;
    const std::unique_ptr<Optimizer> optimizer = Optimizer::create(settings);
    Eigen::VectorXd parameters = Eigen::VectorXd::Zero(1);
    const Eigen::VectorXd gradient = Eigen::VectorXd::Constant(1, 0.1);
    for (int i = 0; i < 4000; ++i) {
        optimizer->step(parameters, gradient);
        QVERIFY2(std::isfinite(parameters[0]), qPrintable(QStringLiteral("step %1").arg(i + 1)));
    }
    for (const double value : flatState(*optimizer))
        QVERIFY(std::isfinite(value));
}

void TestOptimizers::restoredSnapshotContinuesBitForBit_data()
{
    addEveryRule();
}

void TestOptimizers::restoredSnapshotContinuesBitForBit()
{
    // N steps on the line y = 2x + 1 (w and b), a snapshot, then M more steps: a new optimizer
    // restored from the snapshot takes the same M steps, bit for bit. N = 0 restores the state
    // before any buffer exists.
    QFETCH(OptimizerSettings, settings);
    const auto sameBits = [](const Eigen::VectorXd &a, const Eigen::VectorXd &b) {
        return a.size() == b.size()
            && std::memcmp(a.data(), b.data(), std::size_t(a.size()) * sizeof(double)) == 0;
    };
    constexpr int m = 25;
    for (const int n : {0, 1, 7, 40}) {
        const auto original = Optimizer::create(settings);
        Eigen::VectorXd parameters(2);
        parameters << -1.0, 3.0;
        for (int i = 0; i < n; ++i)
            original->step(parameters, lineGradient(parameters));
        const OptimizerSnapshot snapshot = original->snapshot();
        QCOMPARE(snapshot.kind, settings.kind);
        QCOMPARE(snapshot.steps, qint64(n));

        // Another optimizer of the same kind, with a state of its own to be replaced.
        const auto restored = Optimizer::create(settings);
        Eigen::VectorXd other(2);
        other << 5.0, -5.0;
        for (int i = 0; i < 3; ++i)
            restored->step(other, lineGradient(other));
        QVERIFY(restored->restore(snapshot));
        QVERIFY(restored->snapshot().sameBits(snapshot));
        QCOMPARE(restored->steps(), qint64(n));

        Eigen::VectorXd continued = parameters;
        for (int i = 0; i < m; ++i) {
            original->step(parameters, lineGradient(parameters));
            restored->step(continued, lineGradient(continued));
            QVERIFY2(sameBits(parameters, continued),
                     qPrintable(QStringLiteral("N = %1, step %2").arg(n).arg(n + i + 1)));
        }
        QVERIFY(original->snapshot().sameBits(restored->snapshot()));
        QCOMPARE(original->steps(), restored->steps());
    }
}

void TestOptimizers::snapshotOfAnotherKindIsRefused()
{
    const auto adam = Optimizer::create(settingsOf(OptimizerKind::Adam));
    Eigen::VectorXd w(1);
    w << 0.0;
    Eigen::VectorXd gradient(1);
    gradient << lessonGradient(0.0);
    adam->step(w, gradient);

    // Momentum and nesterov share a class but not a rule: the state of one is not the other's.
    const auto nesterov = Optimizer::create(settingsOf(OptimizerKind::Nesterov));
    const auto momentum = Optimizer::create(settingsOf(OptimizerKind::Momentum));
    momentum->step(w, gradient);
    nesterov->step(w, gradient);
    QVERIFY(!nesterov->restore(adam->snapshot()));
    QCOMPARE(nesterov->steps(), qint64(0));
    QVERIFY(nesterov->state().empty());
    QVERIFY(!nesterov->restore(momentum->snapshot()));
    QVERIFY(!adam->restore(momentum->snapshot()));
    QCOMPARE(adam->steps(), qint64(0));
}

void TestOptimizers::snapshotFitsItsNumberOfParameters_data()
{
    addEveryRule();
}

void TestOptimizers::snapshotFitsItsNumberOfParameters()
{
    // Before the first step a snapshot has no buffer and fits one or two parameters; after
    // steps on (w, b) it fits two and not one, and a buffer cut short fits neither.
    QFETCH(OptimizerSettings, settings);
    const auto optimizer = Optimizer::create(settings);
    QVERIFY(Optimizer::fits(optimizer->snapshot(), 1));
    QVERIFY(Optimizer::fits(optimizer->snapshot(), 2));
    QVERIFY(!Optimizer::fits(optimizer->snapshot(), 3));

    Eigen::VectorXd parameters(2);
    parameters << -1.0, 3.0;
    for (int i = 0; i < 3; ++i)
        optimizer->step(parameters, lineGradient(parameters));
    OptimizerSnapshot snapshot = optimizer->snapshot();
    QVERIFY(Optimizer::fits(snapshot, 2));
    QCOMPARE(Optimizer::fits(snapshot, 1), settings.kind == OptimizerKind::Gd);
    if (settings.kind == OptimizerKind::Gd)
        return;
    snapshot.buffers[0].resize(1);
    QVERIFY(!Optimizer::fits(snapshot, 2));
    snapshot.buffers[0].resize(0);
    QVERIFY(!Optimizer::fits(snapshot, 2));
}

void TestOptimizers::settingsChangeKeepsTheState()
{
    {
        // Momentum: two steps at lr 0.01 (see firstThreeSteps: w2 = 2947/5625,
        // buf2 = −7588/225), then lr 0.02 and μ 0.5. The velocity is kept:
        //   buf3 = 0.5·(−7588/225) + g2 = −3794/225 − 232484/16875 = −517034/16875
        //   w3 = 2947/5625 + 0.02·517034/16875 = (8841 + 10340.68)/16875 = 19181.68/16875
        // (a fresh velocity would give buf3 = g2 instead).
        const std::unique_ptr<Optimizer> optimizer =
            Optimizer::create(settingsOf(OptimizerKind::Momentum));
        const QList<double> ws = runLesson(*optimizer, 2);
        OptimizerSettings changed = optimizer->settings();
        changed.learningRate = 0.02;
        changed.momentum = 0.5;
        optimizer->setSettings(changed);
        QCOMPARE(optimizer->settings().learningRate, 0.02);
        QCOMPARE(optimizer->settings().momentum, 0.5);
        QCOMPARE(optimizer->steps(), 2);
        QVERIFY(closeTo(optimizer->state().at(0).values[0], -7588.0 / 225.0));

        const QList<double> next = runLesson(*optimizer, 1, ws.last());
        QVERIFY2(closeTo(next[0], 19181.68 / 16875.0),
                 mismatch(QStringLiteral("w3"), next[0], 19181.68 / 16875.0).constData());
        QVERIFY(closeTo(optimizer->state().at(0).values[0], -517034.0 / 16875.0));
    }
    {
        // Adam: two steps at lr 0.01, then lr 0.1. The step count goes on, so step 3 corrects
        // with bc1 = 0.271 and bc2 = 0.002997001 (t = 3), using the kept m2 and v2.
        const double g0 = lessonGradient(0.0);
        const double eps = 1e-8;
        const double m1 = 0.1 * g0;
        const double v1 = 0.001 * g0 * g0;
        const double w1 = 0.01 * (56.0 / 3.0) / (56.0 / 3.0 + eps);
        const double g1 = lessonGradient(w1);
        const double m2 = 0.9 * m1 + 0.1 * g1;
        const double v2 = 0.999 * v1 + 0.001 * g1 * g1;
        const double w2 = w1 - 0.01 / 0.19 * m2 / (std::sqrt(v2) / std::sqrt(0.001999) + eps);
        const double g2 = lessonGradient(w2);
        const double m3 = 0.9 * m2 + 0.1 * g2;
        const double v3 = 0.999 * v2 + 0.001 * g2 * g2;
        const double w3 = w2 - 0.1 / 0.271 * m3 / (std::sqrt(v3) / std::sqrt(0.002997001) + eps);

        const std::unique_ptr<Optimizer> optimizer =
            Optimizer::create(settingsOf(OptimizerKind::Adam));
        const QList<double> ws = runLesson(*optimizer, 2);
        QVERIFY(closeTo(ws.last(), w2));
        OptimizerSettings changed = optimizer->settings();
        changed.learningRate = 0.1;
        optimizer->setSettings(changed);
        QCOMPARE(optimizer->steps(), 2);

        const QList<double> next = runLesson(*optimizer, 1, ws.last());
        QVERIFY2(closeTo(next[0], w3), mismatch(QStringLiteral("w3"), next[0], w3).constData());
        QCOMPARE(optimizer->steps(), 3);

        // Another kind is not taken: the optimizer stays Adam with its state.
        changed.kind = OptimizerKind::Gd;
        changed.learningRate = 0.2;
        optimizer->setSettings(changed);
        QCOMPARE(optimizer->settings().kind, OptimizerKind::Adam);
        QCOMPARE(optimizer->settings().learningRate, 0.2);
        QCOMPARE(optimizer->steps(), 3);
        QCOMPARE(optimizer->state().size(), std::size_t(5));
    }
}

void TestOptimizers::nesterovIgnoresDampening()
{
    // torch.optim.SGD accepts Nesterov only with dampening 0, so the setting is not read.
    OptimizerSettings dampened = settingsOf(OptimizerKind::Nesterov);
    dampened.dampening = 0.5;
    const std::unique_ptr<Optimizer> plain = Optimizer::create(settingsOf(OptimizerKind::Nesterov));
    const std::unique_ptr<Optimizer> withDampening = Optimizer::create(dampened);
    QVERIFY(runLesson(*plain, 5) == runLesson(*withDampening, 5));
}

void TestOptimizers::createMakesTheRightRule()
{
    for (const OptimizerKind kind : Optimizer::all()) {
        const std::unique_ptr<Optimizer> optimizer = Optimizer::create(settingsOf(kind));
        QVERIFY(optimizer);
        QCOMPARE(optimizer->settings().kind, kind);
        QCOMPARE(optimizer->steps(), 0);
        QVERIFY(optimizer->state().empty());
    }
    const auto isA = [](OptimizerKind kind, auto *type) {
        const std::unique_ptr<Optimizer> optimizer = Optimizer::create(settingsOf(kind));
        return dynamic_cast<decltype(type)>(optimizer.get()) != nullptr;
    };
    QVERIFY(isA(OptimizerKind::Gd, static_cast<SgdOptimizer *>(nullptr)));
    QVERIFY(isA(OptimizerKind::Momentum, static_cast<SgdOptimizer *>(nullptr)));
    QVERIFY(isA(OptimizerKind::Nesterov, static_cast<SgdOptimizer *>(nullptr)));
    QVERIFY(isA(OptimizerKind::Adagrad, static_cast<AdagradOptimizer *>(nullptr)));
    QVERIFY(isA(OptimizerKind::Rmsprop, static_cast<RmspropOptimizer *>(nullptr)));
    QVERIFY(isA(OptimizerKind::Adam, static_cast<AdamOptimizer *>(nullptr)));

    // Plain descent keeps no state but still counts its steps.
    const std::unique_ptr<Optimizer> gd = Optimizer::create(settingsOf(OptimizerKind::Gd));
    runLesson(*gd, 4);
    QCOMPARE(gd->steps(), 4);
    QVERIFY(gd->state().empty());
}

void TestOptimizers::epsilonDefaults()
{
    for (const OptimizerKind kind : Optimizer::all()) {
        OptimizerSettings settings = settingsOf(kind);
        QCOMPARE(settings.epsilon(), kind == OptimizerKind::Adagrad ? 1e-10 : 1e-8);
        settings.eps = 1e-6;
        QCOMPARE(settings.epsilon(), 1e-6);
    }
}

void TestOptimizers::namesRoundTrip()
{
    const std::vector<OptimizerKind> kinds = Optimizer::all();
    const QStringList expected {QStringLiteral("gd"),       QStringLiteral("momentum"),
                                QStringLiteral("nesterov"), QStringLiteral("adagrad"),
                                QStringLiteral("rmsprop"),  QStringLiteral("adam")};
    QCOMPARE(kinds.size(), std::size_t(expected.size()));
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        QCOMPARE(Optimizer::name(kinds[i]), expected[qsizetype(i)]);
        QCOMPARE(Optimizer::fromName(Optimizer::name(kinds[i])), std::optional(kinds[i]));
    }
    QCOMPARE(kinds.front(), OptimizerKind::Gd);
    QCOMPARE(kinds.back(), OptimizerKind::Adam);
}

void TestOptimizers::unknownNamesAreRejected()
{
    const QStringList unknown {QString(),
                               QStringLiteral("sgd"),
                               QStringLiteral("Adam"),
                               QStringLiteral("GD"),
                               QStringLiteral(" adam"),
                               QStringLiteral("adam "),
                               QStringLiteral("adamw"),
                               QStringLiteral("rms prop"),
                               QStringLiteral("nesterov-momentum")};
    for (const QString &name : unknown)
        QVERIFY2(!Optimizer::fromName(name).has_value(), qPrintable(name));
}

QTEST_GUILESS_MAIN(TestOptimizers)
#include "tst_optimizers.moc"
