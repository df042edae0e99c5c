#pragma once

#include <cstddef>

// The first and second moments of a set of points (x, y): their count, means and centred sums
// of squares and products, and the largest |x| and |y|. They give the mean squared error of a
// line y = w·x + b at any (w, b) in constant time (see LossFunction).
//
// Centred sums lose nothing for data far from 0, and two sets' moments merge without looking
// at their points again (Chan, Golub and LeVeque, "Algorithms for computing the sample
// variance", 1983), so a set kept in blocks is summarised after an edit by recomputing only
// the blocks that changed (see BlockedMoments).
struct Moments
{
    double count = 0.0;
    double meanX = 0.0;
    double meanY = 0.0;
    double cxx = 0.0; // Σ (x − x̄)²
    double cxy = 0.0; // Σ (x − x̄)(y − ȳ)
    double cyy = 0.0; // Σ (y − ȳ)²
    double maxAbsX = 0.0;
    double maxAbsY = 0.0;

    // The moments of n points, in two passes (means, then centred sums). Values must be
    // finite; sums may overflow for values beyond about 2^±500, which isEveryday() tells.
    static Moments of(const double *xs, const double *ys, std::size_t n);
    // The moments of the union of two disjoint sets.
    static Moments merged(const Moments &a, const Moments &b);

    // True when every |x| and |y| is 0 or within 2^±400: then no sum here, and no quantity
    // LossFunction forms from them for |w|, |b| within 2^400, can overflow or underflow.
    bool isEveryday() const;
};
