// `tunebench-cli eval` and `compare` end to end on a tiny random model: JSON fields,
// deterministic reruns, the template rule, remote endpoints, the regression gate's exit
// codes and the JUnit file; and train -> eval -> compare -> gate with the real trainer.
#include <gtest/gtest.h>

#include <cstdlib>

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

class EvalCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        tbeval::write_tiny_model(model_);
        template_ = dir_.write("chatml.jinja", tbeval::kChatMl);
        auto project = tb::ProjectFile::create(project_path_);
        tbeval::fill_project(project, 24, 6);
    }
    std::vector<std::string> eval_args(const std::vector<std::string>& extra) const {
        std::vector<std::string> a = {"eval", project_path_, "--set", "probe", "--max-new-tokens", "8", "--json"};
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    }
    nlohmann::json eval_json(const std::vector<std::string>& extra, const std::string& tag) const {
        auto r = dir_.run(eval_args(extra), tag);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    // A run that answered every item with its reference (all pass): stored through the core API.
    std::int64_t perfect_run() const {
        auto project = tb::ProjectFile::open(project_path_);
        const auto run = tb::create_run(project, tb::RunKind::Eval, "reference answers", {{"set", "probe"}});
        std::vector<tb::EvalOutputRecord> records;
        for (const auto& item : tb::resolve_eval_set(project, "probe").items) {
            tb::EvalOutputRecord r;
            r.golden_item_id = item.golden_item_id;
            r.output = item.reference;
            r.score = tb::score_item(item.rubric, r.output);
            records.push_back(r);
        }
        tb::store_eval_outputs(project, run, records);
        tb::finish_run(project, run, tb::RunStatus::Completed);
        return run;
    }

    tbtest::CliDir dir_;
    std::filesystem::path model_ = dir_.file("model");
    std::string template_;
    std::string project_path_ = dir_.file("p.tunebench");
};

TEST_F(EvalCliTest, EvalJsonHoldsTheRunAndEveryItemAndRerunsIdentically) {
    SKIP_WITHOUT_CLI();
    const auto a = eval_json({"--model", model_.string(), "--chat-template", template_}, "a");
    ASSERT_TRUE(a.contains("run_id"));
    ASSERT_EQ(a["items"].size(), 6u);
    std::size_t passed = 0;
    double total = 0;
    for (const auto& item : a["items"]) {
        EXPECT_EQ(item["id"].get<std::string>().rfind("golden:", 0), 0u);
        EXPECT_TRUE(item["output"].is_string());
        EXPECT_TRUE(item["passed"].is_boolean());
        ASSERT_EQ(item["criteria"].size(), 1u);
        EXPECT_EQ(item["criteria"][0]["name"], "1:contains");
        passed += item["passed"].get<bool>();
        total += item["score"].get<double>();
    }
    EXPECT_DOUBLE_EQ(a["pass_rate"].get<double>(), passed / 6.0);
    EXPECT_DOUBLE_EQ(a["mean_score"].get<double>(), total / 6.0);
    EXPECT_EQ(a["items"][0]["tags"], nlohmann::json::array({"topic:colour"}));

    const auto b = eval_json({"--model", model_.string(), "--chat-template", template_}, "b");
    EXPECT_NE(a["run_id"], b["run_id"]);
    for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(a["items"][i]["output"], b["items"][i]["output"]);

    // Human output names the run.
    auto text = dir_.run({"eval", project_path_, "--set", "probe", "--model", model_.string(), "--chat-template",
                          template_, "--max-new-tokens", "4"},
                         "text");
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("eval run "), std::string::npos);
}

