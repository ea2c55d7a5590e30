// A human's pairwise preferences against the judge's pairwise verdicts
// (core/eval/pairwise_agreement.h): table-driven on fixed label sequences whose kappa was
// computed with Debian's python3-sklearn, then end to end on a project where the judge ran
// over a loopback server.
#include <gtest/gtest.h>

#include <cmath>

#include "core/common/error.h"
#include "core/eval/pairwise_agreement.h"
#include "eval/judge_test_support.h"

namespace tb {
namespace {

const std::string kHuman = "human:alice";
const std::string kJudge = "judge:judge-1";

// Pair i is outputs (10 + 2i, 11 + 2i). `human[i]` and the judge's verdicts are written in
// that orientation ('a' = the lower id); `judge_a_first[i]` is the judge's verdict with the
// lower id shown first, `judge_b_first[i]` with the higher id first ('-': that order not
// stored). Human rows of the pairs in `flip_human` are stored the other way round (output_a
// = the higher id, the preference flipped), as when the human's run A is the judge's run B.
std::vector<PairwiseGrade> rows_from(const std::string& human, const std::string& judge_a_first,
                                     const std::string& judge_b_first, const std::string& flip_human) {
    std::vector<PairwiseGrade> rows;
    std::int64_t id = 1;
    auto flipped = [](char p) { return p == 'a' ? 'b' : p == 'b' ? 'a' : p; };
    for (std::size_t i = 0; i < human.size(); ++i) {
        const std::int64_t low = 10 + 2 * std::int64_t(i), high = low + 1;
        PairwiseGrade h;
        h.id = id++;
        h.grader = kHuman;
        if (flip_human[i] == '1') {
            h.output_a = high, h.output_b = low, h.preference = flipped(human[i]);
        } else {
            h.output_a = low, h.output_b = high, h.preference = human[i];
        }
        h.left_output = h.output_b;
        rows.push_back(h);
        for (int order = 0; order < 2; ++order) {
            const char v = order == 0 ? judge_a_first[i] : judge_b_first[i];
            if (v == '-') continue;
            PairwiseGrade j;
            j.id = id++;
            j.grader = kJudge;
            j.output_a = low, j.output_b = high;
            j.left_output = order == 0 ? low : high;
            j.preference = v;
            rows.push_back(j);
        }
    }
    return rows;
}

struct AgreementCase {
    std::string name;
    std::string human, judge_a_first, judge_b_first, flip_human;
    // Expected, from python3-sklearn (kappa, confusion, agreement) and the formula of
    // core/stats/kappa.h in numpy (the interval); see the comments at each case.
    double raw_agreement, kappa, ci_low, ci_high;
    std::vector<std::vector<std::size_t>> confusion;  // rows human, columns judge: a, b, tie
    std::size_t both_orders, consistent, decisive, first_shown_wins;
};

TEST(PairwiseAgreement, KappaConfusionAndPositionBiasOnFixedData) {
    const std::vector<AgreementCase> cases = {
        // /usr/bin/python3 -c "from sklearn.metrics import cohen_kappa_score as k, confusion_matrix as c,
        //   accuracy_score as a; h,j=list('aabtabbatabab'),list('abbtabaaaabtb');
        //   print(repr(k(h,j)), a(h,j), c(h,j,labels=list('abt')).tolist())"
        //   -> 0.5 0.6923076923076923 [[4, 1, 1], [1, 4, 0], [1, 0, 1]]
        {"consistent judge, every other human row stored the other way round",
         "aabtabbatabab",
         "abbtabaaaabtb",
         "abbtabaaaabtb",
         "0101010101010",
         0.6923076923076923,
         0.5,
         0.09690231785285525,
         0.9030976821471446,
         {{4, 1, 1}, {1, 4, 0}, {1, 0, 1}},
         13,
         13,
         22,
         11},
        // Three pairs whose verdict flips with the order count as ties: combined judge
        // 'abtbbttbtaat'. /usr/bin/python3 -c "... h,j=list('abtabtabtaab'),list('abtbbttbtaat') ..."
        //   -> 0.6326530612244898 0.75 [[3, 1, 1], [0, 3, 1], [0, 0, 3]]
        {"inconsistent orders become ties",
         "abtabtabtaab",
         "abtbbabbtaaa",
         "abtbbbabtaab",
         "000000000000",
         0.75,
         0.6326530612244898,
         0.2873011827959109,
         0.9780049396530688,
         {{3, 1, 1}, {0, 3, 1}, {0, 0, 3}},
         12,
         9,
         20,
         11},
        // One order only, a judge that disagrees on every decided pair.
        // /usr/bin/python3 -c "... h,j=list('aaaabbbbtt'),list('bbbbaaaatt') ..."
        //   -> -0.25 0.2 [[0, 4, 0], [4, 0, 0], [0, 0, 2]]
        {"single order, systematic disagreement, all human rows flipped",
         "aaaabbbbtt",
         "bbbbaaaatt",
         "----------",
         "1111111111",
         0.2,
         -0.25,
         -0.8310578427855266,
         0.33105784278552625,
         {{0, 4, 0}, {4, 0, 0}, {0, 0, 2}},
         0,
         0,
         8,
         4},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto r = compute_pairwise_agreement(kHuman, kJudge,
                                                  rows_from(c.human, c.judge_a_first, c.judge_b_first, c.flip_human));
        EXPECT_EQ(r.pairs, c.human.size());
        EXPECT_EQ(r.human_pairs, c.human.size());
        EXPECT_EQ(r.judge_pairs, c.human.size());
        EXPECT_NEAR(r.raw_agreement, c.raw_agreement, 1e-12);
        EXPECT_NEAR(r.kappa.kappa, c.kappa, 1e-12);
        EXPECT_NEAR(r.kappa.ci_low, c.ci_low, 1e-9);
        EXPECT_NEAR(r.kappa.ci_high, c.ci_high, 1e-9);
        EXPECT_EQ(r.kappa.categories, (std::vector<std::string>{"a", "b", "tie"}));
        EXPECT_EQ(r.kappa.confusion, c.confusion);
        EXPECT_EQ(r.judge_pairs_both_orders, c.both_orders);
        EXPECT_EQ(r.judge_consistent_pairs, c.consistent);
        if (c.both_orders) {
            EXPECT_NEAR(r.position_consistency, double(c.consistent) / double(c.both_orders), 1e-12);
        } else {
            EXPECT_TRUE(std::isnan(r.position_consistency));
        }
        EXPECT_EQ(r.judge_decisive_verdicts, c.decisive);
        EXPECT_EQ(r.judge_first_shown_wins, c.first_shown_wins);
        // The JSON carries the same figures.
        const auto j = r.to_json();
        EXPECT_EQ(j["pairs"], c.human.size());
        EXPECT_EQ(j["confusion"]["counts"][0][0], c.confusion[0][0]);
        EXPECT_NEAR(j["kappa"]["value"].get<double>(), c.kappa, 1e-12);
    }
}

TEST(PairwiseAgreement, LatestGradeWinsAndOnlySharedPairsCount) {
    // Pair (10, 11): the human first said a, then changed their mind to b (stored reversed).
    // Pair (12, 13): only the human graded it. Pair (14, 15): only the judge.
    std::vector<PairwiseGrade> rows;
    rows.push_back({1, 10, 11, kHuman, 10, 'a', ""});
    rows.push_back({2, 12, 13, kHuman, 12, 'a', ""});
    rows.push_back({3, 10, 11, kJudge, 10, 'b', ""});
    rows.push_back({4, 10, 11, kJudge, 10, 'a', ""});  // the judge re-ran: its latest a-first verdict is 'a'
    rows.push_back({5, 14, 15, kJudge, 15, 'b', ""});
    rows.push_back({6, 11, 10, kHuman, 11, 'a', ""});  // (11 preferred) = 'b' in normalised terms
    const auto r = compute_pairwise_agreement(kHuman, kJudge, rows);
    EXPECT_EQ(r.human_pairs, 2u);
    EXPECT_EQ(r.judge_pairs, 2u);
    ASSERT_EQ(r.pairs, 1u);
    EXPECT_EQ(r.items[0].output_a, 10);
    EXPECT_EQ(r.items[0].human, 'b');
    EXPECT_EQ(r.items[0].judge, 'a');
    EXPECT_FALSE(r.items[0].judge_both_orders);
    EXPECT_DOUBLE_EQ(r.raw_agreement, 0.0);
    // Decisive single-order verdicts: (10, 11) a-first said a (first shown won); (14, 15)
    // b-first said b (first shown won).
    EXPECT_EQ(r.judge_decisive_verdicts, 2u);
    EXPECT_EQ(r.judge_first_shown_wins, 2u);

    rows.push_back({7, 20, 21, "human:bob", 20, 'a', ""});
    EXPECT_THROW(compute_pairwise_agreement(kHuman, kJudge, rows), Error);
}

TEST(PairwiseAgreement, NoSharedPairsOrOneCategoryGiveUndefinedKappa) {
    const auto none = compute_pairwise_agreement(kHuman, kJudge, rows_from("ab", "--", "--", "00"));
    EXPECT_EQ(none.pairs, 0u);
    EXPECT_TRUE(std::isnan(none.raw_agreement));
    EXPECT_TRUE(std::isnan(none.kappa.kappa));
    EXPECT_EQ(none.kappa.confusion, (std::vector<std::vector<std::size_t>>(3, std::vector<std::size_t>(3, 0))));
    EXPECT_TRUE(none.to_json()["kappa"]["value"].is_null());

    // Both always said a: perfect raw agreement, kappa undefined (no chance correction).
    const auto same = compute_pairwise_agreement(kHuman, kJudge, rows_from("aaa", "aaa", "aaa", "010"));
    EXPECT_DOUBLE_EQ(same.raw_agreement, 1.0);
    EXPECT_TRUE(std::isnan(same.kappa.kappa));
    EXPECT_DOUBLE_EQ(same.position_consistency, 1.0);
}

// The judge runs pairwise over a loopback server on two runs; the human graded the same
// pairs through the blind pair queue (sides drawn at random). The judge prefers the answer
// that states the right sum, but only when it is shown first; otherwise it says tie.
TEST(PairwiseAgreement, FromTheProjectAfterAJudgePairwiseRun) {
    tbtest::JudgeProject fx(6);
    auto [run_a, outputs_a] = fx.add_run("base", {"2", "5", "6", "9", "10", "12"});
    auto [run_b, outputs_b] = fx.add_run("tuned", {"3", "4", "7", "8", "11", "13"});
    tbtest::ScriptedJudge judge([](const tbtest::JudgeRequest& r) {
        const auto prompt = r.last_content();
        const std::string a = r.answer_a();
        const auto question_at = prompt.find("What is ");
        const int n = std::stoi(prompt.substr(question_at + 8));
        const bool a_right = a == std::to_string(2 * n);
        return tbtest::JudgeReply{200,
                                  tbtest::completion(a_right ? R"({"preference": "A"})" : R"({"preference": "tie"})")};
    });
    const auto config = tbtest::judge_config(judge.url());
    const auto summary = judge_pairwise_runs(fx.project(), run_a, run_b, config);
    ASSERT_EQ(summary.pairs, 6);

    // The human prefers the right answer every time; where neither is right, a tie.
    const auto queue = BlindPairQueue::build(fx.project(), fx.set_id(), run_a, run_b, 11);
    ASSERT_EQ(queue.size(), 6u);
    for (std::size_t p = 0; p < queue.size(); ++p) {
        const auto& task = queue.task(p);
        const bool left_right = task.left == task.reference, right_right = task.right == task.reference;
        queue.choose(fx.project(), p, "alice", left_right ? 'L' : right_right ? 'R' : 'T');
    }
    const auto r = pairwise_agreement(fx.project(), "alice", "judge-1");
    EXPECT_EQ(r.pairs, 6u);
    EXPECT_EQ(r.judge_pairs_both_orders, 6u);
    // Run A is right on items 1, 3, 5, 6 (2, 6, 10, 12), run B on 2 (4) and 4 (8): the judge
    // says A-first "A" for A's right answers and "tie" B-first (the right answer second):
    // inconsistent, so a tie. For B's right answers it says tie A-first and "A" (= B) B-first.
    // Every pair is inconsistent: the judge's combined verdict is always a tie.
    EXPECT_EQ(r.judge_consistent_pairs, 0u);
    EXPECT_DOUBLE_EQ(r.position_consistency, 0.0);
    EXPECT_EQ(r.judge_decisive_verdicts, 6u);
    EXPECT_EQ(r.judge_first_shown_wins, 6u);
    EXPECT_DOUBLE_EQ(r.raw_agreement, 0.0);  // the human never said tie
    EXPECT_EQ(r.kappa.confusion[0][2], 4u);  // human a, judge tie
    EXPECT_EQ(r.kappa.confusion[1][2], 2u);  // human b, judge tie
    // "alice" and "human:alice" name the same grader; unknown graders say what to do.
    EXPECT_EQ(pairwise_agreement(fx.project(), "human:alice", "judge-1").pairs, 6u);
    EXPECT_THROW(pairwise_agreement(fx.project(), "bob", "judge-1"), Error);
    EXPECT_THROW(pairwise_agreement(fx.project(), "alice", "judge-2"), Error);
}

}  // namespace
}  // namespace tb
