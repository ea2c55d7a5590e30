#include "ui/common/progress_throttle.h"

namespace tbui {

ProgressThrottle::ProgressThrottle(qint64 intervalMs) : intervalMs_(intervalMs) { sinceLastAdmitted_.start(); }

bool ProgressThrottle::admit(const tb::Progress& progress) {
    const bool finalStep = progress.total > 0 && progress.done >= progress.total;
    const bool stageChanged = progress.stage != lastStage_;
    if (admittedOnce_ && !finalStep && !stageChanged && sinceLastAdmitted_.elapsed() < intervalMs_) return false;
    admittedOnce_ = true;
    lastStage_ = progress.stage;
    sinceLastAdmitted_.restart();
    return true;
}

}  // namespace tbui
