#include "backgroundrowhandler.h"

#include <cstdint>
#include <utility>

namespace {

std::uintptr_t addressOf(const char *p)
{
    return reinterpret_cast<std::uintptr_t>(p);
}

} // namespace

void BackgroundRowHandler::Batch::clear()
{
    text.clear();
    cells.clear();
    rows.clear();
}

BackgroundRowHandler::BackgroundRowHandler(CsvRowHandler *target, std::size_t batchBytes)
    : m_target(target)
    , m_batchBytes(batchBytes)
{
}

BackgroundRowHandler::~BackgroundRowHandler()
{
    if (!m_thread.joinable())
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void BackgroundRowHandler::start(char separator, std::span<const CsvCell> first, bool isHeader)
{
    m_target->start(separator, first, isHeader);
}

void BackgroundRowHandler::row(std::span<const CsvCell> cells, int line)
{
    Batch &batch = m_filling;
    if (!cells.empty()) {
        // Cells lie one after another in the reader's text, except the unescaped copies of
        // quoted cells with "" in them: a row without those is copied in one piece.
        const char *begin = cells.front().text.data();
        const char *end = cells.back().text.data() + cells.back().text.size();
        bool inOnePiece = addressOf(begin) <= addressOf(end);
        for (const CsvCell &cell : cells) {
            const std::uintptr_t at = addressOf(cell.text.data());
            inOnePiece =
                inOnePiece && at >= addressOf(begin) && at + cell.text.size() <= addressOf(end);
        }
        if (inOnePiece) {
            const std::size_t base = batch.text.size();
            batch.text.append(begin, end);
            for (const CsvCell &cell : cells) {
                batch.cells.push_back({base + (addressOf(cell.text.data()) - addressOf(begin)),
                                       cell.text.size(), cell.ascii});
            }
        } else {
            for (const CsvCell &cell : cells) {
                batch.cells.push_back({batch.text.size(), cell.text.size(), cell.ascii});
                batch.text.append(cell.text);
            }
        }
    }
    batch.rows.push_back({batch.cells.size(), line});
    if (batch.bytes() >= m_batchBytes)
        handOver();
}

// Gives the filled batch to the thread (starting it the first time), once it is done with the
// one before.
void BackgroundRowHandler::handOver()
{
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_busy; });
        std::swap(m_filling, m_handed);
        m_busy = true;
    }
    m_changed.notify_all();
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
    m_filling.clear();
}

void BackgroundRowHandler::run()
{
    std::vector<CsvCell> cells;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_busy || m_stop; });
        if (m_stop)
            return;
        if (!m_failure) {
            lock.unlock();
            std::exception_ptr failure;
            try {
                deliver(m_handed, &cells);
            } catch (...) {
                failure = std::current_exception();
            }
            lock.lock();
            m_failure = failure;
        }
        m_busy = false;
        m_changed.notify_all();
    }
}

void BackgroundRowHandler::deliver(const Batch &batch, std::vector<CsvCell> *cells)
{
    std::size_t cellsBegin = 0;
    for (const Batch::Row &row : batch.rows) {
        cells->resize(row.cellsEnd - cellsBegin);
        for (std::size_t i = cellsBegin; i < row.cellsEnd; ++i) {
            const Batch::Cell &cell = batch.cells[i];
            (*cells)[i - cellsBegin] =
                CsvCell {std::string_view(batch.text.data() + cell.offset, cell.size), cell.ascii};
        }
        m_target->row(*cells, row.line);
        cellsBegin = row.cellsEnd;
    }
}

void BackgroundRowHandler::finish()
{
    std::exception_ptr failure;
    if (m_thread.joinable()) {
        handOver();
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_busy; });
            m_stop = true;
            failure = std::exchange(m_failure, nullptr);
        }
        m_changed.notify_all();
        m_thread.join();
        m_stop = false;
    } else {
        deliver(m_filling, &m_cells);
        m_filling.clear();
    }
    if (failure)
        std::rethrow_exception(failure);
}
