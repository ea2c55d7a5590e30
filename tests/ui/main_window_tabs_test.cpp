// The main window's tabs over an open project: every stage reachable (Ctrl+1..7), the review
// queue working on the project with its single keys, the reviewer identity asked once per
// machine, and closing the project with every tab built (widgets go before the file).
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include "core/curation/reviewer_identity.h"
#include "core/curation/reviews.h"
#include "core/project/project_file.h"
#include "ui/coverage/coverage_view.h"
#include "ui/dataset/check_report_panel.h"
#include "ui/dataset/example_browser.h"
#include "ui/golden/golden_set_editor.h"
#include "ui/main_window.h"
#include "ui/overview/project_overview.h"
#include "ui/review/review_queue_widget.h"
#include "ui_test_support.h"

namespace {

class MainWindowTabsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        // Never the developer's own identity file, never a dialog unless a test wants one.
        qputenv("XDG_CONFIG_HOME", dir_.filePath(QStringLiteral("config")).toUtf8());
        qputenv("TUNEBENCH_REVIEWER", "Ada");
        projectPath_ = dir_.filePath(QStringLiteral("tabs.tunebench"));
        ids_ = tbtest::createProject(projectPath_.toStdString(),
                                     {
                                         {"How do I pay an invoice?", "Open Billing and press Pay."},
                                         {"I forgot my password", "Use the reset link on the sign-in page."},
                                         {"Where is my parcel?", "Track it under Orders > Shipping."},
                                     });
        window_ = std::make_unique<tbui::MainWindow>();
        window_->resize(1200, 760);
        window_->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window_.get()));
        // Window shortcuts (Ctrl+1..7) and the queue's keys need the window active.
        window_->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window_.get()));
    }
    void TearDown() override {
        window_.reset();
        qunsetenv("TUNEBENCH_REVIEWER");
        qunsetenv("XDG_CONFIG_HOME");
    }

    QStringList tabTitles() const {
        QStringList titles;
        for (int i = 0; i < window_->tabs()->count(); ++i) titles << window_->tabs()->tabText(i);
        return titles;
    }

    QTemporaryDir dir_;
    QString projectPath_;
    std::vector<std::int64_t> ids_;
    tbtest::MessageCapture messages_;
    std::unique_ptr<tbui::MainWindow> window_;
};

TEST_F(MainWindowTabsTest, OpeningAProjectShowsEveryStageAsATab) {
    EXPECT_EQ(tabTitles(), (QStringList{QStringLiteral("Overview"), QStringLiteral("Dataset"), QStringLiteral("Review"),
                                        QStringLiteral("Coverage"), QStringLiteral("Golden sets"),
                                        QStringLiteral("Training"), QStringLiteral("Evaluation")}));
    EXPECT_EQ(window_->overview(), nullptr);  // nothing holds a project before one is open
    ASSERT_TRUE(window_->openProject(projectPath_));
    EXPECT_EQ(window_->currentTab(), tbui::MainWindow::OverviewTab);
    ASSERT_NE(window_->overview(), nullptr);
    EXPECT_TRUE(window_->overview()->isVisible());
    EXPECT_EQ(window_->overview()->summary().reviews.examples, 3);
    // The heavier tabs are built when first shown.
    EXPECT_EQ(window_->reviewQueue(), nullptr);
    window_->showTab(tbui::MainWindow::CoverageTab);
    ASSERT_NE(window_->coverageView(), nullptr);
    EXPECT_EQ(window_->coverageView()->report().examples, 3);
    window_->showTab(tbui::MainWindow::GoldenTab);
    ASSERT_NE(window_->goldenEditor(), nullptr);
    EXPECT_TRUE(window_->goldenEditor()->isVisible());
    // A finding clicked in the check report dock shows the Dataset tab it filters.
    auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("checkReportDock"));
    ASSERT_NE(dock, nullptr);
    EXPECT_TRUE(dock->isVisible());
    Q_EMIT window_->checkPanel()->findingKindActivated(QStringLiteral("short_answer"));
    EXPECT_EQ(window_->currentTab(), tbui::MainWindow::DatasetTab);
    EXPECT_TRUE(window_->browser()->isVisible());
    EXPECT_TRUE(messages_.messages().empty());
}

TEST_F(MainWindowTabsTest, ControlAndANumberSwitchesTabs) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    const Qt::Key keys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_5, Qt::Key_6, Qt::Key_7};
    // Backwards, so every key changes the tab.
    for (int tab = tbui::MainWindow::TabCount - 1; tab >= 0; --tab) {
        QTest::keyClick(window_.get(), keys[tab], Qt::ControlModifier);
        EXPECT_EQ(window_->tabs()->currentIndex(), tab) << "Ctrl+" << tab + 1;
    }
    // The View menu names them with their shortcuts.
    auto* viewMenu = window_->findChild<QMenu*>(QStringLiteral("viewMenu"));
    ASSERT_NE(viewMenu, nullptr);
    auto* reviewAction = viewMenu->findChild<QAction*>(QStringLiteral("showTab3"));
    ASSERT_NE(reviewAction, nullptr);
    EXPECT_EQ(reviewAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_3));
    EXPECT_TRUE(reviewAction->text().contains(QStringLiteral("Review")));
}

