#pragma once
// The object that runs one core job on a worker QThread. JobRunner creates it, moves it
// to its thread, and turns its queued signals into the runner's signals on the GUI thread.
#include <functional>
#include <memory>

#include <QObject>
#include <QString>

#include "core/jobs/job.h"

namespace tbui {

class JobWorker : public QObject {
    Q_OBJECT
public:
    using Work = std::function<void(const tb::JobContext&)>;

    // What came of a run, in the `done` signal (an int, so queued connections need no metatype).
    enum Outcome { Succeeded = 0, Cancelled = 1, Failed = 2 };

    JobWorker(Work work, std::shared_ptr<tb::CancelToken> cancel);

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total, const QString& stage);
    void done(int outcome, const QString& errorMessage);

private:
    Work work_;
    std::shared_ptr<tb::CancelToken> cancel_;
};

}  // namespace tbui
