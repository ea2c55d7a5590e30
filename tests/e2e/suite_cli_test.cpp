// `tunebench-cli suite` (regression suites stored in the project, read back through core)
// and the suites `train` runs after a LoRA run: one JSON line per suite, the base model
// evaluated when it has no run yet, --no-suite, and --gate's exit code agreeing with the
// suite's regressions. On the tiny random model of the eval tests.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/curation/golden_sets.h"
#include "core/eval/eval_store.h"
#include "core/eval/regression_suite.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"
#include "e2e/cli_runner.h"
#include "eval/eval_test_helpers.h"

namespace {

#define SKIP_WITHOUT_CLI() \
    if (!std::filesystem::exists(TUNEBENCH_CLI)) GTEST_SKIP() << "tunebench-cli not built"

class SuiteCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto project = tb::ProjectFile::create(project_path_);
        tbeval::fill_project(project, 24, 6);
        // A second golden set, so suites can name several.
        const auto extra = tb::create_golden_set(project, "extra", tb::GoldenKind::task);
        tb::GoldenItem item;
        item.set_id = extra;
        item.messages = {tbeval::message("user", "say sun 4")};
        item.reference = "sun 4";
        item.rubric = tb::parse_rubric(nlohmann::json::parse(R"([{"kind": "contains", "expected": "sun"}])"));
        tb::add_golden_item(project, item);
    }
    tbtest::CliResult suite(const std::vector<std::string>& args, const std::string& tag) const {
        std::vector<std::string> a = {"suite", project_path_};
        a.insert(a.end(), args.begin(), args.end());
        return dir_.run(a, tag);
    }
    std::optional<tb::RegressionSuite> stored(const std::string& name) const {
        auto project = tb::ProjectFile::open(project_path_);
        return tb::load_regression_suite(project, name);
    }

    tbtest::CliDir dir_;
    std::string project_path_ = dir_.file("p.tunebench");
};

TEST_F(SuiteCliTest, SetStoresTheSuiteAsCoreReadsIt) {
    SKIP_WITHOUT_CLI();
    auto r = suite({"set", "nightly", "--golden", "probe,extra", "--json"}, "set");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["name"], "nightly");
    EXPECT_FALSE(j["replaced"].get<bool>());

    auto s = stored("nightly");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->golden_sets, (std::vector<std::string>{"probe", "extra"}));
    EXPECT_FALSE(s->include_general);
    EXPECT_TRUE(s->run_after_training);

    // Setting it again replaces it: one set, on demand only.
    r = suite({"set", "nightly", "--golden", "extra", "--no-after-training"}, "replace");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("replaced"), std::string::npos) << r.out;
    s = stored("nightly");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->golden_sets, std::vector<std::string>{"extra"});
    EXPECT_FALSE(s->run_after_training);
    auto project = tb::ProjectFile::open(project_path_);
    EXPECT_TRUE(tb::suites_to_run_after_training(project).empty());
    EXPECT_EQ(tb::list_regression_suites(project).size(), 1u);
}

TEST_F(SuiteCliTest, ListShowAndDelete) {
    SKIP_WITHOUT_CLI();
    auto empty = suite({"list", "--json"}, "empty");
    ASSERT_EQ(empty.exit_code, 0) << empty.err;
    EXPECT_EQ(nlohmann::json::parse(empty.out), nlohmann::json::array());

    ASSERT_EQ(suite({"set", "b-suite", "--golden", "probe", "--general"}, "b").exit_code, 0);
    ASSERT_EQ(suite({"set", "a-suite", "--golden", "extra"}, "a").exit_code, 0);
    auto list = suite({"list", "--json"}, "list");
    ASSERT_EQ(list.exit_code, 0) << list.err;
    const auto l = nlohmann::json::parse(list.out);
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(l[0]["name"], "a-suite");  // by name
    EXPECT_EQ(l[1]["name"], "b-suite");
    EXPECT_TRUE(l[1]["include_general"].get<bool>());

    // show resolves each set now: the golden set's items, and why "general" cannot run yet
    // (the project has no general set).
    auto show = suite({"show", "b-suite", "--json"}, "show");
    ASSERT_EQ(show.exit_code, 0) << show.err;
    const auto s = nlohmann::json::parse(show.out);
    ASSERT_EQ(s["sets"].size(), 2u);
    EXPECT_EQ(s["sets"][0]["name"], "probe");
    EXPECT_EQ(s["sets"][0]["items"], 6);
    EXPECT_EQ(s["sets"][1]["name"], "general");
    EXPECT_TRUE(s["sets"][1].contains("error")) << s.dump();
    auto text = suite({"show", "b-suite"}, "showtext");
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("cannot be evaluated"), std::string::npos) << text.out;

    auto del = suite({"delete", "b-suite"}, "delete");
    ASSERT_EQ(del.exit_code, 0) << del.err;
    EXPECT_FALSE(stored("b-suite").has_value());
    EXPECT_TRUE(stored("a-suite").has_value());
}

