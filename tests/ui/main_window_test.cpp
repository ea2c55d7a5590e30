// The main window driven like a user would: open a project built through core, filter,
// search, select, import through the worker, cancel. Screenshots go to
// <build>/tests/ui_screenshots/ for review.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUrl>

#include "core/project/examples.h"
#include "core/project/project_file.h"
#include "ui/common/job_runner.h"
#include "ui/common/recent_projects.h"
#include "ui/dataset/conversation_view.h"
#include "ui/dataset/example_browser.h"
#include "ui/dataset/example_table_model.h"
#include "ui/main_window.h"
#include "ui_test_support.h"

namespace {

using tbtest::ChatPair;

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        projectPath_ = dir_.filePath(QStringLiteral("support.tunebench"));
        tbtest::createProject(projectPath_.toStdString(),
                              {
                                  {"How do I pay an invoice?", "Open Billing, pick the invoice and press Pay.",
                                   "You are a support agent."},
                                  {"I forgot my password", "Use the reset link on the sign-in page."},
                                  {"Where is my parcel?", "Track it under Orders > Shipping."},
                                  {"Can I get a refund for invoice 42?", "Yes, within 30 days of the invoice date."},
                                  {"How do I close my account?", "Settings > Account > Close account."},
                              });
        window_ = std::make_unique<tbui::MainWindow>();
        window_->resize(1200, 700);
        window_->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window_.get()));
    }

    void searchFor(const QString& text) {
        QLineEdit* box = window_->browser()->searchBox();
        box->clear();
        QTest::keyClicks(box, text);
        QTest::keyClick(box, Qt::Key_Return);
    }

    QTemporaryDir dir_;
    QString projectPath_;
    tbtest::MessageCapture messages_;
    std::unique_ptr<tbui::MainWindow> window_;
};

TEST_F(MainWindowTest, OpensAProjectAndShowsEveryExample) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    auto* model = window_->browser()->model();
    EXPECT_EQ(model->totalCount(), 5);
    EXPECT_EQ(model->rowCount(), 5);
    EXPECT_EQ(window_->browser()->table()->model()->rowCount(), 5);
    EXPECT_EQ(model->data(model->index(1, tbui::ExampleTableModel::PreviewColumn)).toString(),
              QStringLiteral("I forgot my password"));
    EXPECT_EQ(model->data(model->index(0, tbui::ExampleTableModel::TurnsColumn)).toInt(), 3);
    EXPECT_TRUE(window_->windowTitle().contains(QStringLiteral("support.tunebench")))
        << window_->windowTitle().toStdString();
    EXPECT_TRUE(tbui::RecentProjects::list().value(0).endsWith(QStringLiteral("support.tunebench")));
    EXPECT_TRUE(messages_.messages().empty());
    tbtest::saveScreenshot(window_.get(), QStringLiteral("main_window_open"));
}

TEST_F(MainWindowTest, FullTextSearchNarrowsTheTable) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    searchFor(QStringLiteral("invoice"));
    auto* model = window_->browser()->model();
    EXPECT_EQ(model->totalCount(), 2);
    ASSERT_EQ(model->rowCount(), 2);
    EXPECT_EQ(model->exampleIdAt(0), 1);
    EXPECT_EQ(model->exampleIdAt(1), 4);
    // The search runs after a pause in typing, too, without pressing Enter.
    window_->browser()->searchBox()->clear();
    QTest::keyClicks(window_->browser()->searchBox(), QStringLiteral("parcel"));
    QTRY_COMPARE_WITH_TIMEOUT(model->totalCount(), 1, 3000);
    tbtest::saveScreenshot(window_.get(), QStringLiteral("main_window_search"));
    searchFor(QStringLiteral("nothingmatchesthis"));
    EXPECT_EQ(model->totalCount(), 0);
    window_->browser()->clearFilters();
    EXPECT_EQ(model->totalCount(), 5);
}

