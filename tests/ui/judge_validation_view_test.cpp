// The judge validation view offscreen over a project with stored human grades and a scripted
// judge on loopback (tests/eval/judge_test_support.h): "Validate" runs core's validate_judge
// on the worker thread; the agreement table, the confusion matrix, the kappa chart with its
// CI and threshold, the probes and the verdict show the result; the stored validation is
// listed and re-shown by a fresh view without asking the judge again.
#include <gtest/gtest.h>

#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include "core/eval/human_grades.h"
#include "core/eval/judge_validation.h"
#include "core/stats/kappa.h"
#include "eval/judge_test_support.h"
#include "ui/charts/qcustomplot_include.h"
#include "ui/eval/chart_export.h"
#include "ui/eval/judge_validation_view.h"
#include "ui_test_support.h"

namespace {

using tbtest::JudgeReply;
using tbtest::JudgeRequest;

constexpr int kTimeoutMs = 60000;

// Passes exactly the reference; pairwise: prefers the answer that is the reference.
JudgeReply careful(const JudgeRequest& r) {
    const std::string reference = r.between("Reference answer:\n", "\n\nCriterion");
    if (!r.is_pairwise()) return {200, tbtest::verdict(r.answer() == reference)};
    const bool a = r.answer_a() == reference, b = r.answer_b() == reference;
    return {200, tbtest::completion(std::string(R"({"preference": ")") +
                                    (a && !b   ? "A"
                                     : b && !a ? "B"
                                               : "tie") +
                                    "\"}")};
}

// 32 outputs of golden set "qa", odd items answered right; the human agrees with the careful
// judge except on the first `disagreements` outputs. Returns both label vectors (human, judge).
struct GradedProject {
    tbtest::JudgeProject fx{32};
    std::vector<std::string> human, judge;
    explicit GradedProject(int disagreements) {
        std::vector<std::string> answers;
        for (int i = 1; i <= 32; ++i) answers.push_back(i % 2 ? std::to_string(2 * i) : "no idea");
        const auto [run, outputs] = fx.add_run("base", answers);
        for (int i = 0; i < 32; ++i) {
            const bool right = i % 2 == 0;  // item i+1 is odd
            const bool humanPass = i < disagreements ? !right : right;
            tb::store_human_grades(fx.project(), outputs[i], "alice", {{"2:judge", humanPass, ""}});
            human.push_back(humanPass ? "pass" : "fail");
            judge.push_back(right ? "pass" : "fail");
        }
    }
};

void configure(tbui::JudgeValidationView& view, const tbtest::ScriptedJudge& judge) {
    ASSERT_TRUE(view.selectSet(QStringLiteral("qa")));
    view.baseUrlEdit()->setText(QString::fromStdString(judge.url()));
    view.judgeModelEdit()->setText(QStringLiteral("judge-1"));
    view.apiKeyEnvEdit()->clear();  // a local server: no key
}

QString text(QTableWidget* table, int row, int column) {
    auto* item = table->item(row, column);
    return item ? item->text() : QString();
}

TEST(JudgeValidationView, ValidatesAgainstHumanGradesAndShowsAgreementChartAndProbes) {
    GradedProject g(2);
    tbtest::ScriptedJudge judge(careful);
    tbtest::MessageCapture messages;
    tbui::JudgeValidationView view(g.fx.project());
    view.resize(1200, 900);
    configure(view, judge);
    EXPECT_EQ(view.historyTable()->rowCount(), 0);

    QSignalSpy finished(&view, &tbui::JudgeValidationView::validationFinished);
    view.validateButton()->click();
    EXPECT_TRUE(view.isRunning());
    EXPECT_FALSE(view.validateButton()->isEnabled());
    ASSERT_TRUE(finished.wait(kTimeoutMs)) << view.verdictLabel()->text().toStdString();
    EXPECT_TRUE(finished.at(0).at(1).toBool());
    EXPECT_GT(judge.requests(), 32u);  // every graded output, plus the probes
    EXPECT_TRUE(view.validateButton()->isEnabled());

    // The figures, against an independent kappa of the same labels.
    const auto expected = tb::cohen_kappa(g.human, g.judge, tb::KappaWeighting::none, {"fail", "pass"});
    auto* table = view.agreementTable();
    ASSERT_EQ(table->rowCount(), 2);  // overall, then the one judge criterion
    EXPECT_EQ(text(table, 0, 0), QStringLiteral("overall"));
    EXPECT_EQ(text(table, 1, 0), QStringLiteral("2:judge"));
    EXPECT_EQ(text(table, 0, 1), QStringLiteral("32"));
    EXPECT_EQ(text(table, 0, 3), QStringLiteral("%1%").arg(100.0 * 30 / 32, 0, 'f', 1));  // 30 of 32 agree
    EXPECT_EQ(text(table, 0, 4), QString::number(expected.kappa, 'f', 3));
    EXPECT_EQ(text(table, 0, 5),
              QStringLiteral("[%1, %2]").arg(expected.ci_low, 0, 'f', 3).arg(expected.ci_high, 0, 'f', 3));
    EXPECT_TRUE(view.verdictLabel()->text().contains(QStringLiteral("Validated")));

    // Confusion of the selected criterion: rows human (fail, pass), columns judge.
    view.selectCriterionRow(1);
    auto* confusion = view.confusionTable();
    EXPECT_EQ(text(confusion, 0, 0), QStringLiteral("15"));
    EXPECT_EQ(text(confusion, 0, 1), QStringLiteral("1"));  // human fail, judge pass (output 1)
    EXPECT_EQ(text(confusion, 1, 0), QStringLiteral("1"));
    EXPECT_EQ(text(confusion, 1, 1), QStringLiteral("15"));

    // Chart: one kappa point per row with its CI as error bars, and the threshold line.
    QCustomPlot* plot = view.kappaPlot();
    ASSERT_GE(plot->graphCount(), 2);
    ASSERT_EQ(plot->graph(0)->dataCount(), 2);
    EXPECT_NEAR(plot->graph(0)->data()->at(0)->value, expected.kappa, 1e-12);
    QCPErrorBars* bars = nullptr;
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto* b = qobject_cast<QCPErrorBars*>(plot->plottable(i))) bars = b;
    ASSERT_NE(bars, nullptr);
    ASSERT_EQ(bars->dataCount(), 2);
    EXPECT_NEAR(bars->data()->at(0).errorMinus, expected.kappa - expected.ci_low, 1e-12);
    EXPECT_NEAR(bars->data()->at(0).errorPlus, expected.ci_high - expected.kappa, 1e-12);
    EXPECT_DOUBLE_EQ(plot->graph(1)->data()->at(0)->value, 0.6);
    view.thresholdSpin()->setValue(0.8);  // the line follows the threshold
    EXPECT_DOUBLE_EQ(plot->graph(1)->data()->at(0)->value, 0.8);