TEST_F(SuiteCliTest, UnknownSetsSuitesAndUsageExit2) {
    SKIP_WITHOUT_CLI();
    auto unknown_set = suite({"set", "s", "--golden", "probe,nope"}, "unknownset");
    EXPECT_EQ(unknown_set.exit_code, 2);
    EXPECT_NE(unknown_set.err.find("nope"), std::string::npos) << unknown_set.err;
    EXPECT_FALSE(stored("s").has_value());

    auto no_sets = suite({"set", "s"}, "nosets");
    EXPECT_EQ(no_sets.exit_code, 2);
    EXPECT_NE(no_sets.err.find("--golden"), std::string::npos) << no_sets.err;

    ASSERT_EQ(suite({"set", "real", "--golden", "probe"}, "real").exit_code, 0);
    auto show_missing = suite({"show", "ghost"}, "ghost");
    EXPECT_EQ(show_missing.exit_code, 2);
    EXPECT_NE(show_missing.err.find("ghost"), std::string::npos);
    EXPECT_NE(show_missing.err.find("real"), std::string::npos) << "names the suites there are: " << show_missing.err;
    EXPECT_EQ(suite({"delete", "ghost"}, "delghost").exit_code, 2);
    EXPECT_TRUE(stored("real").has_value());

    EXPECT_EQ(suite({"frobnicate"}, "action").exit_code, 2);
    EXPECT_EQ(suite({"list", "--golden", "probe"}, "listgolden").exit_code, 2);
    EXPECT_EQ(suite({"show"}, "showname").exit_code, 2);
    EXPECT_EQ(dir_.run({"suite", dir_.file("missing.tunebench"), "list"}, "noproject").exit_code, 2);
}

// train -> the suite runs on model + the new adapter; the base model is evaluated first.
class TrainSuiteTest : public SuiteCliTest {
protected:
    void SetUp() override {
        SuiteCliTest::SetUp();
        tbeval::write_tiny_model(model_);
        template_ = dir_.write("chatml.jinja", tbeval::kChatMl);
    }
    tbtest::CliResult train(const std::string& out, const std::vector<std::string>& extra,
                            const std::string& tag) const {
        std::vector<std::string> a = {"train",
                                      project_path_,
                                      "--model",
                                      model_.string(),
                                      "--out",
                                      out,
                                      "--chat-template",
                                      template_,
                                      "--max-steps",
                                      "2",
                                      "--eval-every",
                                      "0",
                                      "--batch-rows",
                                      "2",
                                      "--lr",
                                      "1e-3",
                                      "--compute-dtype",
                                      "fp32",
                                      "--threads",
                                      "1",
                                      "--suite-max-new-tokens",
                                      "6"};
        a.insert(a.end(), extra.begin(), extra.end());
        return dir_.run(a, tag);
    }
    static std::vector<nlohmann::json> suite_lines(const std::string& out) {
        std::vector<nlohmann::json> lines;
        for (const auto& line : tbtest::lines_of(out)) {
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_object() && j.contains("suite")) lines.push_back(j);
        }
        return lines;
    }

    std::filesystem::path model_ = dir_.file("model");
    std::string template_;
};

