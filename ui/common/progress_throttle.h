#pragma once
// The one rule for how often a worker thread forwards core's progress to the GUI (JobWorker
// and TrainingWorker both use it): core may report per record or per example, the GUI needs a
// few updates a second. The first report, a new stage and the final step (done == total)
// always pass, so a bar never stops short of its end; any other passes once `interval` has
// gone by since the last one that passed.
#include <string>

#include <QElapsedTimer>

#include "core/jobs/job.h"

namespace tbui {

class ProgressThrottle {
public:
    static constexpr qint64 kDefaultIntervalMs = 40;

    explicit ProgressThrottle(qint64 intervalMs = kDefaultIntervalMs);

    // True when `progress` should reach the GUI (and counts it as the last one reported).
    bool admit(const tb::Progress& progress);

private:
    qint64 intervalMs_;
    QElapsedTimer sinceLastAdmitted_;
    std::string lastStage_;
    bool admittedOnce_ = false;
};

}  // namespace tbui
