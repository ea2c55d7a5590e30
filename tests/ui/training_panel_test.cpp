// The training screen offscreen with a real (tiny) model: runs train on the worker thread while
// the GUI thread keeps serving its event loop, live charts fill, runs land in the past-runs
// list with their stored metrics, cancel stops a run, and queued runs execute in order.
// Needs ../shared/fixtures/models/stories260K (a 260K-parameter Llama); skipped without it.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include <QCheckBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "common/shared_fixtures.h"
#include "core/curation/splits.h"
#include "core/eval/run_history.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"
#include "core/train/trainer.h"
#include "ui/charts/qcustomplot_include.h"
#include "ui/train/run_dialog.h"
#include "ui/train/training_charts.h"
#include "ui/train/training_panel.h"
#include "ui/train/training_queue.h"
#include "ui_test_support.h"

namespace {

const std::filesystem::path kStories = std::filesystem::path(TUNEBENCH_SHARED_DIR) / "fixtures/models/stories260K";
constexpr int kRunTimeoutMs = 120000;

#define SKIP_WITHOUT_STORIES() \
    TB_SKIP_WITHOUT_SHARED(kStories / "model.safetensors", "LoRA runs of the training panel on stories260K")

class TrainingPanelTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        path_ = dir_.filePath(QStringLiteral("train.tunebench")).toStdString();
        std::vector<tbtest::ChatPair> pairs;
        const char* animals[] = {"cat", "dog", "bird", "fish", "frog"};
        for (int i = 0; i < 24; ++i) {
            const std::string animal = animals[i % 5];
            pairs.push_back({"Tell me about the " + animal + " number " + std::to_string(i) + ".",
                             "Once upon a time there was a little " + animal + ". It liked to play in the park.", ""});
        }
        tbtest::createProject(path_, pairs);
        project_.emplace(tb::ProjectFile::open(path_));
        tb::assign_splits(*project_, tb::SplitOptions{});
        templatePath_ = dir_.filePath(QStringLiteral("plain.jinja"));
        tbtest::writeLines(
            templatePath_,
            {QStringLiteral("{% for m in messages %}{% if m['role'] == 'user' %}User: {{ m['content'] }}"),
             QStringLiteral("{% elif m['role'] == 'assistant' %}Assistant: {{ m['content'] }}{{ eos_token }}"),
             QStringLiteral("{% endif %}{% endfor %}{% if add_generation_prompt %}Assistant: {% endif %}")});
    }

    tb::TrainConfig config(const QString& out, std::int64_t maxSteps) const {
        tb::TrainConfig c;
        c.model_dir = kStories;
        c.output_dir = dir_.filePath(out).toStdString();
        c.chat_template = std::filesystem::path(templatePath_.toStdString());
        c.max_steps = maxSteps;
        c.max_length = 128;
        c.micro_batch_rows = 2;
        c.learning_rate = 1e-3;
        c.eval_every = 2;
        c.checkpoint_every = 0;
        c.compute_dtype = "fp32";
        c.threads = 1;
        return c;
    }

    QTemporaryDir dir_;
    std::string path_;
    QString templatePath_;
    std::optional<tb::ProjectFile> project_;
};

TEST_F(TrainingPanelTest, RunsOnTheWorkerWhileTheWindowStaysResponsive) {
    SKIP_WITHOUT_STORIES();
    tbui::TrainingPanel panel(*project_);
    panel.resize(1200, 800);
    panel.show();
    QSignalSpy finished(&panel, &tbui::TrainingPanel::runFinished);
    int ticks = 0;
    QTimer heartbeat;
    QObject::connect(&heartbeat, &QTimer::timeout, [&] { ++ticks; });
    heartbeat.start(10);

    panel.enqueueRun(config(QStringLiteral("out1"), 3), QStringLiteral("three steps"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, kRunTimeoutMs));
    const qint64 runId = finished.at(0).at(1).toLongLong();
    EXPECT_EQ(finished.at(0).at(2).toString(), QStringLiteral("completed"))
        << panel.statusLabel()->text().toStdString();
    EXPECT_GT(runId, 0);
    // The event loop kept running while the worker trained.
    EXPECT_GT(ticks, 3);
    EXPECT_EQ(panel.charts()->trainingLossPoints(), 3);
    EXPECT_GE(panel.charts()->validationLossPoints(), 1);
    EXPECT_EQ(panel.progressBar()->value(), 3);
    EXPECT_EQ(panel.progressBar()->maximum(), 3);
    EXPECT_FALSE(panel.logView()->toPlainText().isEmpty());
    EXPECT_TRUE(panel.statusLabel()->text().contains(QStringLiteral("completed")));

    // The run is in the past-runs list and shows its stored metrics when selected.
    ASSERT_EQ(panel.pastRunsTable()->rowCount(), 1);
    EXPECT_EQ(panel.pastRunsTable()->item(0, 0)->text(), QStringLiteral("#%1").arg(runId));
    EXPECT_EQ(panel.pastRunsTable()->item(0, 4)->text(), QStringLiteral("3"));
    panel.charts()->clear();
    panel.pastRunsTable()->selectRow(0);
    EXPECT_EQ(panel.charts()->trainingLossPoints(), 3);
    auto metrics = tb::run_metrics(*project_, runId);
    ASSERT_EQ(metrics["train/loss"].size(), 3u);
    EXPECT_DOUBLE_EQ(panel.charts()->lossPlot()->graph(0)->data()->at(2)->value, metrics["train/loss"][2].second);
    tbtest::saveScreenshot(&panel, QStringLiteral("training_panel"));
}

