// Tools > Run checks in the worker, the report dock, and clicking findings to filter.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include "ui/common/job_runner.h"
#include "ui/dataset/check_report_panel.h"
#include "ui/dataset/example_browser.h"
#include "ui/dataset/example_table_model.h"
#include "ui/main_window.h"
#include "ui_test_support.h"

namespace {

QTreeWidgetItem* findKindItem(QTreeWidget* tree, const QString& title) {
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0).startsWith(title)) return tree->topLevelItem(i);
    return nullptr;
}

void clickItem(QTreeWidget* tree, QTreeWidgetItem* item) {
    tree->scrollToItem(item);
    const QRect rect = tree->visualItemRect(item);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
}

TEST(CheckReport, RunsInTheWorkerAndClickingAFindingFiltersTheBrowser) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("checks.tunebench"));
    tbtest::createProject(path.toStdString(), {
                                                  {"Is the shop open on Sunday?", "Yes."},
                                                  {"Do you ship to Norway?", "No."},
                                                  {"How do I change my delivery address?",
                                                   "Open Orders, pick the order and edit the address before it ships."},
                                                  {"My email is jane.doe@example.com, please update it",
                                                   "Done: your contact email is updated in the account settings."},
                                              });
    tbtest::MessageCapture messages;
    tbui::MainWindow window;
    window.resize(1200, 700);
    window.show();
    ASSERT_TRUE(window.openProject(path));
    QSignalSpy checksFinished(&window, &tbui::MainWindow::checksFinished);
    QSignalSpy progress(window.jobRunner(), &tbui::JobRunner::progressChanged);
    // The dock's button, clicked like a user.
    QTest::mouseClick(window.checkPanel()->runButton(), Qt::LeftButton);
    ASSERT_TRUE(checksFinished.wait(30000));
    ASSERT_TRUE(checksFinished.first().at(0).toBool());
    EXPECT_TRUE(messages.messages().empty());

    QTreeWidget* tree = window.checkPanel()->tree();
    QTreeWidgetItem* shortAnswers = findKindItem(tree, QStringLiteral("Short answers"));
    ASSERT_NE(shortAnswers, nullptr);
    EXPECT_EQ(shortAnswers->text(1), QStringLiteral("2"));

    clickItem(tree, shortAnswers);
    tbui::ExampleTableModel* model = window.browser()->model();
    EXPECT_EQ(model->totalCount(), 2);
    EXPECT_EQ(model->exampleIdAt(0), 1);
    EXPECT_EQ(model->exampleIdAt(1), 2);

    // One finding: only its example, selected and shown.
    shortAnswers->setExpanded(true);
    ASSERT_GE(shortAnswers->childCount(), 1);
    clickItem(tree, shortAnswers->child(shortAnswers->childCount() - 1));
    EXPECT_EQ(model->totalCount(), 1);
    tbtest::saveScreenshot(&window, QStringLiteral("check_report"));

    // The report is stored: reopening the project shows it again.
    tbui::MainWindow reopened;
    ASSERT_TRUE(reopened.openProject(path));
    EXPECT_NE(findKindItem(reopened.checkPanel()->tree(), QStringLiteral("Short answers")), nullptr);
    EXPECT_GE(reopened.browser()->findingBox()->count(), 2) << "finding kinds are offered as a filter";
}

}  // namespace
