#pragma once
// Training runs queued on ONE worker thread, executed one after another in the order they
// were added. Lives on the GUI thread: enqueue(), cancel and pause come from the GUI; the
// worker's signals arrive here queued and are re-emitted, so everything connected to this
// object runs on the GUI thread.
//
//     TrainingQueue queue(project.path());
//     connect(&queue, &TrainingQueue::stepRecorded, chart, ...);
//     int id = queue.enqueue(config, "first");   // starts at once when idle
//
// Includes core/train/trainer.h (torch-free): internal to ui/train and its tests.
#include <optional>
#include <vector>

#include <QObject>
#include <QString>

#include "ui/train/training_worker.h"

class QThread;

namespace tbui {

class TrainingQueue : public QObject {
    Q_OBJECT
public:
    enum class State { Queued, Running, Finished };

    struct Entry {
        int id = 0;
        QString name;
        tb::TrainConfig config;
        State state = State::Queued;
        bool paused = false;
        bool resume = false;  // continue from the output folder's last checkpoint
        // replace: an earlier output in the output folder is removed first (the run dialog's choice)
        tb::Overwrite overwrite = tb::Overwrite::refuse;
        tb::TrainResult result;  // valid when Finished
    };

    explicit TrainingQueue(QString projectPath, QObject* parent = nullptr);
    // Cancels the running job, drops the queued ones and waits for the thread: a cancelled run
    // writes its checkpoint, so this returns after at most one optimizer step.
    ~TrainingQueue() override;

    // Adds a run; starts it when nothing is running. Returns its id (1, 2, ...).
    int enqueue(const tb::TrainConfig& config, const QString& name = {}, bool resume = false,
                tb::Overwrite overwrite = tb::Overwrite::refuse);
    // Removes a run that has not started; false when it is running, finished or unknown.
    bool removeQueued(int id);

    void cancelCurrent();
    void pauseCurrent();
    void resumeCurrent();

    std::optional<int> currentId() const { return current_ ? std::optional<int>(current_->id) : std::nullopt; }
    bool isBusy() const { return current_.has_value(); }
    bool isPaused() const;
    const std::vector<Entry>& entries() const { return entries_; }
    const Entry* entry(int id) const;
    int queuedCount() const;

Q_SIGNALS:
    void queueChanged();
    void jobStarted(int id);
    void progressChanged(int id, qint64 done, qint64 total, const QString& stage);
    void preflightReady(int id, const QString& reportText);
    void stepRecorded(int id, const tb::StepMetrics& metrics);
    void validationRecorded(int id, const tb::ValidationMetrics& metrics);
    void logLine(int id, const QString& line);
    void jobFinished(int id, const tb::TrainResult& result);
    void idle();  // the last queued run has finished

private:
    void startNext();
    void onWorkerFinished(int id, const tb::TrainResult& result);
    Entry* findEntry(int id);

    QThread* thread_ = nullptr;
    TrainingWorker* worker_ = nullptr;
    std::vector<Entry> entries_;
    std::optional<TrainingJob> current_;  // the job on the worker thread (its tokens)
    int nextId_ = 1;
};

const char* toString(TrainingQueue::State state);

}  // namespace tbui