TEST_F(EvalCliTest, EvalReportsTheGoldenSetAgeAndWarnsPast90Days) {
    SKIP_WITHOUT_CLI();
    const auto fresh = dir_.run(eval_args({"--model", model_.string(), "--chat-template", template_}), "fresh");
    ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
    const auto fresh_json = nlohmann::json::parse(fresh.out);
    ASSERT_TRUE(fresh_json.contains("set_age"));
    EXPECT_FALSE(fresh_json["set_age"]["stale"].get<bool>());
    EXPECT_LT(fresh_json["set_age"]["days"].get<double>(), 1.0);
    EXPECT_EQ(fresh.err.find("warning: golden set"), std::string::npos) << fresh.err;
    {
        // Every item added long ago: the set no longer follows what users ask.
        auto project = tb::ProjectFile::open(project_path_);
        auto update = project.prepare("UPDATE golden_items SET created_at = '2020-01-01T00:00:00.000Z'");
        update.step();
    }
    const auto old = dir_.run(eval_args({"--model", model_.string(), "--chat-template", template_}), "old");
    ASSERT_EQ(old.exit_code, 0) << old.err;
    const auto old_json = nlohmann::json::parse(old.out);
    EXPECT_TRUE(old_json["set_age"]["stale"].get<bool>());
    EXPECT_GT(old_json["set_age"]["days"].get<double>(), 90.0);
    EXPECT_EQ(old_json["set_age"]["last_added_at"], "2020-01-01T00:00:00.000Z");
    EXPECT_NE(old.err.find("warning: golden set 'probe' got no new item for"), std::string::npos) << old.err;
}

TEST_F(EvalCliTest, TemplateRuleAndEvalUsageErrorsExit2) {
    SKIP_WITHOUT_CLI();
    auto r = dir_.run(eval_args({"--model", model_.string()}), "notemplate");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--chat-template"), std::string::npos) << r.err;
    EXPECT_EQ(dir_.run({"eval", project_path_, "--model", model_.string()}, "noset").exit_code, 2);
    EXPECT_EQ(dir_.run(eval_args({"--model", model_.string(), "--chat-template", template_, "--judge-url", "http://x"}),
                       "judge")
                  .exit_code,
              2);
    EXPECT_EQ(dir_.run(eval_args({"--model", model_.string(), "--endpoint", "http://x"}), "both").exit_code, 2);
    auto missing = dir_.run(
        {"eval", project_path_, "--set", "nope", "--model", model_.string(), "--chat-template", template_}, "missing");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("probe"), std::string::npos) << missing.err;
}

TEST_F(EvalCliTest, CompareUsageErrorsExit2) {
    SKIP_WITHOUT_CLI();
    EXPECT_EQ(dir_.run({"compare", project_path_, "1"}, "c1").exit_code, 2);
    EXPECT_EQ(dir_.run({"compare", project_path_, "x", "2"}, "c2").exit_code, 2);
    EXPECT_EQ(dir_.run({"compare", project_path_, "41", "42"}, "c3").exit_code, 2);  // no such runs
}

TEST_F(EvalCliTest, AdapterAndRemoteEndpointRuns) {
    SKIP_WITHOUT_CLI();
    const auto adapter = dir_.file("adapter");
    tbeval::write_adapter(model_, adapter, tbeval::kChatMl);
    const auto tuned =
        eval_json({"--model", model_.string(), "--adapter", adapter}, "tuned");  // the adapter's template
    EXPECT_EQ(tuned["items"].size(), 6u);
    EXPECT_FALSE(tuned["target"]["adapter"].is_null());

    tbeval::EchoServer server;
    ::setenv("TB_EVAL_CLI_KEY", "sk-cli-secret", 1);
    const auto remote = eval_json(
        {"--endpoint", server.url(), "--endpoint-model", "echo", "--api-key-env", "TB_EVAL_CLI_KEY"}, "remote");
    EXPECT_DOUBLE_EQ(remote["pass_rate"].get<double>(), 1.0);
    EXPECT_EQ(remote["items"][0]["output"], "say red 0");
    EXPECT_EQ(remote["target"]["api_key_env"], "TB_EVAL_CLI_KEY");
    EXPECT_EQ(server.requests().size(), 6u);
    EXPECT_EQ(tbtest::read_text(project_path_).find("sk-cli-secret"), std::string::npos);
}

