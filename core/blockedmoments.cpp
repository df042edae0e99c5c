#include "blockedmoments.h"

#include <QtGlobal>

#include <algorithm>
#include <bit>

void BlockedMoments::reset(const std::vector<double> &xs, const std::vector<double> &ys)
{
    m_nodes.clear();
    m_leaves = 0;
    update(xs, ys, 0, xs.size());
}

void BlockedMoments::update(const std::vector<double> &xs, const std::vector<double> &ys,
                            std::size_t first, std::size_t last)
{
    Q_ASSERT(xs.size() == ys.size() && first <= last);
    const std::size_t blocks = (xs.size() + blockSize - 1) / blockSize;
    const std::size_t leaves = std::bit_ceil(std::max<std::size_t>(blocks, 1));
    std::size_t firstBlock = first / blockSize;
    std::size_t lastBlock = last / blockSize;
    if (leaves != m_leaves) {
        // A new shape: every leaf is recomputed.
        m_leaves = leaves;
        m_nodes.assign(2 * leaves, Moments());
        firstBlock = 0;
        lastBlock = leaves - 1;
    }
    lastBlock = std::min(lastBlock, leaves - 1);

    for (std::size_t block = firstBlock; block <= lastBlock; ++block) {
        const std::size_t begin = std::min(block * blockSize, xs.size());
        const std::size_t count = std::min(blockSize, xs.size() - begin);
        m_nodes[m_leaves + block] = Moments::of(xs.data() + begin, ys.data() + begin, count);
    }
    // The parents of the changed leaves, level by level up to the root.
    for (std::size_t low = (m_leaves + firstBlock) / 2, high = (m_leaves + lastBlock) / 2; low >= 1;
         low /= 2, high /= 2) {
        for (std::size_t node = low; node <= high; ++node)
            m_nodes[node] = Moments::merged(m_nodes[2 * node], m_nodes[2 * node + 1]);
    }
}
