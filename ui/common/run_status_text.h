#pragma once
// The runs table's status and stop reason in words a reviewer reads (the project file stores
// them as English keywords): one place for the overview and the training panel.
#include <QString>

#include <string>

namespace tbui {

// "completed", "stopped early", "failed", ... translated; a training run that stopped early
// is completed in runs.status and says so through its stop reason.
QString runStatusText(const std::string& status, const std::string& stopReason = {});

// A sentence for the status cell's tooltip: why the run ended ("" when nothing is known).
QString runStopReasonText(const std::string& stopReason);

}  // namespace tbui
