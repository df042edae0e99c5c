#pragma once

#include <QByteArray>
#include <QString>

class QImage;

// Writes screenshots and exported charts as PNG quickly. An opaque image is written as 8-bit RGB
// rows without a filter, deflated at zlib's fastest level: lossless, about a third of the time
// QImageWriter takes with its default settings (which tries every filter on every row and
// deflates at level 6), for a file a tenth to a third larger. An image with transparency is left
// to QImageWriter.
class PngWriter
{
public:
    // The PNG file's bytes; empty for a null image.
    static QByteArray encode(const QImage &image);
    // Writes the PNG atomically (AtomicFile); returns false if the image is null or the file
    // cannot be written, and then `*error`, when given, says why.
    static bool write(const QImage &image, const QString &path, QString *error = nullptr);
};