TEST_F(TrainingPanelTest, CancelStopsTheRun) {
    SKIP_WITHOUT_STORIES();
    tbui::TrainingPanel panel(*project_);
    QSignalSpy finished(&panel, &tbui::TrainingPanel::runFinished);
    QSignalSpy steps(panel.queue(), &tbui::TrainingQueue::stepRecorded);
    panel.enqueueRun(config(QStringLiteral("long"), 100000), QStringLiteral("long"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return steps.count() >= 1; }, kRunTimeoutMs));

    // Paused: at most two more steps land (one whose queued signal had not been delivered
    // when beforePause was read, and the step in flight), then none while paused.
    const int beforePause = steps.count();
    panel.togglePause();
    EXPECT_EQ(panel.pauseButton()->text(), QStringLiteral("Resume"));
    int seen = steps.count();
    QElapsedTimer quiet, overall;
    quiet.start();
    overall.start();
    while (quiet.elapsed() < 600 && overall.elapsed() < 30000) {
        QTest::qWait(50);
        if (steps.count() != seen) {
            seen = steps.count();
            quiet.restart();
        }
    }
    EXPECT_LE(seen - beforePause, 2);
    const int before = steps.count();
    QTest::qWait(400);
    EXPECT_EQ(steps.count(), before);
    panel.togglePause();
    ASSERT_TRUE(QTest::qWaitFor([&] { return steps.count() > before; }, kRunTimeoutMs));

    panel.cancelRun();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, kRunTimeoutMs));
    EXPECT_EQ(finished.at(0).at(2).toString(), QStringLiteral("cancelled"));
    EXPECT_FALSE(panel.cancelButton()->isEnabled());
    EXPECT_FALSE(panel.queue()->isBusy());
    ASSERT_EQ(panel.pastRunsTable()->rowCount(), 1);
    EXPECT_EQ(panel.pastRunsTable()->item(0, 2)->text(), QStringLiteral("cancelled"));

    // Resume continues the same run from its checkpoint: later steps, same run id.
    const qint64 runId = finished.at(0).at(1).toLongLong();
    const std::int64_t stoppedAt = steps.last().at(1).value<tb::StepMetrics>().step;
    panel.pastRunsTable()->selectRow(0);
    EXPECT_TRUE(panel.resumeRunButton()->isEnabled());
    const int stepsBefore = steps.count();
    ASSERT_GT(panel.resumePastRun(runId), 0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return steps.count() > stepsBefore; }, kRunTimeoutMs));
    EXPECT_EQ(steps.at(stepsBefore).at(1).value<tb::StepMetrics>().step, stoppedAt + 1);
    panel.cancelRun();
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 2; }, kRunTimeoutMs));
    EXPECT_EQ(finished.at(1).at(1).toLongLong(), runId);
    EXPECT_EQ(panel.pastRunsTable()->rowCount(), 1);
}

