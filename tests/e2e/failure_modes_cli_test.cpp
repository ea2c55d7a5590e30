// `tunebench-cli forgetting` over stored general-set runs (scores set through core, so the
// expected difference is known) and `tunebench-cli memorisation` on the tiny random model:
// JSON fields, the flag, --gate's exit code, errors that exit 2.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/curation/golden_sets.h"
#include "core/eval/eval_sets.h"
#include "core/eval/eval_store.h"
#include "core/eval/scorers.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"
#include "e2e/cli_runner.h"
#include "eval/eval_test_helpers.h"

namespace {

#define SKIP_WITHOUT_CLI() \
    if (!std::filesystem::exists(TUNEBENCH_CLI)) GTEST_SKIP() << "tunebench-cli not built"

class ForgettingCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto project = tb::ProjectFile::create(project_path_);
        tbeval::fill_project(project, 24, 6);
        // The general-purpose set: the only golden set of kind general.
        const auto set = tb::create_golden_set(project, "general-qa", tb::GoldenKind::general);
        for (int i = 0; i < kGeneralItems; ++i) {
            tb::GoldenItem item;
            item.set_id = set;
            item.messages = {tbeval::message("user", "what is " + std::to_string(i) + " plus one?")};
            item.reference = std::to_string(i + 1);
            item.rubric = tb::parse_rubric(
                nlohmann::json::parse(R"([{"kind": "contains", "expected": ")" + std::to_string(i + 1) + R"("}])"));
            tb::add_golden_item(project, item);
        }
    }
    // A completed run on `set` answering the first `correct` items with their reference and
    // the rest with nothing.
    std::int64_t stored_run(const std::string& set, std::size_t correct) const {
        auto project = tb::ProjectFile::open(project_path_);
        const auto run = tb::create_run(project, tb::RunKind::Eval, "stored " + set, {{"set", set}});
        std::vector<tb::EvalOutputRecord> records;
        const auto items = tb::resolve_eval_set(project, set).items;
        for (std::size_t i = 0; i < items.size(); ++i) {
            tb::EvalOutputRecord r;
            r.golden_item_id = items[i].golden_item_id;
            r.output = i < correct ? items[i].reference : "";
            r.score = tb::score_item(items[i].rubric, r.output);
            records.push_back(r);
        }
        tb::store_eval_outputs(project, run, records);
        tb::finish_run(project, run, tb::RunStatus::Completed);
        return run;
    }
    tbtest::CliResult forgetting(std::int64_t base, std::int64_t tuned, const std::vector<std::string>& extra,
                                 const std::string& tag) const {
        std::vector<std::string> a = {"forgetting", project_path_, std::to_string(base), std::to_string(tuned)};
        a.insert(a.end(), extra.begin(), extra.end());
        return dir_.run(a, tag);
    }

    static constexpr int kGeneralItems = 20;
    tbtest::CliDir dir_;
    std::string project_path_ = dir_.file("p.tunebench");
};

TEST_F(ForgettingCliTest, ALossOnTheGeneralSetIsFlaggedAndGated) {
    SKIP_WITHOUT_CLI();
    const auto base = stored_run("general", 20);   // every item right
    const auto tuned = stored_run("general", 10);  // half of them forgotten
    auto r = forgetting(base, tuned, {"--json", "--gate"}, "lost");
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["set"], "general");
    EXPECT_EQ(j["base_run_id"], base);
    EXPECT_EQ(j["tuned_run_id"], tuned);
    EXPECT_EQ(j["items"], kGeneralItems);
    EXPECT_EQ(j["unpaired"], 0);
    EXPECT_NEAR(j["base_mean_score"].get<double>(), 1.0, 1e-12);
    EXPECT_NEAR(j["tuned_mean_score"].get<double>(), 0.5, 1e-12);
    EXPECT_NEAR(j["score_diff"].get<double>(), -0.5, 1e-12);
    const double low = j["score_diff_ci"][0].get<double>(), high = j["score_diff_ci"][1].get<double>();
    EXPECT_LE(low, -0.5);
    EXPECT_GE(high, -0.5);
    EXPECT_LT(high, 0.0);  // the whole interval lies below 0
    EXPECT_TRUE(j["flagged"].get<bool>());
    EXPECT_FALSE(j["reason"].get<std::string>().empty());

    // Without --gate the same finding exits 0; the text names it.
    auto text = forgetting(base, tuned, {}, "text");
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("FORGETTING"), std::string::npos) << text.out;
}

TEST_F(ForgettingCliTest, NoLossPassesTheGate) {
    SKIP_WITHOUT_CLI();
    const auto base = stored_run("general", 15);
    const auto tuned = stored_run("general", 16);  // one more right: no forgetting
    auto r = forgetting(base, tuned, {"--json", "--gate"}, "kept");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_FALSE(j["flagged"].get<bool>());
    EXPECT_NEAR(j["score_diff"].get<double>(), 1.0 / kGeneralItems, 1e-12);
    // A small drop under the threshold (--max-drop 0.1) with a CI reaching 0 is not flagged either.
    auto small = forgetting(base, stored_run("general", 14), {"--json", "--gate", "--max-drop", "0.1"}, "small");
    EXPECT_EQ(small.exit_code, 0) << small.err;
    EXPECT_FALSE(nlohmann::json::parse(small.out)["flagged"].get<bool>());
}

