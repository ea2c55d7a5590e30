#include "ui/common/run_status_text.h"

#include <QCoreApplication>

namespace tbui {

QString runStatusText(const std::string& status, const std::string& stopReason) {
    if (status == "completed" && stopReason == "early_stopping")
        return QCoreApplication::translate("RunStatus", "stopped early");
    if (status == "pending") return QCoreApplication::translate("RunStatus", "pending");
    if (status == "running") return QCoreApplication::translate("RunStatus", "running");
    if (status == "completed") return QCoreApplication::translate("RunStatus", "completed");
    if (status == "failed") return QCoreApplication::translate("RunStatus", "failed");
    if (status == "cancelled") return QCoreApplication::translate("RunStatus", "cancelled");
    return QString::fromStdString(status);
}

QString runStopReasonText(const std::string& stopReason) {
    if (stopReason == "all_steps") return QCoreApplication::translate("RunStatus", "Ran every planned step.");
    if (stopReason == "early_stopping")
        return QCoreApplication::translate(
            "RunStatus",
            "Stopped early: the validation loss stopped improving for the patience set in the run. The adapter "
            "holds the best validation checkpoint.");
    if (stopReason == "non_finite_loss")
        return QCoreApplication::translate(
            "RunStatus", "Stopped: the loss became NaN or infinite. The last good checkpoint was kept.");
    if (stopReason == "non_finite_grad_norm")
        return QCoreApplication::translate(
            "RunStatus", "Stopped: the gradient norm became NaN or infinite. The last good checkpoint was kept.");
    if (stopReason == "error")
        return QCoreApplication::translate("RunStatus", "Stopped by an error: see the run's log.");
    if (stopReason == "cancelled")
        return QCoreApplication::translate("RunStatus", "Cancelled; it can be resumed from its last checkpoint.");
    return {};
}

}  // namespace tbui
