#include "commandline.h"
#include "dataset.h"
#include "datasetloader.h"
#include "gridsearch.h"
#include "lossfunction.h"
#include "mseloss.h"
#include "numberformat.h"
#include "optimizer.h"
#include "parameterrange.h"
#include "trainer.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cfloat>
#include <cmath>
#include <sstream>

// Valid data at the edges of what a double holds: values whose squares overflow (1e154),
// values whose squares underflow (1e-300), data far from 0 with a small spread (cancellation),
// many identical points, one point, all x equal and all x zero; and learning rates from 1e-12
// to 1e12 with every optimizer, loss and model.
//
// Expected values come from the formulas: for y = k·x the optimum of y = w·x is k and the MSE
// is mean(x²)·(w − k)², its gradient 2·mean(x²)·(w − k); the least-squares line through
// y = a·x + c is (a, c). Where a true value is beyond DBL_MAX the API gives ±inf (and the
// command line words); where it is finite it must come out finite. Tolerances are relative
// and stated per case: a few ulps (1e-14) where only scaling by powers of two and a handful of
// roundings happen, wider where the data's own rounding sets the limit.
class TestExtremeValues : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hugeValuesClosedForms();
    void hugeValuesLossAndGradient();
    void hugeValuesEveryLoss();
    void hugeLineOptimum();
    void tinyValuesClosedForms();
    void farFromZeroLine();
    void thousandsOfIdenticalPoints();
    void onePoint();
    void allXZeroWithHugeY();
    void hugeResidualsWithTinyX();
    void rangesStayFinite();
    void spreadOfX();
    void trainerRefusesAnUnrepresentableStart();
    void commandLineSaysTooLargeInWords();
    void learningRateSweep();
    void learningRateSweepOnTheCommandLine();
    void learningRateSweepOnExtremeData();

private:
    static std::vector<double> times(const std::vector<double> &values, double factor);
    static Dataset gapminder();
};

