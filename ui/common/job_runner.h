#pragma once
// Runs one long core job (import, checks, an evaluation, ...) on its own QThread, so the
// window stays responsive, and hands the job's result to a callback on the GUI thread, the
// way KeePassXC's AsyncTask::runThenCallback does:
//
//     runner->start<tb::CheckReport>(
//         [path](const tb::JobContext& context) {
//             auto project = tb::ProjectFile::open(path);  // one connection per thread
//             return tb::run_checks(project, tb::CheckOptions{}, context);
//         },
//         this, [this](tb::CheckReport report) { panel_->showReport(report); });
//
// Progress arrives as a queued signal, throttled (ui/common/progress_throttle.h). cancel()
// trips the job's tb::CancelToken, which core polls often and answers by throwing
// tb::Cancelled. A job that throws has no result: the runner emits cancelled() or
// failed(message), and the start's onNoResult runs instead of onDone.
#include <functional>
#include <memory>
#include <optional>

#include <QObject>
#include <QPointer>
#include <QString>

#include "ui/common/job_worker.h"

class QThread;

namespace tbui {

// Work that produces a T on the job's thread. It must not touch widgets.
template <typename T>
using JobTask = std::function<T(const tb::JobContext&)>;

class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;  // cancels a running job and waits for it; no callback runs

    // Starts `work` on a new thread; returns false (and does nothing) while a job runs.
    // Once the job has ended and the runner has emitted its signals (so isRunning() is false
    // and the callback may start the next job), exactly one of the callbacks runs, on the
    // GUI thread: onDone with the value `work` returned, or onNoResult (may be empty) when
    // it threw or was cancelled. Neither runs once `context` has been destroyed.
    template <typename T>
    bool start(JobTask<T> work, QObject* context, std::function<void(T)> onDone, std::function<void()> onNoResult = {});

    // Starts work that produces nothing (its outcome comes only as signals).
    bool start(JobWorker::Work work);
    bool isRunning() const { return thread_ != nullptr; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total, const QString& stage);
    void succeeded();
    void cancelled();
    void failed(const QString& message);
    void finished();  // after whichever of the three above

private:
    bool startThread(JobWorker::Work work, std::function<void(bool succeeded)> deliver);
    void onWorkerDone(int outcome, const QString& errorMessage);
    void stopThread();

    QThread* thread_ = nullptr;
    JobWorker* worker_ = nullptr;
    std::shared_ptr<tb::CancelToken> cancel_;
    // The running job's callbacks, bound to its result (empty for untyped work).
    std::function<void(bool succeeded)> deliver_;
};

template <typename T>
bool JobRunner::start(JobTask<T> work, QObject* context, std::function<void(T)> onDone,
                      std::function<void()> onNoResult) {
    // Written on the job's thread before it signals `done`; read on the GUI thread after
    // the queued `done` arrived (the event queue orders the two).
    auto result = std::make_shared<std::optional<T>>();
    return startThread(
        [work = std::move(work), result](const tb::JobContext& jobContext) { result->emplace(work(jobContext)); },
        [result, guard = QPointer<QObject>(context), onDone = std::move(onDone),
         onNoResult = std::move(onNoResult)](bool succeeded) {
            if (!guard) return;
            if (succeeded && result->has_value())
                onDone(std::move(**result));
            else if (onNoResult)
                onNoResult();
        });
}

}  // namespace tbui
