#pragma once
// A run's status and stop reason (core/project/runs.h) in words a reviewer reads: one place
// for the overview, the training panel and the eval panel.
#include <optional>

#include <QString>

#include "core/project/runs.h"

namespace tbui {

// "completed", "stopped early", "failed", ... translated; a training run that stopped early
// is Completed and says so through its stop reason.
QString runStatusText(tb::RunStatus status, std::optional<tb::RunStopReason> stopReason = std::nullopt);
QString runStatusText(const tb::Run& run);

// A sentence for the status cell's tooltip: why the run ended ("" when no reason is stored).
QString runStopReasonText(std::optional<tb::RunStopReason> stopReason);

}  // namespace tbui
