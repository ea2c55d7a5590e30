// The regression suite editor offscreen: a suite typed into the fields is stored through
// core and read back by core's load_regression_suite; editing, refusing an invalid suite
// (with core's message), and deleting.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>

#include "core/curation/golden_sets.h"
#include "core/eval/regression_suite.h"
#include "core/project/project_file.h"
#include "ui/eval/suite_editor.h"
#include "ui_test_support.h"

namespace {

class SuiteEditorTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        const std::string path = dir_.filePath(QStringLiteral("suites.tunebench")).toStdString();
        tbtest::createProject(path, {{"Where is my parcel?", "In transit.", ""}});
        project_.emplace(tb::ProjectFile::open(path));
        tb::create_golden_set(*project_, "tickets", tb::GoldenKind::task);
        tb::create_golden_set(*project_, "billing", tb::GoldenKind::task);
        tb::create_golden_set(*project_, "general-qa", tb::GoldenKind::general);
    }

    QTemporaryDir dir_;
    std::optional<tb::ProjectFile> project_;
    tbtest::MessageCapture messages_;
};

TEST_F(SuiteEditorTest, ASuiteTypedInIsStoredAndReadBackThroughCore) {
    tbui::SuiteEditor editor(*project_);
    ASSERT_EQ(editor.setsList()->count(), 3);  // every golden set, none ticked
    EXPECT_TRUE(editor.checkedSets().isEmpty());
    EXPECT_EQ(editor.suitesList()->count(), 0);

    editor.nameEdit()->setText(QStringLiteral("release-gate"));
    editor.setCheckedSets({QStringLiteral("tickets"), QStringLiteral("billing")});
    editor.generalCheck()->setChecked(true);
    editor.afterTrainingCheck()->setChecked(true);
    editor.saveButton()->click();
    EXPECT_TRUE(messages_.messages().empty());

    const auto stored = tb::load_regression_suite(*project_, "release-gate");
    ASSERT_TRUE(stored.has_value());
    std::vector<std::string> sets = stored->golden_sets;
    std::sort(sets.begin(), sets.end());
    EXPECT_EQ(sets, (std::vector<std::string>{"billing", "tickets"}));
    EXPECT_TRUE(stored->include_general);
    EXPECT_TRUE(stored->run_after_training);
    ASSERT_EQ(editor.suitesList()->count(), 1);
    EXPECT_EQ(editor.suitesList()->item(0)->text(), QStringLiteral("release-gate"));
    EXPECT_EQ(tb::suites_to_run_after_training(*project_).size(), 1u);

    // Edited: one set, no longer after training; saved under the same name, it replaces the suite.
    editor.setCheckedSets({QStringLiteral("tickets")});
    editor.afterTrainingCheck()->setChecked(false);
    ASSERT_TRUE(editor.save());
    const auto edited = tb::load_regression_suite(*project_, "release-gate");
    ASSERT_TRUE(edited.has_value());
    EXPECT_EQ(edited->golden_sets, (std::vector<std::string>{"tickets"}));
    EXPECT_FALSE(edited->run_after_training);
    EXPECT_TRUE(tb::suites_to_run_after_training(*project_).empty());
    EXPECT_EQ(tb::list_regression_suites(*project_).size(), 1u);
}

TEST_F(SuiteEditorTest, AFreshEditorShowsTheStoredSuites) {
    tb::RegressionSuite suite;
    suite.name = "nightly";
    suite.golden_sets = {"billing"};
    suite.include_general = false;
    suite.run_after_training = false;
    tb::save_regression_suite(*project_, suite);

    tbui::SuiteEditor editor(*project_);
    ASSERT_EQ(editor.suitesList()->count(), 1);
    editor.suitesList()->setCurrentRow(0);  // selecting a suite fills the fields
    EXPECT_EQ(editor.nameEdit()->text(), QStringLiteral("nightly"));
    EXPECT_EQ(editor.checkedSets(), QStringList{QStringLiteral("billing")});
    EXPECT_FALSE(editor.generalCheck()->isChecked());
    EXPECT_FALSE(editor.afterTrainingCheck()->isChecked());

    editor.newButton()->click();
    EXPECT_TRUE(editor.nameEdit()->text().isEmpty());
    EXPECT_TRUE(editor.checkedSets().isEmpty());
    EXPECT_TRUE(editor.afterTrainingCheck()->isChecked());  // the default of a new suite
}

TEST_F(SuiteEditorTest, AnInvalidSuiteIsRefusedWithCoresMessage) {
    tbui::SuiteEditor editor(*project_);
    editor.nameEdit()->setText(QStringLiteral("empty"));  // no set ticked, no general set
    EXPECT_FALSE(editor.save());
    ASSERT_EQ(messages_.messages().size(), 1u);
    EXPECT_EQ(messages_.messages()[0].kind, tbui::MessageKind::Error);
    EXPECT_TRUE(messages_.messages()[0].text.contains(QStringLiteral("no set")));
    EXPECT_TRUE(tb::list_regression_suites(*project_).empty());

    editor.nameEdit()->clear();
    editor.setCheckedSets({QStringLiteral("tickets")});
    EXPECT_FALSE(editor.save());
    ASSERT_EQ(messages_.messages().size(), 2u);
    EXPECT_TRUE(messages_.messages()[1].text.contains(QStringLiteral("name")));
    EXPECT_TRUE(tb::list_regression_suites(*project_).empty());
}

TEST_F(SuiteEditorTest, DeletingRemovesTheSuiteFromTheProject) {
    tbui::SuiteEditor editor(*project_);
    editor.nameEdit()->setText(QStringLiteral("a"));
    editor.setCheckedSets({QStringLiteral("tickets")});
    ASSERT_TRUE(editor.save());
    editor.newSuite();
    editor.nameEdit()->setText(QStringLiteral("b"));
    editor.setCheckedSets({QStringLiteral("billing")});
    ASSERT_TRUE(editor.save());
    ASSERT_EQ(editor.suitesList()->count(), 2);

    editor.suitesList()->setCurrentRow(0);  // "a"
    editor.deleteButton()->click();
    EXPECT_FALSE(tb::load_regression_suite(*project_, "a").has_value());
    EXPECT_TRUE(tb::load_regression_suite(*project_, "b").has_value());
    ASSERT_EQ(editor.suitesList()->count(), 1);
    EXPECT_EQ(editor.suitesList()->item(0)->text(), QStringLiteral("b"));
    EXPECT_TRUE(messages_.messages().empty());
}

}  // namespace
