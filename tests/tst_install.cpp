#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// `cmake --install` into a temporary prefix: the executable, the desktop entry, the icon, the
// AppStream metainfo, the session's MIME type and the translations land where desktops look for
// them, name one another by the same application id, and pass the freedesktop.org validators when
// those are installed.
class TestInstall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void installTreeHoldsExactlyTheseFiles();
    void executableRuns();
    void desktopEntry_data();
    void desktopEntry();
    void desktopEntryStartsTheExecutable();
    void iconIsSquareSvg();
    void mimeType_data();
    void mimeType();
    void mimeDatabaseKnowsSessions();
    void metainfo_data();
    void metainfo();
    void validators_data();
    void validators();
    void debianPackageHoldsTheInstallTree();

private:
    QTemporaryDir m_prefix;
    QString m_executable;
    QString m_desktopEntry;
    QString m_icon;
    QString m_metainfo;
    QString m_mimeTypes;
};

namespace {

const QString appId = QStringLiteral(LOSSLAB_APP_ID);

struct XmlElement
{
    QString namespaceUri;
    QXmlStreamAttributes attributes;
    QString text;
};
using XmlElements = QHash<QString, QList<XmlElement>>;

QString
runProcess(const QString &program, const QStringList &arguments, int *status,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        *status = -1;
    } else {
        *status = process.exitCode();
    }
    return QString::fromUtf8(process.readAll());
}

QString installPath(const QString &directory, const QString &name)
{
    return directory + QLatin1Char('/') + name;
}

XmlElements readXml(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }

    // Each element under its path from the root ("component/releases/release"), in document
    // order, with its attributes and its own text.
    XmlElements elements;
    QStringList path;
    QXmlStreamReader reader(&file);
    while (reader.readNext() != QXmlStreamReader::EndDocument && !reader.hasError()) {
        if (reader.isStartElement()) {
            path.append(reader.name().toString());
            elements[path.join(QLatin1Char('/'))].append(
                {reader.namespaceUri().toString(), reader.attributes(), QString()});
        } else if (reader.isCharacters() && !path.isEmpty()) {
            elements[path.join(QLatin1Char('/'))].last().text += reader.text().trimmed();
        } else if (reader.isEndElement()) {
            path.removeLast();
        }
    }
    if (reader.hasError()) {
        *error = QStringLiteral("line %1: %2").arg(reader.lineNumber()).arg(reader.errorString());
        return {};
    }
    return elements;
}

QHash<QString, QString> readDesktopEntry(const QString &fileName, QString *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = file.errorString();
        return {};
    }

    // The keys of the [Desktop Entry] group, which must be the first group.
    QHash<QString, QString> keys;
    QString group;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (group.isEmpty() && line != QLatin1String("[Desktop Entry]")) {
                *error = QStringLiteral("the first group is %1").arg(line);
                return {};
            }
            group = line;
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (group.isEmpty() || equals <= 0) {
            *error = QStringLiteral("not a key or a group: %1").arg(line);
            return {};
        }
        if (group == QLatin1String("[Desktop Entry]"))
            keys.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return keys;
}

} // namespace

void TestInstall::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    int status = 0;
    const QString output =
        runProcess(QStringLiteral(LOSSLAB_CMAKE_COMMAND),
                   {QStringLiteral("--install"), QStringLiteral(LOSSLAB_BUILD_DIR),
                    QStringLiteral("--prefix"), m_prefix.path()},
                   &status);
    QVERIFY2(status == 0, qPrintable(output));

    const QString data = installPath(m_prefix.path(), QStringLiteral(LOSSLAB_INSTALL_DATADIR));
    m_executable = installPath(installPath(m_prefix.path(), QStringLiteral(LOSSLAB_INSTALL_BINDIR)),
                               QStringLiteral("losslab"));
    m_desktopEntry = installPath(data, QStringLiteral("applications/%1.desktop").arg(appId));
    m_icon = installPath(data, QStringLiteral("icons/hicolor/scalable/apps/%1.svg").arg(appId));
    m_metainfo = installPath(data, QStringLiteral("metainfo/%1.metainfo.xml").arg(appId));
    m_mimeTypes = installPath(data, QStringLiteral("mime/packages/%1.xml").arg(appId));
}