TEST_F(TrainSuiteTest, TrainRunsEachAfterTrainingSuiteAndGates) {
    SKIP_WITHOUT_CLI();
    ASSERT_EQ(suite({"set", "after", "--golden", "probe"}, "s1").exit_code, 0);
    ASSERT_EQ(suite({"set", "manual", "--golden", "extra", "--no-after-training"}, "s2").exit_code, 0);

    auto first = train(dir_.file("adapter1"), {"--gate"}, "train1");
    ASSERT_TRUE(first.exit_code == 0 || first.exit_code == 1) << first.err;
    auto lines = suite_lines(first.out);
    ASSERT_EQ(lines.size(), 1u) << first.out;  // "manual" runs on demand only
    const auto r = lines[0];                   // a copy: `lines` is reused below
    EXPECT_EQ(r["suite"], "after");
    ASSERT_EQ(r["sets"].size(), 1u);
    const auto set = r["sets"][0];
    EXPECT_EQ(set["set"], "probe");
    // No base run existed: the suite evaluated the base model first and compared with it.
    ASSERT_FALSE(set["base_run_id"].is_null());
    EXPECT_FALSE(set["vs_base"].is_null());
    EXPECT_TRUE(set["previous_run_id"].is_null());
    // --gate's exit code is the suite's verdict; each regression is said on stderr.
    EXPECT_EQ(first.exit_code == 1, !r["regressions"].empty()) << first.err;
    for (const auto& line : r["regressions"])
        EXPECT_NE(first.err.find(line.get<std::string>()), std::string::npos) << first.err;

    // The runs are stored: the tuned one records the suite and its train run, the base none.
    auto project = tb::ProjectFile::open(project_path_);
    const auto tuned = tb::find_run(project, set["run_id"].get<std::int64_t>());
    ASSERT_TRUE(tuned.has_value());
    EXPECT_EQ(tuned->config["suite"], "after");
    EXPECT_FALSE(tuned->config["target"]["adapter"].is_null());
    EXPECT_TRUE(tuned->parent_run_id.has_value());
    const auto base = tb::find_run(project, set["base_run_id"].get<std::int64_t>());
    ASSERT_TRUE(base.has_value());
    EXPECT_TRUE(base->config["target"]["adapter"].is_null());
    EXPECT_EQ(tb::load_eval_results(project, tuned->id).size(), 6u);

    // A second run reuses that base run and compares with the previous tuned run too.
    auto second = train(dir_.file("adapter2"), {}, "train2");
    ASSERT_EQ(second.exit_code, 0) << second.err;  // no --gate: regressions do not fail train
    lines = suite_lines(second.out);
    ASSERT_EQ(lines.size(), 1u) << second.out;
    const auto& set2 = lines[0]["sets"][0];
    EXPECT_EQ(set2["base_run_id"], set["base_run_id"]);
    EXPECT_EQ(set2["previous_run_id"], set["run_id"]);
    EXPECT_FALSE(set2["vs_previous"].is_null());

    // --no-suite: no suite line, no eval run.
    const auto runs_before = tb::list_runs(project, tb::RunKind::Eval).size();
    auto skipped = train(dir_.file("adapter3"), {"--no-suite"}, "train3");
    ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
    EXPECT_TRUE(suite_lines(skipped.out).empty()) << skipped.out;
    EXPECT_EQ(tb::list_runs(project, tb::RunKind::Eval).size(), runs_before);
    EXPECT_EQ(train(dir_.file("adapter4"), {"--no-suite", "--gate"}, "train4").exit_code, 2);
}

TEST_F(TrainSuiteTest, ASuiteThatCannotRunIsReportedAndFailsTheGate) {
    SKIP_WITHOUT_CLI();
    // "general" cannot be resolved in this project (no general set): the suite reports the
    // error as its JSON line; training itself completed.
    ASSERT_EQ(suite({"set", "forgetting", "--general"}, "s").exit_code, 0);
    auto plain = train(dir_.file("a1"), {}, "plain");
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    auto lines = suite_lines(plain.out);
    ASSERT_EQ(lines.size(), 1u) << plain.out;
    EXPECT_EQ(lines[0]["suite"], "forgetting");
    ASSERT_TRUE(lines[0].contains("error"));
    EXPECT_NE(lines[0]["error"].get<std::string>().find("general"), std::string::npos);
    EXPECT_NE(plain.err.find("suite forgetting: error"), std::string::npos) << plain.err;
    EXPECT_EQ(train(dir_.file("a2"), {"--gate"}, "gated").exit_code, 2);
}

}  // namespace