TEST_F(MainWindowTabsTest, TheReviewTabJudgesTheOpenProjectWithSingleKeys) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    QTest::keyClick(window_.get(), Qt::Key_3, Qt::ControlModifier);
    tbui::ReviewQueueWidget* queue = window_->reviewQueue();
    ASSERT_NE(queue, nullptr);
    ASSERT_TRUE(queue->isVisible());
    ASSERT_TRUE(queue->currentExample().has_value());
    const std::int64_t first = *queue->currentExample();
    EXPECT_EQ(first, ids_.front());
    queue->setFocus();
    QTest::keyClick(queue, Qt::Key_A);  // accept
    // Stored in the project, by the machine's reviewer, as core reads it back.
    {
        tb::ProjectFile reader = tb::ProjectFile::open(projectPath_.toStdString());
        const tb::ExampleVerdicts verdicts = tb::example_verdicts(reader, first);
        ASSERT_TRUE(verdicts.effective.has_value());
        EXPECT_EQ(*verdicts.effective, tb::Verdict::accept);
        ASSERT_EQ(verdicts.by_reviewer.count("Ada"), 1u);
    }
    EXPECT_NE(queue->currentExample().value_or(first), first);  // moved on
    EXPECT_TRUE(window_->reviewerLabel()->text().contains(QStringLiteral("Ada")));
    // The overview counts the accepted example when it comes back into view.
    QTest::keyClick(window_.get(), Qt::Key_1, Qt::ControlModifier);
    EXPECT_EQ(window_->overview()->summary().reviews.accepted, 1);
    EXPECT_TRUE(messages_.messages().empty());
}

TEST_F(MainWindowTabsTest, TheReviewerIsAskedOncePerMachine) {
    qunsetenv("TUNEBENCH_REVIEWER");
    ASSERT_FALSE(tb::machine_reviewer().has_value());
    ASSERT_TRUE(window_->openProject(projectPath_));
    EXPECT_TRUE(window_->reviewerLabel()->text().contains(QStringLiteral("not set")));
    int dialogs = 0;
    // Answers the modal name dialog as a user would, when one opens.
    auto answerDialog = [&dialogs] {
        if (auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) {
            ++dialogs;
            dialog->setTextValue(QStringLiteral("Grace"));
            dialog->accept();
        }
    };
    QTimer timer;
    timer.setInterval(20);
    QObject::connect(&timer, &QTimer::timeout, answerDialog);
    timer.start();
    window_->showTab(tbui::MainWindow::ReviewTab);
    ASSERT_NE(window_->reviewQueue(), nullptr);
    EXPECT_EQ(dialogs, 1);
    EXPECT_EQ(tb::machine_reviewer().value_or(""), "Grace");
    window_->showTab(tbui::MainWindow::GoldenTab);  // needs the name too: already known
    ASSERT_NE(window_->goldenEditor(), nullptr);
    QTest::qWait(60);
    EXPECT_EQ(dialogs, 1);
    EXPECT_TRUE(window_->reviewerLabel()->text().contains(QStringLiteral("Grace")));
}

TEST_F(MainWindowTabsTest, ClosingTheProjectWithEveryTabBuiltRemovesTheirWidgets) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    for (int tab = 0; tab < tbui::MainWindow::TabCount; ++tab)
        window_->showTab(static_cast<tbui::MainWindow::Tab>(tab));
    QPointer<QWidget> review = window_->reviewQueue();
    QPointer<QWidget> coverage = window_->coverageView();
    QPointer<QWidget> golden = window_->goldenEditor();
    QPointer<QWidget> overview = window_->overview();
    ASSERT_TRUE(review && coverage && golden && overview);
    window_->closeProject();
    EXPECT_TRUE(review.isNull());
    EXPECT_TRUE(coverage.isNull());
    EXPECT_TRUE(golden.isNull());
    EXPECT_TRUE(overview.isNull());
    EXPECT_EQ(window_->trainingPanel(), nullptr);
    // Every tab still works without a project (placeholders), and a project opens again.
    for (int tab = 0; tab < tbui::MainWindow::TabCount; ++tab)
        window_->showTab(static_cast<tbui::MainWindow::Tab>(tab));
    ASSERT_TRUE(window_->openProject(projectPath_));
    window_->showTab(tbui::MainWindow::ReviewTab);
    ASSERT_NE(window_->reviewQueue(), nullptr);
    // Destroying the window with the project and its tabs open must not crash either.
    window_.reset();
    EXPECT_TRUE(messages_.messages().empty());
}

TEST_F(MainWindowTabsTest, ScreenshotsOfEachTab) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    const char* names[] = {"overview", "dataset", "review", "coverage", "golden", "training", "evaluation"};
    for (int tab = 0; tab < tbui::MainWindow::TabCount; ++tab) {
        window_->showTab(static_cast<tbui::MainWindow::Tab>(tab));
        QApplication::processEvents();
        EXPECT_FALSE(
            tbtest::saveScreenshot(window_.get(), QStringLiteral("main_window_tab_%1").arg(names[tab])).isEmpty());
    }
}

}  // namespace
