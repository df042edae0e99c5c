#include "moments.h"

#include "scaledarray.h"

#include <algorithm>
#include <cmath>

Moments Moments::of(const double *xs, const double *ys, std::size_t n)
{
    Moments m;
    if (n == 0)
        return m;
    double sumX = 0.0;
    double sumY = 0.0;
    double maxX = 0.0;
    double maxY = 0.0;
#pragma omp simd reduction(+ : sumX, sumY) reduction(max : maxX, maxY)
    for (std::size_t i = 0; i < n; ++i) {
        sumX += xs[i];
        sumY += ys[i];
        maxX = std::max(maxX, std::fabs(xs[i]));
        maxY = std::max(maxY, std::fabs(ys[i]));
    }
    m.count = double(n);
    m.meanX = sumX / m.count;
    m.meanY = sumY / m.count;
    m.maxAbsX = maxX;
    m.maxAbsY = maxY;

    const double meanX = m.meanX;
    const double meanY = m.meanY;
    double cxx = 0.0;
    double cxy = 0.0;
    double cyy = 0.0;
#pragma omp simd reduction(+ : cxx, cxy, cyy)
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = xs[i] - meanX;
        const double dy = ys[i] - meanY;
        cxx += dx * dx;
        cxy += dx * dy;
        cyy += dy * dy;
    }
    m.cxx = cxx;
    m.cxy = cxy;
    m.cyy = cyy;
    return m;
}

Moments Moments::merged(const Moments &a, const Moments &b)
{
    if (b.count == 0.0)
        return a;
    if (a.count == 0.0)
        return b;
    // With d the difference of the means, the centred sums of the union gain
    // (nₐ·n_b/n)·dx·dy over the two parts' own.
    Moments m;
    m.count = a.count + b.count;
    const double dx = b.meanX - a.meanX;
    const double dy = b.meanY - a.meanY;
    const double share = b.count / m.count;
    m.meanX = a.meanX + dx * share;
    m.meanY = a.meanY + dy * share;
    const double weight = a.count * share;
    m.cxx = a.cxx + b.cxx + weight * dx * dx;
    m.cxy = a.cxy + b.cxy + weight * dx * dy;
    m.cyy = a.cyy + b.cyy + weight * dy * dy;
    m.maxAbsX = std::max(a.maxAbsX, b.maxAbsX);
    m.maxAbsY = std::max(a.maxAbsY, b.maxAbsY);
    return m;
}

bool Moments::isEveryday() const
{
    return ScaledArray::isEveryday(maxAbsX) && ScaledArray::isEveryday(maxAbsY);
}
