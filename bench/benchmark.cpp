#include "benchmark.h"

#include "dataset.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <vector>

bool Benchmark::quick()
{
    return qEnvironmentVariableIsSet("LOSSLAB_BENCH_QUICK");
}

QList<qint64> Benchmark::sizes(std::initializer_list<qint64> full)
{
    QList<qint64> result(full);
    if (quick() && !result.isEmpty())
        result.resize(1);
    return result;
}

QString Benchmark::sizeLabel(qint64 n)
{
    int exponent = 0;
    qint64 rest = n;
    while (rest >= 10 && rest % 10 == 0) {
        rest /= 10;
        ++exponent;
    }
    return rest == 1 && exponent > 0 ? QStringLiteral("1e%1").arg(exponent) : QString::number(n);
}

void Benchmark::addRows(const QStringList &variants, const QList<qint64> &sizes)
{
    QTest::addColumn<QString>("variant");
    QTest::addColumn<qint64>("n");
    for (const qint64 n : sizes) {
        for (const QString &variant : variants)
            QTest::addRow("%s %s", qPrintable(variant), qPrintable(sizeLabel(n))) << variant << n;
    }
}

Dataset Benchmark::noisyLine(qint64 n)
{
    QRandomGenerator random(20261204);
    std::vector<double> xs(static_cast<std::size_t>(n));
    std::vector<double> ys(static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < xs.size(); ++i) {
        xs[i] = 10.0 * random.generateDouble();
        ys[i] = 2.0 * xs[i] + 1.0 + (random.generateDouble() - 0.5);
    }
    return Dataset(std::move(xs), std::move(ys));
}

std::optional<double> Benchmark::pythonReference(const QStringList &arguments, QString *whyNot)
{
    // Debian's python3-numpy and python3-pandas belong to Debian's python3; LOSSLAB_PYTHON
    // names another interpreter.
    QString python = qEnvironmentVariable("LOSSLAB_PYTHON");
    if (python.isEmpty())
        python = QFile::exists(QStringLiteral("/usr/bin/python3"))
            ? QStringLiteral("/usr/bin/python3")
            : QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        *whyNot = QStringLiteral("python3 is not installed");
        return std::nullopt;
    }
    QProcess process;
    process.start(python,
                  QStringList {QStringLiteral(LOSSLAB_BENCH_DIR "/references.py")} + arguments
                      + (quick() ? QStringList {QStringLiteral("--quick")} : QStringList {}));
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit) {
        *whyNot = QStringLiteral("references.py did not finish");
        return std::nullopt;
    }
    const QString output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    if (process.exitCode() != 0) {
        *whyNot =
            output.isEmpty() ? QString::fromUtf8(process.readAllStandardError()).trimmed() : output;
        return std::nullopt;
    }
    bool ok = false;
    const double milliseconds = output.toDouble(&ok);
    if (!ok) {
        *whyNot = QStringLiteral("references.py printed \"%1\"").arg(output);
        return std::nullopt;
    }
    return milliseconds;
}
