#include "datasetmodel.h"
#include "losscurveview.h"
#include "lossstepview.h"
#include "mainwindow.h"
#include "modelpanel.h"
#include "optimizerinspector.h"
#include "parameterpanel.h"
#include "parameterslider.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QLabel>
#include <QLineEdit>
#include <QLogValueAxis>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QValueAxis>
#include <QXYSeries>

#include <cmath>
#include <memory>

// Learning rates from 1e-12 to 1e12, every decade, for every optimizer, loss and model, set
// through the training panel: each run ends by itself with its reason shown, and no
// non-finite number reaches a readout, the table, an axis or a point of a chart.
class TestLearningRates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyRateEndsCleanly_data();
    void everyRateEndsCleanly();

private:
    void checkEverythingShownIsFinite(const QString &run);

    std::unique_ptr<MainWindow> m_window;
};

namespace {

constexpr int stepLimit = 40;

// A number in text that is not finite, as QString::number and printf write them.
bool hasNonFinite(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("\\b(nan|inf|infinity)\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(text).hasMatch();
}

void choose(QComboBox *box, int value)
{
    box->setCurrentIndex(box->findData(value));
}

} // namespace

void TestLearningRates::initTestCase()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    TrainingPanel *training = m_window->training();
    choose(training->speedBox(), 0);
    training->stepLimitBox()->setValue(stepLimit);
    QCOMPARE(training->settings().maxSteps, stepLimit);
}

void TestLearningRates::everyRateEndsCleanly_data()
{
    QTest::addColumn<int>("model");
    QTest::addColumn<int>("loss");
    QTest::addColumn<int>("optimizer");

    for (ModelKind model : {ModelKind::Origin, ModelKind::Line}) {
        for (LossKind loss : {LossKind::Mse, LossKind::Mae, LossKind::Huber}) {
            for (OptimizerKind optimizer : Optimizer::all()) {
                QTest::addRow("%s, %s, %s", qPrintable(Objective::name(model)),
                              qPrintable(Objective::name(loss)),
                              qPrintable(Optimizer::name(optimizer)))
                    << int(model) << int(loss) << int(optimizer);
            }
        }
    }
}

void TestLearningRates::everyRateEndsCleanly()
{
    QFETCH(int, model);
    QFETCH(int, loss);
    QFETCH(int, optimizer);

    ModelPanel *panel = m_window->modelPanel();
    choose(panel->modelBox(), model);
    choose(panel->lossBox(), loss);
    choose(panel->optimizerBox(), optimizer);
    // Half the runs draw the loss per step on the logarithmic axis.
    m_window->lossStep()->setLogScale(optimizer % 2 == 1);
    TrainingPanel *training = m_window->training();
    TrainingController *controller = m_window->controller();
    static const QRegularExpression reason(
        QStringLiteral("^(Stopped at the step limit|Converged at step|Diverged at step)"));

    // The window paints once a row, not once a run: painting would take most of the time.
    m_window->setUpdatesEnabled(false);
    const auto paint = qScopeGuard([this] {
        m_window->setUpdatesEnabled(true);
        QCoreApplication::processEvents();
    });
    for (int exponent = -12; exponent <= 12; ++exponent) {
        const double rate = std::pow(10.0, exponent);
        const QString run = QStringLiteral("lr = %1").arg(rate);
        training->learningRateEdit()->setText(QString::number(rate, 'g', 17));
        QTest::keyClick(training->learningRateEdit(), Qt::Key_Return);
        QCOMPARE(training->settings().learningRate, rate);

        QTest::mouseClick(training->resetButton(), Qt::LeftButton);
        QTest::mouseClick(training->trainButton(), Qt::LeftButton);
        // The run ends by itself; the reason is the last thing it sends.
        const QDeadlineTimer deadline(30000);
        while (training->message()->text().isEmpty() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QVERIFY2(reason.match(training->message()->text()).hasMatch(),
                 qPrintable(run + QStringLiteral(": ") + training->message()->text()));
        QVERIFY2(!controller->isRunning(), qPrintable(run));
        QVERIFY(controller->latest().step <= stepLimit);
        QTRY_COMPARE(m_window->model()->w(), controller->latest().w);
        checkEverythingShownIsFinite(run);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestLearningRates::checkEverythingShownIsFinite(const QString &run)
{
    const auto check = [&run](const QString &where, const QString &text) {
        QVERIFY2(!hasNonFinite(text), qPrintable(run + QStringLiteral(", ") + where + ": " + text));
    };

    for (const QLabel *label : m_window->findChildren<QLabel *>())
        check(QStringLiteral("label"), label->text());
    for (const QAbstractSpinBox *box : m_window->findChildren<QAbstractSpinBox *>())
        check(QStringLiteral("spin box"), box->text());
    check(QStringLiteral("loss chart title"), m_window->lossCurve()->title());
    const DatasetModel *model = m_window->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < DatasetModel::ColumnCount; ++column)
            check(QStringLiteral("table"), model->index(row, column).data().toString());
    }
    const QTableWidget *state = m_window->inspector()->table();
    for (int row = 0; row < state->rowCount(); ++row) {
        for (int column = 0; column < state->columnCount(); ++column) {
            if (const QTableWidgetItem *item = state->item(row, column))
                check(QStringLiteral("optimizer state"), item->text());
        }
    }

    for (const QValueAxis *axis : m_window->findChildren<QValueAxis *>()) {
        QVERIFY2(std::isfinite(axis->min()) && std::isfinite(axis->max()),
                 qPrintable(run + QStringLiteral(", axis ") + axis->titleText()));
    }
    for (const QLogValueAxis *axis : m_window->findChildren<QLogValueAxis *>()) {
        QVERIFY2(std::isfinite(axis->min()) && std::isfinite(axis->max()) && axis->min() > 0.0,
                 qPrintable(run + QStringLiteral(", log axis ") + axis->titleText()));
    }
    for (const QXYSeries *series : m_window->findChildren<QXYSeries *>()) {
        for (const QPointF &point : series->points()) {
            QVERIFY2(std::isfinite(point.x()) && std::isfinite(point.y()),
                     qPrintable(run + QStringLiteral(", series ") + series->name()));
        }
    }
}

QTEST_MAIN(TestLearningRates)
#include "tst_learningrates.moc"