TEST_F(TrainingPanelTest, QueuedRunsExecuteInOrder) {
    SKIP_WITHOUT_STORIES();
    tbui::TrainingPanel panel(*project_);
    QStringList events;
    QObject::connect(panel.queue(), &tbui::TrainingQueue::jobStarted,
                     [&](int id) { events << QStringLiteral("start %1").arg(id); });
    QObject::connect(&panel, &tbui::TrainingPanel::runFinished, [&](int id, qint64, const QString& status) {
        events << QStringLiteral("end %1 %2").arg(id).arg(status);
    });
    const int first = panel.enqueueRun(config(QStringLiteral("q1"), 2), QStringLiteral("first"));
    const int second = panel.enqueueRun(config(QStringLiteral("q2"), 2), QStringLiteral("second"));
    EXPECT_EQ(panel.queue()->queuedCount(), 1);  // the first started at once
    EXPECT_EQ(panel.queueList()->count(), 2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return events.size() == 4; }, 2 * kRunTimeoutMs))
        << events.join(", ").toStdString();
    EXPECT_EQ(events,
              (QStringList{QStringLiteral("start %1").arg(first), QStringLiteral("end %1 completed").arg(first),
                           QStringLiteral("start %1").arg(second), QStringLiteral("end %1 completed").arg(second)}));
    EXPECT_EQ(panel.pastRunsTable()->rowCount(), 2);
    EXPECT_TRUE(std::filesystem::exists(dir_.filePath(QStringLiteral("q1")).toStdString()));
    EXPECT_TRUE(std::filesystem::exists(dir_.filePath(QStringLiteral("q2")).toStdString()));
}

TEST_F(TrainingPanelTest, QueuedRunCanBeRemovedBeforeItStarts) {
    SKIP_WITHOUT_STORIES();
    tbui::TrainingPanel panel(*project_);
    QSignalSpy finished(&panel, &tbui::TrainingPanel::runFinished);
    panel.enqueueRun(config(QStringLiteral("r1"), 2), QStringLiteral("kept"));
    const int dropped = panel.enqueueRun(config(QStringLiteral("r2"), 2), QStringLiteral("dropped"));
    EXPECT_TRUE(panel.queue()->removeQueued(dropped));
    EXPECT_FALSE(panel.queue()->removeQueued(1));  // running
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1 && !panel.queue()->isBusy(); }, kRunTimeoutMs));
    QTest::qWait(100);
    EXPECT_EQ(finished.count(), 1);
    EXPECT_FALSE(std::filesystem::exists(dir_.filePath(QStringLiteral("r2")).toStdString()));
}

// A second run into the folder of a finished one would overwrite its adapter: the GUI refuses it
// (core's rule, core/train/train_output.h) unless "Replace an earlier output" is ticked in the
// run dialog; replacing removes the earlier output's files, never the user's own.
TEST_F(TrainingPanelTest, ARunIntoAnEarlierOutputNeedsReplaceTickedInTheRunDialog) {
    SKIP_WITHOUT_STORIES();
    tbui::TrainingPanel panel(*project_);
    QSignalSpy finished(&panel, &tbui::TrainingPanel::runFinished);
    panel.enqueueRun(config(QStringLiteral("same"), 2), QStringLiteral("first"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 1; }, kRunTimeoutMs));
    ASSERT_EQ(finished.at(0).at(2).toString(), QStringLiteral("completed"));
    const std::filesystem::path out = dir_.filePath(QStringLiteral("same")).toStdString();
    tbtest::writeLines(QString::fromStdString((out / "notes.txt").string()), {QStringLiteral("mine")});

    auto dialog = panel.createRunDialog();
    dialog->setConfig(config(QStringLiteral("same"), 2));
    auto* replace = dialog->findChild<QCheckBox*>(QStringLiteral("replaceOutput"));
    ASSERT_NE(replace, nullptr);
    EXPECT_FALSE(replace->isChecked());  // refusing is the default
    EXPECT_EQ(dialog->overwrite(), tb::Overwrite::refuse);
    panel.enqueueRun(dialog->config(), QStringLiteral("refused"), dialog->overwrite());
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 2; }, kRunTimeoutMs));
    EXPECT_EQ(finished.at(1).at(2).toString(), QStringLiteral("failed"));
    EXPECT_TRUE(std::filesystem::exists(out / "adapter_model.safetensors"));  // the first run's, kept

    replace->setChecked(true);
    EXPECT_EQ(dialog->overwrite(), tb::Overwrite::replace);
    panel.enqueueRun(dialog->config(), QStringLiteral("replacing"), dialog->overwrite());
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 3; }, kRunTimeoutMs));
    EXPECT_EQ(finished.at(2).at(2).toString(), QStringLiteral("completed"))
        << panel.statusLabel()->text().toStdString();
    EXPECT_TRUE(std::filesystem::exists(out / "adapter_model.safetensors"));
    EXPECT_TRUE(std::filesystem::exists(out / "notes.txt"));                          // not Tunebench's: never removed
    EXPECT_NE(finished.at(2).at(1).toLongLong(), finished.at(0).at(1).toLongLong());  // a new run
}

