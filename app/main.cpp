#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

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
}

} // namespace

int main(int argc, char *argv[])
{
    describeApplication();

    // grid, train, --help and --version need no display.
    if (const QStringList arguments = argumentsOf(argc, argv); CommandLine::isHeadless(arguments)) {
        QCoreApplication app(argc, argv);
        return CommandLine::run(arguments, std::cout, std::cerr);
    }

    QApplication app(argc, argv);
    QString error;
    const auto options = CommandLine::parseWindowOptions(app.arguments().mid(1), &error);
    if (!options) {
        std::cerr << "losslab: " << error.toStdString() << "\n(see losslab --help)\n";
        return CommandLine::exitUsage;
    }
    return MainWindow::run(*options);
}
