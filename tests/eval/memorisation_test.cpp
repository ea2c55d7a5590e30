#include "core/eval/memorisation.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/eval/eval_store.h"
#include "core/project/runs.h"
#include "eval/eval_test_helpers.h"

namespace tb {
namespace {

std::vector<std::int32_t> range(std::int32_t from, std::int32_t to) {
    std::vector<std::int32_t> out;
    for (auto i = from; i < to; ++i) out.push_back(i);
    return out;
}

TEST(LongestCommonRun, FindsTheLongestContiguousRun) {
    EXPECT_EQ(longest_common_run({}, {1, 2}), 0u);
    EXPECT_EQ(longest_common_run({1, 2, 3}, {4, 5}), 0u);
    EXPECT_EQ(longest_common_run({1, 2, 3, 4}, {1, 2, 3, 4}), 4u);
    // Common subsequence 1 2 3 4 but interrupted: the longest contiguous run is 2.
    EXPECT_EQ(longest_common_run({1, 2, 9, 3, 4}, {1, 2, 3, 4}), 2u);
    EXPECT_EQ(longest_common_run({7, 7, 5, 6, 7, 8, 0}, {5, 6, 7, 8}), 4u);
    EXPECT_EQ(longest_common_run({5, 6, 7, 8}, {0, 5, 6, 7, 8, 1}), 4u);
}

TEST(MemorisationItem, VerbatimAtTheRunThresholdOrTheWholeShortAnswer) {
    const auto answer = range(0, 80);
    // A 50-token run of a long answer inside other text is verbatim; 49 is not.
    auto output = range(1000, 1010);
    auto run50 = range(10, 60);
    output.insert(output.end(), run50.begin(), run50.end());
    auto m = measure_item("a", output, answer, 0.0, 50);
    EXPECT_EQ(m.longest_run, 50u);
    EXPECT_TRUE(m.verbatim);
    EXPECT_FALSE(m.exact_copy);
    m = measure_item("a", range(10, 59), answer, 0.0, 50);
    EXPECT_EQ(m.longest_run, 49u);
    EXPECT_FALSE(m.verbatim);
    // A 12-token answer counts only when reproduced whole.
    const auto short_answer = range(0, 12);
    EXPECT_FALSE(measure_item("b", range(0, 11), short_answer, 0.0, 50).verbatim);
    auto whole = measure_item("b", short_answer, short_answer, 1.0, 50);
    EXPECT_TRUE(whole.verbatim);
    EXPECT_TRUE(whole.exact_copy);
    EXPECT_FALSE(measure_item("c", {}, {}, 0.0, 50).verbatim);  // empty answer: nothing to copy
}

TEST(MemorisationReport, CopyingModelIsFlaggedAndAParaphrasingOneIsNot) {
    // Training answers of 60 tokens; a copying model recites 8 of 10, held-out items share
    // only short runs with their references.
    std::vector<MemorisationItem> copying, paraphrasing, held_out;
    for (int i = 0; i < 10; ++i) {
        const auto answer = range(i * 100, i * 100 + 60);
        copying.push_back(
            measure_item("t" + std::to_string(i), i < 8 ? answer : range(5000, 5060), answer, i < 8 ? 1.0 : 0.0, 50));
        auto partial = range(i * 100, i * 100 + 10);  // 10 tokens of the answer, then its own words
        auto tail = range(7000, 7040);
        partial.insert(partial.end(), tail.begin(), tail.end());
        paraphrasing.push_back(measure_item("t" + std::to_string(i), partial, answer, 0.0, 50));
        held_out.push_back(measure_item("v" + std::to_string(i), partial, answer, 0.0, 50));
    }
    auto flagged =
        compare_memorisation(summarise_memorisation("train", copying), summarise_memorisation("held_out", held_out));
    EXPECT_DOUBLE_EQ(flagged.train.verbatim_rate, 0.8);
    EXPECT_DOUBLE_EQ(flagged.train.exact_copy_rate, 0.8);
    EXPECT_DOUBLE_EQ(flagged.held_out.verbatim_rate, 0.0);
    EXPECT_DOUBLE_EQ(flagged.verbatim_rate_gap, 0.8);
    EXPECT_DOUBLE_EQ(flagged.score_gap, 0.8);
    EXPECT_NEAR(flagged.held_out.mean_run_share, 10.0 / 60.0, 1e-12);
    EXPECT_TRUE(flagged.flagged);
    EXPECT_NE(flagged.reason.find("8 of 10"), std::string::npos) << flagged.reason;

    auto fine = compare_memorisation(summarise_memorisation("train", paraphrasing),
                                     summarise_memorisation("held_out", held_out));
    EXPECT_DOUBLE_EQ(fine.verbatim_rate_gap, 0.0);
    EXPECT_FALSE(fine.flagged);
    EXPECT_TRUE(fine.reason.empty());
    const auto j = flagged.to_json();
    EXPECT_EQ(j["train"]["verbatim"], 8);
    EXPECT_EQ(j["train"]["details"].size(), 10u);
}

TEST(WordTokens, SharedVocabularyMakesEqualWordsEqualIds) {
    std::vector<std::string> vocabulary;
    auto a = word_tokens("the cat sat", vocabulary);
    auto b = word_tokens("a cat  sat\ndown", vocabulary);
    EXPECT_EQ(a.size(), 3u);
    EXPECT_EQ(b.size(), 4u);
    EXPECT_EQ(longest_common_run(a, b), 2u);
}

TEST(MemorisationProbe, MeasuresTrainAndHeldOutWithTheModelAndStoresBothRuns) {
    tbtest::TempDir dir("tb_memo_");
    const auto model = std::filesystem::path(dir.file("model"));
    tbeval::write_tiny_model(model);
    auto project = ProjectFile::create(dir.file("p.tunebench"));
    tbeval::fill_project(project, 30, 0);
    MemorisationOptions options;
    options.max_items = 5;
    options.min_run_tokens = 4;
    options.generation.batch_size = 5;
    const auto target =
        EvalTarget::local(model, std::nullopt, std::filesystem::path(dir.write("t.jinja", tbeval::kChatMl)));
    const auto report = measure_memorisation(project, target, options);
    EXPECT_EQ(report.train.items, 5u);
    EXPECT_GE(report.held_out.items, 1u);
    EXPECT_LE(report.held_out.items, 5u);
    ASSERT_NE(report.train.run_id, 0);
    const auto run = find_run(project, report.train.run_id);
    EXPECT_EQ(run->config["probe"], "memorisation");
    EXPECT_EQ(run->config["generation"]["greedy"], true);
    // max_new_tokens follows the longest answer (characters here) plus a margin.
    EXPECT_LE(run->config["max_new_tokens"].get<int>(), 30);
    // The measure agrees with the stored outputs: recompute one item by hand.
    const auto stored = load_eval_outputs(project, report.train.run_id);
    ASSERT_EQ(stored.size(), 5u);
    for (const auto& d : report.train.details) {
        EXPECT_LE(d.longest_run, d.answer_tokens);
        EXPECT_EQ(d.verbatim, d.longest_run >= std::min<std::size_t>(4, d.answer_tokens));
    }
    // No validation split yet -> a clear error.
    auto empty = ProjectFile::create(dir.file("q.tunebench"));
    EXPECT_THROW(measure_memorisation(empty, target, options), Error);
}

}  // namespace
}  // namespace tb
