#pragma once

#include "dataset.h"
#include "objective.h"

#include <QObject>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

// Samples a loss over a grid of parameters (every w of a list with every b of another), on a
// thread of its own when that takes a while, so that a curve or a map over a million points
// never holds up the window. A grid being sampled is finished and reported; of the requests
// that came meanwhile only the latest is sampled next, so a steady stream of requests (a
// dragged point, a training run) shows a fresh grid as often as one can be sampled.
//
// Results cross threads under a mutex; the signal `sampled` carries nothing, and the receiver
// collects the grid with takeResult() (Qt's event queue is not visible to ThreadSanitizer).
class LossSampler : public QObject
{
    Q_OBJECT

public:
    struct Grid
    {
        std::vector<double> ws;
        std::vector<double> bs;
        std::vector<double>
            losses; // row-major: losses[row·ws.size() + column] at (ws[column], bs[row])
        std::uint64_t request = 0;
    };

    explicit LossSampler(QObject *parent = nullptr);
    ~LossSampler() override;

    // The loss at every (w, b) of the grid, here and now.
    static std::vector<double> sample(const Dataset &data, const Objective &objective,
                                      const std::vector<double> &ws, const std::vector<double> &bs);
    // True when sampling `samples` points of the loss costs about a millisecond or less: the
    // MSE from the data's moments, or few points.
    static bool isCheap(const Dataset &data, const Objective &objective, std::size_t samples);

    // Asks for the grid on the sampling thread and returns the request's number (increasing);
    // `sampled` is emitted when it is ready, unless a newer request replaced it before its
    // sampling began.
    std::uint64_t request(Dataset data, const Objective &objective, std::vector<double> ws,
                          std::vector<double> bs);
    // Abandons every request made so far: none will be reported. For when a newer grid was
    // sampled here and now.
    void cancel();
    // The latest request's number (0 before any), and whether a request is still waiting or
    // being sampled.
    std::uint64_t latestRequest() const;
    bool isBusy() const;
    // The newest finished grid, once; empty when there is none (yet).
    std::optional<Grid> takeResult();

Q_SIGNALS:
    void sampled();

private:
    struct Job
    {
        Dataset data;
        Objective objective;
        Grid grid;
    };

    void run();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Job> m_pending;
    std::optional<Grid> m_result;
    std::uint64_t m_latest = 0;
    std::uint64_t m_cancelled = 0; // requests up to this number are not reported
    bool m_busy = false;
    bool m_stopping = false;
    std::thread m_thread;
};