TEST_F(ForgettingCliTest, BadRunsExit2) {
    SKIP_WITHOUT_CLI();
    const auto general = stored_run("general", 20);
    const auto probe = stored_run("probe", 6);
    auto different = forgetting(general, probe, {}, "different");
    EXPECT_EQ(different.exit_code, 2);
    EXPECT_NE(different.err.find("different sets"), std::string::npos) << different.err;
    auto missing = forgetting(general, 999, {}, "missing");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("999"), std::string::npos) << missing.err;
    EXPECT_EQ(dir_.run({"forgetting", project_path_, "1"}, "one").exit_code, 2);
    EXPECT_EQ(dir_.run({"forgetting", project_path_, "x", "2"}, "x").exit_code, 2);
    EXPECT_EQ(forgetting(general, general, {"--max-drop", "2"}, "maxdrop").exit_code, 2);
    // Two runs of another set are measured, with a note that forgetting means the general set.
    auto other = forgetting(probe, stored_run("probe", 3), {"--json"}, "other");
    EXPECT_EQ(other.exit_code, 0) << other.err;
    EXPECT_NE(other.err.find("not the general set"), std::string::npos) << other.err;
    EXPECT_EQ(nlohmann::json::parse(other.out)["items"], 6);
}

class MemorisationCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        tbeval::write_tiny_model(model_);
        template_ = dir_.write("chatml.jinja", tbeval::kChatMl);
    }
    tbtest::CliDir dir_;
    std::filesystem::path model_ = dir_.file("model");
    std::string template_;
    std::string project_path_ = dir_.file("p.tunebench");
};

TEST_F(MemorisationCliTest, MeasuresTrainAndHeldOutAndStoresBothRuns) {
    SKIP_WITHOUT_CLI();
    {
        auto project = tb::ProjectFile::create(project_path_);
        tbeval::fill_project(project, 40, 6);  // 12% validation: at least 3 held-out examples
    }
    auto r = dir_.run({"memorisation", project_path_, "--model", model_.string(), "--chat-template", template_,
                       "--max-items", "3", "--min-run", "4", "--json"},
                      "mem");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    for (const char* group : {"train", "held_out"}) {
        const auto& g = j[group];
        EXPECT_EQ(g["name"], group);
        EXPECT_EQ(g["items"], 3) << group;
        ASSERT_EQ(g["details"].size(), 3u) << group;
        std::size_t verbatim = 0;
        for (const auto& item : g["details"]) {
            EXPECT_LE(item["longest_run"].get<std::size_t>(), item["answer_tokens"].get<std::size_t>());
            // The rule: a common run of min-run tokens, or the whole (shorter) answer.
            const auto need = std::min<std::size_t>(4, item["answer_tokens"].get<std::size_t>());
            EXPECT_EQ(item["verbatim"].get<bool>(), item["longest_run"].get<std::size_t>() >= need) << item.dump();
            verbatim += item["verbatim"].get<bool>();
        }
        EXPECT_EQ(g["verbatim"], verbatim);
        EXPECT_DOUBLE_EQ(g["verbatim_rate"].get<double>(), verbatim / 3.0);
    }
    EXPECT_DOUBLE_EQ(j["verbatim_rate_gap"].get<double>(),
                     j["train"]["verbatim_rate"].get<double>() - j["held_out"]["verbatim_rate"].get<double>());
    EXPECT_EQ(j["min_run_tokens"], 4);
    EXPECT_EQ(j["flagged"].get<bool>(), j["verbatim_rate_gap"].get<double>() > 0.10);

    // Both generation runs are stored, marked as the memorisation probe, with every output.
    auto project = tb::ProjectFile::open(project_path_);
    for (const char* group : {"train", "held_out"}) {
        const auto run = tb::find_run(project, j[group]["run_id"].get<std::int64_t>());
        ASSERT_TRUE(run.has_value()) << group;
        EXPECT_EQ(run->config["probe"], "memorisation");
        EXPECT_EQ(tb::load_eval_results(project, run->id).size(), 3u);
    }

    // --gate exits 1 exactly when flagged (a max gap of 0 flags any positive gap).
    auto gated = dir_.run({"memorisation", project_path_, "--model", model_.string(), "--chat-template", template_,
                           "--max-items", "3", "--min-run", "4", "--max-gap", "0", "--gate", "--json"},
                          "gate");
    ASSERT_TRUE(gated.exit_code == 0 || gated.exit_code == 1) << gated.err;
    EXPECT_EQ(gated.exit_code == 1, nlohmann::json::parse(gated.out)["flagged"].get<bool>());
}

TEST_F(MemorisationCliTest, NeedsSplitsModelAndTemplate) {
    SKIP_WITHOUT_CLI();
    {
        auto project = tb::ProjectFile::create(project_path_);
        tb::Example e;
        e.messages = {tbeval::message("user", "say red"), tbeval::message("assistant", "red")};
        tb::insert_example(project, e);  // never split
    }
    auto unsplit =
        dir_.run({"memorisation", project_path_, "--model", model_.string(), "--chat-template", template_}, "unsplit");
    EXPECT_EQ(unsplit.exit_code, 2);
    EXPECT_NE(unsplit.err.find("split"), std::string::npos) << unsplit.err;
    EXPECT_EQ(dir_.run({"memorisation", project_path_}, "nomodel").exit_code, 2);
    EXPECT_EQ(
        dir_.run({"memorisation", project_path_, "--model", model_.string(), "--max-items", "0"}, "items").exit_code,
        2);
}

}  // namespace
