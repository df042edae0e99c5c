#include "csvwriter.h"

#include "numberformat.h"

#include <QIODevice>

namespace {

// Text is gathered and written in pieces of about this size.
constexpr qsizetype FlushBytes = qsizetype(1) << 16;

void appendNumber(QByteArray *text, double value)
{
    const std::string number = NumberFormat::shortest(value);
    text->append(number.data(), qsizetype(number.size()));
}

void flushIfFull(QIODevice *device, QByteArray *text)
{
    if (text->size() >= FlushBytes) {
        device->write(*text);
        text->clear();
    }
}

} // namespace

QByteArray CsvWriter::cell(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const bool plain = !utf8.isEmpty() && utf8.trimmed() == utf8 && !utf8.contains(',')
        && !utf8.contains(';') && !utf8.contains('\t') && !utf8.contains('"')
        && !utf8.contains('\n') && !utf8.contains('\r');
    if (plain)
        return utf8;
    QByteArray quoted = utf8;
    quoted.replace('"', "\"\"");
    return '"' + quoted + '"';
}

void CsvWriter::writeDataset(QIODevice *device, const Dataset &data, const QString &xName,
                             const QString &yName)
{
    QByteArray text = cell(xName.isEmpty() ? QStringLiteral("x") : xName) + ','
        + cell(yName.isEmpty() ? QStringLiteral("y") : yName) + '\n';
    for (std::size_t i = 0; i < data.size(); ++i) {
        appendNumber(&text, data.x(i));
        text.append(',');
        appendNumber(&text, data.y(i));
        text.append('\n');
        flushIfFull(device, &text);
    }
    device->write(text);
}

void CsvWriter::writeTrails(QIODevice *device, const std::vector<Trail> &trails)
{
    QByteArray text = "optimizer,step,w,b,loss,dloss/dw,dloss/db\n";
    for (const Trail &trail : trails) {
        const QByteArray optimizer = cell(trail.optimizer);
        for (const TrainingStep &step : trail.steps) {
            text.append(optimizer).append(',').append(QByteArray::number(step.step));
            for (const double value : {step.w, step.b}) {
                text.append(',');
                appendNumber(&text, value);
            }
            for (const double value : {step.loss, step.gradW, step.gradB}) {
                text.append(',');
                if (!step.tooLarge)
                    appendNumber(&text, value);
            }
            text.append('\n');
            flushIfFull(device, &text);
        }
    }
    device->write(text);
}
