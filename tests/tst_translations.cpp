#include "answerquestion.h"
#include "languagemenu.h"
#include "localenumber.h"
#include "mainwindow.h"
#include "parameterpanel.h"
#include "sessiondocument.h"
#include "translations.h"

#include <QAction>
#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

namespace {

const QString tsFolder = QStringLiteral(LOSSLAB_SOURCE_DIR "/resources/translations");

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one per numerus form, or the one translation
    bool finished = false;
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QDomDocument document;
    if (!document.setContent(&file))
        return {};
    QList<Message> messages;
    const QDomNodeList contexts = document.elementsByTagName(QStringLiteral("context"));
    for (int c = 0; c < contexts.size(); ++c) {
        const QDomElement context = contexts.at(c).toElement();
        const QString name = context.firstChildElement(QStringLiteral("name")).text();
        for (QDomElement message = context.firstChildElement(QStringLiteral("message"));
             !message.isNull(); message = message.nextSiblingElement(QStringLiteral("message"))) {
            Message entry;
            entry.context = name;
            entry.source = message.firstChildElement(QStringLiteral("source")).text();
            const QDomElement translation =
                message.firstChildElement(QStringLiteral("translation"));
            entry.finished = !translation.hasAttribute(QStringLiteral("type"));
            const QDomNodeList forms = translation.elementsByTagName(QStringLiteral("numerusform"));
            if (forms.isEmpty())
                entry.translations.append(translation.text());
            for (int f = 0; f < forms.size(); ++f)
                entry.translations.append(forms.at(f).toElement().text());
            messages.append(entry);
        }
    }
    return messages;
}

// The placeholders a text uses: %1 … %99 and %n, each once.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    for (const auto &match : pattern.globalMatch(text))
        found.insert(match.captured());
    return found;
}

bool hasChinese(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    }
    return false;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void everyStringOfTheSourcesIsInTheTranslation();
    void chineseIsInstalled();
    void theWindowSpeaksChinese();
    void theSystemLanguageIsFollowed_data();
    void theSystemLanguageIsFollowed();
    void numbersFollowTheLocale_data();
    void numbersFollowTheLocale();
    void typedNumbersAreReadInTheLocaleAndWithADot_data();
    void typedNumbersAreReadInTheLocaleAndWithADot();
    void theWindowWritesNumbersInItsLocaleAndFilesWithADot();
    void theLanguageMenuKeepsTheChoice();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestTranslations::cleanup()
{
    Translations::install(QStringLiteral("en"));
    QLocale::setDefault(QLocale::c());
    QSettings().clear();
}

void TestTranslations::everyMessageIsTranslated_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("Simplified Chinese") << QStringLiteral("losslab_zh_CN.ts") << false;
    QTest::newRow("English (plural forms)") << QStringLiteral("losslab_en.ts") << true;
}

// No message is left unfinished or empty, and each translation uses the placeholders of its
// source: a missing %2 would drop a number, an extra one would print "%2".
void TestTranslations::everyMessageIsTranslated()
{
    QFETCH(QString, file);
    QFETCH(bool, pluralOnly);
    const QList<Message> messages = readTs(tsFolder + u'/' + file);
    QVERIFY2(!messages.isEmpty(), qPrintable(file));
    for (const Message &message : messages) {
        const QString where = message.context + QStringLiteral(": ") + message.source;
        QVERIFY2(message.finished, qPrintable(where));
        if (pluralOnly)
            QVERIFY2(message.source.contains(QLatin1String("%n")), qPrintable(where));
        for (const QString &translation : message.translations) {
            QVERIFY2(!translation.trimmed().isEmpty(), qPrintable(where));
            QCOMPARE(placeholders(translation), placeholders(message.source));
            QCOMPARE(translation.count(QLatin1String("&"))
                             - 2 * translation.count(QLatin1String("&&"))
                         > 0,
                     message.source.count(QLatin1String("&"))
                             - 2 * message.source.count(QLatin1String("&&"))
                         > 0);
        }
    }
}

