// ProjectSession: the panels over the open project talk through the session's signals. A
// training run that ends refreshes what lists runs; what the regression suites run after
// training report reaches the Training tab and the status bar.
#include <gtest/gtest.h>

#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

#include "core/project/project_file.h"
#include "core/project/runs.h"
#include "ui/eval/eval_panel.h"
#include "ui/eval/suite_runner.h"
#include "ui/main_window.h"
#include "ui/overview/project_overview.h"
#include "ui/train/training_panel.h"
#include "ui_test_support.h"

namespace {

class ProjectSessionTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        qputenv("XDG_CONFIG_HOME", dir_.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TUNEBENCH_REVIEWER", "Ada");
        path_ = dir_.filePath(QStringLiteral("session.tunebench"));
        tbtest::createProject(path_.toStdString(), {{"How do I pay an invoice?", "Open Billing and press Pay."}});
        window_ = std::make_unique<tbui::MainWindow>();
        window_->resize(1200, 760);
        window_->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window_.get()));
        ASSERT_TRUE(window_->openProject(path_));
    }
    void TearDown() override {
        window_.reset();
        qunsetenv("TUNEBENCH_REVIEWER");
        qunsetenv("XDG_CONFIG_HOME");
    }

    tbui::TrainingPanel* trainingPanel() {
        window_->showTab(tbui::MainWindow::TrainingTab);
        return window_->trainingPanel();
    }

    QTemporaryDir dir_;
    QString path_;
    tbtest::MessageCapture messages_;
    std::unique_ptr<tbui::MainWindow> window_;
};

TEST_F(ProjectSessionTest, ATrainingRunThatEndsRefreshesTheEvaluationTabAndTheOverview) {
    window_->showTab(tbui::MainWindow::EvaluationTab);
    auto* evalPanel = window_->evaluationPanel()->findChild<tbui::EvalPanel*>();
    ASSERT_NE(evalPanel, nullptr);
    ASSERT_EQ(evalPanel->runsTable()->rowCount(), 0);
    tbui::TrainingPanel* panel = trainingPanel();
    ASSERT_NE(panel, nullptr);
    const std::int64_t runsBefore = window_->overview()->summary().runs_total;

    // A run stored meanwhile (as the suites after training store theirs), by another connection.
    {
        tb::ProjectFile writer = tb::ProjectFile::open(path_.toStdString());
        const std::int64_t run = tb::create_run(writer, tb::RunKind::Eval, "after-training", nlohmann::json::object());
        tb::finish_run(writer, run, tb::RunStatus::Completed);
    }
    QSignalSpy runsChanged(window_->session(), &tbui::ProjectSession::runsChanged);
    Q_EMIT panel->runFinished(1, 7, QStringLiteral("completed"));
    EXPECT_EQ(runsChanged.count(), 1);
    EXPECT_EQ(evalPanel->runsTable()->rowCount(), 1);
    EXPECT_EQ(window_->overview()->summary().runs_total, runsBefore + 1);
    EXPECT_TRUE(messages_.messages().empty());
}

TEST_F(ProjectSessionTest, ARegressionFlaggedAfterTrainingShowsInTheTrainingTabAndTheStatusBar) {
    tbui::TrainingPanel* panel = trainingPanel();
    ASSERT_NE(panel, nullptr);
    auto* suites = panel->findChild<tbui::SuiteRunner*>();
    ASSERT_NE(suites, nullptr);
    const QString regression = QStringLiteral("gate: probe vs base: pass rate 80.0% -> 40.0%");

    Q_EMIT suites->started(QStringLiteral("Regression suite(s) gate on train run #7"));
    EXPECT_TRUE(panel->logView()->toPlainText().contains(QStringLiteral("gate on train run #7: running...")));
    Q_EMIT suites->finished({QStringLiteral("suite gate, set probe: eval run #3, pass rate 40.0%")}, {regression});
    const QString log = panel->logView()->toPlainText();
    EXPECT_TRUE(log.contains(QStringLiteral("suite gate, set probe: eval run #3")));
    EXPECT_TRUE(log.contains(QStringLiteral("REGRESSION: ") + regression));
    EXPECT_EQ(panel->statusLabel()->text(),
              QStringLiteral("Regression flagged after training (1); see the log and the Evaluation tab."));
    EXPECT_EQ(window_->statusBar()->currentMessage(),
              QStringLiteral("Regression flagged by the suites after training: ") + regression);

    // Suites without a regression leave the training status alone; a failure is logged.
    Q_EMIT suites->finished({QStringLiteral("suite gate, set probe: eval run #4, pass rate 80.0%")}, {});
    EXPECT_EQ(window_->statusBar()->currentMessage(), QStringLiteral("Regression suites done: no regression flagged."));
    EXPECT_TRUE(panel->statusLabel()->text().startsWith(QStringLiteral("Regression flagged after training (1)")));
    Q_EMIT suites->failed(QStringLiteral("cancelled"));
    EXPECT_TRUE(panel->logView()->toPlainText().endsWith(QStringLiteral("Regression suites failed: cancelled")));
    EXPECT_EQ(window_->statusBar()->currentMessage(), QStringLiteral("Regression suites failed: cancelled"));
}

TEST_F(ProjectSessionTest, ClosingTheProjectDeletesThePanelsItMade) {
    QPointer<tbui::TrainingPanel> panel = trainingPanel();
    ASSERT_FALSE(panel.isNull());
    window_->showTab(tbui::MainWindow::EvaluationTab);
    QPointer<QTabWidget> evaluation = window_->evaluationPanel();
    ASSERT_FALSE(evaluation.isNull());
    window_->closeProject();
    EXPECT_TRUE(panel.isNull());
    EXPECT_TRUE(evaluation.isNull());
    EXPECT_FALSE(window_->session()->isOpen());
    EXPECT_EQ(window_->session()->ensureTrainingPanel(), nullptr) << "no panel without a project";
}

}  // namespace
