#include "pointraster.h"

#include <QColor>
#include <QImage>
#include <QPointF>

#include <algorithm>
#include <cmath>

namespace {

constexpr int farAway = 255; // the cap of a row distance

} // namespace

void PointRaster::reset(const QSize &size, double radius)
{
    m_size = size.expandedTo(QSize(0, 0));
    m_radius = std::clamp(radius, 0.0, 100.0);
    m_margin = int(std::ceil(m_radius)) + 1;
    m_paddedWidth = m_size.width() + 2 * m_margin;
    m_lit = 0;
    m_batch = false;

    const auto columns = std::size_t(m_size.width());
    const auto rows = std::size_t(m_size.height());
    m_counts.assign(columns * rows, 0);
    m_distances.assign(std::size_t(m_paddedWidth) * rows, std::uint8_t(farAway));
    m_top.assign(columns, -1);
    m_bottom.assign(columns, -1);
    m_above.assign(columns, 0);
    m_below.assign(columns, 0);
    m_rowsChanged.assign(rows, false);
}

void PointRaster::beginBatch()
{
    m_batch = true;
}

void PointRaster::endBatch()
{
    m_batch = false;
    for (std::size_t row = 0; row < m_rowsChanged.size(); ++row) {
        if (m_rowsChanged[row])
            updateDistances(int(row));
        m_rowsChanged[row] = false;
    }
}

QSize PointRaster::imageSize() const
{
    return m_size + QSize(2 * m_margin, 2 * m_margin);
}

QRect PointRaster::add(const QPointF &position)
{
    return change(position, +1);
}

QRect PointRaster::remove(const QPointF &position)
{
    return change(position, -1);
}

std::uint32_t PointRaster::count(int column, int row) const
{
    if (column < 0 || column >= m_size.width() || row < 0 || row >= m_size.height())
        return 0;
    return m_counts[std::size_t(row) * std::size_t(m_size.width()) + std::size_t(column)];
}

bool PointRaster::columnExtent(int column, int *top, int *bottom) const
{
    if (column < 0 || column >= m_size.width())
        return false;
    const auto c = std::size_t(column);
    const bool lit = m_top[c] >= 0;
    if (!lit && m_above[c] == 0 && m_below[c] == 0)
        return false;
    const int height = m_size.height();
    *top = m_above[c] > 0 ? -1 : (lit ? m_top[c] : height);
    *bottom = m_below[c] > 0 ? height : (lit ? m_bottom[c] : -1);
    return true;
}

bool PointRaster::pixelOf(const QPointF &position, int *column, int *row) const
{
    // Compared as doubles first: a position far outside (or NaN) has no int.
    const double x = position.x();
    const double y = position.y();
    if (!(x >= 0.0 && x < double(m_size.width())) || std::isnan(y))
        return false;
    *column = int(x);
    if (y < 0.0)
        *row = -1;
    else if (y >= double(m_size.height()))
        *row = m_size.height();
    else
        *row = int(y);
    return true;
}

QRect PointRaster::change(const QPointF &position, int delta)
{
    int column = 0, row = 0;
    if (!pixelOf(position, &column, &row))
        return {};
    const auto c = std::size_t(column);
    if (row < 0 || row >= m_size.height()) {
        std::uint32_t &outside = row < 0 ? m_above[c] : m_below[c];
        if (delta > 0)
            ++outside;
        else if (outside > 0)
            --outside;
        return {};
    }

    std::uint32_t &count = m_counts[std::size_t(row) * std::size_t(m_size.width()) + c];
    if (delta > 0) {
        if (count++ > 0)
            return {};
        ++m_lit;
        m_top[c] = m_top[c] < 0 ? row : std::min(m_top[c], row);
        m_bottom[c] = std::max(m_bottom[c], row);
    } else {
        if (count == 0 || --count > 0)
            return {};
        --m_lit;
        if (row == m_top[c] || row == m_bottom[c])
            rescanColumn(column);
    }
    if (m_batch)
        m_rowsChanged[std::size_t(row)] = true;
    else
        updateDistances(row);

    // Every image pixel within a disc of the changed pixel.
    const int reach = m_margin + 1;
    const QRect around(column + m_margin - reach, row + m_margin - reach, 2 * reach + 1,
                       2 * reach + 1);
    return around & QRect(QPoint(0, 0), imageSize());
}

