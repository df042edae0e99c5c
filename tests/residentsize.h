#pragma once

#include <QFile>
#include <QList>

#include <unistd.h>

// The resident set size of this process in bytes (from /proc/self/statm), or −1 where it
// cannot be read. Shared by the memory test and the responsiveness benchmark.
inline double residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1.0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * double(sysconf(_SC_PAGESIZE)) : -1.0;
}