void TestInstall::installTreeHoldsExactlyTheseFiles()
{
    QStringList expected = {m_executable, m_desktopEntry, m_icon, m_metainfo, m_mimeTypes};
    const QString translations =
        installPath(m_prefix.path(), QStringLiteral(LOSSLAB_INSTALL_TRANSLATIONSDIR));
    const QString translationFiles = QStringLiteral(LOSSLAB_TRANSLATIONS);
    for (const QString &name : translationFiles.split(QLatin1Char(','), Qt::SkipEmptyParts))
        expected.append(installPath(translations, name));
    expected.sort();

    QStringList installed;
    QDirIterator it(m_prefix.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        installed.append(it.next());
        QVERIFY2(it.fileInfo().size() > 0, qPrintable(it.filePath() + QStringLiteral(" is empty")));
    }
    installed.sort();
    QCOMPARE(installed, expected);
    QVERIFY(QFileInfo(m_executable).isExecutable());
}

void TestInstall::executableRuns()
{
    int status = 0;
    const QString output = runProcess(m_executable, {QStringLiteral("--version")}, &status);
    QCOMPARE(status, 0);
    QCOMPARE(output, QStringLiteral("losslab " LOSSLAB_VERSION "\n"));
}

void TestInstall::desktopEntry_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("type") << QStringLiteral("Type") << QStringLiteral("Application");
    QTest::newRow("name") << QStringLiteral("Name") << QStringLiteral("LossLab");
    QTest::newRow("icon") << QStringLiteral("Icon") << appId;
    QTest::newRow("terminal") << QStringLiteral("Terminal") << QStringLiteral("false");
    QTest::newRow("exec") << QStringLiteral("Exec") << QStringLiteral("losslab %f");
    QTest::newRow("mime type") << QStringLiteral("MimeType")
                               << QStringLiteral("text/csv;application/x-losslab;");
    QTest::newRow("categories") << QStringLiteral("Categories")
                                << QStringLiteral("Education;Math;DataVisualization;");
}

