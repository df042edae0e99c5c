#pragma once

#include <QString>
#include <QStringList>

#include <iosfwd>
#include <optional>

// What the window was asked to open: `losslab [FILE] [--x COL] [--y COL] [--screenshot OUT]`.
struct WindowOptions
{
    QString dataFile; // empty: the lesson's data
    QString xColumn; // header name or 1-based number; empty: the default
    QString yColumn;
    QString screenshot; // when set: lay out, draw once, save this PNG and exit
};

// The command line of `losslab`. Headless commands (grid, train, --help, --version) need no
// display and run here; everything else is options for the window.
//
// Exit statuses: 0 success, 2 bad usage or bad input (one line on stderr names the problem),
// 3 training diverged (the rows up to the last good step are printed first) or cannot start
// because the loss or its gradient at the start is too large to represent.
class CommandLine
{
public:
    // True when `arguments` (without the program name) asks for a headless command.
    static bool isHeadless(const QStringList &arguments);

    // Runs a headless command, writing to `out` and `err`; returns the exit status.
    static int run(const QStringList &arguments, std::ostream &out, std::ostream &err);

    // Checks what can be checked before Qt starts (and may need a display): every --option is
    // one of the window's and has its value, and a named data file exists. Qt's own
    // single-dash options (-platform …) are left alone.
    static bool checkWindowArguments(const QStringList &arguments, QString *error);

    // Parses the window's options; on failure returns nothing and sets `*error`.
    static std::optional<WindowOptions> parseWindowOptions(const QStringList &arguments,
                                                           QString *error);

    // The options (--name VALUE) and flags (--name) a command ("train", "grid") accepts, in
    // the order of its usage; empty for an unknown command.
    static QStringList optionNames(const QString &command);
    static QStringList flagNames(const QString &command);

    static QString usage();
    // The program's version, "0.1.0".
    static QString version();

    static constexpr int exitOk = 0;
    static constexpr int exitUsage = 2;
    static constexpr int exitDiverged = 3;
};