    QTemporaryDir out;
    const QString png = out.filePath(QStringLiteral("kappa.png")), pdf = out.filePath(QStringLiteral("kappa.pdf"));
    ASSERT_TRUE(tbui::exportChart(plot, png));
    ASSERT_TRUE(tbui::exportChart(plot, pdf));
    EXPECT_GT(QFileInfo(png).size(), 1000);
    EXPECT_GT(QFileInfo(pdf).size(), 1000);

    // Probes: position consistency, verbosity, then one row per reward-hacking probe; the
    // careful judge is fooled by none.
    auto* probes = view.probesTable();
    ASSERT_EQ(probes->rowCount(), 6);
    EXPECT_TRUE(text(probes, 0, 0).contains(QStringLiteral("position")));
    EXPECT_TRUE(text(probes, 1, 0).contains(QStringLiteral("verbosity")));
    for (int row = 0; row < probes->rowCount(); ++row) EXPECT_EQ(text(probes, row, 4), QStringLiteral("passed"));
    for (int row = 2; row < 6; ++row)
        EXPECT_TRUE(text(probes, row, 2).startsWith(QStringLiteral("the judge passed 0 of")));

    // Stored: listed in this view and readable through core.
    ASSERT_EQ(view.historyTable()->rowCount(), 1);
    EXPECT_EQ(text(view.historyTable(), 0, 8), QStringLiteral("validated"));
    const auto stored = tb::list_judge_validations(g.fx.project());
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].id, finished.at(0).at(0).toLongLong());
    EXPECT_TRUE(stored[0].validated);
    EXPECT_EQ(stored[0].items, 32);
    ASSERT_TRUE(stored[0].kappa.has_value());
    EXPECT_NEAR(*stored[0].kappa, expected.kappa, 1e-12);
    tbtest::saveScreenshot(&view, QStringLiteral("judge_validation_view"));

    // A fresh view shows the stored report without asking the judge again.
    const auto requestsBefore = judge.requests();
    tbui::JudgeValidationView again(g.fx.project());
    ASSERT_EQ(again.historyTable()->rowCount(), 1);
    EXPECT_EQ(again.agreementTable()->rowCount(), 0);
    again.historyTable()->selectRow(0);
    ASSERT_EQ(again.agreementTable()->rowCount(), 2);
    EXPECT_EQ(text(again.agreementTable(), 0, 4), QString::number(expected.kappa, 'f', 3));
    EXPECT_EQ(text(again.confusionTable(), 0, 1), QStringLiteral("1"));
    EXPECT_EQ(again.probesTable()->rowCount(), 6);
    EXPECT_TRUE(again.verdictLabel()->text().contains(QStringLiteral("Validated")));
    EXPECT_EQ(judge.requests(), requestsBefore);
    EXPECT_TRUE(messages.messages().empty());
}

