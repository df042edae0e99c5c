#include "pngwriter.h"

#include "atomicfile.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <QtEndian>

#include <array>
#include <vector>

#include <zlib.h>

namespace {

// One chunk: its length, its type, its data and the CRC of the type and the data.
bool writeChunk(QIODevice &out, const char (&type)[5], const unsigned char *data, quint32 length)
{
    std::array<unsigned char, 8> head {};
    qToBigEndian(length, head.data());
    std::copy(type, type + 4, head.begin() + 4);
    uLong crc = crc32(0, head.data() + 4, 4);
    if (length > 0)
        crc = crc32(crc, data, length);
    std::array<unsigned char, 4> tail {};
    qToBigEndian(quint32(crc), tail.data());
    return out.write(reinterpret_cast<const char *>(head.data()), 8) == 8
        && (length == 0 || out.write(reinterpret_cast<const char *>(data), length) == length)
        && out.write(reinterpret_cast<const char *>(tail.data()), 4) == 4;
}

bool writeRgb(const QImage &image, QIODevice &out)
{
    static constexpr unsigned char signature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (out.write(reinterpret_cast<const char *>(signature), 8) != 8)
        return false;
    // Width, height, 8 bits a sample, RGB, deflate, PNG's filter method 0, no interlace.
    std::array<unsigned char, 13> header {};
    qToBigEndian(quint32(image.width()), header.data());
    qToBigEndian(quint32(image.height()), header.data() + 4);
    header[8] = 8;
    header[9] = 2;
    if (!writeChunk(out, "IHDR", header.data(), quint32(header.size())))
        return false;
    // The pixel's size in dots per metre, as QImageWriter writes it.
    if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0) {
        std::array<unsigned char, 9> density {};
        qToBigEndian(quint32(image.dotsPerMeterX()), density.data());
        qToBigEndian(quint32(image.dotsPerMeterY()), density.data() + 4);
        density[8] = 1; // the unit is the metre
        if (!writeChunk(out, "pHYs", density.data(), quint32(density.size())))
            return false;
    }

    z_stream stream {};
    if (deflateInit(&stream, Z_BEST_SPEED) != Z_OK)
        return false;
    // Each row is its filter type (0: none) followed by its pixels' red, green and blue.
    const int width = image.width();
    std::vector<unsigned char> row(1 + 3 * std::size_t(width));
    std::vector<unsigned char> compressed(1 << 16);
    stream.next_out = compressed.data();
    stream.avail_out = uInt(compressed.size());
    bool ok = true;
    for (int y = 0; ok && y < image.height(); ++y) {
        const auto *pixels = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        unsigned char *byte = row.data() + 1;
        for (int x = 0; x < width; ++x) {
            *byte++ = uchar(qRed(pixels[x]));
            *byte++ = uchar(qGreen(pixels[x]));
            *byte++ = uchar(qBlue(pixels[x]));
        }
        stream.next_in = row.data();
        stream.avail_in = uInt(row.size());
        const int flush = y + 1 == image.height() ? Z_FINISH : Z_NO_FLUSH;
        int status = Z_OK;
        while (ok && (stream.avail_in > 0 || (flush == Z_FINISH && status != Z_STREAM_END))) {
            status = deflate(&stream, flush);
            ok = status == Z_OK || status == Z_STREAM_END;
            // A full buffer, or the last of the stream, is written as an IDAT chunk of its own.
            if (ok && (stream.avail_out == 0 || status == Z_STREAM_END)) {
                const auto length = quint32(compressed.size() - stream.avail_out);
                ok = writeChunk(out, "IDAT", compressed.data(), length);
                stream.next_out = compressed.data();
                stream.avail_out = uInt(compressed.size());
            }
        }
    }
    deflateEnd(&stream);
    return ok && writeChunk(out, "IEND", nullptr, 0);
}

} // namespace

QByteArray PngWriter::encode(const QImage &image)
{
    QByteArray png;
    if (image.isNull())
        return png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (image.hasAlphaChannel()) {
        QImageWriter(&buffer, "PNG").write(image);
        return png;
    }
    const QImage rgb = image.format() == QImage::Format_RGB32
        ? image
        : image.convertToFormat(QImage::Format_RGB32);
    if (!writeRgb(rgb, buffer))
        png.clear();
    return png;
}

bool PngWriter::write(const QImage &image, const QString &path, QString *error)
{
    const QByteArray png = encode(image);
    if (png.isEmpty()) {
        if (error)
            *error = QStringLiteral("there is no image to save");
        return false;
    }
    return AtomicFile::write(
        path, [&png](QIODevice *device) { device->write(png); }, error);
}
