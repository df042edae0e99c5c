#pragma once

#include "dataset.h"
#include "parameterrange.h"

#include <QTimer>
#include <QWidget>

#include <cstddef>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;

// Replays the lesson's brute-force search: every w of the grid is evaluated in turn, its
// block of the printout (the same text as `losslab grid`) is appended to the log and the
// point is dropped onto the loss curve; at the end the best w is named.
class GridSearchPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GridSearchPanel(QWidget *parent = nullptr);

    // Starts a replay over `range` (from its minimum to its maximum by its step).
    void start(const Dataset &data, const ParameterRange &range);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }
    // Shows every remaining point at once.
    void finish();

    QPushButton *runButton() const { return m_run; }
    QPlainTextEdit *log() const { return m_log; }

    static constexpr int replayIntervalMs = 40;
    // The log lists each w's first points only: a large data set's whole printout (41 lines
    // a point) is the command line's `grid`, which streams it.
    static constexpr std::size_t shownPoints = 20;

Q_SIGNALS:
    void runRequested();
    void started();
    void pointEvaluated(double w, double loss);

private:
    void revealNext();

    QPushButton *m_run;
    QLabel *m_summary;
    QPlainTextEdit *m_log;
    QTimer m_timer;
    Dataset m_data;
    std::vector<double> m_grid;
    std::size_t m_next = 0;
    int m_decimals = 1;
    double m_bestW = 0.0;
    double m_bestLoss = 0.0;
};
