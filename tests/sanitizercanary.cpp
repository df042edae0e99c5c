// A program with one planted fault of each kind the sanitizer builds look for. CTest runs it
// in those builds and passes only when the sanitizer reports the fault: proof that the
// sanitizer is really on, and that its options (such as ignoring Debian's uninstrumented
// Qt) do not hide a fault in LossLab's own code.
#include <QThread>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

volatile int g_shared = 0;

int heapOverflow()
{
    auto values = std::make_unique<int[]>(4);
    volatile int index = 4;
    return values[index];
}

int signedOverflow()
{
    volatile int large = 0x7fffffff;
    return large + 1;
}

int dataRace()
{
    // Two threads write one int with no synchronization; the second thread is a QThread, as
    // the training worker is.
    QThread *thread = QThread::create([] { g_shared = g_shared + 1; });
    thread->start();
    g_shared = g_shared + 2;
    thread->wait();
    delete thread;
    return g_shared;
}

} // namespace

int main(int argc, char **argv)
{
    const char *fault = argc > 1 ? argv[1] : "";
    if (std::strcmp(fault, "address") == 0)
        return heapOverflow();
    if (std::strcmp(fault, "undefined") == 0)
        return signedOverflow();
    if (std::strcmp(fault, "thread") == 0)
        return dataRace();
    std::fprintf(stderr, "usage: sanitizercanary address|undefined|thread\n");
    return 2;
}
