#pragma once

#include <QRect>
#include <QSize>

#include <cstdint>
#include <vector>

class QColor;
class QImage;
class QPointF;

// Points as lit pixels: how many points fall on each pixel of a grid, with each column's
// topmost and bottommost point, so that a million points cost one pass to count and a frame
// then costs the pixels, not the points. Markers are drawn from the grid as discs around each
// lit pixel (the level of detail: points on one pixel draw as one), residuals as one span per
// column. Moving a point changes two counters and redraws the pixels around them.
//
// Pixel (i, j) covers the positions [i, i + 1) × [j, j + 1). A point above or below the grid
// but within its columns counts only for its column's extent (its residual still shows); one
// left or right of it, or not finite, is not counted.
class PointRaster
{
public:
    PointRaster() = default;

    // An empty grid of `size` pixels whose markers are discs of `radius` pixels, drawn into an
    // image `margin()` pixels larger on each side so that a marker at the edge is whole.
    void reset(const QSize &size, double radius);
    QSize size() const { return m_size; }
    double radius() const { return m_radius; }
    int margin() const { return m_margin; }
    // The size of the image paintMarkers() draws into.
    QSize imageSize() const;

    // Counts a point at `position` (or stops counting it) and returns the rectangle of the
    // image whose markers changed (empty when none did).
    QRect add(const QPointF &position);
    QRect remove(const QPointF &position);

    // Between these, add() and remove() only count: the discs' distances are worked out once
    // at endBatch() for every row that changed (for counting a whole dataset, where doing it
    // per lit pixel would cost the grid's width each time). No marker may be painted between.
    void beginBatch();
    void endBatch();

    // How many points fall on pixel (column, row); 0 outside the grid.
    std::uint32_t count(int column, int row) const;
    // How many pixels have at least one point.
    qint64 litPixels() const { return m_lit; }

    // The topmost and bottommost point of `column`, as rows: −1 for a point above the grid,
    // height for one below. False when the column has no point.
    bool columnExtent(int column, int *top, int *bottom) const;

    // Draws the markers of `rect` (image coordinates, clipped to imageSize()) into `image`, a
    // Format_ARGB32_Premultiplied image of imageSize(): `color` where a disc covers the pixel,
    // transparent elsewhere, with an antialiased edge.
    void paintMarkers(QImage *image, const QRect &rect, const QColor &color) const;

private:
    // The pixel of `position`, or false when it is not in the grid's columns; `row` may be
    // outside the grid (above or below).
    bool pixelOf(const QPointF &position, int *column, int *row) const;
    QRect change(const QPointF &position, int delta);
    void updateDistances(int row);
    void rescanColumn(int column);

    QSize m_size;
    double m_radius = 0.0;
    int m_margin = 0;
    int m_paddedWidth = 0;
    qint64 m_lit = 0;
    bool m_batch = false;
    std::vector<bool> m_rowsChanged; // in a batch: the rows whose distances are out of date
    std::vector<std::uint32_t> m_counts; // row by row
    // Per row, for each image column, the distance in pixels to the nearest lit pixel of that
    // row (capped at 255): the first half of a Euclidean distance transform.
    std::vector<std::uint8_t> m_distances;
    std::vector<int> m_top; // per column: the topmost lit row, or −1
    std::vector<int> m_bottom; // per column: the bottommost lit row, or −1
    std::vector<std::uint32_t> m_above; // per column: points above the grid
    std::vector<std::uint32_t> m_below; // per column: points below the grid
};
