#include "ui/common/run_status_text.h"

#include <QCoreApplication>

namespace tbui {

QString runStatusText(tb::RunStatus status, std::optional<tb::RunStopReason> stopReason) {
    switch (status) {
        case tb::RunStatus::Pending:
            return QCoreApplication::translate("RunStatus", "pending");
        case tb::RunStatus::Running:
            return QCoreApplication::translate("RunStatus", "running");
        case tb::RunStatus::Completed:
            return stopReason == tb::RunStopReason::EarlyStopping
                       ? QCoreApplication::translate("RunStatus", "stopped early")
                       : QCoreApplication::translate("RunStatus", "completed");
        case tb::RunStatus::Failed:
            return QCoreApplication::translate("RunStatus", "failed");
        case tb::RunStatus::Cancelled:
            return QCoreApplication::translate("RunStatus", "cancelled");
    }
    return QString::fromLatin1(tb::to_string(status));
}

QString runStatusText(const tb::Run& run) { return runStatusText(run.status, run.stop_reason); }

QString runStopReasonText(std::optional<tb::RunStopReason> stopReason) {
    if (!stopReason) return {};
    switch (*stopReason) {
        case tb::RunStopReason::AllSteps:
            return QCoreApplication::translate("RunStatus", "Ran every planned step.");
        case tb::RunStopReason::EarlyStopping:
            return QCoreApplication::translate(
                "RunStatus",
                "Stopped early: the validation loss stopped improving for the patience set in the run. The adapter "
                "holds the best validation checkpoint.");
        case tb::RunStopReason::NonFiniteLoss:
            return QCoreApplication::translate(
                "RunStatus", "Stopped: the loss became NaN or infinite. The last good checkpoint was kept.");
        case tb::RunStopReason::NonFiniteGradNorm:
            return QCoreApplication::translate(
                "RunStatus", "Stopped: the gradient norm became NaN or infinite. The last good checkpoint was kept.");
        case tb::RunStopReason::Error:
            return QCoreApplication::translate("RunStatus", "Stopped by an error: see the run's log.");
        case tb::RunStopReason::Cancelled:
            return QCoreApplication::translate("RunStatus", "Cancelled; it can be resumed from its last checkpoint.");
    }
    return {};
}

}  // namespace tbui
