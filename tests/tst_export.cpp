#include "dataeditorview.h"
#include "datasetloader.h"
#include "datasetmodel.h"
#include "exportactions.h"
#include "gridsearchpanel.h"
#include "losscurveview.h"
#include "mainwindow.h"
#include "trainingcontroller.h"
#include "trainingpanel.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// File › Export and Edit › Copy chart: what each writes, read back.
class TestExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void menus();
    void chartAsPng();
    void chartAsSvg();
    void dataReadBack();
    void trailOfTheStepsTaken();
    void gridSearchLog();
    void copyChart();
    void failureNamesTheFileAndKeepsTheOldOne();

private:
    QMenu *menu(const QString &title, QMenu *in = nullptr) const;

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

void TestExport::init()
{
    QVERIFY(m_dir.isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestExport::cleanup()
{
    m_window.reset();
}

QMenu *TestExport::menu(const QString &title, QMenu *in) const
{
    const QList<QAction *> actions = in ? in->actions() : m_window->menuBar()->actions();
    for (QAction *action : actions) {
        if (action->menu() && action->text() == title)
            return action->menu();
    }
    return nullptr;
}

void TestExport::menus()
{
    QMenu *exportMenu = menu(QStringLiteral("E&xport"), menu(QStringLiteral("&File")));
    QVERIFY(exportMenu);
    QStringList texts;
    for (const QAction *action : exportMenu->actions()) {
        if (!action->isSeparator())
            texts.append(action->text());
    }
    QCOMPARE(
        texts,
        (QStringList {
            QStringLiteral("Data chart as image…"), QStringLiteral("Loss curve as image…"),
            QStringLiteral("Loss per step as image…"), QStringLiteral("Loss surface as image…"),
            QStringLiteral("&Data as CSV…"), QStringLiteral("Training &trail as CSV…"),
            QStringLiteral("&Grid-search log as text…")}));
    QMenu *copy = menu(QStringLiteral("Cop&y chart"), menu(QStringLiteral("&Edit")));
    QVERIFY(copy);
    QCOMPARE(copy->actions().size(), 4);
}

void TestExport::chartAsPng()
{
    const QString path = m_dir.filePath(QStringLiteral("curve.png"));
    QString error;
    QVERIFY2(m_window->exports()->saveChart(m_window->lossCurve(), path, &error),
             qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(),
             m_window->lossCurve()->size() * m_window->lossCurve()->devicePixelRatio());
    // Not blank: the curve, the marker and the labels make many colours.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

void TestExport::chartAsSvg()
{
    const QString path = m_dir.filePath(QStringLiteral("data.SVG"));
    QString error;
    QVERIFY2(m_window->exports()->saveChart(m_window->dataEditor(), path, &error),
             qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<svg"));
    // The axis titles are text in the drawing, not pixels.
    QVERIFY(svg.contains(">x<") || svg.contains(">x</text>"));
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), m_window->dataEditor()->size()));
}

void TestExport::dataReadBack()
{
    m_window->model()->setPoint(0, 0.1, 1.0 / 3.0);
    const QString path = m_dir.filePath(QStringLiteral("points.csv"));
    QString error;
    QVERIFY2(m_window->exports()->saveData(path, &error), qPrintable(error));
    const std::optional<LoadedData> loaded = DatasetLoader::loadFile(path, {}, {}, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->data, m_window->model()->dataset());
    QCOMPARE(loaded->xName, QStringLiteral("x"));
}

// Three steps of gradient descent (lr 0.01) from w = 0 on the lesson. At w = 0, MSE = 56/3
// and dMSE/dw = −(2/3)·Σxy = −56/3, so w₁ = 0.01·56/3; the file holds the steps the
// controller reports, in order.
void TestExport::trailOfTheStepsTaken()
{
    for (int i = 0; i < 3; ++i) {
        QTest::mouseClick(m_window->training()->stepButton(), Qt::LeftButton);
        QTRY_COMPARE(m_window->controller()->latest().step, qint64(i + 1));
    }
    const QString path = m_dir.filePath(QStringLiteral("trail.csv"));
    QString error;
    QVERIFY2(m_window->exports()->saveTrails(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0), QByteArray("optimizer,step,w,b,loss,dloss/dw,dloss/db"));
    // The optimizer by its command-line name, the same in every language.
    QCOMPARE(lines.at(1), QByteArray("gd,0,0,0,18.666666666666668,-18.666666666666668,0"));
    QVERIFY(std::fabs(lines.at(2).split(',').at(2).toDouble() - 0.01 * 56.0 / 3.0) < 1e-15);
    const std::vector<TrainingStep> trail = m_window->controller()->trail();
    QCOMPARE(trail.size(), std::size_t(4));
    const QList<QByteArray> last = lines.at(4).split(',');
    QCOMPARE(last.at(1), QByteArray("3"));
    QCOMPARE(last.at(2).toDouble(), trail.back().w);
    QVERIFY(trail.back().w > 0.0 && trail.back().w < 2.0);
}

void TestExport::gridSearchLog()
{
    // Before any search there is nothing to save, and no empty file is written.
    const QString early = m_dir.filePath(QStringLiteral("early.txt"));
    QString why;
    QVERIFY(!m_window->exports()->saveGridLog(early, &why));
    QVERIFY2(why.contains(QStringLiteral("has not run yet")), qPrintable(why));
    QVERIFY(!QFile::exists(early));

    m_window->gridSearch()->runButton()->click();
    m_window->gridSearch()->finish();
    const QString path = m_dir.filePath(QStringLiteral("grid.txt"));
    QString error;
    QVERIFY2(m_window->exports()->saveGridLog(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QCOMPARE(text, m_window->gridSearch()->log()->toPlainText());
    // 41 values of w, each with its three points.
    QVERIFY2(text.count(QStringLiteral("w = ")) >= 41, qPrintable(text.left(300)));
}

void TestExport::copyChart()
{
    QGuiApplication::clipboard()->clear();
    m_window->exports()->copyChart(m_window->lossCurve());
    const QImage image = QGuiApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(),
             m_window->lossCurve()->size() * m_window->lossCurve()->devicePixelRatio());
}

void TestExport::failureNamesTheFileAndKeepsTheOldOne()
{
    const QString missing = m_dir.filePath(QStringLiteral("gone/points.csv"));
    QString error;
    QVERIFY(!m_window->exports()->saveData(missing, &error));
    QVERIFY2(error.contains(QStringLiteral("gone")), qPrintable(error));

    // Saving over a folder fails and leaves the folder and what is in it.
    const QString folder = m_dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/inside")));
    QVERIFY(!m_window->exports()->saveChart(m_window->lossCurve(), folder, &error));
    QVERIFY2(error.contains(QStringLiteral("chart.png")), qPrintable(error));
    QVERIFY(QFileInfo(folder + QStringLiteral("/inside")).isDir());
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