namespace {

bool near(double actual, double expected, double tolerance)
{
    return std::fabs(actual - expected) <= tolerance * std::fabs(expected);
}

QString text(double value)
{
    return QString::fromStdString(NumberFormat::shortest(value));
}

// No "inf", "nan" (any case) stands as a word in `output`.
bool hasNoNonFinite(const QString &output)
{
    static const QRegularExpression word(QStringLiteral("\\b(inf|infinity|nan)\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    return !word.match(output).hasMatch();
}

bool isFinite(const TrainingStep &state)
{
    return std::isfinite(state.w) && std::isfinite(state.b) && std::isfinite(state.loss)
        && std::isfinite(state.gradW) && std::isfinite(state.gradB);
}

} // namespace

std::vector<double> TestExtremeValues::times(const std::vector<double> &values, double factor)
{
    std::vector<double> result = values;
    for (double &value : result)
        value *= factor;
    return result;
}

Dataset TestExtremeValues::gapminder()
{
    QString error;
    const auto loaded =
        DatasetLoader::loadFile(QStringLiteral(LOSSLAB_TEST_DATA "/gapminder-health-income.csv"),
                                QStringLiteral("income"), QStringLiteral("health"), &error);
    return loaded ? loaded->data : Dataset();
}

void TestExtremeValues::hugeValuesClosedForms()
{
    // x = (1, 2, 3)·1e154, y = 2x: Σx² = 14e308 overflows, yet w* = Σxy/Σx² = 2.
    const std::vector<double> xs = {1e154, 2e154, 3e154};
    const Dataset data(xs, times(xs, 2.0));
    const auto optimum = MseLoss::optimum(data);
    QVERIFY(optimum.has_value());
    QVERIFY2(near(*optimum, 2.0, 1e-15), qPrintable(text(*optimum)));

    // 1/mean(x²) = 3/14·1e-308, a subnormal double (spacing 4.9e-324, so about 1e-14
    // relative). The line's 2/λmax is the same to 1e-300 relative: mean(x²) dwarfs the rest.
    const double limit = 3.0 / 14.0 * 1e-308;
    QVERIFY(near(*MseLoss::stableLearningRateLimit(data), limit, 1e-13));
    QVERIFY(near(*MseLoss::stableLearningRateLimit(data, ModelKind::Line), limit, 1e-13));
}

void TestExtremeValues::hugeValuesLossAndGradient()
{
    const std::vector<double> xs = {1e154, 2e154, 3e154};
    const Dataset data(xs, times(xs, 2.0));
    const double meanSquare = 14.0 / 3.0 * 1e308; // beyond DBL_MAX itself

    // At w = 2 every residual is 0.
    QCOMPARE(MseLoss::loss(data, 2.0), 0.0);
    QCOMPARE(MseLoss::gradient(data, 2.0), 0.0);
    QCOMPARE(MseLoss::curve(data, 1.0, 3.0, 3)[1].y(), 0.0);

    // At w = 0: loss 4·mean(x²) ≈ 1.9e309 and gradient −4·mean(x²) are beyond DBL_MAX: ±inf.
    const LossValue atZero = MseLoss::evaluate(data, 0.0);
    QCOMPARE(atZero.loss, qInf());
    QCOMPARE(atZero.gradient, -qInf());

    // At w = 2.5: loss 0.25·mean(x²) ≈ 1.17e308 is finite although every sum of squares on
    // the way overflows; the gradient 2·0.5·mean(x²) ≈ 4.7e308 is not.
    // The residuals 0.5x carry the rounding of 2.5·x − y, a few ulps: tolerance 1e-14.
    QVERIFY2(near(MseLoss::loss(data, 2.5), 0.25 * 14.0 / 3.0 * 1e308, 1e-14),
             qPrintable(text(MseLoss::loss(data, 2.5))));
    QCOMPARE(MseLoss::gradient(data, 2.5), qInf());

    // At w = 2.1: gradient 2·0.1·mean(x²) ≈ 9.3e307, although 2r·x summed overflows. The
    // residual 0.1x loses about log2(20) bits to cancellation: tolerance 1e-13.
    const double gradient = MseLoss::gradient(data, 2.1);
    QVERIFY2(near(gradient, 0.2 * meanSquare, 1e-13), qPrintable(text(gradient)));
    QVERIFY(near(MseLoss::loss(data, 2.1), 0.01 * meanSquare, 1e-13));

    // The curve holds only finite values or +inf, never NaN.
    for (const QPointF &point : MseLoss::curve(data, 0.0, 4.0, 81))
        QVERIFY(!std::isnan(point.y()));
}

void TestExtremeValues::hugeValuesEveryLoss()
{
    // x = 1e308·(0.5, 1, 1.5), y = 0, w = 1: r = x. MAE = mean |r| = 1e308 (Σ|r| overflows);
    // its gradient mean sign(r)·x = 1e308 too. Huber with δ = 1: δ(|r| − δ/2) ≈ |r|, so also
    // 1e308 (to 1e-308 relative). Tolerance 1e-15: scaling is exact, one division rounds.
    const Dataset data({0.5e308, 1e308, 1.5e308}, {0, 0, 0});
    Objective objective;
    objective.model = ModelKind::Line;
    for (LossKind kind : {LossKind::Mae, LossKind::Huber}) {
        objective.loss = kind;
        const Evaluation value = LossFunction::evaluate(data, objective, 1.0, 0.0);
        QVERIFY2(near(value.loss, 1e308, 1e-15), qPrintable(text(value.loss)));
        QVERIFY2(near(value.gradW, 1e308, 1e-15), qPrintable(text(value.gradW)));
        QCOMPARE(value.gradB, 1.0);
    }
    // The MSE there is mean(x²) ≈ 1.2e616: +inf, and so is its gradient.
    objective.loss = LossKind::Mse;
    const Evaluation mse = LossFunction::evaluate(data, objective, 1.0, 0.0);
    QCOMPARE(mse.loss, qInf());
    QCOMPARE(mse.gradW, qInf());
    QCOMPARE(mse.gradB, qInf());
}

void TestExtremeValues::hugeLineOptimum()
{
    // x = (1, 2, 5)·1e154, y = 2x: Σ(x − x̄)² ≈ 8.7e308 overflows; the line is (2, 0). b is
    // ȳ − w·x̄, two numbers near 5e154 that cancel: |b| within a few ulps of 5e154 (1e-14 of
    // it).
    const std::vector<double> xs = {1e154, 2e154, 5e154};
    const Dataset data(xs, times(xs, 2.0));
    const auto fit = MseLoss::lineOptimum(data);
    QVERIFY(fit.has_value());
    QVERIFY(fit->unique);
    QVERIFY2(near(fit->w, 2.0, 1e-15), qPrintable(text(fit->w)));
    QVERIFY2(std::fabs(fit->b) <= 1e-14 * 5e154, qPrintable(text(fit->b)));
}

void TestExtremeValues::tinyValuesClosedForms()
{
    // x = (1, 2, 3)·1e-300, y = 2x: Σx² and Σxy underflow to 0, yet w* = 2 and the line is
    // (2, 0) with b to a few ulps of 3e-300.
    const std::vector<double> xs = {1e-300, 2e-300, 3e-300};
    const Dataset data(xs, times(xs, 2.0));
    const auto optimum = MseLoss::optimum(data);
    QVERIFY(optimum.has_value());
    QVERIFY2(near(*optimum, 2.0, 1e-15), qPrintable(text(*optimum)));
    const auto fit = MseLoss::lineOptimum(data);
    QVERIFY(fit.has_value());
    QVERIFY2(fit->unique, "distinct x must give a unique line");
    QVERIFY2(near(fit->w, 2.0, 1e-15), qPrintable(text(fit->w)));
    QVERIFY(std::fabs(fit->b) <= 1e-14 * 3e-300);

    // 1/mean(x²) = 3/14·1e600 is beyond DBL_MAX: +inf, every representable rate is stable.
    QCOMPARE(*MseLoss::stableLearningRateLimit(data), qInf());
    // The line's Hessian 2·[[mean x², mean x], [mean x, 1]] has λmax = 2 to 1e-300: limit 1.
    QVERIFY(near(*MseLoss::stableLearningRateLimit(data, ModelKind::Line), 1.0, 1e-15));

    // Loss and gradient at w = 0 (4·mean(x²) ≈ 1.9e-599) underflow to 0, never NaN; at w = 1e300
    // the residuals are x·(1e300 − 2) ≈ (1, 2, 3): loss 14/3, gradient 2·mean(x·r) ≈ 2.8e-300.
    QCOMPARE(MseLoss::loss(data, 0.0), 0.0);
    QVERIFY(!std::isnan(MseLoss::gradient(data, 0.0)));
    QVERIFY(near(MseLoss::loss(data, 1e300), 14.0 / 3.0, 1e-14));
    QVERIFY(near(MseLoss::gradient(data, 1e300), 2.0 * 14.0 / 3.0 * 1e-300, 1e-14));
}

void TestExtremeValues::farFromZeroLine()
{
    // x = 4e9 + k/4 for k = 0 … 399, y = 3x + 7 (every value exact in a double): the line is
    // (3, 7). Without centring, Σx² ≈ 6.4e21 swallows the spread (its ulp is 1e6). With it,
    // w is good to about 1e-15; b = ȳ − w·x̄ subtracts two numbers near 1.2e10 whose ulp is
    // 1.9e-6, so b is good to a few of those: tolerance 1e-5 absolute.
    std::vector<double> xs;
    std::vector<double> ys;
    for (int k = 0; k < 400; ++k) {
        xs.push_back(4e9 + k / 4.0);
        ys.push_back(3.0 * xs.back() + 7.0);
    }
    const Dataset data(xs, ys);
    const auto fit = MseLoss::lineOptimum(data);
    QVERIFY(fit.has_value());
    QVERIFY(fit->unique);
    QVERIFY2(near(fit->w, 3.0, 1e-12), qPrintable(text(fit->w)));
    QVERIFY2(std::fabs(fit->b - 7.0) <= 1e-5, qPrintable(text(fit->b)));

    // At (3, 7) every residual is exactly 0.
    Objective line;
    line.model = ModelKind::Line;
    const Evaluation value = LossFunction::evaluate(data, line, 3.0, 7.0);
    QCOMPARE(value.loss, 0.0);
    QCOMPARE(value.gradW, 0.0);
    QCOMPARE(value.gradB, 0.0);
}

void TestExtremeValues::thousandsOfIdenticalPoints()
{
    // 5000 copies of (2, 3): w* = 1.5 exactly; all x equal, so the line is not unique and the
    // shortest optimal (w, b) is 3·(2, 1)/5 = (1.2, 0.6).
    const Dataset data(std::vector<double>(5000, 2.0), std::vector<double>(5000, 3.0));
    QCOMPARE(*MseLoss::optimum(data), 1.5);
    QCOMPARE(MseLoss::loss(data, 1.5), 0.0);
    const auto fit = MseLoss::lineOptimum(data);
    QVERIFY(!fit->unique);
    QVERIFY(near(fit->w, 1.2, 1e-15));
    QVERIFY(near(fit->b, 0.6, 1e-15));

    // 5000 copies of (1e154, 2e154): at w = 1.5 the loss 0.25e308 is finite though the sum of
    // the squares (5000 times that) is not; at w = 0 it is 4e308: +inf. Adding 5000 terms
    // rounds up to 5000·2^-53 ≈ 6e-13 relative: tolerance 1e-12.
    const Dataset huge(std::vector<double>(5000, 1e154), std::vector<double>(5000, 2e154));
    QVERIFY(near(MseLoss::loss(huge, 1.5), 0.25e308, 1e-12));
    QCOMPARE(MseLoss::loss(huge, 0.0), qInf());
    QVERIFY(near(*MseLoss::optimum(huge), 2.0, 1e-15));
}

void TestExtremeValues::onePoint()
{
    // (2, 3): w* = 1.5, and the line through one point is not unique: (1.2, 0.6) as above.
    const Dataset data({2.0}, {3.0});
    QCOMPARE(*MseLoss::optimum(data), 1.5);
    const auto fit = MseLoss::lineOptimum(data);
    QVERIFY(!fit->unique);
    QVERIFY(near(fit->w, 1.2, 1e-15));
    QVERIFY(near(fit->b, 0.6, 1e-15));
    // GD converges: 1/mean(x²) = 0.25 is the limit, 0.1 is below it.
    Trainer trainer(data);
    trainer.setSettings({0.1, 10000, 1e-12});
    StopReason reason = StopReason::None;
    while (reason == StopReason::None)
        reason = trainer.advance();
    QCOMPARE(reason, StopReason::Converged);
    QVERIFY(std::fabs(trainer.current().w - 1.5) < 1e-12);
}

void TestExtremeValues::allXZeroWithHugeY()
{
    // All x = 0, y = 1e200: the loss mean(y²) = 1e400 is +inf for every w, the gradient 0.
    const Dataset data({0.0, 0.0}, {1e200, -1e200});
    QVERIFY(!MseLoss::optimum(data).has_value());
    QCOMPARE(MseLoss::loss(data, 3.0), qInf());
    QCOMPARE(MseLoss::gradient(data, 3.0), 0.0);
    // The line's best b is ȳ = 0 and w does nothing: the minimum-norm fit is (0, 0).
    const auto fit = MseLoss::lineOptimum(data);
    QCOMPARE(fit->w, 0.0);
    QCOMPARE(fit->b, 0.0);
}

void TestExtremeValues::hugeResidualsWithTinyX()
{
    // x = 1e-300, y = 0, w = 1e308: r = 1e8 exactly enough; MSE 1e16, gradient 2·r·x = 2e-292.
    // w·x is fine, but a scale taken from x alone would overflow b or w.
    const Dataset data({1e-300}, {0.0});
    Objective line;
    line.model = ModelKind::Line;
    const Evaluation value = LossFunction::evaluate(data, line, 1e308, 5.0);
    QVERIFY(near(value.loss, (1e8 + 5.0) * (1e8 + 5.0), 1e-14));
    QVERIFY(near(value.gradW, 2.0 * (1e8 + 5.0) * 1e-300, 1e-14));
    QVERIFY(near(value.gradB, 2.0 * (1e8 + 5.0), 1e-14));
}

void TestExtremeValues::rangesStayFinite()
{
    const std::vector<double> xs = {1e154, 2e154, 3e154};
    const std::vector<double> tiny = {1e-300, 2e-300, 3e-300};
    for (const Dataset &data :
         {Dataset(xs, times(xs, 2.0)), Dataset(tiny, times(tiny, 2.0)), Dataset({0.0}, {1e300}),
          Dataset({1e-300}, {1e300}), Dataset({1.0}, {8.9e307}), Dataset({1.0}, {-8.9e307})}) {
        for (ModelKind model : {ModelKind::Origin, ModelKind::Line}) {
            const ParameterRange range = ParameterRange::forDataset(data, model);
            QVERIFY(std::isfinite(range.minimum) && std::isfinite(range.maximum));
            QVERIFY(range.maximum > range.minimum);
            QVERIFY(std::isfinite(range.step) && range.step > 0.0);
        }
        const ParameterRange bias = ParameterRange::forBias(data);
        QVERIFY(std::isfinite(bias.minimum) && std::isfinite(bias.maximum));
        QVERIFY(bias.maximum > bias.minimum);
    }
}

void TestExtremeValues::spreadOfX()
{
    // x = s·(1, 2, 3): mean 2s, standard deviation √(2/3)·s, for s where (x − x̄)² underflows
    // (1e-300), overflows (1e200) and neither (1). A few roundings: tolerance 1e-15.
    for (double s : {1e-300, 1.0, 1e200}) {
        const Dataset::Spread spread = Dataset({s, 2.0 * s, 3.0 * s}, {0.0, 0.0, 0.0}).xSpread();
        QVERIFY2(near(spread.mean, 2.0 * s, 1e-15), qPrintable(text(spread.mean)));
        QVERIFY2(near(spread.deviation, std::sqrt(2.0 / 3.0) * s, 1e-15),
                 qPrintable(text(spread.deviation)));
    }
    // 4e9 + (0, 1, 2): the spread survives the offset.
    const Dataset::Spread far = Dataset({4e9, 4e9 + 1.0, 4e9 + 2.0}, {0.0, 0.0, 0.0}).xSpread();
    QCOMPARE(far.mean, 4e9 + 1.0);
    QVERIFY(near(far.deviation, std::sqrt(2.0 / 3.0), 1e-15));
    QCOMPARE(Dataset().xSpread().deviation, 0.0);
}

void TestExtremeValues::trainerRefusesAnUnrepresentableStart()
{
    // The loss at w = 0 on y = 2x with x near 1e154 is beyond DBL_MAX: no update can be taken
    // from there, and the trainer says so in words.
    const std::vector<double> xs = {1e154, 2e154, 3e154};
    Trainer trainer(Dataset(xs, times(xs, 2.0)));
    QCOMPARE(trainer.checkStart(), StopReason::TooLarge);
    QVERIFY(trainer.stopMessage().contains(QStringLiteral("too large to represent")));
    QCOMPARE(trainer.advance(), StopReason::TooLarge);
    QCOMPARE(trainer.current().step, 0);

    // From w = 2.05 the loss (0.0025·mean(x²)) and gradient (0.1·mean(x²)) are finite.
    trainer.setParameters(2.05, 0.0);
    QCOMPARE(trainer.checkStart(), StopReason::None);

    // The lesson from w = 1e200: the loss 14/3·1e400 is beyond DBL_MAX.
    Trainer far(Dataset::lesson(), 1e200);
    QCOMPARE(far.checkStart(), StopReason::TooLarge);
}

void TestExtremeValues::commandLineSaysTooLargeInWords()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x,y\n1e154,2e154\n2e154,4e154\n3e154,6e154\n");
    file.close();

    const auto run = [](const QStringList &arguments, QString *out, QString *err) {
        std::ostringstream o;
        std::ostringstream e;
        const int status = CommandLine::run(arguments, o, e);
        *out = QString::fromStdString(o.str());
        *err = QString::fromStdString(e.str());
        return status;
    };
    QString out;
    QString err;

    // grid: at w = 0 the MSE 18.67e308 is beyond DBL_MAX; at w = 2 it is 0.
    QCOMPARE(run({QStringLiteral("grid"), QStringLiteral("--data"), path, QStringLiteral("--to"),
                  QStringLiteral("2")},
                 &out, &err),
             CommandLine::exitOk);
    QVERIFY2(hasNoNonFinite(out), qPrintable(out.left(2000)));
    QVERIFY(out.startsWith(QStringLiteral("w = 0.0\n")));
    QVERIFY(out.contains(QStringLiteral("MSE = too large to represent\n")));
    QVERIFY(out.contains(QStringLiteral("MSE = 0.00\n")));

    // train from w = 0: the start cannot be represented; no row has a non-finite number.
    const int status = run({QStringLiteral("train"), QStringLiteral("--data"), path}, &out, &err);
    QCOMPARE(status, CommandLine::exitDiverged);
    QVERIFY2(hasNoNonFinite(out), qPrintable(out));
    QVERIFY2(err.contains(QStringLiteral("too large to represent")), qPrintable(err));
    QCOMPARE(out, QStringLiteral("step,w,loss,grad_w\n"));

    // From w = 2.05 (0.05 from the optimum), with a rate far below the limit 2.1e-309:
    // finite rows.
    QCOMPARE(run({QStringLiteral("train"), QStringLiteral("--data"), path, QStringLiteral("--w0"),
                  QStringLiteral("2.05"), QStringLiteral("--lr"), QStringLiteral("1e-310"),
                  QStringLiteral("--steps"), QStringLiteral("3")},
                 &out, &err),
             CommandLine::exitOk);
    QVERIFY2(hasNoNonFinite(out), qPrintable(out));
    QCOMPARE(out.count(u'\n'), 5);

    // The lesson from w = 1e200.
    QCOMPARE(
        run({QStringLiteral("train"), QStringLiteral("--w0"), QStringLiteral("1e200")}, &out, &err),
        CommandLine::exitDiverged);
    QVERIFY(hasNoNonFinite(out) && hasNoNonFinite(err));
    QVERIFY(err.contains(QStringLiteral("too large to represent")));
}

void TestExtremeValues::learningRateSweep()
{
    // Every rate from 1e-12 to 1e12 with every optimizer, loss and model, on the lesson and on
    // Gapminder's raw incomes: each run ends with a stated reason within 200 steps, and every
    // state it reaches is finite.
    const Dataset income = gapminder();
    QVERIFY(income.size() > 100);
    int runs = 0;
    for (const Dataset &data : {Dataset::lesson(), income}) {
        for (ModelKind model : {ModelKind::Origin, ModelKind::Line}) {
            for (LossKind loss : {LossKind::Mse, LossKind::Mae, LossKind::Huber}) {
                for (OptimizerKind kind : Optimizer::all()) {
                    for (double lr : {1e-12, 1e-6, 1e-3, 1.0, 1e3, 1e6, 1e12}) {
                        Trainer trainer(data);
                        trainer.setObjective({model, loss, 1.0});
                        trainer.setSettings({lr, 200, 1e-9});
                        OptimizerSettings settings;
                        settings.kind = kind;
                        trainer.setOptimizer(settings);
                        const QString what = QStringLiteral("%1 %2 %3 lr %4")
                                                 .arg(Objective::name(model), Objective::name(loss),
                                                      Optimizer::name(kind), text(lr));
                        QVERIFY2(isFinite(trainer.current()), qPrintable(what));
                        StopReason reason = trainer.checkStart();
                        while (reason == StopReason::None) {
                            reason = trainer.advance();
                            QVERIFY2(isFinite(trainer.current()), qPrintable(what));
                        }
                        QVERIFY2(reason == StopReason::StepLimit || reason == StopReason::Converged
                                     || reason == StopReason::Diverged,
                                 qPrintable(what));
                        QVERIFY2(!trainer.stopMessage().isEmpty(), qPrintable(what));
                        QVERIFY2(hasNoNonFinite(trainer.stopMessage()),
                                 qPrintable(what + QStringLiteral(": ") + trainer.stopMessage()));
                        ++runs;
                    }
                }
            }
        }
    }
    QCOMPARE(runs, 2 * 2 * 3 * 6 * 7);
}

void TestExtremeValues::learningRateSweepOnTheCommandLine()
{
    // The same sweep through `losslab train` (50 steps, Gapminder): status 0 or 3, every row
    // whole and finite, a divergence stated on stderr.
    const QString path = QStringLiteral(LOSSLAB_TEST_DATA "/gapminder-health-income.csv");
    for (const QString &model : {QStringLiteral("origin"), QStringLiteral("line")}) {
        for (const QString &loss :
             {QStringLiteral("mse"), QStringLiteral("mae"), QStringLiteral("huber")}) {
            for (OptimizerKind kind : Optimizer::all()) {
                for (double lr : {1e-12, 1e-6, 1e-3, 1.0, 1e3, 1e6, 1e12}) {
                    std::ostringstream o;
                    std::ostringstream e;
                    const int status = CommandLine::run(
                        {QStringLiteral("train"), QStringLiteral("--data"), path,
                         QStringLiteral("--x"), QStringLiteral("income"), QStringLiteral("--y"),
                         QStringLiteral("health"), QStringLiteral("--model"), model,
                         QStringLiteral("--loss"), loss, QStringLiteral("--optimizer"),
                         Optimizer::name(kind), QStringLiteral("--lr"), text(lr),
                         QStringLiteral("--steps"), QStringLiteral("50")},
                        o, e);
                    const QString out = QString::fromStdString(o.str());
                    const QString err = QString::fromStdString(e.str());
                    const QString what =
                        QStringLiteral("%1 %2 %3 lr %4: %5")
                            .arg(model, loss, Optimizer::name(kind), text(lr), err);
                    QVERIFY2(status == CommandLine::exitOk || status == CommandLine::exitDiverged,
                             qPrintable(what));
                    if (status == CommandLine::exitDiverged)
                        QVERIFY2(err.contains(QStringLiteral("Diverged at step")),
                                 qPrintable(what));
                    QVERIFY2(hasNoNonFinite(out) && hasNoNonFinite(err), qPrintable(what));
                    const QStringList rows = out.split(u'\n', Qt::SkipEmptyParts);
                    QVERIFY2(rows.size() >= 2, qPrintable(what));
                    const int columns = model == QLatin1String("line") ? 6 : 4;
                    for (qsizetype i = 1; i < rows.size(); ++i) {
                        const QStringList cells = rows[i].split(u',');
                        QCOMPARE(cells.size(), columns);
                        for (const QString &cell : cells) {
                            const auto value = NumberFormat::parseFinite(cell.toStdString());
                            QVERIFY2(value.has_value(), qPrintable(what + rows[i]));
                        }
                    }
                }
            }
        }
    }
}

void TestExtremeValues::learningRateSweepOnExtremeData()
{
    // The sweep on the edge cases, from a start whose loss is a double: y = 2x with x near
    // 1e154 from w = 2.05, near 1e-300 from w = 0, and y = 3x + 7 with x near 4e9 from 0. Each
    // run ends with a stated reason (here a loss or gradient beyond DBL_MAX counts as
    // divergence) and every state it reaches is finite.
    const std::vector<double> huge = {1e154, 2e154, 3e154};
    const std::vector<double> tiny = {1e-300, 2e-300, 3e-300};
    std::vector<double> far;
    for (int k = 0; k < 300; ++k)
        far.push_back(4e9 + k);
    struct Case
    {
        Dataset data;
        double startW;
    };
    const std::vector<Case> cases = {
        {Dataset(huge, times(huge, 2.0)), 2.05},
        {Dataset(tiny, times(tiny, 2.0)), 0.0},
        {Dataset(far, times(far, 3.0)), 0.0},
    };
    for (const Case &each : cases) {
        for (ModelKind model : {ModelKind::Origin, ModelKind::Line}) {
            for (LossKind loss : {LossKind::Mse, LossKind::Mae, LossKind::Huber}) {
                for (OptimizerKind kind : Optimizer::all()) {
                    for (double lr : {1e-12, 1e-6, 1e-3, 1.0, 1e3, 1e6, 1e12}) {
                        Trainer trainer(each.data, each.startW);
                        trainer.setObjective({model, loss, 1.0});
                        trainer.setSettings({lr, 50, 1e-300});
                        OptimizerSettings settings;
                        settings.kind = kind;
                        trainer.setOptimizer(settings);
                        const QString what =
                            QStringLiteral("x %1 %2 %3 %4 lr %5")
                                .arg(text(each.data.x(0)), Objective::name(model),
                                     Objective::name(loss), Optimizer::name(kind), text(lr));
                        StopReason reason = trainer.checkStart();
                        QVERIFY2(reason == StopReason::None || reason == StopReason::Converged,
                                 qPrintable(what));
                        while (reason == StopReason::None) {
                            reason = trainer.advance();
                            QVERIFY2(isFinite(trainer.current()), qPrintable(what));
                        }
                        // Only an adaptive optimizer's average of squared gradients may grow
                        // past the largest double (its steps would be 0 from there).
                        const bool adaptive = kind == OptimizerKind::Adagrad
                            || kind == OptimizerKind::Rmsprop || kind == OptimizerKind::Adam;
                        QVERIFY2(reason != StopReason::TooLarge
                                     || (adaptive
                                         && trainer.stopMessage().contains(
                                             QStringLiteral("grew too large to represent"))),
                                 qPrintable(what + QStringLiteral(": ") + trainer.stopMessage()));
                        QVERIFY2(!trainer.stopMessage().isEmpty(), qPrintable(what));
                        QVERIFY2(hasNoNonFinite(trainer.stopMessage()),
                                 qPrintable(what + QStringLiteral(": ") + trainer.stopMessage()));
                    }
                }
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestExtremeValues)
#include "tst_extremevalues.moc"
