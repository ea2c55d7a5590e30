#include "ui/common/job_runner.h"

#include <QThread>

namespace tbui {

JobRunner::JobRunner(QObject* parent) : QObject(parent) {}

JobRunner::~JobRunner() {
    deliver_ = nullptr;  // the callbacks' objects may already be half destroyed
    if (cancel_) cancel_->cancel();
    stopThread();
}

bool JobRunner::start(JobWorker::Work work) { return startThread(std::move(work), nullptr); }

bool JobRunner::startThread(JobWorker::Work work, std::function<void(bool succeeded)> deliver) {
    if (isRunning()) return false;
    deliver_ = std::move(deliver);
    cancel_ = std::make_shared<tb::CancelToken>();
    thread_ = new QThread;
    thread_->setObjectName(QStringLiteral("tunebench-job"));
    worker_ = new JobWorker(std::move(work), cancel_);
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::started, worker_, &JobWorker::run);
    // Both connections are queued: the worker lives on thread_, the runner on the GUI thread.
    connect(worker_, &JobWorker::progressChanged, this, &JobRunner::progressChanged, Qt::QueuedConnection);
    connect(worker_, &JobWorker::done, this, &JobRunner::onWorkerDone, Qt::QueuedConnection);
    thread_->start();
    return true;
}

void JobRunner::cancel() {
    if (cancel_) cancel_->cancel();
}

void JobRunner::onWorkerDone(int outcome, const QString& errorMessage) {
    // run() has returned, so only the thread's event loop is left: this wait is short.
    stopThread();
    // Taken first: a slot below may already start the next job, with callbacks of its own.
    const auto deliver = std::move(deliver_);
    deliver_ = nullptr;
    switch (outcome) {
        case JobWorker::Succeeded:
            Q_EMIT succeeded();
            break;
        case JobWorker::Cancelled:
            Q_EMIT cancelled();
            break;
        default:
            Q_EMIT failed(errorMessage);
            break;
    }
    Q_EMIT finished();
    if (deliver) deliver(outcome == JobWorker::Succeeded);
}

void JobRunner::stopThread() {
    if (!thread_) return;
    thread_->quit();
    thread_->wait();
    // The thread has finished, so deleting its objects from here is safe.
    delete worker_;
    delete thread_;
    worker_ = nullptr;
    thread_ = nullptr;
}

}  // namespace tbui
