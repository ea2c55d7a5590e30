// judge_eval_run and run_judge_tasks against a scripted judge on 127.0.0.1.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/common/error.h"
#include "core/eval/human_grades.h"
#include "core/eval/judge_cache.h"
#include "core/eval/judge_prompts.h"
#include "eval/judge_test_support.h"

namespace tb {
namespace {

using tbtest::completion;
using tbtest::JudgeProject;
using tbtest::JudgeReply;
using tbtest::JudgeRequest;
using tbtest::ScriptedJudge;
using tbtest::verdict;

std::string reference_of(const JudgeRequest& r) { return r.between("Reference answer:\n", "\n\nCriterion"); }

// Passes an answer only when it is exactly the reference.
JudgeReply strict(const JudgeRequest& r) { return {200, verdict(r.answer() == reference_of(r))}; }

double score_of(ProjectFile& p, std::int64_t output, const std::string& criterion, const std::string& scorer) {
    auto s = p.prepare("SELECT score FROM eval_scores WHERE output_id = ? AND criterion = ? AND scorer = ?");
    s.bind(1, output).bind(2, criterion).bind(3, scorer);
    return s.step() ? s.column_double(0) : -1.0;
}

std::int64_t rows_of(ProjectFile& p, const std::string& scorer) {
    auto s = p.prepare("SELECT count(*) FROM eval_scores WHERE scorer = ?");
    s.bind(1, scorer);
    s.step();
    return s.column_int64(0);
}

nlohmann::json item_detail(ProjectFile& p, std::int64_t output) {
    auto s =
        p.prepare("SELECT detail FROM eval_scores WHERE output_id = ? AND criterion = 'item' ORDER BY id DESC LIMIT 1");
    s.bind(1, output);
    s.step();
    return nlohmann::json::parse(s.column_text(0));
}

TEST(JudgeRun, JudgesEveryJudgeCriterionAndTheItemVerdictIncludesIt) {
    JudgeProject fx(4);
    // Item 2's answer contains the reference (the automatic criterion passes) but is not it.
    auto [run, outputs] = fx.add_run("base", {"2", "4 or maybe 5", "6", "nine"});
    ScriptedJudge judge(strict);
    auto config = tbtest::judge_config(judge.url());
    config.price_per_1k_prompt = 0.5;
    config.price_per_1k_completion = 2.0;
    const auto before = load_eval_results(fx.project(), run);
    ASSERT_TRUE(before[1].passed);  // provisional: only the automatic criterion was scored

    const auto summary = judge_eval_run(fx.project(), run, config);
    EXPECT_EQ(summary.judged, 4);
    EXPECT_EQ(summary.unscorable, 0);
    EXPECT_EQ(summary.cached, 0);
    EXPECT_EQ(summary.requests, 4);
    EXPECT_EQ(judge.requests(), 4u);
    EXPECT_EQ(summary.prompt_tokens, 400);
    EXPECT_EQ(summary.completion_tokens, 40);
    EXPECT_DOUBLE_EQ(summary.cost, 0.4 * 0.5 + 0.04 * 2.0);
    EXPECT_FALSE(summary.validated);
    EXPECT_FALSE(summary.config_key.empty());
    EXPECT_EQ(summary.outputs, 4);

    EXPECT_EQ(rows_of(fx.project(), "judge:judge-1"), 8);  // 4 criteria + 4 item rows
    EXPECT_EQ(score_of(fx.project(), outputs[0], "2:judge", "judge:judge-1"), 1.0);
    EXPECT_EQ(score_of(fx.project(), outputs[1], "2:judge", "judge:judge-1"), 0.0);
    const auto after = load_eval_results(fx.project(), run);
    ASSERT_EQ(after.size(), 4u);
    EXPECT_TRUE(after[0].passed);
    EXPECT_FALSE(after[1].passed);                 // the judge failed it
    EXPECT_NEAR(after[1].score, 1.0 / 3.0, 1e-9);  // contains (weight 1) passed, judge (weight 2) failed
    EXPECT_TRUE(after[2].passed);
    EXPECT_FALSE(after[3].passed);
    EXPECT_EQ(after[3].score, 0.0);
    EXPECT_FALSE(item_detail(fx.project(), outputs[0])["needs_judge"].get<bool>());
    EXPECT_FALSE(item_detail(fx.project(), outputs[0])["validated"].get<bool>());

    // The request: temperature 0, the judge model, the answer quoted.
    const auto body = judge.bodies().front();
    EXPECT_EQ(body["temperature"].get<double>(), 0.0);
    EXPECT_EQ(body["model"], "judge-1");
}

TEST(JudgeRun, ASecondRunIsServedFromTheCacheWithoutAnyRequest) {
    JudgeProject fx(3);
    auto [run, outputs] = fx.add_run("base", {"2", "5", "6"});
    ScriptedJudge judge(strict);
    const auto config = tbtest::judge_config(judge.url());
    judge_eval_run(fx.project(), run, config);
    ASSERT_EQ(judge.requests(), 3u);
    EXPECT_EQ(judge_cache_size(fx.project()), 3);

    const auto again = judge_eval_run(fx.project(), run, config);
    EXPECT_EQ(judge.requests(), 3u);  // no new request
    EXPECT_EQ(again.requests, 0);
    EXPECT_EQ(again.cached, 3);
    EXPECT_EQ(again.judged, 3);
    EXPECT_EQ(again.prompt_tokens, 0);
    EXPECT_EQ(again.cost, 0.0);
    EXPECT_EQ(score_of(fx.project(), outputs[1], "2:judge", "judge:judge-1"), 0.0);

    // Another judge model does not reuse the first one's replies.
    auto other = config;
    other.model = "judge-2";
    const auto fresh = judge_eval_run(fx.project(), run, other);
    EXPECT_EQ(fresh.cached, 0);
    EXPECT_EQ(judge.requests(), 6u);
}

TEST(JudgeRun, MalformedRepliesAreRetriedThenUnscorableNeverGuessed) {
    JudgeProject fx(2);
    auto [run, outputs] = fx.add_run("base", {"2", "4"});
    // Loose words that look like a verdict are not one.
    ScriptedJudge judge([](const JudgeRequest&) { return JudgeReply{200, completion("I think this passes.")}; });
    auto config = tbtest::judge_config(judge.url());
    config.max_attempts = 3;
    const auto summary = judge_eval_run(fx.project(), run, config);
    EXPECT_EQ(summary.judged, 0);
    EXPECT_EQ(summary.unscorable, 2);
    EXPECT_EQ(judge.requests(), 6u);  // 3 attempts per criterion
    EXPECT_NE(summary.first_error.find("malformed"), std::string::npos);
    EXPECT_EQ(rows_of(fx.project(), "judge:judge-1"), 2);  // item rows only, no guessed criterion
    EXPECT_EQ(score_of(fx.project(), outputs[0], "2:judge", "judge:judge-1"), -1.0);
    const auto detail = item_detail(fx.project(), outputs[0]);
    EXPECT_TRUE(detail["needs_judge"].get<bool>());
    EXPECT_EQ(detail["unscorable"].get<int>(), 1);
    EXPECT_EQ(judge_cache_size(fx.project()), 0);  // malformed replies are never cached
    // The retry shows the judge its reply and asks for the JSON object.
    bool corrected = false;
    for (const auto& b : judge.bodies())
        if (b["messages"].size() == 4 && b["messages"][2]["role"] == "assistant") corrected = true;
    EXPECT_TRUE(corrected);
}

TEST(JudgeRun, AMalformedReplyThenAGoodOneIsScored) {
    JudgeProject fx(1);
    auto [run, outputs] = fx.add_run("base", {"2"});
    ScriptedJudge judge([](const JudgeRequest& r) {
        return r.number == 0
                   ? JudgeReply{200, completion("```json\n{\"verdict\": \"maybe\"}\n```")}
                   : JudgeReply{200, completion("Sure.\n```json\n{\"verdict\": \"PASS\", \"reason\": \"ok\"}\n```")};
    });
    const auto summary = judge_eval_run(fx.project(), run, tbtest::judge_config(judge.url()));
    EXPECT_EQ(summary.judged, 1);
    EXPECT_EQ(summary.requests, 2);
    EXPECT_EQ(summary.prompt_tokens, 200);  // both attempts are paid for
    EXPECT_EQ(score_of(fx.project(), outputs[0], "2:judge", "judge:judge-1"), 1.0);
}

TEST(JudgeRun, A429IsRetriedWithBackoffThenSucceeds) {
    JudgeProject fx(1);
    auto [run, outputs] = fx.add_run("base", {"2"});
    ScriptedJudge judge([](const JudgeRequest& r) {
        return r.number == 0 ? JudgeReply{429, R"({"error": "rate limited"})"} : JudgeReply{200, verdict(true)};
    });
    const auto summary = judge_eval_run(fx.project(), run, tbtest::judge_config(judge.url()));
    EXPECT_EQ(summary.judged, 1);
    EXPECT_EQ(judge.requests(), 2u);
    EXPECT_EQ(score_of(fx.project(), outputs[0], "2:judge", "judge:judge-1"), 1.0);
}

TEST(JudgeRun, TimeoutsAreRetriedAndAPersistentOneIsUnscorable) {
    JudgeProject fx(2);
    auto [run, outputs] = fx.add_run("base", {"2", "4"});
    // Item 1's first request times out, then it answers; item 2's always time out.
    std::atomic<int> first_item_calls{0};
    ScriptedJudge judge([&](const JudgeRequest& r) {
        if (r.last_content().find("What is 1+1?") != std::string::npos)
            return first_item_calls++ == 0 ? JudgeReply{200, verdict(true), 800} : JudgeReply{200, verdict(true)};
        return JudgeReply{200, verdict(true), 800};
    });
    auto config = tbtest::judge_config(judge.url());
    config.timeout_s = 0.25;
    config.http_retries = 1;
    const auto summary = judge_eval_run(fx.project(), run, config);
    EXPECT_EQ(summary.judged, 1);
    EXPECT_EQ(summary.unscorable, 1);
    EXPECT_EQ(score_of(fx.project(), outputs[0], "2:judge", "judge:judge-1"), 1.0);
    EXPECT_EQ(score_of(fx.project(), outputs[1], "2:judge", "judge:judge-1"), -1.0);
    EXPECT_FALSE(summary.first_error.empty());
}

TEST(JudgeRun, NeverMoreRequestsAtOnceThanTheConcurrencyLimit) {
    JudgeProject fx(12);
    std::vector<std::string> answers;
    for (int i = 1; i <= 12; ++i) answers.push_back(std::to_string(2 * i));
    auto [run, outputs] = fx.add_run("base", answers);
    ScriptedJudge judge([](const JudgeRequest&) { return JudgeReply{200, verdict(true), 60}; });
    auto config = tbtest::judge_config(judge.url());
    config.concurrency = 3;
    const auto summary = judge_eval_run(fx.project(), run, config);
    EXPECT_EQ(summary.judged, 12);
    EXPECT_LE(judge.max_concurrent(), 3);
    EXPECT_GE(judge.max_concurrent(), 2);  // the workers do run in parallel
}

TEST(JudgeRun, CancellingStopsAndKeepsWhatWasCached) {
    JudgeProject fx(6);
    auto [run, outputs] = fx.add_run("base", {"2", "4", "6", "8", "10", "12"});
    ScriptedJudge judge([](const JudgeRequest&) { return JudgeReply{200, verdict(true), 30}; });
    auto config = tbtest::judge_config(judge.url());
    config.concurrency = 1;
    JobContext ctx;
    ctx.cancel = std::make_shared<CancelToken>();
    ctx.progress = [&](const Progress& p) {
        if (p.done >= 2) ctx.cancel->cancel();
    };
    EXPECT_THROW(judge_eval_run(fx.project(), run, config, ctx), Cancelled);
    EXPECT_LT(judge.requests(), 6u);
    EXPECT_GE(judge_cache_size(fx.project()), 2);
}

TEST(JudgeRun, PairwiseRunsBothOrdersAndAnInconsistentJudgeGivesATie) {
    JudgeProject fx(1);
    const auto& item = fx.items()[0];
    const std::vector<JudgeTask> tasks = {
        {JudgeTaskKind::pairwise, pairwise_prompt(item.messages, item.reference, "", "2", "3")},
        {JudgeTaskKind::pairwise, pairwise_prompt(item.messages, item.reference, "", "3", "2")}};
    {
        // Always prefers whatever is shown first.
        ScriptedJudge judge([](const JudgeRequest&) { return JudgeReply{200, completion(R"({"preference": "A"})")}; });
        const auto v = run_judge_tasks(fx.project(), tbtest::judge_config(judge.url()), tasks);
        const auto r = combine_pairwise(v[0], v[1]);
        EXPECT_TRUE(r.scorable);
        EXPECT_EQ(r.first_order, 'A');
        EXPECT_EQ(r.second_order, 'B');
        EXPECT_FALSE(r.consistent());
        EXPECT_EQ(r.preference, 'T');
    }
    {
        // Prefers the correct answer wherever it is shown.
        ScriptedJudge judge([](const JudgeRequest& r) {
            return JudgeReply{
                200, completion(std::string(R"({"preference": ")") + (r.answer_a() == "2" ? "A" : "B") + "\"}")};
        });
        const auto v = run_judge_tasks(fx.project(), tbtest::judge_config(judge.url(), "judge-2"), tasks);
        const auto r = combine_pairwise(v[0], v[1]);
        EXPECT_TRUE(r.consistent());
        EXPECT_EQ(r.preference, 'A');
    }
}

double metric(ProjectFile& p, std::int64_t run, const std::string& name) {
    auto s = p.prepare("SELECT value FROM run_metrics WHERE run_id = ? AND name = ? AND step = 0");
    s.bind(1, run).bind(2, name);
    return s.step() ? s.column_double(0) : -1.0;
}

TEST(JudgeRun, TheJudgesSpendIsAddedToTheRunMetrics) {
    JudgeProject fx(2);
    auto [run, outputs] = fx.add_run("base", {"2", "5"});
    ScriptedJudge judge(strict);
    auto config = tbtest::judge_config(judge.url());
    config.price_per_1k_prompt = 1.0;
    judge_eval_run(fx.project(), run, config);
    EXPECT_EQ(metric(fx.project(), run, "judge:judge-1/prompt_tokens"), 200.0);
    EXPECT_EQ(metric(fx.project(), run, "judge:judge-1/requests"), 2.0);
    EXPECT_DOUBLE_EQ(metric(fx.project(), run, "judge:judge-1/cost"), 0.2);
    // A cached re-run costs nothing more; a new output adds its own spend.
    judge_eval_run(fx.project(), run, config);
    EXPECT_EQ(metric(fx.project(), run, "judge:judge-1/prompt_tokens"), 200.0);
}

TEST(JudgeRun, PairwiseRunComparisonCountsWinsAndStoresBothOrders) {
    JudgeProject fx(4);
    auto [run_a, outputs_a] = fx.add_run("a", {"2", "4", "x", "y"});
    auto [run_b, outputs_b] = fx.add_run("b", {"x", "4", "6", "z"});
    // Prefers the exact reference; two exact or two wrong answers: always "A" (position bias).
    ScriptedJudge judge([](const JudgeRequest& r) {
        const std::string ref = reference_of(r);
        const bool a = r.answer_a() == ref, b = r.answer_b() == ref;
        const char* p = a == b ? "A" : a ? "A" : "B";
        return JudgeReply{200, completion(std::string(R"({"preference": ")") + p + "\"}")};
    });
    const auto s = judge_pairwise_runs(fx.project(), run_a, run_b, tbtest::judge_config(judge.url()));
    EXPECT_EQ(s.pairs, 4);
    EXPECT_EQ(s.a_wins, 1);  // item 1
    EXPECT_EQ(s.b_wins, 1);  // item 3
    EXPECT_EQ(s.ties, 2);    // items 2 and 4: the verdict followed the position
    EXPECT_EQ(s.inconsistent, 2);
    EXPECT_EQ(s.requests, 7);  // item 2's two orders are the same prompt ("4" vs "4"): asked once
    const auto grades = load_pairwise_grades(fx.project(), "judge:judge-1");
    ASSERT_EQ(grades.size(), 8u);
    EXPECT_EQ(grades[0].output_a, outputs_a[0]);
    EXPECT_EQ(grades[0].output_b, outputs_b[0]);
    EXPECT_EQ(grades[0].left_output, outputs_a[0]);
    EXPECT_EQ(grades[1].left_output, outputs_b[0]);
    EXPECT_EQ(grades[0].preference, 'a');
    EXPECT_EQ(grades[1].preference, 'a');
    EXPECT_THROW(judge_pairwise_runs(fx.project(), run_a, run_a, tbtest::judge_config(judge.url())), Error);
}

TEST(JudgeRun, AnAnswerWithInvalidUtf8IsStillJudged) {
    JudgeProject fx(1);
    auto [run, outputs] = fx.add_run("base", {"2 \xff\xfe"});
    ScriptedJudge judge([](const JudgeRequest& r) {
        return JudgeReply{200, verdict(r.answer() == "2 \xEF\xBF\xBD\xEF\xBF\xBD")};
    });
    const auto summary = judge_eval_run(fx.project(), run, tbtest::judge_config(judge.url()));
    EXPECT_EQ(summary.judged, 1);
    EXPECT_EQ(score_of(fx.project(), outputs[0], "2:judge", "judge:judge-1"), 1.0);
}

TEST(JudgeRun, TheDefaultKeyVariableMayBeUnsetButANamedOneMustBeSet) {
    JudgeProject fx(1);
    auto [run, outputs] = fx.add_run("base", {"2"});
    ScriptedJudge judge(strict);
    ::unsetenv("TUNEBENCH_JUDGE_API_KEY");
    auto config = tbtest::judge_config(judge.url());
    config.api_key_env = JudgeConfig{}.api_key_env;
    EXPECT_EQ(judge_eval_run(fx.project(), run, config).judged, 1);  // a local server without a key

    auto named = tbtest::judge_config(judge.url(), "judge-2");
    named.api_key_env = "TB_TEST_UNSET_JUDGE_KEY";
    ::unsetenv("TB_TEST_UNSET_JUDGE_KEY");
    const auto summary = judge_eval_run(fx.project(), run, named);
    EXPECT_EQ(summary.unscorable, 1);
    EXPECT_NE(summary.first_error.find("TB_TEST_UNSET_JUDGE_KEY"), std::string::npos);
    EXPECT_EQ(judge.requests(), 1u);
}

TEST(JudgeRun, RefusesAMissingRunOrConfig) {
    JudgeProject fx(1);
    ScriptedJudge judge(strict);
    EXPECT_THROW(judge_eval_run(fx.project(), 999, tbtest::judge_config(judge.url())), Error);
    auto [run, outputs] = fx.add_run("base", {"2"});
    auto no_model = tbtest::judge_config(judge.url());
    no_model.model.clear();
    EXPECT_THROW(judge_eval_run(fx.project(), run, no_model), Error);
}

}  // namespace
}  // namespace tb
