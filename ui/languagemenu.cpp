#include "languagemenu.h"

#include "translations.h"

#include <QActionGroup>
#include <QMessageBox>
#include <QTranslator>

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_group(new QActionGroup(this))
{
    menuAction()->setStatusTip(
        tr("Choose the language of the window; it changes the next time LossLab starts."));
    const QString chosen = Translations::chosenLanguage();
    QString systemName;
    for (const auto &language : Translations::languages()) {
        if (language.code == Translations::systemLanguage())
            systemName = language.nativeName;
    }

    QAction *system = addAction(tr("&System language (%1)").arg(systemName));
    system->setData(QString());
    system->setStatusTip(tr("Follow the language and number format of the system."));
    addSeparator();
    QList<QAction *> actions {system};
    for (const auto &language : Translations::languages()) {
        QAction *action = addAction(language.nativeName);
        action->setData(language.code);
        action->setStatusTip(tr("Show LossLab in %1.").arg(language.nativeName));
        actions.append(action);
    }
    for (QAction *action : actions) {
        action->setCheckable(true);
        action->setChecked(action->data().toString() == chosen);
        m_group->addAction(action);
    }
    connect(m_group, &QActionGroup::triggered, this,
            [this](QAction *action) { choose(action->data().toString()); });
}

void LanguageMenu::choose(const QString &code)
{
    if (code == Translations::chosenLanguage())
        return;
    Translations::setChosenLanguage(code);
    Q_EMIT languageChosen(code);

    // Said in the language chosen as well as the one shown, since the user may not read the
    // one shown.
    const QString language = code.isEmpty() ? Translations::systemLanguage() : code;
    QString inChosen;
    if (language != Translations::installedLanguage()) {
        QTranslator translator;
        for (const QString &directory : Translations::directories()) {
            if (translator.load(QStringLiteral("losslab_") + language, directory))
                break;
        }
        inChosen = translator.translate("LanguageMenu",
                                        "The language changes the next time "
                                        "LossLab starts.");
    }
    QString text = tr("The language changes the next time LossLab starts.");
    if (!inChosen.isEmpty() && inChosen != text)
        text += QStringLiteral("\n") + inChosen;
    QMessageBox::information(parentWidget(), tr("Language"), text);
}