void TestInstall::desktopEntry()
{
    QFETCH(QString, key);
    QFETCH(QString, value);

    QString error;
    const QHash<QString, QString> keys = readDesktopEntry(m_desktopEntry, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(keys.value(key), value);
}

void TestInstall::desktopEntryStartsTheExecutable()
{
    QString error;
    const QHash<QString, QString> keys = readDesktopEntry(m_desktopEntry, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Exec names the installed program; desktops find it on PATH, as /usr/bin is.
    const QString program = keys.value(QStringLiteral("Exec")).section(QLatin1Char(' '), 0, 0);
    QCOMPARE(program, QFileInfo(m_executable).fileName());
    QCOMPARE(QFileInfo(m_icon).completeBaseName(), keys.value(QStringLiteral("Icon")));
}

void TestInstall::iconIsSquareSvg()
{
    QString error;
    const XmlElements elements = readXml(m_icon, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(elements.value(QStringLiteral("svg")).size(), 1);

    const XmlElement svg = elements.value(QStringLiteral("svg")).first();
    QCOMPARE(svg.namespaceUri, QStringLiteral("http://www.w3.org/2000/svg"));
    const QStringList viewBox = svg.attributes.value(QStringLiteral("viewBox"))
                                    .toString()
                                    .split(QRegularExpression(QStringLiteral("[\\s,]+")));
    QCOMPARE(viewBox.size(), 4);
    QVERIFY(viewBox.at(2).toDouble() > 0);
    QCOMPARE(viewBox.at(2), viewBox.at(3));
}

void TestInstall::mimeType_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("value");

    const auto row = [](const char *name, const char *path, const char *attribute) -> QTestData & {
        return QTest::newRow(name) << QString::fromUtf8(path) << QString::fromUtf8(attribute);
    };
    row("type", "mime-info/mime-type", "type") << QStringLiteral("application/x-losslab");
    row("glob", "mime-info/mime-type/glob", "pattern") << QStringLiteral("*.losslab");
    row("a kind of JSON", "mime-info/mime-type/sub-class-of", "type")
        << QStringLiteral("application/json");
    row("comment", "mime-info/mime-type/comment", "") << QStringLiteral("LossLab session");
}

void TestInstall::mimeType()
{
    QFETCH(QString, path);
    QFETCH(QString, attribute);
    QFETCH(QString, value);

    QString error;
    const XmlElements elements = readXml(m_mimeTypes, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(elements.contains(path), qPrintable(path + QStringLiteral(" is missing")));
    QCOMPARE(elements.value(QStringLiteral("mime-info")).first().namespaceUri,
             QStringLiteral("http://www.freedesktop.org/standards/shared-mime-info"));
    const XmlElement element = elements.value(path).first();
    QCOMPARE(attribute.isEmpty() ? element.text : element.attributes.value(attribute).toString(),
             value);
}

void TestInstall::mimeDatabaseKnowsSessions()
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("update-mime-database"));
    if (program.isEmpty())
        QSKIP("update-mime-database is not installed");

    // The installed file alone, compiled as a desktop compiles share/mime after an install: it
    // must be read without a word of complaint and map *.losslab to the type, a kind of JSON.
    // It looks in <data>/mime; with <data> on XDG_DATA_DIRS it has nothing to remark.
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QDir mime(data.filePath(QStringLiteral("mime")));
    QVERIFY(mime.mkpath(QStringLiteral("packages")));
    QVERIFY(QFile::copy(m_mimeTypes, mime.filePath(QStringLiteral("packages/losslab.xml"))));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_DIRS"), data.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), data.path());
    int status = 0;
    const QString output = runProcess(program, {mime.path()}, &status, environment);
    QVERIFY2(status == 0 && output.trimmed().isEmpty(), qPrintable(output));

    QFile globs(mime.filePath(QStringLiteral("globs2")));
    QVERIFY(globs.open(QIODevice::ReadOnly | QIODevice::Text));
    QVERIFY(QString::fromUtf8(globs.readAll()).contains(u":application/x-losslab:*.losslab"));
    QFile subclasses(mime.filePath(QStringLiteral("subclasses")));
    QVERIFY(subclasses.open(QIODevice::ReadOnly | QIODevice::Text));
    QVERIFY(QString::fromUtf8(subclasses.readAll())
                .contains(QLatin1String("application/x-losslab application/json")));
}

void TestInstall::metainfo_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("attribute");
    QTest::addColumn<QString>("value");

    // An empty attribute reads the element's text; an empty value asks for any non-empty one.
    const QString any;
    const auto row = [](const char *name, const char *path, const char *attribute) -> QTestData & {
        return QTest::newRow(name) << QString::fromUtf8(path) << QString::fromUtf8(attribute);
    };
    row("type", "component", "type") << QStringLiteral("desktop-application");
    row("id", "component/id", "") << appId;
    row("name", "component/name", "") << QStringLiteral("LossLab");
    row("summary", "component/summary", "") << any;
    row("description", "component/description/p", "") << any;
    row("metadata licence", "component/metadata_license", "") << QStringLiteral("CC0-1.0");
    row("launchable type", "component/launchable", "type") << QStringLiteral("desktop-id");
    row("launchable", "component/launchable", "") << QString(appId + QStringLiteral(".desktop"));
    row("binary", "component/provides/binary", "") << QStringLiteral("losslab");
    row("content rating", "component/content_rating", "type") << QStringLiteral("oars-1.1");
    row("release", "component/releases/release", "version") << QStringLiteral(LOSSLAB_VERSION);
}

