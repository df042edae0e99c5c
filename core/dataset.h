#pragma once

#include "blockedmoments.h"

#include <QMetaType>

#include <cstddef>
#include <vector>

// A list of (x, y) points, stored column-wise so that loss evaluations can stream over
// contiguous arrays. Plain value type: copying it gives the worker thread its own snapshot.
class Dataset
{
public:
    Dataset() = default;
    Dataset(std::vector<double> xs, std::vector<double> ys);

    // The lesson's data: (1, 2), (2, 4), (3, 6).
    static Dataset lesson();

    std::size_t size() const { return m_xs.size(); }
    bool isEmpty() const { return m_xs.empty(); }

    double x(std::size_t i) const { return m_xs[i]; }
    double y(std::size_t i) const { return m_ys[i]; }
    const std::vector<double> &xs() const { return m_xs; }
    const std::vector<double> &ys() const { return m_ys; }

    // Mutations; indices must be valid (checked with Q_ASSERT).
    void append(double x, double y);
    // Puts (x, y) before point i (at the end when i is size()).
    void insert(std::size_t i, double x, double y);
    void setPoint(std::size_t i, double x, double y);
    void remove(std::size_t i);

    // True when every x is 0 (or there are no points): the loss of y = w·x ignores w.
    bool allXZero() const;

    // The mean of x and its standard deviation over the points (dividing by n), from scaled
    // sums so that x near 1e-300 or 1e300 lose nothing; both 0 for no points.
    struct Spread
    {
        double mean = 0.0;
        double deviation = 0.0;
    };
    Spread xSpread() const;

    // The points' moments (means, centred sums, largest values), kept up to date by every
    // mutation at the cost of one block of points (see BlockedMoments).
    const Moments &moments() const { return m_moments.total(); }

    bool operator==(const Dataset &other) const { return m_xs == other.m_xs && m_ys == other.m_ys; }

private:
    std::vector<double> m_xs;
    std::vector<double> m_ys;
    BlockedMoments m_moments;
};

Q_DECLARE_METATYPE(Dataset)