TEST(JudgeValidationView, BelowTheThresholdIsShownUnvalidatedWithCoresReason) {
    GradedProject g(8);  // 24 of 32 agree: kappa 0.5
    tbtest::ScriptedJudge judge(careful);
    tbtest::MessageCapture messages;
    tbui::JudgeValidationView view(g.fx.project());
    configure(view, judge);
    view.probesCheck()->setChecked(false);
    QSignalSpy finished(&view, &tbui::JudgeValidationView::validationFinished);
    ASSERT_TRUE(view.startValidation());
    ASSERT_TRUE(finished.wait(kTimeoutMs)) << view.verdictLabel()->text().toStdString();
    EXPECT_FALSE(finished.at(0).at(1).toBool());
    EXPECT_TRUE(view.verdictLabel()->text().contains(QStringLiteral("Unvalidated")));
    EXPECT_TRUE(view.verdictLabel()->text().contains(QStringLiteral("below the threshold")));
    EXPECT_EQ(text(view.agreementTable(), 0, 4), QStringLiteral("0.500"));
    EXPECT_EQ(text(view.historyTable(), 0, 8), QStringLiteral("unvalidated"));
    EXPECT_EQ(text(view.probesTable(), 0, 0), QStringLiteral("no probe ran with this validation"));
    EXPECT_TRUE(messages.messages().empty());
}

TEST(JudgeValidationView, MissingJudgeSettingsAreRefusedWithAMessage) {
    GradedProject g(0);
    tbtest::MessageCapture messages;
    tbui::JudgeValidationView view(g.fx.project());
    ASSERT_TRUE(view.selectSet(QStringLiteral("qa")));
    EXPECT_FALSE(view.startValidation());
    EXPECT_FALSE(view.isRunning());
    ASSERT_EQ(messages.messages().size(), 1u);
    EXPECT_TRUE(messages.messages()[0].text.contains(QStringLiteral("base URL")));
    EXPECT_TRUE(tb::list_judge_validations(g.fx.project()).empty());
}

}  // namespace
