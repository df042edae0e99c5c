#include "commandline.h"
#include "mainwindow.h"
#include "stopsignals.h"
#include "translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>

#include <iostream>

namespace {

QStringList argumentsOf(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("LossLab"));
    QCoreApplication::setApplicationName(QStringLiteral("LossLab"));
    QCoreApplication::setApplicationVersion(CommandLine::version());
    // Desktops match the window to its installed .desktop entry, and so to its icon, by this id.
    QGuiApplication::setDesktopFileName(QStringLiteral(LOSSLAB_APP_ID));
}

} // namespace

int main(int argc, char *argv[])
{
    // From the start, Ctrl+C or SIGTERM asks to stop: `train` ends after a whole row and the
    // window closes as the user would.
    StopSignals::install();
    describeApplication();

    // grid, train, --help and --version need no display. Their messages speak the window's
    // language; what they print on standard output (tables, CSV) is data, and stays as it is.
    if (const QStringList arguments = argumentsOf(argc, argv); CommandLine::isHeadless(arguments)) {
        QCoreApplication app(argc, argv);
        Translations::install(Translations::chosenLanguage());
        return CommandLine::run(arguments, std::cout, std::cerr);
    }

    // A mistyped option or file is refused before Qt starts, which may need a display.
    QString error;
    if (!CommandLine::checkWindowArguments(argumentsOf(argc, argv), &error)) {
        std::cerr << "losslab: " << error.toStdString() << '\n';
        return CommandLine::exitUsage;
    }

    QApplication app(argc, argv);
    const auto options = CommandLine::parseWindowOptions(app.arguments().mid(1), &error);
    if (!options) {
        std::cerr << "losslab: " << error.toStdString() << " (see losslab --help)\n";
        return CommandLine::exitUsage;
    }
    // SIGINT or SIGTERM closes the window as the user would: training stops, status 0.
    const StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::stopRequested, &app, [] {
        // Unsaved work is autosaved, not asked about: the next start offers it back.
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *window = qobject_cast<MainWindow *>(widget))
                window->closeWithoutAsking();
        }
        QApplication::closeAllWindows();
        QApplication::quit();
    });
    return MainWindow::run(*options);
}
