// "Evaluate..." offscreen with a real (tiny) model the test writes (tests/eval/eval_test_helpers.h):
// the dialog says when the model has no chat template and refuses to start without one,
// accepts an adapter's own template, and the eval panel runs core's eval runner on the
// worker thread and lists the new run when it finishes.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>

#include "common/temp_dir.h"
#include "core/eval/eval_store.h"
#include "core/eval/run_history.h"
#include "eval/eval_test_helpers.h"
#include "ui/eval/eval_dialog.h"
#include "ui/eval/eval_panel.h"
#include "ui_test_support.h"

namespace {

namespace fs = std::filesystem;
constexpr int kTimeoutMs = 120000;

class EvalDialogTest : public ::testing::Test {
protected:
    void SetUp() override {
        model_ = fs::path(dir_.file("model"));
        tbeval::write_tiny_model(model_);
        templateFile_ = dir_.write("chatml.jinja", tbeval::kChatMl);
        project_.emplace(tb::ProjectFile::create(dir_.file("eval.tunebench")));
        tbeval::fill_project(*project_);  // golden set "probe" of 6 items
    }

    void chooseSet(tbui::EvalDialog& dialog, const QString& name) {
        const int index = dialog.setCombo()->findData(name);
        ASSERT_GE(index, 0) << name.toStdString();
        dialog.setCombo()->setCurrentIndex(index);
    }

    tbtest::TempDir dir_{"tb_evaldialog_"};
    fs::path model_;
    std::string templateFile_;
    std::optional<tb::ProjectFile> project_;
};

TEST_F(EvalDialogTest, BaseModelWithoutTemplateNeedsAFileAndNeverDefaults) {
    tbui::EvalDialog dialog(*project_);
    auto* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());  // no model yet
    // The sets: the golden set, the validation split, the general set.
    EXPECT_GE(dialog.setCombo()->findData(QStringLiteral("probe")), 0);
    EXPECT_GE(dialog.setCombo()->findData(QStringLiteral("validation")), 0);
    EXPECT_GE(dialog.setCombo()->findData(QStringLiteral("general")), 0);

    dialog.modelEdit()->setText(QString::fromStdString(model_.string()));
    EXPECT_TRUE(dialog.templateRequired());
    EXPECT_TRUE(dialog.templateNote()->text().contains(QStringLiteral("no chat template")));
    EXPECT_TRUE(dialog.problemsLabel()->text().contains(QStringLiteral("no chat template")));
    EXPECT_FALSE(ok->isEnabled());

    dialog.templateEdit()->setText(QString::fromStdString(templateFile_));
    EXPECT_TRUE(dialog.problems().isEmpty()) << dialog.problems().join(' ').toStdString();
    EXPECT_TRUE(ok->isEnabled());
    const auto request = dialog.request();
    ASSERT_TRUE(request.target.chat_template_file.has_value());
    EXPECT_EQ(request.target.chat_template_file->string(), templateFile_);
    EXPECT_FALSE(request.target.adapter_dir.has_value());

    // A folder that is no adapter is refused; a trained adapter brings its own template.
    dialog.templateEdit()->clear();
    dialog.adapterEdit()->setText(QString::fromStdString(dir_.file("nothing")));
    EXPECT_FALSE(ok->isEnabled());
    const fs::path adapter = dir_.file("adapter");
    tbeval::write_adapter(model_, adapter, tbeval::kChatMl);
    dialog.adapterEdit()->setText(QString::fromStdString(adapter.string()));
    EXPECT_FALSE(dialog.templateRequired());
    EXPECT_TRUE(dialog.templateNote()->text().contains(QStringLiteral("adapter's own template")));
    EXPECT_TRUE(dialog.problems().isEmpty()) << dialog.problems().join(' ').toStdString();
    EXPECT_TRUE(ok->isEnabled());
}

