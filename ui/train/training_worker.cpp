#include "ui/train/training_worker.h"

#include "core/common/error.h"
#include "core/project/project_file.h"
#include "ui/common/progress_throttle.h"

namespace tbui {

void registerTrainingMetaTypes() {
    qRegisterMetaType<tb::StepMetrics>("tb::StepMetrics");
    qRegisterMetaType<tb::ValidationMetrics>("tb::ValidationMetrics");
    qRegisterMetaType<tb::TrainResult>("tb::TrainResult");
}

TrainingWorker::TrainingWorker(QString projectPath) : projectPath_(std::move(projectPath)) {}

void TrainingWorker::run(const TrainingJob& job) {
    const int id = job.id;
    Q_EMIT started(id);

    // Core may report progress per example while formatting: the GUI gets a few a second.
    ProgressThrottle throttle;
    tb::JobContext context;
    context.cancel = job.cancel;
    context.progress = [&](const tb::Progress& p) {
        if (throttle.admit(p)) Q_EMIT progressChanged(id, p.done, p.total, QString::fromStdString(p.stage));
    };

    // Called on this thread by core: only queued signals leave here.
    tb::TrainCallbacks callbacks;
    callbacks.on_preflight = [&](const tb::PreflightReport& report) {
        Q_EMIT preflightReady(id, QString::fromStdString(report.to_text()));
    };
    callbacks.on_step = [&](const tb::StepMetrics& m) { Q_EMIT stepRecorded(id, m); };
    callbacks.on_validation = [&](const tb::ValidationMetrics& m) { Q_EMIT validationRecorded(id, m); };
    callbacks.on_log = [&](const std::string& line) { Q_EMIT logLine(id, QString::fromStdString(line)); };

    tb::TrainResult result;
    result.output_dir = job.config.output_dir;
    try {
        auto project = tb::ProjectFile::open(projectPath_.toStdString());
        tb::Trainer trainer(project, job.config);
        result = trainer.run(callbacks, context, job.resume, job.pause, job.overwrite);
    } catch (const tb::Cancelled&) {
        // Cancelled before the loop started (while formatting or timing the warm-up).
        result.status = tb::RunStatus::Cancelled;
        result.stop_reason = tb::RunStopReason::Cancelled;
        result.message = "cancelled before the first step";
    } catch (const std::exception& error) {
        result.status = tb::RunStatus::Failed;
        result.stop_reason = tb::RunStopReason::Error;
        result.message = error.what();
        Q_EMIT logLine(id, QStringLiteral("error: ") + QString::fromStdString(error.what()));
    } catch (...) {
        result.status = tb::RunStatus::Failed;
        result.stop_reason = tb::RunStopReason::Error;
        result.message = "unknown error";
    }
    Q_EMIT finished(id, result);
}

}  // namespace tbui
