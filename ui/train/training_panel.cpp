#include "ui/train/training_panel.h"

#include <algorithm>
#include <filesystem>

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/common/error.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"
#include "ui/common/message_hook.h"
#include "ui/common/run_status_text.h"
#include "ui/train/run_dialog.h"
#include "ui/train/training_charts.h"
#include "ui/train/training_queue.h"

namespace tbui {
namespace {

enum PastRunColumn { ColRun, ColName, ColStatus, ColStarted, ColSteps, ColFinalLoss, ColValLoss, ColumnCount };

QString formatDuration(double seconds) {
    if (seconds <= 0.0) return QStringLiteral("-");
    const auto total = static_cast<qint64>(seconds + 0.5);
    const qint64 h = total / 3600, m = (total % 3600) / 60, s = total % 60;
    if (h > 0) return QStringLiteral("%1h %2m").arg(h).arg(m, 2, 10, QLatin1Char('0'));
    if (m > 0) return QStringLiteral("%1m %2s").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1s").arg(s);
}

QString shortTime(const std::string& iso) {
    // "2026-11-28T15:53:59.123Z" -> "2026-11-28 15:53"
    QString t = QString::fromStdString(iso);
    return t.size() >= 16 ? t.left(10) + QLatin1Char(' ') + t.mid(11, 5) : t;
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setTextAlignment(align);
    return item;
}

}  // namespace

TrainingPanel::TrainingPanel(tb::ProjectFile& project, QWidget* parent) : QWidget(parent), project_(project) {
    queue_ = new TrainingQueue(QString::fromStdString(project.path()), this);

    newRunButton_ = new QPushButton(tr("New run..."), this);
    pauseButton_ = new QPushButton(tr("Pause"), this);
    cancelButton_ = new QPushButton(tr("Cancel run"), this);
    statusLabel_ = new QLabel(tr("No run yet: \"New run...\" sets one up."), this);
    statusLabel_->setWordWrap(true);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setTextVisible(true);
    progress_->setFormat(tr("idle"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(newRunButton_);
    buttons->addWidget(pauseButton_);
    buttons->addWidget(cancelButton_);
    buttons->addWidget(progress_, 1);

    queueList_ = new QListWidget(this);
    queueList_->setToolTip(tr("Runs train one after another; Delete removes a run that has not started"));
    auto* removeQueued = new QAction(tr("Remove from queue"), queueList_);
    removeQueued->setShortcut(QKeySequence::Delete);
    removeQueued->setShortcutContext(Qt::WidgetShortcut);
    queueList_->addAction(removeQueued);
    queueList_->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(removeQueued, &QAction::triggered, this, [this] {
        if (auto* item = queueList_->currentItem()) queue_->removeQueued(item->data(Qt::UserRole).toInt());
    });
    pastRuns_ = new QTableWidget(0, ColumnCount, this);
    pastRuns_->setHorizontalHeaderLabels(
        {tr("Run"), tr("Name"), tr("Status"), tr("Started"), tr("Steps"), tr("Final loss"), tr("Best val loss")});
    pastRuns_->setSelectionBehavior(QAbstractItemView::SelectRows);
    pastRuns_->setSelectionMode(QAbstractItemView::SingleSelection);
    pastRuns_->verticalHeader()->setVisible(false);
    pastRuns_->horizontalHeader()->setStretchLastSection(true);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Queue"), left));
    leftLayout->addWidget(queueList_, 1);
    leftLayout->addWidget(new QLabel(tr("Past training runs"), left));
    leftLayout->addWidget(pastRuns_, 2);
    resumeRunButton_ = new QPushButton(tr("Resume selected run"), left);
    resumeRunButton_->setToolTip(tr("Continue a cancelled or failed run from its last checkpoint"));
    resumeRunButton_->setEnabled(false);
    leftLayout->addWidget(resumeRunButton_);

    charts_ = new TrainingCharts(this);
    log_ = new QPlainTextEdit(this);
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(20000);
    log_->setPlaceholderText(tr("The run's log appears here."));
    auto* rightSplit = new QSplitter(Qt::Vertical, this);
    rightSplit->addWidget(charts_);
    rightSplit->addWidget(log_);
    rightSplit->setStretchFactor(0, 3);
    rightSplit->setStretchFactor(1, 1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(rightSplit);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(statusLabel_);
    layout->addWidget(split, 1);

    connect(newRunButton_, &QPushButton::clicked, this, &TrainingPanel::openRunDialog);
    connect(pauseButton_, &QPushButton::clicked, this, &TrainingPanel::togglePause);
    connect(cancelButton_, &QPushButton::clicked, this, &TrainingPanel::cancelRun);
    connect(pastRuns_, &QTableWidget::itemSelectionChanged, this, &TrainingPanel::onPastRunSelected);
    connect(resumeRunButton_, &QPushButton::clicked, this, [this] {
        if (auto id = selectedPastRun()) resumePastRun(*id);
    });
    connect(queue_, &TrainingQueue::queueChanged, this, [this] {
        updateQueueList();
        updateButtons();
    });
    connect(queue_, &TrainingQueue::jobStarted, this, &TrainingPanel::onJobStarted);
    connect(queue_, &TrainingQueue::jobFinished, this, &TrainingPanel::onJobFinished);
    connect(queue_, &TrainingQueue::progressChanged, this,
            [this](int, qint64 done, qint64 total, const QString& stage) {
                // Before the first step (formatting, warm-up): the stage and its count.
                if (progress_->maximum() > 1 && progress_->value() > 0) return;
                statusLabel_->setText(total > 0 ? tr("%1: %2 of %3").arg(stage).arg(done).arg(total) : stage);
            });
    connect(queue_, &TrainingQueue::preflightReady, this, [this](int, const QString& text) {
        for (const QString& line : text.split(QLatin1Char('\n'))) appendLog(line);
    });
    connect(queue_, &TrainingQueue::logLine, this, [this](int, const QString& line) { appendLog(line); });
    connect(queue_, &TrainingQueue::stepRecorded, this, [this](int, const tb::StepMetrics& m) {
        if (showingLive_) charts_->addStep(m.step, m.loss, m.learning_rate, m.tokens_per_s);
        const int total = static_cast<int>(std::max<std::int64_t>(m.total_steps, m.step));
        progress_->setRange(0, std::max(total, 1));
        progress_->setValue(static_cast<int>(m.step));
        progress_->setFormat(tr("step %1 / %2  ·  ETA %3").arg(m.step).arg(total).arg(formatDuration(m.eta_s)));
        statusLabel_->setText(tr("Training: epoch %1, loss %2, %3 tokens/s, elapsed %4")
                                  .arg(m.epoch, 0, 'f', 2)
                                  .arg(m.loss, 0, 'f', 4)
                                  .arg(m.tokens_per_s, 0, 'f', 0)
                                  .arg(formatDuration(m.elapsed_s)));
    });
    connect(queue_, &TrainingQueue::validationRecorded, this, [this](int, const tb::ValidationMetrics& m) {
        if (showingLive_) charts_->addValidation(m.step, m.val_loss);
        appendLog(tr("step %1: validation loss %2%3")
                      .arg(m.step)
                      .arg(m.val_loss, 0, 'f', 4)
                      .arg(m.best ? tr(" (best)") : QString()));
    });

    updateButtons();
    refreshPastRuns();
}

TrainingPanel::~TrainingPanel() {
    // First: the queue cancels the running job and joins its thread while the widgets exist.
    delete queue_;
    queue_ = nullptr;
}

void TrainingPanel::setStartingSettings(const tb::StartingSettings& settings) { starting_ = settings; }

int TrainingPanel::enqueueRun(const tb::TrainConfig& config, const QString& name, tb::Overwrite overwrite) {
    lastModelDir_ = QString::fromStdString(config.model_dir.string());
    lastOutputDir_ = QString::fromStdString(config.output_dir.string());
    lastTemplate_ = config.chat_template ? QString::fromStdString(config.chat_template->string()) : QString();
    return queue_->enqueue(config, name, /*resume=*/false, overwrite);
}

std::unique_ptr<RunDialog> TrainingPanel::createRunDialog() {
    auto dialog = std::make_unique<RunDialog>(QString::fromStdString(project_.path()), this);
    tb::TrainConfig preset;
    preset.model_dir = lastModelDir_.toStdString();
    // A fresh output folder per run: the last one plus a counter keeps earlier adapters.
    if (!lastOutputDir_.isEmpty())
        preset.output_dir = (lastOutputDir_ + QStringLiteral("-%1").arg(queue_->entries().size() + 1)).toStdString();
    if (!lastTemplate_.isEmpty()) preset.chat_template = std::filesystem::path(lastTemplate_.toStdString());
    dialog->setConfig(preset);
    if (starting_) dialog->applyStartingSettings(*starting_);
    return dialog;
}

void TrainingPanel::openRunDialog() {
    auto dialog = createRunDialog();
    if (dialog->exec() != QDialog::Accepted) return;
    enqueueRun(dialog->config(), dialog->runName(), dialog->overwrite());
}

void TrainingPanel::togglePause() {
    if (!queue_->isBusy()) return;
    if (queue_->isPaused()) {
        queue_->resumeCurrent();
        appendLog(tr("resumed"));
    } else {
        queue_->pauseCurrent();
        appendLog(tr("pausing after the current step"));
    }
    updateButtons();
}

void TrainingPanel::cancelRun() {
    if (!queue_->isBusy()) return;
    queue_->cancelCurrent();
    statusLabel_->setText(tr("Cancelling: a checkpoint is written after the current step..."));
    cancelButton_->setEnabled(false);
}

void TrainingPanel::onJobStarted(int id) {
    const auto* entry = queue_->entry(id);
    pastRuns_->clearSelection();
    showingLive_ = true;
    charts_->clear();
    log_->clear();
    progress_->setRange(0, 0);  // busy indicator until the first step reports the total
    progress_->setValue(0);
    progress_->setFormat(tr("preparing"));
    statusLabel_->setStyleSheet(QString());
    statusLabel_->setText(
        tr("Preparing %1: formatting the data and timing a warm-up...").arg(entry ? entry->name : QString::number(id)));
    updateButtons();
}

void TrainingPanel::onJobFinished(int id, const tb::TrainResult& result) {
    const auto* entry = queue_->entry(id);
    const QString name = entry ? entry->name : QString::number(id);
    const QString status = runStatusText(result.status, result.stop_reason);
    charts_->replotNow();
    QString text = tr("%1 %2 after %3 step(s)").arg(name, status).arg(result.steps);
    if (result.steps > 0) text += tr(", final loss %1").arg(result.final_loss, 0, 'f', 4);
    if (result.best_val_loss) text += tr(", best validation loss %1").arg(*result.best_val_loss, 0, 'f', 4);
    if (!result.message.empty()) text += QStringLiteral(": ") + QString::fromStdString(result.message);
    if (result.wrote_output()) text += tr(". Written to %1").arg(QString::fromStdString(result.output_dir.string()));
    statusLabel_->setText(text);
    statusLabel_->setStyleSheet(result.status == tb::RunStatus::Failed ? QStringLiteral("color: #b00020;") : QString());
    appendLog(text);
    if (progress_->maximum() == 0) progress_->setRange(0, 1);
    progress_->setFormat(status);
    refreshPastRuns();
    updateButtons();
    if (entry && result.wrote_output() && entry->config.method == tb::TrainMethod::Lora && !result.output_dir.empty())
        Q_EMIT adapterReady(result.run_id, QString::fromStdString(entry->config.model_dir.string()),
                            QString::fromStdString(result.output_dir.string()));
    Q_EMIT runFinished(id, result.run_id, QString::fromLatin1(tb::to_string(result.status)));
}

void TrainingPanel::refreshPastRuns() {
    std::vector<tb::Run> runs;
    try {
        runs = tb::list_runs(project_, tb::RunKind::Train);
    } catch (const std::exception& e) {
        showError(this, tr("Training runs"), e);
        return;
    }
    const QSignalBlocker blocker(pastRuns_);
    pastRuns_->setRowCount(0);
    resumeRunButton_->setEnabled(false);  // the selection is gone
    // Newest first: the run that just ended is the top row.
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        const auto& run = *it;
        const int row = pastRuns_->rowCount();
        pastRuns_->insertRow(row);
        auto* idItem = cell(QStringLiteral("#%1").arg(run.id));
        idItem->setData(Qt::UserRole, QVariant::fromValue<qint64>(run.id));
        pastRuns_->setItem(row, ColRun, idItem);
        pastRuns_->setItem(row, ColName, cell(QString::fromStdString(run.name)));
        auto* status = cell(runStatusText(run));
        status->setToolTip(runStopReasonText(run.stop_reason));
        pastRuns_->setItem(row, ColStatus, status);
        pastRuns_->setItem(row, ColStarted, cell(shortTime(run.started_at.empty() ? run.created_at : run.started_at)));
        const tb::TrainRunProgress progress = tb::train_run_progress(tb::run_metrics(project_, run.id));
        const auto right = Qt::AlignRight | Qt::AlignVCenter;
        if (progress.last_step) pastRuns_->setItem(row, ColSteps, cell(QString::number(*progress.last_step), right));
        if (progress.final_loss)
            pastRuns_->setItem(row, ColFinalLoss, cell(QString::number(*progress.final_loss, 'f', 4), right));
        if (progress.best_val_loss)
            pastRuns_->setItem(row, ColValLoss, cell(QString::number(*progress.best_val_loss, 'f', 4), right));
    }
    pastRuns_->resizeColumnsToContents();
}

bool TrainingPanel::showPastRun(std::int64_t runId) {
    auto run = tb::find_run(project_, runId);
    if (!run || run->kind != tb::RunKind::Train) return false;
    showingLive_ = false;
    charts_->showSeries(tb::run_metrics(project_, runId));
    log_->setPlainText(QString::fromStdString(tb::run_log(project_, runId)));
    statusLabel_->setStyleSheet(QString());
    statusLabel_->setText(tr("Run #%1 %2: %3").arg(runId).arg(QString::fromStdString(run->name), runStatusText(*run)));
    return true;
}

std::optional<std::int64_t> TrainingPanel::selectedPastRun() const {
    const auto selected = pastRuns_->selectedItems();
    if (selected.isEmpty()) return std::nullopt;
    auto* idItem = pastRuns_->item(selected.first()->row(), ColRun);
    if (!idItem) return std::nullopt;
    return idItem->data(Qt::UserRole).toLongLong();
}

void TrainingPanel::onPastRunSelected() {
    const auto id = selectedPastRun();
    bool resumable = false;
    if (id) {
        try {
            showPastRun(*id);
            auto run = tb::find_run(project_, *id);
            resumable = run && run->resumable();
        } catch (const std::exception& e) {
            showError(this, tr("Training run"), e);
        }
    }
    resumeRunButton_->setEnabled(resumable);
}

int TrainingPanel::resumePastRun(std::int64_t runId) {
    try {
        auto run = tb::find_run(project_, runId);
        if (!run || run->kind != tb::RunKind::Train)
            throw tb::Error("training run " + std::to_string(runId) + " does not exist");
        if (!run->resumable())
            throw tb::Error("training run " + std::to_string(runId) + " is " + tb::to_string(run->status) +
                            ": only a cancelled or failed run continues from its checkpoint");
        // The resolved config the trainer stored with the run: same data, same output folder,
        // so the trainer finds the checkpoint and continues bit for bit.
        const tb::TrainConfig config = tb::TrainConfig::from_json(run->config);
        const QString name = run->name.empty() ? QStringLiteral("run #%1 resumed").arg(runId)
                                               : QString::fromStdString(run->name) + tr(" (resumed)");
        return queue_->enqueue(config, name, /*resume=*/true);
    } catch (const std::exception& e) {
        showError(this, tr("Resume training run"), e);
        return 0;
    }
}

void TrainingPanel::updateQueueList() {
    queueList_->clear();
    for (const auto& e : queue_->entries()) {
        QString state;
        switch (e.state) {
            case TrainingQueue::State::Queued:
                state = tr("queued");
                break;
            case TrainingQueue::State::Running:
                state = e.paused ? tr("paused") : tr("running");
                break;
            case TrainingQueue::State::Finished:
                state = runStatusText(e.result.status, e.result.stop_reason);
                break;
        }
        auto* item = new QListWidgetItem(QStringLiteral("%1  —  %2").arg(e.name, state), queueList_);
        item->setData(Qt::UserRole, e.id);
        if (e.state == TrainingQueue::State::Finished && e.result.status == tb::RunStatus::Failed)
            item->setForeground(QColor(0xb0, 0x00, 0x20));
    }
}

void TrainingPanel::updateButtons() {
    const bool busy = queue_ && queue_->isBusy();
    pauseButton_->setEnabled(busy);
    cancelButton_->setEnabled(busy);
    pauseButton_->setText(busy && queue_->isPaused() ? tr("Resume") : tr("Pause"));
}

void TrainingPanel::appendLog(const QString& line) { log_->appendPlainText(line); }

void TrainingPanel::showSuitesStarted(const QString& what) { appendLog(tr("%1: running...").arg(what)); }

void TrainingPanel::showSuitesFinished(const QStringList& lines, const QStringList& regressions) {
    for (const QString& line : lines) appendLog(line);
    for (const QString& line : regressions) appendLog(tr("REGRESSION: %1").arg(line));
    if (regressions.isEmpty()) return;
    statusLabel_->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    statusLabel_->setText(
        tr("Regression flagged after training (%1); see the log and the Evaluation tab.").arg(regressions.size()));
}

void TrainingPanel::showSuitesFailed(const QString& message) {
    appendLog(tr("Regression suites failed: %1").arg(message));
}

}  // namespace tbui
