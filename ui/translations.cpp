#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include <memory>

namespace {

const QString languageKey = QStringLiteral("language");
const QString english = QStringLiteral("en");

// The translators installed now: LossLab's and Qt's own; owned by the application.
QTranslator *s_losslab = nullptr;
QTranslator *s_qt = nullptr;
QString s_installed = english;

void uninstall(QTranslator *&translator)
{
    if (!translator)
        return;
    QCoreApplication::removeTranslator(translator);
    delete translator;
    translator = nullptr;
}

bool isKnown(const QString &code)
{
    for (const auto &language : Translations::languages()) {
        if (language.code == code)
            return true;
    }
    return false;
}

} // namespace

std::vector<Translations::Language> Translations::languages()
{
    return {{english, QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString Translations::systemLanguage(const QLocale &system)
{
    // uiLanguages() lists the user's choices in order ("zh-Hans-CN", "zh-CN", "zh", "en-US"…).
    for (const QString &name : system.uiLanguages()) {
        const QLocale locale(name);
        if (locale.language() == QLocale::English)
            return english;
        // Simplified Chinese is the Chinese of mainland China and Singapore; Hong Kong and
        // Taiwan write Traditional Chinese, which LossLab does not have.
        if (locale.language() == QLocale::Chinese
            && locale.script() != QLocale::TraditionalHanScript)
            return QStringLiteral("zh_CN");
    }
    return english;
}

QLocale Translations::localeFor(const QString &code, const QLocale &system)
{
    if (code.isEmpty() || code == systemLanguage(system))
        return system;
    return QLocale(code);
}

QString Translations::chosenLanguage()
{
    const QString code = QSettings().value(languageKey).toString();
    return isKnown(code) ? code : QString();
}

void Translations::setChosenLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(languageKey);
    else
        settings.setValue(languageKey, code);
}

bool Translations::install(const QString &code, QString *error)
{
    const QString language = code.isEmpty() ? systemLanguage() : code;
    uninstall(s_losslab);
    uninstall(s_qt);
    s_installed = english;

    QLocale locale = localeFor(code);
    // A group separator in 1,234.5 reads as two numbers in a list; numbers in the window
    // never group their digits.
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    QLocale::setDefault(locale);

    // English is the language of the sources; its file holds only the plural forms.
    auto translator = std::make_unique<QTranslator>(QCoreApplication::instance());
    const QString file = QStringLiteral("losslab_") + language;
    bool loaded = false;
    for (const QString &directory : directories()) {
        if (translator->load(file, directory)) {
            loaded = true;
            break;
        }
    }
    if (!loaded) {
        if (error) {
            *error = QCoreApplication::translate("Translations",
                                                 "Cannot find the translation %1.qm in %2.")
                         .arg(file, directories().join(QStringLiteral(", ")));
        }
        return language == english;
    }
    s_losslab = translator.release();
    QCoreApplication::installTranslator(s_losslab);

    // Qt's own words (Save, Discard, Cancel in its dialogs), where Qt's translations are
    // installed (Debian's package qt6-translations-l10n); English needs none.
    if (language != english) {
        auto qt = std::make_unique<QTranslator>(QCoreApplication::instance());
        if (qt->load(QStringLiteral("qtbase_") + language,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            s_qt = qt.release();
            QCoreApplication::installTranslator(s_qt);
        }
    }
    s_installed = language;
    return true;
}

QString Translations::installedLanguage()
{
    return s_installed;
}

QStringList Translations::directories()
{
    QStringList found;
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .filePath(QStringLiteral(LOSSLAB_TRANSLATIONS_FROM_BIN));
    if (QFileInfo::exists(installed))
        found.append(QDir::cleanPath(installed));
    found.append(QStringLiteral(LOSSLAB_BUILD_TRANSLATIONSDIR));
    return found;
}
