#include "ui/common/job_worker.h"

#include "core/common/error.h"
#include "ui/common/progress_throttle.h"

namespace tbui {

JobWorker::JobWorker(Work work, std::shared_ptr<tb::CancelToken> cancel)
    : work_(std::move(work)), cancel_(std::move(cancel)) {}

void JobWorker::run() {
    ProgressThrottle throttle;
    tb::JobContext context;
    context.cancel = cancel_;
    context.progress = [&](const tb::Progress& progress) {
        if (throttle.admit(progress))
            Q_EMIT progressChanged(progress.done, progress.total, QString::fromStdString(progress.stage));
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
