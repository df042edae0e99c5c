#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

#include <vector>

// The languages the window speaks (Qt Linguist's .qm files, see resources/translations/) and
// the one it shows. Installing a language loads LossLab's translation and Qt's own (the buttons
// of its dialogs), and makes that language's locale the default, so that numbers in the window
// follow it; files and the command line keep their dot whatever the language.
class Translations
{
public:
    struct Language
    {
        QString code; // "en", "zh_CN": the suffix of losslab_<code>.qm
        QString nativeName; // the language's name in itself, for the menu ("简体中文")
    };

    // Every language the window can show, English first.
    static std::vector<Language> languages();
    // The first of the system's UI languages that LossLab speaks, "en" when none.
    static QString systemLanguage(const QLocale &system = QLocale::system());
    // The locale the window's numbers follow for `code`: the system's own when the language
    // is the system's choice ("" or the language the system asks for), else the language's.
    static QLocale localeFor(const QString &code, const QLocale &system = QLocale::system());

    // The language chosen in the menu (QSettings key "language"); empty: follow the system.
    static QString chosenLanguage();
    static void setChosenLanguage(const QString &code);

    // Installs `code` ("" follows the system) in the running application, replacing the
    // language installed before. False, with `*error` naming the file, when its translation
    // cannot be found or read; the window then stays in English.
    static bool install(const QString &code, QString *error = nullptr);
    // The language installed last ("en" before any).
    static QString installedLanguage();

    // Where the .qm files are looked for: beside the installed program
    // (../share/losslab/translations), then the build folder's translations.
    static QStringList directories();
};
