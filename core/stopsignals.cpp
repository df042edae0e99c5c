#include "stopsignals.h"

#include <QSocketNotifier>

#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {

std::atomic<int> receivedSignal = 0;
int pipeEnds[2] = {-1, -1};

extern "C" void handleStopSignal(int signalNumber)
{
    // A second signal is a user who cannot wait (the program may be blocked in a read that
    // nothing will answer): the process ends at once, with the shell's status for a signal.
    if (receivedSignal.exchange(signalNumber) != 0)
        ::_exit(128 + signalNumber);
    const char byte = 1;
    if (pipeEnds[1] >= 0) {
        [[maybe_unused]] const auto written = ::write(pipeEnds[1], &byte, 1);
    }
}

} // namespace

void StopSignals::install()
{
    if (pipeEnds[0] >= 0)
        return;
    if (::pipe(pipeEnds) == 0) {
        for (int end : pipeEnds)
            ::fcntl(end, F_SETFL, ::fcntl(end, F_GETFL) | O_NONBLOCK);
    }
    struct sigaction action = {};
    action.sa_handler = handleStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

StopSignals::StopSignals(QObject *parent)
    : QObject(parent)
{
    install();
    if (pipeEnds[0] >= 0) {
        m_notifier = new QSocketNotifier(pipeEnds[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &StopSignals::handleNotifier);
    }
}

StopSignals::~StopSignals()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    for (int &end : pipeEnds) {
        if (end >= 0)
            ::close(end);
        end = -1;
    }
}

bool StopSignals::requested()
{
    return receivedSignal.load() != 0;
}

int StopSignals::signalNumber()
{
    return receivedSignal.load();
}

void StopSignals::handleNotifier()
{
    char buffer[16];
    while (::read(pipeEnds[0], buffer, sizeof buffer) > 0) { }
    Q_EMIT stopRequested(signalNumber());
}
