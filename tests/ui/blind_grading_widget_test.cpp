// Blind grading driven with the keyboard, offscreen: per-criterion checkboxes stored as
// human grades of the right (hidden) output, and the pairwise mode's A / B / T keys.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

#include "core/eval/human_grades.h"
#include "eval/judge_test_support.h"
#include "ui/eval/blind_grading_widget.h"
#include "ui_test_support.h"

namespace {

std::string output_text(tb::ProjectFile& project, std::int64_t output_id) {
    auto s = project.prepare("SELECT output FROM eval_outputs WHERE id = ?");
    s.bind(1, output_id);
    return s.step() ? s.column_text(0) : std::string();
}

TEST(BlindGrading, KeyboardGradesTheHiddenOutputPerCriterion) {
    tbtest::JudgeProject fx(3);
    auto [base, base_outputs] = fx.add_run("base-run", {"2", "4", "6"});
    auto [tuned, tuned_outputs] = fx.add_run("tuned-run", {"two", "four", "six"});
    tbui::BlindGradingWidget widget(fx.project(), QStringLiteral("alice"));
    ASSERT_TRUE(widget.startSingle(fx.set_id(), {base, tuned}, 11));
    widget.resize(900, 700);
    widget.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&widget));
    widget.setFocus();

    EXPECT_EQ(widget.mode(), tbui::BlindGradingWidget::Mode::single);
    EXPECT_EQ(widget.size(), 6u);
    EXPECT_EQ(widget.positionLabel()->text(), QStringLiteral("Answer 1 of 6"));
    EXPECT_FALSE(widget.positionLabel()->text().contains(QStringLiteral("run")));
    const auto first = widget.queue()->reveal_output_id(0);
    EXPECT_EQ(widget.answerView()->toPlainText().toStdString(), output_text(fx.project(), first));
    ASSERT_EQ(widget.criterionCount(), 2);
    EXPECT_TRUE(widget.criterionCheck(1)->text().contains(QStringLiteral("states the correct sum")));
    EXPECT_FALSE(widget.referenceView()->toPlainText().isEmpty());
    EXPECT_TRUE(widget.promptView()->toPlainText().startsWith(QStringLiteral("What is")));
    tbtest::saveScreenshot(&widget, QStringLiteral("blind_grading_single"));

    QSignalSpy graded(&widget, &tbui::BlindGradingWidget::graded);
    QTest::keyClick(&widget, Qt::Key_2);
    EXPECT_EQ(widget.selectedCriterion(), 1);
    QTest::keyClick(&widget, Qt::Key_Space);
    EXPECT_TRUE(widget.criterionCheck(1)->isChecked());
    EXPECT_FALSE(widget.criterionCheck(0)->isChecked());
    QTest::keyClick(&widget, Qt::Key_Return);
    EXPECT_EQ(graded.count(), 1);
    EXPECT_EQ(widget.position(), 1u);

    auto grades = tb::load_human_grades(fx.project(), first, "alice");
    ASSERT_EQ(grades.size(), 2u);
    for (const auto& g : grades) EXPECT_EQ(g.passed, g.criterion == "2:judge") << g.criterion;

    // Back with P: the stored grades come back on the checkboxes.
    QTest::keyClick(&widget, Qt::Key_P);
    EXPECT_EQ(widget.position(), 0u);
    EXPECT_TRUE(widget.criterionCheck(1)->isChecked());
    EXPECT_FALSE(widget.criterionCheck(0)->isChecked());
    // Toggle the first criterion too and save again: the grade is replaced.
    QTest::keyClick(&widget, Qt::Key_1);
    QTest::keyClick(&widget, Qt::Key_Space);
    QTest::keyClick(&widget, Qt::Key_Enter);
    grades = tb::load_human_grades(fx.project(), first, "alice");
    ASSERT_EQ(grades.size(), 2u);
    for (const auto& g : grades) EXPECT_TRUE(g.passed) << g.criterion;

    // A new widget for the same grader resumes at the first ungraded answer.
    tbui::BlindGradingWidget again(fx.project(), QStringLiteral("alice"));
    ASSERT_TRUE(again.startSingle(fx.set_id(), {base, tuned}, 11));
    EXPECT_EQ(again.position(), 1u);
}

TEST(BlindGrading, PairwiseKeysRecordTheSideShown) {
    tbtest::JudgeProject fx(3);
    auto [base, base_outputs] = fx.add_run("base-run", {"2", "4", "6"});
    auto [tuned, tuned_outputs] = fx.add_run("tuned-run", {"two", "four", "six"});
    tbui::BlindGradingWidget widget(fx.project(), QStringLiteral("bob"));
    ASSERT_TRUE(widget.startPairwise(fx.set_id(), base, tuned, 3));
    widget.resize(1000, 700);
    widget.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&widget));
    widget.setFocus();
    EXPECT_EQ(widget.mode(), tbui::BlindGradingWidget::Mode::pairwise);
    EXPECT_EQ(widget.positionLabel()->text(), QStringLiteral("Pair 1 of 3"));
    const auto* queue = widget.pairQueue();
    ASSERT_NE(queue, nullptr);
    const auto [a0, b0] = queue->reveal_outputs(0);
    EXPECT_EQ(widget.leftView()->toPlainText().toStdString(), output_text(fx.project(), queue->left_is_a(0) ? a0 : b0));
    EXPECT_EQ(widget.rightView()->toPlainText().toStdString(),
              output_text(fx.project(), queue->left_is_a(0) ? b0 : a0));
    tbtest::saveScreenshot(&widget, QStringLiteral("blind_grading_pairwise"));

    QTest::keyClick(&widget, Qt::Key_A);  // left is better
    EXPECT_EQ(widget.position(), 1u);
    QTest::keyClick(&widget, Qt::Key_T);
    QSignalSpy finished(&widget, &tbui::BlindGradingWidget::finished);
    QTest::keyClick(&widget, Qt::Key_B);  // the last pair: stays there
    EXPECT_EQ(finished.count(), 1);
    EXPECT_EQ(widget.position(), 2u);

    const auto grades = tb::load_pairwise_grades(fx.project(), "human:bob");
    ASSERT_EQ(grades.size(), 3u);
    EXPECT_EQ(grades[0].left_output, queue->left_is_a(0) ? a0 : b0);
    EXPECT_EQ(grades[0].preference, queue->left_is_a(0) ? 'a' : 'b');
    EXPECT_EQ(grades[1].preference, 't');
    EXPECT_EQ(grades[2].preference, queue->left_is_a(2) ? 'b' : 'a');
    EXPECT_EQ(queue->choice(fx.project(), 0, "bob"), 'L');
    EXPECT_EQ(queue->choice(fx.project(), 2, "bob"), 'R');
}

}  // namespace
