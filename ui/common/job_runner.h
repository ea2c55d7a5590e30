#pragma once
// Runs one long core job (import, checks, ...) on its own QThread, so the window stays
// responsive. Progress arrives as a queued signal; cancel() trips the job's
// tb::CancelToken, which core polls often and answers by throwing tb::Cancelled.
#include <memory>

#include <QObject>
#include <QString>

#include "ui/common/job_worker.h"

class QThread;

namespace tbui {

class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;  // cancels a running job and waits for it

    // Starts `work` on a new thread; returns false (and does nothing) while a job runs.
    // `work` must not touch widgets: hand results back through captured shared state,
    // read once `succeeded` has been emitted.
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
    void onWorkerDone(int outcome, const QString& errorMessage);
    void stopThread();

    QThread* thread_ = nullptr;
    JobWorker* worker_ = nullptr;
    std::shared_ptr<tb::CancelToken> cancel_;
};

}  // namespace tbui