void PointRaster::updateDistances(int row)
{
    const int width = m_size.width();
    const std::uint32_t *counts = m_counts.data() + std::size_t(row) * std::size_t(width);
    std::uint8_t *distances = m_distances.data() + std::size_t(row) * std::size_t(m_paddedWidth);

    // Two passes along the row: the nearest lit pixel to the left, then to the right.
    int last = -farAway;
    for (int x = 0; x < m_paddedWidth; ++x) {
        const int column = x - m_margin;
        if (column >= 0 && column < width && counts[column] > 0)
            last = x;
        distances[x] = std::uint8_t(std::min(farAway, x - last));
    }
    last = m_paddedWidth + farAway;
    for (int x = m_paddedWidth - 1; x >= 0; --x) {
        const int column = x - m_margin;
        if (column >= 0 && column < width && counts[column] > 0)
            last = x;
        distances[x] = std::uint8_t(std::min(int(distances[x]), std::min(farAway, last - x)));
    }
}

void PointRaster::rescanColumn(int column)
{
    const auto c = std::size_t(column);
    const auto width = std::size_t(m_size.width());
    m_top[c] = -1;
    m_bottom[c] = -1;
    for (int row = 0; row < m_size.height(); ++row) {
        if (m_counts[std::size_t(row) * width + c] == 0)
            continue;
        if (m_top[c] < 0)
            m_top[c] = row;
        m_bottom[c] = row;
    }
}

void PointRaster::paintMarkers(QImage *image, const QRect &rect, const QColor &color) const
{
    Q_ASSERT(image->size() == imageSize());
    Q_ASSERT(image->format() == QImage::Format_ARGB32_Premultiplied);
    const QRect area = rect & image->rect();
    if (area.isEmpty())
        return;

    // A pixel whose squared distance to the nearest lit pixel is d² gets the coverage of a
    // disc of the marker's radius whose edge is one pixel wide: one colour per d², looked up.
    const int reach = int(std::ceil(m_radius + 0.5));
    const int tableSize = (reach + 1) * (reach + 1);
    std::vector<QRgb> shades(std::size_t(tableSize) + 1, 0);
    for (int squared = 0; squared <= tableSize; ++squared) {
        const double coverage = std::clamp(m_radius + 0.5 - std::sqrt(double(squared)), 0.0, 1.0);
        QColor shade = color;
        shade.setAlphaF(float(color.alphaF() * coverage));
        shades[std::size_t(squared)] = qPremultiply(shade.rgba());
    }

    std::vector<int> nearest(std::size_t(area.width()));
    const int height = m_size.height();
    for (int y = area.top(); y <= area.bottom(); ++y) {
        // The second half of the distance transform, cut off at the marker's reach: the
        // nearest lit pixel over the rows within reach.
        std::fill(nearest.begin(), nearest.end(), tableSize);
        const int row = y - m_margin;
        for (int dy = -reach; dy <= reach; ++dy) {
            const int source = row + dy;
            if (source < 0 || source >= height)
                continue;
            const std::uint8_t *distances = m_distances.data()
                + std::size_t(source) * std::size_t(m_paddedWidth) + std::size_t(area.left());
            const int rise = dy * dy;
            for (int i = 0; i < area.width(); ++i) {
                const int d = distances[i];
                nearest[std::size_t(i)] = std::min(nearest[std::size_t(i)], d * d + rise);
            }
        }
        auto *line = reinterpret_cast<QRgb *>(image->scanLine(y)) + area.left();
        for (int i = 0; i < area.width(); ++i)
            line[i] = shades[std::size_t(std::min(nearest[std::size_t(i)], tableSize))];
    }
}
