#include "dataset.h"

#include "lossfunction.h"
#include "scaledarray.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <utility>

Dataset::Dataset(std::vector<double> xs, std::vector<double> ys)
    : m_xs(std::move(xs))
    , m_ys(std::move(ys))
{
    Q_ASSERT(m_xs.size() == m_ys.size());
    m_moments.reset(m_xs, m_ys);
}

Dataset Dataset::lesson()
{
    return Dataset({1.0, 2.0, 3.0}, {2.0, 4.0, 6.0});
}

void Dataset::append(double x, double y)
{
    m_xs.push_back(x);
    m_ys.push_back(y);
    m_moments.update(m_xs, m_ys, size() - 1, size() - 1);
}

void Dataset::insert(std::size_t i, double x, double y)
{
    Q_ASSERT(i <= size());
    m_xs.insert(m_xs.begin() + std::ptrdiff_t(i), x);
    m_ys.insert(m_ys.begin() + std::ptrdiff_t(i), y);
    m_moments.update(m_xs, m_ys, i, size() - 1);
}

void Dataset::setPoint(std::size_t i, double x, double y)
{
    Q_ASSERT(i < size());
    m_xs[i] = x;
    m_ys[i] = y;
    m_moments.update(m_xs, m_ys, i, i);
}

void Dataset::remove(std::size_t i)
{
    Q_ASSERT(i < size());
    m_xs.erase(m_xs.begin() + std::ptrdiff_t(i));
    m_ys.erase(m_ys.begin() + std::ptrdiff_t(i));
    m_moments.update(m_xs, m_ys, i, size());
}

Dataset::Spread Dataset::xSpread() const
{
    if (isEmpty())
        return {};
    if (const Moments *m = LossFunction::summary(*this))
        return {m->meanX, std::sqrt(m->cxx / m->count)};
    const ScaledArray x(Eigen::Map<const Eigen::ArrayXd>(m_xs.data(), Eigen::Index(size())));
    const double mean = x.mantissas().mean();
    const double variance = (x.mantissas() - mean).square().mean();
    return {std::ldexp(mean, x.exponent()), std::ldexp(std::sqrt(variance), x.exponent())};
}

bool Dataset::allXZero() const
{
    return moments().maxAbsX == 0.0;
}
