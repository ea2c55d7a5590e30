#include "ui/common/job_worker.h"

#include <QElapsedTimer>

#include "core/common/error.h"

namespace tbui {
namespace {
// Core reports progress per record; the GUI only needs a few updates a second.
constexpr qint64 kProgressIntervalMs = 40;
}  // namespace

JobWorker::JobWorker(Work work, std::shared_ptr<tb::CancelToken> cancel)
    : work_(std::move(work)), cancel_(std::move(cancel)) {}

void JobWorker::run() {
    QElapsedTimer sinceLastReport;
    sinceLastReport.start();
    std::string lastStage;
    bool reportedOnce = false;
    tb::JobContext context;
    context.cancel = cancel_;
    context.progress = [&](const tb::Progress& progress) {
        const bool finalStep = progress.total > 0 && progress.done >= progress.total;
        const bool stageChanged = progress.stage != lastStage;
        if (!reportedOnce || finalStep || stageChanged || sinceLastReport.elapsed() >= kProgressIntervalMs) {
            reportedOnce = true;
            lastStage = progress.stage;
            sinceLastReport.restart();
            Q_EMIT progressChanged(progress.done, progress.total, QString::fromStdString(progress.stage));
        }
    };
    try {
        work_(context);
        Q_EMIT done(Succeeded, QString());
    } catch (const tb::Cancelled&) {
        Q_EMIT done(Cancelled, QString());
    } catch (const std::exception& error) {
        Q_EMIT done(Failed, QString::fromStdString(error.what()));
    } catch (...) {
        Q_EMIT done(Failed, tr("unknown error"));
    }
}

}  // namespace tbui
