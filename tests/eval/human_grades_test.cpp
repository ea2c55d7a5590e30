// Human grades in the project, the blind grading queue and pairwise preferences.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/common/error.h"
#include "core/eval/human_grades.h"
#include "eval/judge_test_support.h"

namespace tb {
namespace {

using tbtest::JudgeProject;

TEST(HumanGrades, StoredPerCriterionAndReplacedOnRegrade) {
    JudgeProject fx(2);
    auto [run, outputs] = fx.add_run("base", {"2", "5"});
    store_human_grades(fx.project(), outputs[1], "alice", {{"1:contains", false, ""}, {"2:judge", false, "wrong sum"}});
    store_human_grades(fx.project(), outputs[1], "alice", {{"2:judge", true, "on second thought"}});
    store_human_grades(fx.project(), outputs[1], "bob", {{"2:judge", false, ""}});
    const auto alice = load_human_grades(fx.project(), outputs[1], "alice");
    ASSERT_EQ(alice.size(), 2u);
    const auto judge_grade =
        std::find_if(alice.begin(), alice.end(), [](const auto& g) { return g.criterion == "2:judge"; });
    ASSERT_NE(judge_grade, alice.end());
    EXPECT_TRUE(judge_grade->passed);
    EXPECT_EQ(judge_grade->note, "on second thought");
    EXPECT_EQ(load_human_grades(fx.project(), outputs[1], "bob").size(), 1u);
    // Humans leave the machine's item verdict alone.
    EXPECT_FALSE(load_eval_results(fx.project(), run)[1].passed);
    EXPECT_THROW(store_human_grades(fx.project(), 9999, "alice", {{"2:judge", true, ""}}), Error);
    EXPECT_THROW(store_human_grades(fx.project(), outputs[0], "", {{"2:judge", true, ""}}), Error);
    EXPECT_THROW(store_human_grades(fx.project(), outputs[0], "alice", {{"item", true, ""}}), Error);
}

TEST(HumanGrades, SeededPermutationIsAPermutationAndDependsOnTheSeed) {
    const auto a = seeded_permutation(50, 7);
    auto sorted = a;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i) EXPECT_EQ(sorted[i], i);
    EXPECT_EQ(a, seeded_permutation(50, 7));
    EXPECT_NE(a, seeded_permutation(50, 8));
    EXPECT_TRUE(seeded_permutation(0, 1).empty());
}

TEST(HumanGrades, BlindQueueMixesRunsHidesThemAndIsDeterministicForASeed) {
    JudgeProject fx(6);
    auto [run_a, outputs_a] = fx.add_run("base-model", {"2", "4", "6", "8", "10", "12"});
    auto [run_b, outputs_b] = fx.add_run("tuned-model", {"two", "four", "six", "eight", "ten", "twelve"});
    const auto q = BlindGradingQueue::build(fx.project(), fx.set_id(), {run_a, run_b}, 42);
    ASSERT_EQ(q.size(), 12u);
    const auto again = BlindGradingQueue::build(fx.project(), fx.set_id(), {run_a, run_b}, 42);
    const auto other = BlindGradingQueue::build(fx.project(), fx.set_id(), {run_a, run_b}, 43);
    std::vector<std::int64_t> order, order_again, order_other;
    std::set<std::int64_t> all;
    for (std::size_t p = 0; p < q.size(); ++p) {
        order.push_back(q.reveal_output_id(p));
        order_again.push_back(again.reveal_output_id(p));
        order_other.push_back(other.reveal_output_id(p));
        all.insert(q.reveal_output_id(p));
        const auto& t = q.task(p);
        EXPECT_EQ(t.position, p);
        EXPECT_EQ(t.label, "Answer " + std::to_string(p + 1) + " of 12");
        EXPECT_EQ(t.label.find("model"), std::string::npos);
        ASSERT_EQ(t.criteria.size(), 2u);
        EXPECT_EQ(t.criteria[1].name, "2:judge");
        EXPECT_EQ(t.criteria[1].description, "states the correct sum");
        EXPECT_FALSE(t.prompt.empty());
    }
    EXPECT_EQ(order, order_again);
    EXPECT_NE(order, order_other);
    EXPECT_EQ(all.size(), 12u);
    // Mixed: the first half of the queue is not one run's outputs in their stored order.
    std::vector<std::int64_t> first_half(order.begin(), order.begin() + 6);
    EXPECT_NE(first_half, outputs_a);
    EXPECT_NE(first_half, outputs_b);

    // Grading through the queue reaches the right output; first_ungraded moves on.
    EXPECT_EQ(q.first_ungraded(fx.project(), "alice"), 0u);
    q.grade(fx.project(), 0, "alice", {{"2:judge", true, ""}});
    EXPECT_EQ(load_human_grades(fx.project(), q.reveal_output_id(0), "alice").size(), 1u);
    EXPECT_EQ(q.grades(fx.project(), 0, "alice")[0].criterion, "2:judge");
    EXPECT_EQ(q.first_ungraded(fx.project(), "alice"), 1u);
    EXPECT_THROW(q.grade(fx.project(), 1, "alice", {{"7:judge", true, ""}}), Error);
    EXPECT_THROW(q.task(12), Error);
}

TEST(HumanGrades, PairwiseQueueRandomisesSidesAndRecordsTheLeftOutput) {
    JudgeProject fx(8);
    auto [run_a, outputs_a] = fx.add_run("a", {"2", "4", "6", "8", "10", "12", "14", "16"});
    auto [run_b, outputs_b] = fx.add_run("b", {"x2", "x4", "x6", "x8", "x10", "x12", "x14", "x16"});
    const auto q = BlindPairQueue::build(fx.project(), fx.set_id(), run_a, run_b, 5);
    ASSERT_EQ(q.size(), 8u);
    int left_a = 0;
    for (std::size_t p = 0; p < q.size(); ++p) {
        const auto [a, b] = q.reveal_outputs(p);
        const auto& t = q.task(p);
        const bool a_is_left = q.left_is_a(p);
        left_a += a_is_left;
        // The texts on each side are the outputs the queue says.
        EXPECT_EQ(t.left.rfind("x", 0) == 0, !a_is_left);
        EXPECT_NE(std::find(outputs_a.begin(), outputs_a.end(), a), outputs_a.end());
        EXPECT_NE(std::find(outputs_b.begin(), outputs_b.end(), b), outputs_b.end());
    }
    EXPECT_GT(left_a, 0);  // both sides used (8 coin flips)
    EXPECT_LT(left_a, 8);

    q.choose(fx.project(), 0, "alice", 'L');
    q.choose(fx.project(), 1, "alice", 'T');
    const auto grades = load_pairwise_grades(fx.project(), "human:alice");
    ASSERT_EQ(grades.size(), 2u);
    const auto [a0, b0] = q.reveal_outputs(0);
    EXPECT_EQ(grades[0].output_a, a0);
    EXPECT_EQ(grades[0].output_b, b0);
    EXPECT_EQ(grades[0].left_output, q.left_is_a(0) ? a0 : b0);
    EXPECT_EQ(grades[0].preference, q.left_is_a(0) ? 'a' : 'b');
    EXPECT_EQ(grades[1].preference, 't');
    EXPECT_EQ(q.choice(fx.project(), 0, "alice"), 'L');
    EXPECT_EQ(q.choice(fx.project(), 1, "alice"), 'T');
    EXPECT_FALSE(q.choice(fx.project(), 2, "alice").has_value());
    EXPECT_THROW(q.choose(fx.project(), 2, "alice", 'X'), Error);
    EXPECT_THROW(record_pairwise_grade(fx.project(), a0, b0, "human:bob", 12345, 'a'), Error);
}

}  // namespace
}  // namespace tb
