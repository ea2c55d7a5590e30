#pragma once
// The training screen: "New run..." opens the run dialog; runs wait in a queue and train one
// after another on one worker thread while the window stays responsive; live charts (loss
// and validation loss, learning rate, tokens/s), a progress bar with the ETA, pause/resume
// and cancel, the run's log; and the project's past training runs, each selectable to show
// its stored metrics.
//
//     auto* panel = new tbui::TrainingPanel(project);
//     panel->setStartingSettings(tb::starting_settings(...));  // advisor defaults
//
// TrainConfig is only declared: widgets that include this header need none of the trainer.
#include <cstdint>
#include <memory>
#include <optional>

#include <QStringList>
#include <QWidget>

#include "core/advisor/training_settings.h"
#include "core/common/output_file.h"

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tb {
class ProjectFile;
struct TrainConfig;
struct TrainResult;
}  // namespace tb

namespace tbui {

class RunDialog;
class TrainingCharts;
class TrainingQueue;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPanel(tb::ProjectFile& project, QWidget* parent = nullptr);
    ~TrainingPanel() override;  // cancels the running job and waits for it

    // The advisor's settings the run dialog starts from (tb::apply_starting_settings).
    void setStartingSettings(const tb::StartingSettings& settings);
    const std::optional<tb::StartingSettings>& startingSettings() const { return starting_; }

    // Queues a run (starts at once when idle); returns its queue id.
    int enqueueRun(const tb::TrainConfig& config, const QString& name = {},
                   tb::Overwrite overwrite = tb::Overwrite::refuse);
    // A dialog preset with the suggestions and the last run's folders (not shown).
    std::unique_ptr<RunDialog> createRunDialog();

    void refreshPastRuns();
    // Shows a stored run's metrics in the charts and its log; false when the run is unknown.
    bool showPastRun(std::int64_t runId);
    // Queues a stopped (cancelled or failed) run to continue from its last checkpoint, with the
    // config stored with it; returns the queue id, or 0 (after an error message) when it cannot.
    int resumePastRun(std::int64_t runId);

    TrainingQueue* queue() const { return queue_; }
    TrainingCharts* charts() const { return charts_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* statusLabel() const { return statusLabel_; }
    QListWidget* queueList() const { return queueList_; }
    QTableWidget* pastRunsTable() const { return pastRuns_; }
    QPlainTextEdit* logView() const { return log_; }
    QPushButton* pauseButton() const { return pauseButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }
    QPushButton* resumeRunButton() const { return resumeRunButton_; }

public Q_SLOTS:
    void openRunDialog();
    void togglePause();
    void cancelRun();
    // What the regression suites run after training report (ui/session/project_session.h
    // forwards them), in the log; a flagged regression also in the status line.
    void showSuitesStarted(const QString& what);
    void showSuitesFinished(const QStringList& lines, const QStringList& regressions);
    void showSuitesFailed(const QString& message);

Q_SIGNALS:
    // A run ended; `status` is tb::to_string(tb::RunStatus): "completed" (also when it stopped
    // early), "cancelled" or "failed". runId 0 when it never started.
    void runFinished(int queueId, qint64 runId, const QString& status);
    // A LoRA run completed (or stopped early) and wrote its adapter: what regression suites
    // run after training evaluate (ui/eval/suite_runner.h). Emitted before runFinished.
    void adapterReady(qint64 runId, const QString& modelDir, const QString& adapterDir);

private:
    void onJobStarted(int id);
    void onJobFinished(int id, const tb::TrainResult& result);
    void onPastRunSelected();
    std::optional<std::int64_t> selectedPastRun() const;
    void updateQueueList();
    void updateButtons();
    void appendLog(const QString& line);

    tb::ProjectFile& project_;
    std::optional<tb::StartingSettings> starting_;
    QString lastModelDir_, lastOutputDir_, lastTemplate_;
    TrainingQueue* queue_ = nullptr;
    TrainingCharts* charts_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QListWidget* queueList_ = nullptr;
    QTableWidget* pastRuns_ = nullptr;
    QPlainTextEdit* log_ = nullptr;
    QPushButton* newRunButton_ = nullptr;
    QPushButton* pauseButton_ = nullptr;
    QPushButton* cancelButton_ = nullptr;
    QPushButton* resumeRunButton_ = nullptr;
    bool showingLive_ = false;  // charts show the running job (not a past run)
};

}  // namespace tbui