// lupdate reads the sources as they are now: every string they mark for translation must be in
// the Chinese file, so that no new text appears in English in the Chinese window.
void TestTranslations::everyStringOfTheSourcesIsInTheTranslation()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QStringList arguments {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                           QStringLiteral("none")};
    for (const char *module : {"core", "ui", "app"}) {
        const QDir dir(QStringLiteral(LOSSLAB_SOURCE_DIR) + u'/' + QLatin1String(module));
        for (const QString &name : dir.entryList({QStringLiteral("*.cpp"), QStringLiteral("*.h")}))
            arguments.append(dir.filePath(name));
    }
    const QString fresh = folder.filePath(QStringLiteral("fresh_zh_CN.ts"));
    arguments << QStringLiteral("-ts") << fresh;
    QProcess lupdate;
    lupdate.start(QStringLiteral(LOSSLAB_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QCOMPARE(lupdate.exitCode(), 0);

    QSet<QString> translated;
    for (const Message &message : readTs(tsFolder + QStringLiteral("/losslab_zh_CN.ts")))
        translated.insert(message.context + u'\x1f' + message.source);
    const QList<Message> needed = readTs(fresh);
    QVERIFY(needed.size() > 300);
    for (const Message &message : needed) {
        QVERIFY2(translated.contains(message.context + u'\x1f' + message.source),
                 qPrintable(QStringLiteral("not in losslab_zh_CN.ts: %1: %2")
                                .arg(message.context, message.source)));
    }
}

void TestTranslations::chineseIsInstalled()
{
    QString error;
    QVERIFY2(Translations::install(QStringLiteral("zh_CN"), &error), qPrintable(error));
    QCOMPARE(Translations::installedLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(QCoreApplication::translate("WindowMenus", "&File"), QStringLiteral("文件(&F)"));
    // A message of core/, shown in the window.
    QVERIFY(hasChinese(
        QCoreApplication::translate("Trainer", "There are no data points to train on.")));
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    // Qt's own words, in its dialogs (Debian's qt6-translations-l10n, which setup.sh installs).
    QVERIFY(hasChinese(QCoreApplication::translate("QPlatformTheme", "Discard")));

    // Back to English: the sources' words again.
    QVERIFY(Translations::install(QStringLiteral("en"), &error));
    QCOMPARE(QCoreApplication::translate("WindowMenus", "&File"), QStringLiteral("&File"));
    QCOMPARE(QCoreApplication::translate("SessionDocument", "%n point(s)", nullptr, 1),
             QStringLiteral("1 point"));
}

void TestTranslations::theWindowSpeaksChinese()
{
    QVERIFY(Translations::install(QStringLiteral("zh_CN")));
    MainWindow window;
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 4);
    for (QAction *menu : menus)
        QVERIFY2(hasChinese(menu->text()), qPrintable(menu->text()));
    // Every label the window shows that has words has Chinese ones.
    for (const QLabel *label : window.findChildren<QLabel *>()) {
        const QString text = label->text();
        if (text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{4,} [A-Za-z]{3,}"))))
            QVERIFY2(hasChinese(text), qPrintable(text));
    }
}

void TestTranslations::theSystemLanguageIsFollowed_data()
{
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("language");
    QTest::newRow("mainland China") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("Singapore") << QStringLiteral("zh_SG") << QStringLiteral("zh_CN");
    QTest::newRow("Taiwan: Traditional") << QStringLiteral("zh_TW") << QStringLiteral("en");
    QTest::newRow("Hong Kong: Traditional") << QStringLiteral("zh_HK") << QStringLiteral("en");
    QTest::newRow("British English") << QStringLiteral("en_GB") << QStringLiteral("en");
    QTest::newRow("German: not spoken") << QStringLiteral("de_DE") << QStringLiteral("en");
}

void TestTranslations::theSystemLanguageIsFollowed()
{
    QFETCH(QString, system);
    QFETCH(QString, language);
    QCOMPARE(Translations::systemLanguage(QLocale(system)), language);
    // Following the system keeps its number format; choosing a language takes the language's.
    QCOMPARE(Translations::localeFor(QString(), QLocale(system)), QLocale(system));
    QCOMPARE(Translations::localeFor(QStringLiteral("zh_CN"), QLocale(QStringLiteral("de_DE")))
                 .decimalPoint(),
             QStringLiteral("."));
}

void TestTranslations::numbersFollowTheLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("readable");
    QTest::addColumn<QString>("shortest");
    QTest::newRow("C") << QStringLiteral("C") << 1.9 << QStringLiteral("1.9")
                       << QStringLiteral("1.9");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << -0.0466666666
                           << QStringLiteral("-0.0466667") << QStringLiteral("-0.0466666666");
    QTest::newRow("de_DE") << QStringLiteral("de_DE") << -0.0466666666
                           << QStringLiteral("-0,0466667") << QStringLiteral("-0,0466666666");
    // Never grouped: 12345.5 would read as two numbers in "12,345.5, 2".
    QTest::newRow("en_US, large") << QStringLiteral("en_US") << 12345.5 << QStringLiteral("12345.5")
                                  << QStringLiteral("12345.5");
    QTest::newRow("de_DE, exponent") << QStringLiteral("de_DE") << 1.5e-7
                                     << QStringLiteral("1,5e-07") << QStringLiteral("1,5e-07");
}

void TestTranslations::numbersFollowTheLocale()
{
    QFETCH(QString, locale);
    QFETCH(double, value);
    QFETCH(QString, readable);
    QFETCH(QString, shortest);
    QLocale::setDefault(QLocale(locale));
    QCOMPARE(LocaleNumber::readable(value), readable);
    QCOMPARE(LocaleNumber::shortest(value), shortest);
    QCOMPARE(LocaleNumber::readable(std::numeric_limits<double>::infinity()),
             QStringLiteral("too large to represent"));
}

void TestTranslations::typedNumbersAreReadInTheLocaleAndWithADot_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value"); // NaN: refused
    const double refused = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("German comma") << QStringLiteral("de_DE") << QStringLiteral("1,5") << 1.5;
    QTest::newRow("German with a dot") << QStringLiteral("de_DE") << QStringLiteral("1.5") << 1.5;
    // A German group separator is refused, so the dot is read as in files: never 1500.
    QTest::newRow("German 1.500") << QStringLiteral("de_DE") << QStringLiteral("1.500") << 1.5;
    QTest::newRow("German exponent")
        << QStringLiteral("de_DE") << QStringLiteral("2,5e-3") << 0.0025;
    QTest::newRow("Chinese") << QStringLiteral("zh_CN") << QStringLiteral(" 0.01 ") << 0.01;
    QTest::newRow("English comma: refused")
        << QStringLiteral("en_US") << QStringLiteral("1,5") << refused;
    QTest::newRow("English 1,000: refused")
        << QStringLiteral("en_US") << QStringLiteral("1,000") << refused;
    QTest::newRow("inf: refused") << QStringLiteral("de_DE") << QStringLiteral("inf") << refused;
    QTest::newRow("1e400: refused")
        << QStringLiteral("de_DE") << QStringLiteral("1e400") << refused;
}

