// Regression suites after training, offscreen, with a real (tiny) model and a LoRA adapter the
// test writes (tests/eval/eval_test_helpers.h): the suite runner evaluates the suites flagged
// run_after_training on the worker thread (queued requests in turn), and in the main window a
// training run that wrote an adapter starts them; a regression is shown in the status bar and
// the training log, and the Evaluation tab lists the new runs.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTest>

#include "common/temp_dir.h"
#include "core/curation/golden_sets.h"
#include "core/eval/eval_runner.h"
#include "core/eval/regression_suite.h"
#include "core/eval/run_history.h"
#include "core/project/runs.h"
#include "core/train/train_config.h"
#include "eval/eval_test_helpers.h"
#include "ui/eval/eval_panel.h"
#include "ui/eval/suite_editor.h"
#include "ui/eval/suite_runner.h"
#include "ui/main_window.h"
#include "ui/train/training_panel.h"
#include "ui_test_support.h"

namespace {

namespace fs = std::filesystem;
constexpr int kTimeoutMs = 180000;

class SuiteAfterTrainingTest : public ::testing::Test {
protected:
    void SetUp() override {
        model_ = fs::path(dir_.file("model"));
        adapter_ = fs::path(dir_.file("adapter"));
        tbeval::write_tiny_model(model_);
        tbeval::write_adapter(model_, adapter_, tbeval::kChatMl);  // brings its template, as training does
        templateFile_ = dir_.write("chatml.jinja", tbeval::kChatMl);
        path_ = dir_.file("suites.tunebench");
        auto project = tb::ProjectFile::create(path_);
        tbeval::fill_project(project);  // golden set "probe", 6 items
    }

    // A LoRA training run as the trainer records it: its resolved config names the model, the
    // adapter folder it wrote and (here) the explicit chat template it trained with.
    std::int64_t trainedRun(tb::ProjectFile& project, const std::optional<std::string>& chatTemplate = {}) {
        tb::TrainConfig config;
        config.model_dir = model_;
        config.output_dir = adapter_;
        if (chatTemplate) config.chat_template = fs::path(*chatTemplate);
        const std::int64_t id = tb::create_run(project, tb::RunKind::Train, "lora", config.to_json());
        tb::finish_run(project, id, tb::RunStopReason::AllSteps);
        return id;
    }

    void saveSuite(tb::ProjectFile& project, bool afterTraining) {
        tb::RegressionSuite suite;
        suite.name = "gate";
        suite.golden_sets = {"probe"};
        suite.run_after_training = afterTraining;
        tb::save_regression_suite(project, suite);
    }