TEST_F(EvalCliTest, CompareGateExitCodesAndJUnit) {
    SKIP_WITHOUT_CLI();
    const auto model_run =
        eval_json({"--model", model_.string(), "--chat-template", template_}, "m")["run_id"].get<std::int64_t>();
    const auto model_pass =
        eval_json({"--model", model_.string(), "--chat-template", template_}, "m2")["pass_rate"].get<double>();
    ASSERT_LT(model_pass, 1.0) << "the tiny random model should miss some colour words";
    const auto perfect = perfect_run();

    // Identical runs: nothing regressed, the gate passes.
    const std::string m = std::to_string(model_run), p = std::to_string(perfect);
    auto same = dir_.run({"compare", project_path_, m, m, "--gate", "--json"}, "same");
    EXPECT_EQ(same.exit_code, 0) << same.err;
    auto same_json = nlohmann::json::parse(same.out);
    EXPECT_TRUE(same_json["regressions"].empty());
    for (const auto& item : same_json["items"]) EXPECT_EQ(item["change"], "unchanged");

    // Perfect baseline, model candidate: items regressed, the gate fails; JUnit written.
    const auto junit = dir_.file("eval.xml");
    auto worse = dir_.run({"compare", project_path_, p, m, "--gate", "--json", "--junit", junit}, "worse");
    EXPECT_EQ(worse.exit_code, 1) << worse.err;
    auto j = nlohmann::json::parse(worse.out);
    EXPECT_FALSE(j["regressions"].empty());
    EXPECT_FALSE(j["regressed_items"].empty());
    EXPECT_EQ(j["run_a"], perfect);
    EXPECT_TRUE(j["has_regression"].get<bool>());
    EXPECT_FALSE(j["per_tag"].empty());
    const auto xml = tbtest::read_text(junit);
    EXPECT_NE(xml.find("<testsuite"), std::string::npos);
    EXPECT_NE(xml.find("<failure"), std::string::npos);
    // Without --gate the same comparison exits 0; the reverse direction improves.
    EXPECT_EQ(dir_.run({"compare", project_path_, p, m}, "nogate").exit_code, 0);
    auto better = dir_.run({"compare", project_path_, m, p, "--gate"}, "better");
    EXPECT_EQ(better.exit_code, 0) << better.out;
    EXPECT_NE(better.out.find("improved"), std::string::npos);
}

TEST_F(EvalCliTest, TrainEvalCompareGate) {
    SKIP_WITHOUT_CLI();
    const auto out = dir_.file("adapter");
    auto train = dir_.run({"train",
                           project_path_,
                           "--model",
                           model_.string(),
                           "--out",
                           out,
                           "--chat-template",
                           template_,
                           "--max-steps",
                           "3",
                           "--eval-every",
                           "0",
                           "--batch-rows",
                           "2",
                           "--lr",
                           "1e-3",
                           "--compute-dtype",
                           "fp32",
                           "--threads",
                           "1"},
                          "train");
    if (train.exit_code != 0 && train.err.find("unknown command") != std::string::npos)
        GTEST_SKIP() << "this build has no train command";
    ASSERT_EQ(train.exit_code, 0) << train.err;
    const auto base = eval_json({"--model", model_.string(), "--chat-template", template_}, "base");
    const auto tuned = eval_json({"--model", model_.string(), "--adapter", out}, "tuned");
    // The tuned run records the train run it evaluates.
    EXPECT_GT(tuned["parent_run_id"].get<std::int64_t>(), 0);
    EXPECT_EQ(base["parent_run_id"], 0);
    auto cmp = dir_.run({"compare", project_path_, std::to_string(base["run_id"].get<std::int64_t>()),
                         std::to_string(tuned["run_id"].get<std::int64_t>()), "--gate", "--json"},
                        "cmp");
    ASSERT_TRUE(cmp.exit_code == 0 || cmp.exit_code == 1) << cmp.err;
    const auto j = nlohmann::json::parse(cmp.out);
    // The gate's exit code is the comparison's verdict.
    EXPECT_EQ(cmp.exit_code == 1, !j["regressions"].empty());
    EXPECT_EQ(j["paired_items"], 6);
}

}  // namespace
