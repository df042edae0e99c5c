#include "scaledarray.h"

#include <QtGlobal>

#include <cmath>
#include <utility>

namespace {

// The exponent of the largest |value|, or 0 when it is everyday (see isEveryday): then the
// values are taken as they are.
int scaleOf(const Eigen::Ref<const Eigen::ArrayXd> &values)
{
    Q_ASSERT(values.allFinite());
    const double largest = values.size() > 0 ? values.abs().maxCoeff() : 0.0;
    return ScaledArray::isEveryday(largest) ? 0 : ScaledArray::exponentOf(largest);
}

} // namespace

ScaledArray::ScaledArray(const Eigen::Ref<const Eigen::ArrayXd> &values)
    : m_exponent(scaleOf(values))
{
    m_mantissas = scaledDown(values, m_exponent);
}

ScaledArray ScaledArray::adopting(Eigen::ArrayXd values)
{
    const int exponent = scaleOf(values);
    if (exponent != 0)
        values = scaledDown(values, exponent);
    return ScaledArray(std::move(values), exponent);
}

ScaledArray::ScaledArray(Eigen::ArrayXd mantissas, int exponent)
    : m_mantissas(std::move(mantissas))
    , m_exponent(exponent)
{
}

double ScaledArray::mean() const
{
    if (m_mantissas.size() == 0)
        return 0.0;
    return std::ldexp(m_mantissas.mean(), m_exponent);
}

double ScaledArray::meanProduct(const ScaledArray &other) const
{
    Q_ASSERT(m_mantissas.size() == other.m_mantissas.size());
    if (m_mantissas.size() == 0)
        return 0.0;
    return std::ldexp((m_mantissas * other.m_mantissas).mean(), m_exponent + other.m_exponent);
}

double ScaledArray::meanProduct(const Eigen::Ref<const Eigen::ArrayXd> &values) const
{
    Q_ASSERT(m_mantissas.size() == values.size());
    if (values.size() == 0)
        return 0.0;
    if (scaleOf(values) != 0)
        return meanProduct(ScaledArray(values));
    return std::ldexp((m_mantissas * values).mean(), m_exponent);
}

double ScaledArray::ratioOfSums(const ScaledArray &other) const
{
    Q_ASSERT(m_mantissas.size() == other.m_mantissas.size());
    const double ratio = (m_mantissas * other.m_mantissas).sum() / m_mantissas.square().sum();
    return std::ldexp(ratio, other.m_exponent - m_exponent);
}

int ScaledArray::exponentOf(double value)
{
    int exponent = 0;
    std::frexp(value, &exponent);
    return exponent;
}

bool ScaledArray::isEveryday(double value)
{
    return value == 0.0 || std::abs(exponentOf(value)) <= 400;
}

Eigen::ArrayXd ScaledArray::scaledDown(const Eigen::Ref<const Eigen::ArrayXd> &values, int exponent)
{
    if (exponent == 0)
        return values;
    // Two factors, each a representable power of two, for exponents beyond ±1022.
    const double first = std::ldexp(1.0, -(exponent / 2));
    const double second = std::ldexp(1.0, -(exponent - exponent / 2));
    return values * first * second;
}