    tbtest::TempDir dir_{"tb_suiteui_"};
    fs::path model_, adapter_;
    std::string templateFile_, path_;
};

TEST_F(SuiteAfterTrainingTest, RunnerEvaluatesFlaggedSuitesAndQueuesRequests) {
    auto project = tb::ProjectFile::open(path_);
    tbui::SuiteRunner runner(project);
    tb::RegressionSuiteOptions options;
    options.eval.generation.max_new_tokens = 4;
    runner.setOptions(options);
    const std::int64_t first = trainedRun(project), second = trainedRun(project);

    saveSuite(project, /*afterTraining*/ false);
    EXPECT_FALSE(runner.runAfterTraining(first));  // no suite flagged: nothing starts
    EXPECT_FALSE(runner.isRunning());

    saveSuite(project, /*afterTraining*/ true);
    QSignalSpy started(&runner, &tbui::SuiteRunner::started);
    QSignalSpy finished(&runner, &tbui::SuiteRunner::finished);
    QSignalSpy failed(&runner, &tbui::SuiteRunner::failed);
    ASSERT_TRUE(runner.runAfterTraining(first));
    ASSERT_TRUE(runner.runAfterTraining(second));  // a second training run finished meanwhile
    EXPECT_TRUE(runner.isRunning());
    EXPECT_EQ(runner.pendingCount(), 1);
    while (finished.count() < 2 && failed.isEmpty())
        ASSERT_TRUE(finished.wait(kTimeoutMs)) << "suite runs did not finish";
    ASSERT_TRUE(failed.isEmpty()) << failed.at(0).at(0).toString().toStdString();
    ASSERT_EQ(started.count(), 2);
    EXPECT_TRUE(started.at(0).at(0).toString().contains(QStringLiteral("train run #%1").arg(first)));
    EXPECT_TRUE(started.at(1).at(0).toString().contains(QStringLiteral("train run #%1").arg(second)));

    // One adapter run per request; the base model evaluated once, after the first adapter
    // run found no base run to compare with; the second compares with the first as its
    // previous run.
    const auto runs = tb::list_runs(project, tb::RunKind::Eval);
    ASSERT_EQ(runs.size(), 3u);
    const auto& results = runner.lastResults();
    ASSERT_EQ(results.size(), 1u);
    ASSERT_EQ(results[0].sets.size(), 1u);
    const auto& set = results[0].sets[0];
    EXPECT_EQ(set.run_id, runs[2].id);
    EXPECT_EQ(set.base_run_id, std::optional<std::int64_t>(runs[1].id));
    EXPECT_EQ(set.previous_run_id, std::optional<std::int64_t>(runs[0].id));
    EXPECT_TRUE(set.vs_base.has_value());
    const QStringList lines = finished.at(1).at(0).toStringList();
    ASSERT_FALSE(lines.isEmpty());
    EXPECT_TRUE(lines.first().contains(QStringLiteral("eval run #%1").arg(runs[2].id)));
    EXPECT_TRUE(lines.first().contains(QStringLiteral("vs base #%1").arg(runs[1].id)));
}

TEST_F(SuiteAfterTrainingTest, TheGuiEvaluatesWithTheRunsChatTemplateAsTheCliDoes) {
    // A base model without a template, trained with --chat-template: the suites after training
    // evaluate base model + adapter, and the base model alone, on that template (the GUI used
    // to drop it and lean on the adapter's copy, so its eval runs recorded another target than
    // the CLI's for the same training run).
    auto project = tb::ProjectFile::open(path_);
    tbui::SuiteRunner runner(project);
    tb::RegressionSuiteOptions options;
    options.eval.generation.max_new_tokens = 4;
    runner.setOptions(options);
    saveSuite(project, /*afterTraining*/ true);
    const std::int64_t run = trainedRun(project, templateFile_);
    QSignalSpy finished(&runner, &tbui::SuiteRunner::finished);
    QSignalSpy failed(&runner, &tbui::SuiteRunner::failed);
    ASSERT_TRUE(runner.runAfterTraining(run));
    ASSERT_TRUE(finished.wait(kTimeoutMs)) << (failed.isEmpty() ? "" : failed.at(0).at(0).toString().toStdString());
    ASSERT_EQ(runner.lastResults().size(), 1u);
    const auto& set = runner.lastResults()[0].sets.at(0);
    const std::string expected = fs::absolute(templateFile_).string();
    const auto tuned = tb::find_run(project, set.run_id);
    ASSERT_TRUE(tuned && set.base_run_id);
    EXPECT_EQ(tuned->config["target"]["chat_template_file"], expected);
    EXPECT_EQ(tuned->config["chat_template_origin"], "explicit:" + expected);
    EXPECT_EQ(tuned->parent_run_id, run);
    EXPECT_EQ(tb::find_run(project, *set.base_run_id)->config["target"]["chat_template_file"], expected);

    // A run that trained all weights has no adapter to compare: nothing starts, and it says why.
    tb::TrainConfig full;
    full.model_dir = model_;
    full.output_dir = dir_.file("full");
    full.method = tb::TrainMethod::Full;
    const std::int64_t fullRun = tb::create_run(project, tb::RunKind::Train, "full", full.to_json());
    tb::finish_run(project, fullRun, tb::RunStopReason::AllSteps);
    EXPECT_FALSE(runner.runAfterTraining(fullRun));
    ASSERT_FALSE(failed.isEmpty());
    EXPECT_TRUE(failed.last().at(0).toString().contains(QStringLiteral("trained all weights")));
}

TEST_F(SuiteAfterTrainingTest, TheEditorRunsASavedSuiteOnDemand) {
    auto project = tb::ProjectFile::open(path_);
    tbtest::MessageCapture messages;
    tbui::SuiteEditor editor(project);
    tb::RegressionSuiteOptions options;
    options.eval.generation.max_new_tokens = 4;
    editor.runner()->setOptions(options);
    editor.nameEdit()->setText(QStringLiteral("gate"));
    editor.setCheckedSets({QStringLiteral("probe")});
    editor.afterTrainingCheck()->setChecked(false);
    editor.runModelEdit()->setText(QString::fromStdString(model_.string()));
    editor.runAdapterEdit()->setText(QString::fromStdString(adapter_.string()));
    EXPECT_FALSE(editor.runNow());  // not saved yet
    ASSERT_EQ(messages.messages().size(), 1u);
    EXPECT_TRUE(messages.messages()[0].text.contains(QStringLiteral("Save the suite first")));

    ASSERT_TRUE(editor.save());
    QSignalSpy finished(&editor, &tbui::SuiteEditor::suiteRunFinished);
    editor.runButton()->click();
    EXPECT_FALSE(editor.runButton()->isEnabled());
    ASSERT_TRUE(finished.wait(kTimeoutMs)) << editor.runStatusLabel()->text().toStdString();
    EXPECT_TRUE(editor.runButton()->isEnabled());
    // The adapter's run and the base model's (missing before), both in the project.
    EXPECT_EQ(tb::list_runs(project, tb::RunKind::Eval).size(), 2u);
    EXPECT_TRUE(editor.runStatusLabel()->text().contains(QStringLiteral("suite gate, set probe")));
    EXPECT_EQ(messages.messages().size(), 1u);
}

TEST_F(SuiteAfterTrainingTest, MainWindowRunsSuitesAfterTrainingAndShowsARegression) {
    std::int64_t trainRun = 0;
    // Make the base model pass every item it answers: evaluate it once, make each item's
    // criterion "contains the base model's own answer", evaluate it again (all pass). The
    // adapter answers differently, so its pass rate drops: a regression.
    {
        auto project = tb::ProjectFile::open(path_);
        tb::EvalRunOptions options;
        options.set_name = "probe";
        options.generation.max_new_tokens = 6;
        const auto first =
            tb::run_eval(project, tb::EvalTarget::local(model_, std::nullopt, fs::path(templateFile_)), options);
        int passing = 0;
        for (const auto& outcome : first.items) {
            if (!outcome.golden_item_id || outcome.output.empty()) continue;
            auto item = tb::get_golden_item(project, *outcome.golden_item_id);
            ASSERT_TRUE(item.has_value());
            item->rubric =
                tb::parse_rubric(nlohmann::json::array({{{"kind", "contains"}, {"expected", outcome.output}}}));
            tb::update_golden_item(project, *item);
            ++passing;
        }
        if (passing < 3) GTEST_SKIP() << "the tiny base model answered too few items with text";
        const auto base =
            tb::run_eval(project, tb::EvalTarget::local(model_, std::nullopt, fs::path(templateFile_)), options);
        ASSERT_GE(base.pass_rate, 0.5);
        saveSuite(project, /*afterTraining*/ true);
        trainRun = trainedRun(project);
    }

    const QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("TUNEBENCH_REVIEWER", "Ada");
    tbtest::MessageCapture messages;
    {
        tbui::MainWindow window;
        window.resize(1200, 760);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        ASSERT_TRUE(window.openProject(QString::fromStdString(path_)));
        window.showTab(tbui::MainWindow::EvaluationTab);
        auto* evalPanel = window.evaluationPanel()->findChild<tbui::EvalPanel*>();
        ASSERT_NE(evalPanel, nullptr);
        ASSERT_EQ(evalPanel->runsTable()->rowCount(), 2);
        window.showTab(tbui::MainWindow::TrainingTab);
        auto* panel = qobject_cast<tbui::TrainingPanel*>(window.trainingPanel());
        ASSERT_NE(panel, nullptr);
        auto* runner = panel->findChild<tbui::SuiteRunner*>();
        ASSERT_NE(runner, nullptr);

        QSignalSpy finished(runner, &tbui::SuiteRunner::finished);
        QSignalSpy failed(runner, &tbui::SuiteRunner::failed);
        // What the training panel emits when a LoRA run completed with its adapter.
        Q_EMIT panel->adapterReady(trainRun, QString::fromStdString(model_.string()),
                                   QString::fromStdString(adapter_.string()));
        EXPECT_TRUE(panel->logView()->toPlainText().contains(QStringLiteral("train run #%1").arg(trainRun)));
        ASSERT_TRUE(finished.wait(kTimeoutMs));
        ASSERT_TRUE(failed.isEmpty());
        const QStringList regressions = finished.at(0).at(1).toStringList();
        ASSERT_FALSE(regressions.isEmpty());
        EXPECT_TRUE(regressions.first().startsWith(QStringLiteral("gate: probe vs base")));

        EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("Regression flagged")));
        EXPECT_TRUE(panel->statusLabel()->text().contains(QStringLiteral("Regression flagged")));
        const QString log = panel->logView()->toPlainText();
        EXPECT_TRUE(log.contains(QStringLiteral("REGRESSION: gate: probe vs base")));
        EXPECT_TRUE(log.contains(QStringLiteral("suite gate: REGRESSION flagged")));
        // The Evaluation tab was refreshed: the adapter's run is listed.
        EXPECT_EQ(evalPanel->runsTable()->rowCount(), 3);
        tbtest::saveScreenshot(&window, QStringLiteral("suite_regression_after_training"));
    }
    EXPECT_TRUE(messages.messages().empty());
    qunsetenv("TUNEBENCH_REVIEWER");
    qunsetenv("XDG_CONFIG_HOME");
}

}  // namespace