TEST_F(EvalDialogTest, PanelRunsTheEvalOnTheWorkerAndListsTheNewRun) {
    tbtest::MessageCapture messages;
    tbui::EvalPanel panel(*project_);
    EXPECT_EQ(panel.runsTable()->rowCount(), 0);

    tbui::EvalDialog dialog(*project_, &panel);
    dialog.modelEdit()->setText(QString::fromStdString(model_.string()));
    dialog.templateEdit()->setText(QString::fromStdString(templateFile_));
    chooseSet(dialog, QStringLiteral("probe"));
    dialog.maxNewTokensSpin()->setValue(6);
    dialog.seedSpin()->setValue(5);
    ASSERT_TRUE(dialog.problems().isEmpty()) << dialog.problems().join(' ').toStdString();

    QSignalSpy finished(&panel, &tbui::EvalPanel::evaluationFinished);
    QSignalSpy failed(&panel, &tbui::EvalPanel::evaluationFailed);
    ASSERT_TRUE(panel.startEvaluation(dialog.request()));
    EXPECT_TRUE(panel.isEvaluating());
    EXPECT_FALSE(panel.evaluateButton()->isEnabled());
    EXPECT_FALSE(panel.evalProgress()->isHidden());
    EXPECT_FALSE(panel.cancelEvalButton()->isHidden());
    EXPECT_FALSE(panel.startEvaluation(dialog.request()));  // one at a time
    ASSERT_TRUE(finished.wait(kTimeoutMs)) << panel.evalStatusLabel()->text().toStdString();
    EXPECT_EQ(failed.count(), 0);
    EXPECT_TRUE(panel.evaluateButton()->isEnabled());
    EXPECT_TRUE(panel.evalProgress()->isHidden());

    // The run is in the project, with the dialog's settings, and in the panel's table.
    const qint64 runId = finished.at(0).at(0).toLongLong();
    const auto runs = tb::list_runs(*project_, tb::RunKind::Eval);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].id, runId);
    EXPECT_EQ(runs[0].status, tb::RunStatus::Completed);
    EXPECT_EQ(runs[0].config.dump().find("\"max_new_tokens\":6") != std::string::npos, true) << runs[0].config.dump();
    const auto items = tb::eval_run_items(*project_, runId);
    EXPECT_EQ(items.size(), 6u);
    ASSERT_EQ(panel.runsTable()->rowCount(), 1);
    EXPECT_EQ(panel.runsTable()->item(0, 0)->text(), QStringLiteral("#%1").arg(runId));
    EXPECT_EQ(panel.runsTable()->item(0, 5)->text(), QStringLiteral("6"));
    EXPECT_EQ(panel.candidateRunId(), std::optional<std::int64_t>(runId));
    EXPECT_TRUE(panel.evalStatusLabel()->text().contains(QStringLiteral("#%1").arg(runId)));

    // The same settings and seed again: a second run, with the same outputs.
    ASSERT_TRUE(panel.startEvaluation(dialog.request()));
    ASSERT_TRUE(finished.wait(kTimeoutMs));
    const qint64 second = finished.at(1).at(0).toLongLong();
    EXPECT_EQ(panel.runsTable()->rowCount(), 2);
    EXPECT_EQ(panel.baselineRunId(), std::optional<std::int64_t>(runId));
    EXPECT_EQ(panel.candidateRunId(), std::optional<std::int64_t>(second));
    const auto again = tb::eval_run_items(*project_, second);
    ASSERT_EQ(again.size(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i) EXPECT_EQ(again[i].output, items[i].output);
    EXPECT_TRUE(messages.messages().empty());
}

TEST_F(EvalDialogTest, AFailingRunIsReportedAndTheButtonComesBack) {
    tbtest::MessageCapture messages;
    tbui::EvalPanel panel(*project_);
    tbui::EvalRequest request;
    request.target = tb::EvalTarget::local(model_);  // no template anywhere: core refuses
    request.options.set_name = "probe";
    QSignalSpy failed(&panel, &tbui::EvalPanel::evaluationFailed);
    ASSERT_TRUE(panel.startEvaluation(request));
    ASSERT_TRUE(failed.wait(kTimeoutMs));
    EXPECT_TRUE(failed.at(0).at(0).toString().contains(QStringLiteral("chat template")));
    ASSERT_EQ(messages.messages().size(), 1u);
    EXPECT_EQ(messages.messages()[0].kind, tbui::MessageKind::Error);
    EXPECT_TRUE(panel.evaluateButton()->isEnabled());
    EXPECT_EQ(panel.runsTable()->rowCount(), 0);  // setup errors create no run
}

}  // namespace
