#pragma once

#include "csvreader.h"

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

// A CsvRowHandler that passes the rows it receives on to another handler, in order, on a
// thread of its own: the reader's thread splits the text into cells while this one handles
// them (NumericTable parses the numbers), so that a large file is read on two cores. Rows are
// copied into batches of about `batchBytes`; the thread starts with the second batch, so a
// small file is handled on the caller's thread and starts none.
//
// start() is passed on at once, on the caller's thread: CsvReader calls it before any row.
class BackgroundRowHandler : public CsvRowHandler
{
public:
    static constexpr std::size_t DefaultBatchBytes = std::size_t(256) * 1024;

    explicit BackgroundRowHandler(CsvRowHandler *target,
                                  std::size_t batchBytes = DefaultBatchBytes);
    // Drops the rows not yet handled (a read that failed) and waits for the thread.
    ~BackgroundRowHandler() override;

    BackgroundRowHandler(const BackgroundRowHandler &) = delete;
    BackgroundRowHandler &operator=(const BackgroundRowHandler &) = delete;

    void start(char separator, std::span<const CsvCell> first, bool isHeader) override;
    void row(std::span<const CsvCell> cells, int line) override;

    // Returns once the target has handled every row received; rethrows what the target threw
    // (on either thread). Rows received afterwards start a new round.
    void finish();

private:
    // Rows as copies of their text, with each cell's place in it.
    struct Batch
    {
        struct Cell
        {
            std::size_t offset = 0;
            std::size_t size = 0;
            bool ascii = true;
        };
        struct Row
        {
            std::size_t cellsEnd = 0; // one past the row's last cell in `cells`
            int line = 0;
        };

        std::string text;
        std::vector<Cell> cells;
        std::vector<Row> rows;

        std::size_t bytes() const { return text.size() + cells.size() * sizeof(Cell); }
        void clear();
    };

    void handOver();
    void run();
    void deliver(const Batch &batch, std::vector<CsvCell> *cells);

    CsvRowHandler *m_target;
    std::size_t m_batchBytes;
    Batch m_filling; // the caller's
    Batch m_handed; // the thread's while m_busy, else the caller's
    std::vector<CsvCell> m_cells; // for rows handled on the caller's thread
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_busy = false; // guarded by m_mutex, as are the two below
    bool m_stop = false;
    std::exception_ptr m_failure;
};
