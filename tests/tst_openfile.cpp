#include "datasetmodel.h"
#include "hostilefiles.h"
#include "mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QLocale>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

// File › Open CSV… (after the file dialog) on files that must be refused: the window says what is
// wrong and where, and the data shown before stay. CTest runs this suite under LC_ALL=C and
// de_DE.UTF-8.
class TestOpenFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void goodFileOpens();
    void badFileIsRefused_data();
    void badFileIsRefused();

private:
    // Opens `path` as File › Open CSV… does once the file is chosen, and returns the text of
    // the message box that follows (empty when none does), after closing it.
    QString openAndAnswer(const QString &path);

    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_dir;
};

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QString();
    return path;
}

} // namespace

void TestOpenFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // As main() does: numbers in the window are written with a dot in every locale.
    QLocale::setDefault(QLocale::c());
}

void TestOpenFile::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QString TestOpenFile::openAndAnswer(const QString &path)
{
    // The message box is modal: answer it from a timer while its event loop runs.
    QString message;
    QTimer answer;
    answer.setInterval(10);
    connect(&answer, &QTimer::timeout, this, [&message] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            message = box->text();
            box->accept();
        }
    });
    answer.start();
    m_window->openFileAndReport(path);
    return message;
}

void TestOpenFile::goodFileOpens()
{
    // A dot is the decimal point whatever the locale.
    const QString path = write(m_dir, QStringLiteral("good.csv"), "x,y\n1.5,3\n2.5,5\n");
    QCOMPARE(openAndAnswer(path), QString());
    QCOMPARE(m_window->model()->dataset(), Dataset({1.5, 2.5}, {3.0, 5.0}));
}

void TestOpenFile::badFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    for (const HostileFile &file : hostileFiles())
        QTest::newRow(file.name) << file.content << file.expected;
}

void TestOpenFile::badFileIsRefused()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);

    const QString path = write(m_dir, QStringLiteral("bad.csv"), content);
    QVERIFY(!path.isEmpty());
    const QString message = openAndAnswer(path);
    QVERIFY2(message.contains(QStringLiteral("bad.csv: ") + expected), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("The data shown before are kept.")),
             qPrintable(message));
    QCOMPARE(m_window->model()->dataset(), Dataset::lesson());
}

QTEST_MAIN(TestOpenFile)
#include "tst_openfile.moc"
