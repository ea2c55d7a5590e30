#pragma once
// The object that runs training jobs on the training QThread, one after another. It lives on
// that thread (TrainingQueue moves it there and calls run() through a queued invocation), opens
// its own ProjectFile per job (one connection per thread), and turns tb::TrainCallbacks, which
// core calls on this thread, into queued signals: widgets are never touched here.
//
// Internal to ui/train: it includes core/train/trainer.h, whose headers bring no torch
// (tests/train/trainer_header_test.cpp checks that).
#include <memory>

#include <QMetaType>
#include <QObject>
#include <QString>

#include "core/train/trainer.h"

Q_DECLARE_METATYPE(tb::StepMetrics)
Q_DECLARE_METATYPE(tb::ValidationMetrics)
Q_DECLARE_METATYPE(tb::TrainResult)

namespace tbui {

// One queued run: what to train, and the tokens the GUI thread uses to cancel or pause it.
struct TrainingJob {
    int id = 0;
    QString name;
    tb::TrainConfig config;
    bool resume = false;  // continue from output_dir/checkpoints
    // replace: an earlier output in output_dir is removed first (the run dialog's choice);
    // refuse: a non-empty output_dir fails the run with core's reason (core/train/train_output.h).
    tb::Overwrite overwrite = tb::Overwrite::refuse;
    std::shared_ptr<tb::CancelToken> cancel = std::make_shared<tb::CancelToken>();
    std::shared_ptr<tb::PauseToken> pause = std::make_shared<tb::PauseToken>();
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(QString projectPath);

    // Runs `job` to its end on the calling thread (the training thread). Never throws: every
    // outcome, failures included, arrives as finished().
    void run(const TrainingJob& job);

Q_SIGNALS:
    void started(int jobId);
    void progressChanged(int jobId, qint64 done, qint64 total, const QString& stage);
    void preflightReady(int jobId, const QString& reportText);
    void stepRecorded(int jobId, const tb::StepMetrics& metrics);
    void validationRecorded(int jobId, const tb::ValidationMetrics& metrics);
    void logLine(int jobId, const QString& line);
    void finished(int jobId, const tb::TrainResult& result);

private:
    QString projectPath_;
};

// Registers the metatypes above for queued connections (idempotent).
void registerTrainingMetaTypes();

}  // namespace tbui
