#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>

class Dataset;

// What the benchmarks share: the sizes they run at, the generated data, and the Python
// references (numpy, pandas), which are optional.
namespace Benchmark {

// True when LOSSLAB_BENCH_QUICK is set: each benchmark runs once at its smallest size, as
// CTest does, so that they cannot rot.
bool quick();

// `full`, or only its first size in quick mode.
QList<qint64> sizes(std::initializer_list<qint64> full);

// "1e3", "1e4", ... for powers of ten, the number otherwise: the N part of a row's tag.
QString sizeLabel(qint64 n);

// Adds one data row "<variant> <N>" per variant and size, with columns "variant" (QString)
// and "n" (qint64); call it from a _data() function.
void addRows(const QStringList &variants, const QList<qint64> &sizes);

// n points around the line y = 2·x + 1 with noise, x in [0, 10): the same for a given n on
// every run (fixed seed).
Dataset noisyLine(qint64 n);

// Runs bench/references.py (with Debian's /usr/bin/python3, or $LOSSLAB_PYTHON) with `arguments`
// and returns the median time in milliseconds it prints, or nothing with the reason in `whyNot` (no
// python3, no numpy, ...).
std::optional<double> pythonReference(const QStringList &arguments, QString *whyNot);

} // namespace Benchmark