void TestTranslations::typedNumbersAreReadInTheLocaleAndWithADot()
{
    QFETCH(QString, locale);
    QFETCH(QString, text);
    QFETCH(double, value);
    QLocale::setDefault(QLocale(locale));
    const std::optional<double> parsed = LocaleNumber::parse(text);
    if (std::isnan(value)) {
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
        QVERIFY(!LocaleNumber::whyNot(text).isEmpty());
    } else {
        QVERIFY(parsed);
        QCOMPARE(*parsed, value);
        QVERIFY(LocaleNumber::whyNot(text).isEmpty());
    }
}

// In German the window says "MSE = 0,0466667" at w = 1,9 (MSE(w) = (14/3)(w − 2)²), while the
// session it saves keeps the dot.
void TestTranslations::theWindowWritesNumbersInItsLocaleAndFilesWithADot()
{
    QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
    MainWindow window;
    window.setParameters(1.9, 0.0);
    const QString readout = window.parameters()->lossLabel()->text();
    QVERIFY2(readout.contains(QStringLiteral("0,0466667")), qPrintable(readout));

    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("german.losslab"));
    QString error;
    QVERIFY2(window.document()->save(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY2(saved.contains("1.9"), saved.constData());
    QVERIFY(!saved.contains("1,9"));
}

void TestTranslations::theLanguageMenuKeepsTheChoice()
{
    QWidget parent;
    LanguageMenu menu(&parent);
    QAction *chinese = nullptr;
    QAction *system = nullptr;
    for (QAction *action : menu.actions()) {
        if (action->data().toString() == QLatin1String("zh_CN"))
            chinese = action;
        else if (!action->isSeparator() && action->data().toString().isEmpty())
            system = action;
    }
    QVERIFY(chinese && system);
    QVERIFY(system->isChecked()); // nothing chosen yet: the system's language

    QSignalSpy chosen(&menu, &LanguageMenu::languageChosen);
    answerNextQuestion(QMessageBox::Ok);
    chinese->trigger();
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(Translations::chosenLanguage(), QStringLiteral("zh_CN"));
    QVERIFY(chinese->isChecked());

    // The next start reads it; a language LossLab does not have is ignored.
    QSettings().setValue(QStringLiteral("language"), QStringLiteral("xx"));
    QCOMPARE(Translations::chosenLanguage(), QString());
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