void TestInstall::metainfo()
{
    QFETCH(QString, path);
    QFETCH(QString, attribute);
    QFETCH(QString, value);

    QString error;
    const XmlElements elements = readXml(m_metainfo, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(elements.contains(path), qPrintable(path + QStringLiteral(" is missing")));

    // The first such element.
    const XmlElement element = elements.value(path).first();
    const QString actual =
        attribute.isEmpty() ? element.text : element.attributes.value(attribute).toString();
    if (value.isEmpty())
        QVERIFY2(!actual.isEmpty(), qPrintable(path + QStringLiteral(" is empty")));
    else
        QCOMPARE(actual, value);
}

void TestInstall::validators_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");

    // Warnings fail too; appstreamcli must not look up the URLs it finds.
    QTest::newRow("desktop entry") << "desktop-file-validate" << QStringList {m_desktopEntry};
    QTest::newRow("metainfo") << "appstreamcli"
                              << QStringList {QStringLiteral("validate"),
                                              QStringLiteral("--no-net"),
                                              QStringLiteral("--strict"), m_metainfo};
}

void TestInstall::validators()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);

    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        QSKIP(qPrintable(program + QStringLiteral(" is not installed")));

    int status = 0;
    const QString output = runProcess(path, arguments, &status);
    QVERIFY2(status == 0 && !output.contains(QLatin1String("warning:")), qPrintable(output));
}

// `cpack -G DEB` packs the same tree under /usr, and the program in the package runs.
void TestInstall::debianPackageHoldsTheInstallTree()
{
    const QString dpkgDeb = QStandardPaths::findExecutable(QStringLiteral("dpkg-deb"));
    if (dpkgDeb.isEmpty())
        QSKIP("dpkg-deb is not here: not a Debian system");
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    int status = 0;
    QString output =
        runProcess(QStringLiteral(LOSSLAB_CPACK_COMMAND),
                   {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                    QStringLiteral(LOSSLAB_BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"),
                    folder.path()},
                   &status);
    QVERIFY2(status == 0, qPrintable(output));
    const QStringList packages = QDir(folder.path()).entryList({QStringLiteral("*.deb")});
    QCOMPARE(packages.size(), 1);
    const QString package = QDir(folder.path()).filePath(packages.first());

    output = runProcess(dpkgDeb,
                        {QStringLiteral("--field"), package, QStringLiteral("Package"),
                         QStringLiteral("Version"), QStringLiteral("Recommends")},
                        &status);
    QCOMPARE(status, 0);
    QVERIFY2(output.contains(QStringLiteral("Package: losslab")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("Version: " LOSSLAB_VERSION)), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("qt6-translations-l10n")), qPrintable(output));

    // Every file of the install tree, under /usr.
    const QString unpacked = folder.filePath(QStringLiteral("root"));
    output = runProcess(dpkgDeb, {QStringLiteral("-x"), package, unpacked}, &status);
    QVERIFY2(status == 0, qPrintable(output));
    for (const QString &installed :
         {m_executable, m_desktopEntry, m_icon, m_metainfo, m_mimeTypes}) {
        const QString inPackage =
            unpacked + QStringLiteral("/usr") + installed.mid(m_prefix.path().size());
        QVERIFY2(QFileInfo::exists(inPackage), qPrintable(inPackage));
    }
    const QString translations = unpacked + QStringLiteral("/usr/" LOSSLAB_INSTALL_TRANSLATIONSDIR);
    for (const QString &name :
         QStringLiteral(LOSSLAB_TRANSLATIONS).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QVERIFY2(QFileInfo::exists(translations + u'/' + name), qPrintable(name));
    }
    output = runProcess(unpacked + QStringLiteral("/usr/" LOSSLAB_INSTALL_BINDIR "/losslab"),
                        {QStringLiteral("--version")}, &status);
    QCOMPARE(status, 0);
    QCOMPARE(output, QStringLiteral("losslab " LOSSLAB_VERSION "\n"));
}

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
