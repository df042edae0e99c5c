#pragma once

#include <QObject>

class QSocketNotifier;

// SIGINT and SIGTERM as a polite request to stop, not a kill: the process finishes what it is
// doing and exits cleanly. A second one ends the process at once with status 128 + the
// signal's number (130 for SIGINT), for a process that cannot finish (say, blocked reading a
// pipe).
//
// The signal handler only sets a flag and writes one byte to a pipe (both async-signal-safe).
// Headless loops poll requested(); an event loop gets stopRequested() through a
// QSocketNotifier on the pipe. install() as early as possible in main(); one instance per
// process, created after the application object, delivers the signal to the event loop (a
// signal that came in between is delivered as soon as the instance exists).
class StopSignals : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    // Installs the handlers and the pipe; safe to call more than once.
    static void install();
    // True once SIGINT or SIGTERM arrived.
    static bool requested();
    // The signal that arrived (SIGINT or SIGTERM), or 0.
    static int signalNumber();

Q_SIGNALS:
    void stopRequested(int signalNumber);

private:
    void handleNotifier();

    QSocketNotifier *m_notifier = nullptr;
};