TEST_F(MainWindowTest, SelectingARowShowsTheConversation) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    QTableView* table = window_->browser()->table();
    const QRect cell = table->visualRect(table->model()->index(0, tbui::ExampleTableModel::PreviewColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    const QString shown = window_->browser()->conversation()->toPlainText();
    EXPECT_TRUE(shown.contains(QStringLiteral("How do I pay an invoice?"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("Open Billing, pick the invoice and press Pay."))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("System")));
    EXPECT_TRUE(shown.contains(QStringLiteral("User")));
    EXPECT_TRUE(shown.contains(QStringLiteral("Assistant")));
    // The keyboard moves the selection and the conversation follows.
    QTest::keyClick(table, Qt::Key_Down);
    EXPECT_TRUE(window_->browser()->conversation()->toPlainText().contains(QStringLiteral("I forgot my password")));
    tbtest::saveScreenshot(window_.get(), QStringLiteral("main_window_conversation"));
}

TEST_F(MainWindowTest, ImportRunsInTheWorkerAndListsRejectedRecords) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    const QString file = dir_.filePath(QStringLiteral("more.jsonl"));
    QStringList lines;
    for (int i = 0; i < 50; ++i)
        lines
            << QStringLiteral(
                   R"({"messages":[{"role":"user","content":"Imported question %1"},{"role":"assistant","content":"Imported answer %1"}]})")
                   .arg(i);
    lines << QStringLiteral("{not json");
    lines << QStringLiteral(R"({"messages":[{"role":"user","content":"no answer"}]})");
    tbtest::writeLines(file, lines);

    // All-or-nothing by default: two bad records, nothing stored, every bad record listed.
    {
        QSignalSpy refused(window_.get(), &tbui::MainWindow::importFinished);
        ASSERT_TRUE(window_->importDataset(file));
        ASSERT_TRUE(refused.wait(20000));
        EXPECT_FALSE(refused.first().at(0).toBool());
        EXPECT_EQ(window_->browser()->model()->totalCount(), 5);
        EXPECT_EQ(tb::count_examples(tb::ProjectFile::open(projectPath_.toStdString())), 5);
        ASSERT_EQ(messages_.messages().size(), 1u);
        const tbui::UserMessage& refusal = messages_.messages().front();
        EXPECT_EQ(refusal.kind, tbui::MessageKind::Warning);
        EXPECT_TRUE(refusal.text.contains(QStringLiteral("nothing was imported"))) << refusal.text.toStdString();
        const QStringList refusedLines = refusal.details.split(QLatin1Char('\n'));
        ASSERT_EQ(refusedLines.size(), 2) << refusal.details.toStdString();
        EXPECT_TRUE(refusedLines[0].startsWith(file + QStringLiteral(":51: "))) << refusedLines[0].toStdString();
        messages_.clear();
    }

    // Keeping the valid records: the 50 good ones go in, the two bad ones are reported.
    QSignalSpy progress(window_->jobRunner(), &tbui::JobRunner::progressChanged);
    QSignalSpy finished(window_->jobRunner(), &tbui::JobRunner::finished);
    QSignalSpy importFinished(window_.get(), &tbui::MainWindow::importFinished);
    ASSERT_TRUE(window_->importDataset(file, true));
    EXPECT_TRUE(window_->progressBar()->isVisible());
    EXPECT_TRUE(window_->cancelButton()->isVisible());
    ASSERT_TRUE(importFinished.wait(20000));
    EXPECT_EQ(finished.count(), 1);
    EXPECT_GE(progress.count(), 1);
    EXPECT_TRUE(importFinished.first().at(0).toBool());
    EXPECT_FALSE(window_->progressBar()->isVisible());
    EXPECT_EQ(window_->browser()->model()->totalCount(), 55);

    ASSERT_EQ(messages_.messages().size(), 1u);
    const tbui::UserMessage& report = messages_.messages().front();
    EXPECT_EQ(report.kind, tbui::MessageKind::Warning);
    const QStringList rejectLines = report.details.split(QLatin1Char('\n'));
    ASSERT_EQ(rejectLines.size(), 2) << report.details.toStdString();
    EXPECT_TRUE(rejectLines[0].startsWith(file + QStringLiteral(":51: "))) << rejectLines[0].toStdString();
    EXPECT_TRUE(rejectLines[1].startsWith(file + QStringLiteral(":52: "))) << rejectLines[1].toStdString();
    tbtest::saveScreenshot(window_.get(), QStringLiteral("main_window_after_import"));
}