TEST(TrainingPanelFailure, AFailingRunReportsWhyAndTheQueueGoesOn) {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("p.tunebench")).toStdString();
    tbtest::createProject(path, {{"q", "a", ""}});
    auto project = tb::ProjectFile::open(path);
    tbui::TrainingPanel panel(project);
    QSignalSpy finished(&panel, &tbui::TrainingPanel::runFinished);
    tb::TrainConfig missing;
    missing.model_dir = dir.filePath(QStringLiteral("no-model")).toStdString();
    missing.output_dir = dir.filePath(QStringLiteral("out")).toStdString();
    panel.enqueueRun(missing, QStringLiteral("broken"));
    panel.enqueueRun(missing, QStringLiteral("broken too"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return finished.count() == 2; }, kRunTimeoutMs));
    EXPECT_EQ(finished.at(0).at(2).toString(), QStringLiteral("failed"));
    EXPECT_EQ(finished.at(1).at(2).toString(), QStringLiteral("failed"));
    EXPECT_TRUE(panel.statusLabel()->text().contains(QStringLiteral("failed")));
    EXPECT_FALSE(panel.logView()->toPlainText().isEmpty());
}

TEST(TrainingPanelSuggestions, TheRunDialogStartsFromTheSuggestedSettings) {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("p.tunebench")).toStdString();
    tbtest::createProject(path, {{"q", "a", ""}});
    auto project = tb::ProjectFile::open(path);
    tbui::TrainingPanel panel(project);
    tb::StartingSettings suggested = tb::starting_settings(tb::TuningMethod::full);
    suggested.learning_rate = 5e-5;
    suggested.epochs = 4;
    suggested.lora_rank = 32;  // full fine-tuning: no adapter, the rank stays the dialog's
    suggested.sequence_length = 256;
    panel.setStartingSettings(suggested);
    auto dialog = panel.createRunDialog();
    const tb::TrainConfig c = dialog->config();
    EXPECT_DOUBLE_EQ(c.learning_rate, 5e-5);
    EXPECT_DOUBLE_EQ(c.epochs, 4.0);
    EXPECT_EQ(c.lora.rank, tb::TrainConfig().lora.rank);
    EXPECT_EQ(c.max_length, 256);
    EXPECT_EQ(c.method, tb::TrainMethod::Full);
}

TEST(TrainingPanelPastRuns, EachRunSaysWhyItEnded) {
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("p.tunebench")).toStdString();
    tbtest::createProject(path, {{"q", "a", ""}});
    auto project = tb::ProjectFile::open(path);
    const std::int64_t early = tb::create_run(project, tb::RunKind::Train, "early", nlohmann::json::object());
    tb::finish_run(project, early, tb::RunStopReason::EarlyStopping);
    const std::int64_t nan = tb::create_run(project, tb::RunKind::Train, "nan", nlohmann::json::object());
    tb::finish_run(project, nan, tb::RunStopReason::NonFiniteLoss);
    const std::int64_t full = tb::create_run(project, tb::RunKind::Train, "full", nlohmann::json::object());
    tb::finish_run(project, full, tb::RunStopReason::AllSteps);

    tbui::TrainingPanel panel(project);
    QTableWidget* runs = panel.pastRunsTable();
    ASSERT_EQ(runs->rowCount(), 3);
    // Newest first: full, nan, early. Column 2 is the status.
    EXPECT_EQ(runs->item(0, 2)->text(), QStringLiteral("completed"));
    EXPECT_TRUE(runs->item(0, 2)->toolTip().contains(QStringLiteral("every planned step")));
    EXPECT_EQ(runs->item(1, 2)->text(), QStringLiteral("failed"));
    EXPECT_TRUE(runs->item(1, 2)->toolTip().contains(QStringLiteral("NaN")))
        << runs->item(1, 2)->toolTip().toStdString();
    EXPECT_EQ(runs->item(2, 2)->text(), QStringLiteral("stopped early"));
    EXPECT_TRUE(runs->item(2, 2)->toolTip().contains(QStringLiteral("best validation checkpoint")));
}

}  // namespace
