#include "ui/train/training_queue.h"

#include <algorithm>

#include <QThread>

namespace tbui {

const char* toString(TrainingQueue::State state) {
    switch (state) {
        case TrainingQueue::State::Queued:
            return "queued";
        case TrainingQueue::State::Running:
            return "running";
        case TrainingQueue::State::Finished:
            return "finished";
    }
    return "";
}

TrainingQueue::TrainingQueue(QString projectPath, QObject* parent) : QObject(parent) {
    registerTrainingMetaTypes();
    thread_ = new QThread;
    thread_->setObjectName(QStringLiteral("tunebench-training"));
    worker_ = new TrainingWorker(std::move(projectPath));
    worker_->moveToThread(thread_);
    // Worker -> queue: all queued (the worker emits on the training thread).
    connect(worker_, &TrainingWorker::progressChanged, this, &TrainingQueue::progressChanged, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::preflightReady, this, &TrainingQueue::preflightReady, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::stepRecorded, this, &TrainingQueue::stepRecorded, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::validationRecorded, this, &TrainingQueue::validationRecorded,
            Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::logLine, this, &TrainingQueue::logLine, Qt::QueuedConnection);
    connect(worker_, &TrainingWorker::finished, this, &TrainingQueue::onWorkerFinished, Qt::QueuedConnection);
    thread_->start();
}

TrainingQueue::~TrainingQueue() {
    // Nothing queued may start any more; the running job stops at its next cancel check.
    entries_.erase(
        std::remove_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.state == State::Queued; }),
        entries_.end());
    if (current_) {
        current_->cancel->cancel();
        current_->pause->resume();  // a paused run must wake up to see the cancel
    }
    thread_->quit();  // processed after run() returns: the thread's loop handles events in order
    thread_->wait();
    delete worker_;
    delete thread_;
}

int TrainingQueue::enqueue(const tb::TrainConfig& config, const QString& name, bool resume, tb::Overwrite overwrite) {
    Entry entry;
    entry.id = nextId_++;
    entry.name = name.isEmpty() ? QStringLiteral("run %1").arg(entry.id) : name;
    entry.config = config;
    entry.resume = resume;
    entry.overwrite = overwrite;
    entries_.push_back(std::move(entry));
    Q_EMIT queueChanged();
    if (!current_) startNext();
    return entries_.back().id;
}

bool TrainingQueue::removeQueued(int id) {
    auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == id; });
    if (it == entries_.end() || it->state != State::Queued) return false;
    entries_.erase(it);
    Q_EMIT queueChanged();
    return true;
}

void TrainingQueue::cancelCurrent() {
    if (!current_) return;
    current_->cancel->cancel();
    current_->pause->resume();
}

void TrainingQueue::pauseCurrent() {
    if (!current_) return;
    current_->pause->pause();
    if (auto* e = findEntry(current_->id)) e->paused = true;
    Q_EMIT queueChanged();
}

void TrainingQueue::resumeCurrent() {
    if (!current_) return;
    current_->pause->resume();
    if (auto* e = findEntry(current_->id)) e->paused = false;
    Q_EMIT queueChanged();
}

bool TrainingQueue::isPaused() const { return current_ && current_->pause->paused(); }

const TrainingQueue::Entry* TrainingQueue::entry(int id) const {
    for (const auto& e : entries_)
        if (e.id == id) return &e;
    return nullptr;
}

TrainingQueue::Entry* TrainingQueue::findEntry(int id) {
    for (auto& e : entries_)
        if (e.id == id) return &e;
    return nullptr;
}

int TrainingQueue::queuedCount() const {
    return static_cast<int>(
        std::count_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.state == State::Queued; }));
}

void TrainingQueue::startNext() {
    auto it = std::find_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.state == State::Queued; });
    if (it == entries_.end()) {
        Q_EMIT idle();
        return;
    }
    it->state = State::Running;
    TrainingJob job;
    job.id = it->id;
    job.name = it->name;
    job.config = it->config;
    job.resume = it->resume;
    job.overwrite = it->overwrite;
    current_ = job;
    // The job (and its shared tokens) is copied into the call: the worker thread owns its copy.
    QMetaObject::invokeMethod(
        worker_, [worker = worker_, job]() { worker->run(job); }, Qt::QueuedConnection);
    Q_EMIT jobStarted(job.id);
    Q_EMIT queueChanged();
}

void TrainingQueue::onWorkerFinished(int id, const tb::TrainResult& result) {
    if (auto* e = findEntry(id)) {
        e->state = State::Finished;
        e->paused = false;
        e->result = result;
    }
    current_.reset();
    Q_EMIT jobFinished(id, result);
    Q_EMIT queueChanged();
    startNext();
}

}  // namespace tbui
