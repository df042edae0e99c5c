#pragma once

#include <Eigen/Core>

// An array of doubles held as mantissas times one power of two, values = mantissas · 2^exponent,
// with the largest |mantissa| in [0.5, 1), or within 2^±400 with exponent 0 (everyday data,
// left as they are): sums of products of such arrays neither overflow nor underflow on the
// way, whatever the data's magnitude.
//
// Scaling by a power of two is exact, and it commutes with every rounding, so as long as the
// plain computation does not overflow or underflow, a result from here is bit for bit the
// plain one. The scale is put back once, at the end, with std::ldexp: a result is ±inf only
// when its true value is beyond DBL_MAX, and it underflows to 0 only when its true value is
// below the smallest double. Mantissas far below the largest (by more than 2^-1022) may
// underflow; their share of any mean is below the last bit of it.
class ScaledArray
{
public:
    ScaledArray() = default;
    // `values` must be finite. An empty or all-zero array has exponent 0.
    explicit ScaledArray(const Eigen::Ref<const Eigen::ArrayXd> &values);
    // Mantissas given with their exponent (each |mantissa| at most a few units).
    ScaledArray(Eigen::ArrayXd mantissas, int exponent);

    const Eigen::ArrayXd &mantissas() const { return m_mantissas; }
    int exponent() const { return m_exponent; }

    // mean(values); 0 for no values.
    double mean() const;
    // mean(values · other's values), of equal sizes.
    double meanProduct(const ScaledArray &other) const;
    // The same with plain values, scaled only where they need it (no copy otherwise).
    double meanProduct(const Eigen::Ref<const Eigen::ArrayXd> &values) const;
    // Σ values · other's values / Σ values², the least-squares slope through the origin;
    // NaN when every value is 0.
    double ratioOfSums(const ScaledArray &other) const;

    // As the constructor, but scaling `values` in place instead of copying them.
    static ScaledArray adopting(Eigen::ArrayXd values);

    // The exponent e with |value| = m·2^e, m in [0.5, 1) (std::frexp's); 0 for 0.
    static int exponentOf(double value);
    // True for 0 and for magnitudes within 2^±400, which need no scaling: no product of two
    // such values, nor a sum of them, can overflow or underflow.
    static bool isEveryday(double value);
    // value · 2^-exponent, exact unless the result is subnormal, for any exponent (a single
    // factor 2^-exponent may not be representable).
    static Eigen::ArrayXd scaledDown(const Eigen::Ref<const Eigen::ArrayXd> &values, int exponent);

private:
    Eigen::ArrayXd m_mantissas;
    int m_exponent = 0;
};
