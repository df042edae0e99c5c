// Feeds arbitrary bytes to SessionFile::fromJson and checks every session it accepts: its
// values are in range and it writes back as text that reads back to the same session, with
// no warning.

#include "fuzzcheck.h"
#include "sessionfile.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {

void checkSession(const Session &session)
{
    const Dataset &data = session.data;
    fuzzCheck(data.xs().size() == data.ys().size(), "x and y have as many values");
    for (std::size_t i = 0; i < data.size(); ++i)
        fuzzCheck(std::isfinite(data.x(i)) && std::isfinite(data.y(i)), "every point is finite");
    fuzzCheck(session.objective.delta > 0.0 && std::isfinite(session.objective.delta),
              "δ is positive");
    fuzzCheck(session.training.learningRate > 0.0 && std::isfinite(session.training.learningRate),
              "the learning rate is positive");
    fuzzCheck(session.training.maxSteps >= 1, "the step limit is positive");
    fuzzCheck(std::isfinite(session.w) && std::isfinite(session.b), "w and b are finite");

    std::vector<OptimizerKind> kinds = {session.optimizer.kind};
    for (const OptimizerSettings &rival : session.rivals)
        kinds.push_back(rival.kind);
    std::sort(kinds.begin(), kinds.end());
    fuzzCheck(std::adjacent_find(kinds.begin(), kinds.end()) == kinds.end(),
              "each optimizer races once");
    fuzzCheck(session.trails.size() <= session.rivals.size() + 1, "one trail per racer at most");
    for (std::size_t racer = 0; racer < session.trails.size(); ++racer) {
        for (const TrainingStep &step : session.trails[racer].steps) {
            fuzzCheck(step.isFinite(), "every step is finite");
            fuzzCheck(step.racer == int(racer), "a step belongs to its trail's racer");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList warnings;
    QString error;
    const std::optional<Session> session = SessionFile::fromJson(bytes, &warnings, &error);
    if (!session) {
        fuzzCheck(!error.isEmpty(), "a refused file comes with a message");
        fuzzCheck(!error.contains(u'\n'), "the message is one line");
        return 0;
    }
    fuzzCheck(error.isEmpty(), "an accepted file has no error");
    checkSession(*session);

    const QByteArray written = SessionFile::toJson(*session);
    QStringList rewarnings;
    const std::optional<Session> again = SessionFile::fromJson(written, &rewarnings, &error);
    fuzzCheck(again.has_value(), "a written session reads back");
    fuzzCheck(rewarnings.isEmpty(), "a written session lacks nothing");
    fuzzCheck(SessionFile::toJson(*again) == written, "a session reads back bit for bit");
    return 0;
}