TEST_F(MainWindowTest, DroppingAFileImportsIt) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    const QString file = dir_.filePath(QStringLiteral("dropped.jsonl"));
    tbtest::writeLines(
        file, {QStringLiteral(
                  R"({"messages":[{"role":"user","content":"dropped"},{"role":"assistant","content":"caught"}]})")});
    QSignalSpy importFinished(window_.get(), &tbui::MainWindow::importFinished);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    const QPoint centre = window_->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_.get(), &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(centre), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window_.get(), &drop);
    ASSERT_TRUE(importFinished.wait(20000));
    EXPECT_EQ(window_->browser()->model()->totalCount(), 6);

    // Anything else is refused at the door.
    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(dir_.filePath(QStringLiteral("notes.txt")))});
    QDragEnterEvent refused(centre, Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    refused.setAccepted(false);
    QApplication::sendEvent(window_.get(), &refused);
    EXPECT_FALSE(refused.isAccepted());
}

TEST_F(MainWindowTest, CancellingAnImportStoresNothing) {
    ASSERT_TRUE(window_->openProject(projectPath_));
    const QString file = dir_.filePath(QStringLiteral("big.jsonl"));
    QStringList lines;
    for (int i = 0; i < 200000; ++i)
        lines
            << QStringLiteral(
                   R"({"messages":[{"role":"user","content":"bulk question %1"},{"role":"assistant","content":"bulk answer %1"}]})")
                   .arg(i);
    tbtest::writeLines(file, lines);
    QSignalSpy cancelled(window_->jobRunner(), &tbui::JobRunner::cancelled);
    QSignalSpy importFinished(window_.get(), &tbui::MainWindow::importFinished);
    ASSERT_TRUE(window_->importDataset(file));
    QTest::qWait(100);
    QTest::mouseClick(window_->cancelButton(), Qt::LeftButton);
    ASSERT_TRUE(importFinished.wait(20000));
    EXPECT_EQ(cancelled.count(), 1);
    EXPECT_FALSE(importFinished.first().at(0).toBool());
    EXPECT_EQ(window_->browser()->model()->totalCount(), 5);
    EXPECT_EQ(tb::count_examples(tb::ProjectFile::open(projectPath_.toStdString())), 5);
    EXPECT_TRUE(messages_.messages().empty()) << "a cancel is not an error";
}

TEST_F(MainWindowTest, OpeningSomethingElseShowsTheErrorAndKeepsRunning) {
    const QString notAProject = dir_.filePath(QStringLiteral("notes.tunebench"));
    tbtest::writeLines(notAProject, {QStringLiteral("hello")});
    EXPECT_FALSE(window_->openProject(notAProject));
    ASSERT_EQ(messages_.messages().size(), 1u);
    EXPECT_EQ(messages_.messages().front().kind, tbui::MessageKind::Error);
    EXPECT_TRUE(window_->projectPath().isEmpty());
    EXPECT_FALSE(window_->importDataset(dir_.filePath(QStringLiteral("x.jsonl"))));
}

TEST_F(MainWindowTest, MenusOfferTheProjectCommands) {
    QStringList titles;
    for (QAction* action : window_->menuBar()->actions()) titles << action->text();
    EXPECT_EQ(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Project"),
                                   QStringLiteral("&Tools"), QStringLiteral("&Help")}));
    QStringList fileItems;
    for (QAction* action : window_->fileMenu()->actions()) fileItems << action->text();
    EXPECT_TRUE(fileItems.contains(QStringLiteral("&Import dataset…")));
    EXPECT_TRUE(fileItems.contains(QStringLiteral("Import dataset, &keeping the valid records…")));
    EXPECT_TRUE(fileItems.contains(QStringLiteral("Open &recent")));
    // Project commands wait for a project.
    for (QAction* action : window_->fileMenu()->actions())
        if (action->text() == QStringLiteral("&Import dataset…")) {
            EXPECT_FALSE(action->isEnabled());
        }
    ASSERT_TRUE(window_->openProject(projectPath_));
    for (QAction* action : window_->fileMenu()->actions())
        if (action->text() == QStringLiteral("&Import dataset…")) {
            EXPECT_TRUE(action->isEnabled());
        }
}

}  // namespace
