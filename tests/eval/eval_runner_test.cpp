#include "core/eval/eval_runner.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/eval/compare.h"
#include "core/eval/eval_store.h"
#include "core/project/runs.h"
#include "core/project/statement.h"
#include "eval/eval_test_helpers.h"

namespace tb {
namespace {

class EvalRunnerTest : public ::testing::Test {
protected:
    void SetUp() override {
        model_ = dir_.file("model");
        tbeval::write_tiny_model(model_);
        template_ = dir_.write("chatml.jinja", tbeval::kChatMl);
        project_.emplace(ProjectFile::create(dir_.file("p.tunebench")));
        tbeval::fill_project(*project_);
    }

    EvalRunOptions options(const std::string& set = "probe") const {
        EvalRunOptions o;
        o.set_name = set;
        o.generation.max_new_tokens = 12;
        o.generation.batch_size = 4;
        return o;
    }
    EvalTarget base() const { return EvalTarget::local(model_, std::nullopt, std::filesystem::path(template_)); }

    std::vector<std::string> outputs(const EvalRunResult& r) const {
        std::vector<std::string> out;
        for (const auto& item : r.items) out.push_back(item.output);
        return out;
    }
    std::string run_status(std::int64_t id) const { return tb::to_string(find_run(*project_, id)->status); }

    tbtest::TempDir dir_{"tb_evalrun_"};
    std::string model_, template_;
    std::optional<ProjectFile> project_;
};

TEST_F(EvalRunnerTest, BaseModelWithoutTemplateAsksForChatTemplateAndCreatesNoRun) {
    try {
        run_eval(*project_, EvalTarget::local(model_), options());
        FAIL() << "expected tb::Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("--chat-template"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(list_runs(*project_, tb::RunKind::Eval).empty());
}

TEST_F(EvalRunnerTest, UnknownSetNamesTheSetsThatExist) {
    try {
        run_eval(*project_, base(), options("nope"));
        FAIL() << "expected tb::Error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("probe"), std::string::npos) << e.what();
    }
}

TEST_F(EvalRunnerTest, StoresEveryOutputWithItsRubricScoreAndTheSettings) {
    const auto r = run_eval(*project_, base(), options());
    ASSERT_EQ(r.items.size(), 6u);
    EXPECT_EQ(run_status(r.run_id), "completed");

    const auto run = find_run(*project_, r.run_id);
    EXPECT_EQ(run->config["set"], "probe");
    EXPECT_EQ(run->config["seed"], 0);
    EXPECT_EQ(run->config["max_new_tokens"], 12);
    EXPECT_EQ(run->config["generation"]["greedy"], true);
    EXPECT_EQ(run->config["target"]["kind"], "local");
    EXPECT_TRUE(run->config["target"]["adapter"].is_null());
    EXPECT_EQ(run->config["chat_template_origin"].get<std::string>().rfind("explicit:", 0), 0u);
    EXPECT_FALSE(run->config["evaluated_at"].get<std::string>().empty());

    const auto stored = load_eval_outputs(*project_, r.run_id);
    ASSERT_EQ(stored.size(), r.items.size());
    const auto set = resolve_eval_set(*project_, "probe");
    double total = 0;
    std::size_t passed = 0;
    for (std::size_t i = 0; i < stored.size(); ++i) {
        EXPECT_EQ(stored[i].output, r.items[i].output);
        EXPECT_EQ(stored[i].key, set.items[i].key());
        // The stored verdict is the rubric's verdict on the stored answer.
        const auto rescored = score_item(set.items[i].rubric, stored[i].output);
        EXPECT_DOUBLE_EQ(stored[i].score, rescored.score);
        EXPECT_EQ(stored[i].passed, rescored.passed);
        ASSERT_EQ(stored[i].criteria.size(), 1u);
        EXPECT_EQ(stored[i].criteria[0].criterion, "1:contains");
        EXPECT_EQ(stored[i].settings["seed"], 0);
        total += stored[i].score;
        passed += stored[i].passed;
    }
    const auto summary = summarise_eval_outputs(stored);
    EXPECT_DOUBLE_EQ(summary.mean_score, total / 6.0);
    EXPECT_DOUBLE_EQ(summary.pass_rate, passed / 6.0);
    EXPECT_DOUBLE_EQ(r.pass_rate, summary.pass_rate);
    EXPECT_DOUBLE_EQ(r.mean_score, summary.mean_score);
}

TEST_F(EvalRunnerTest, SameSettingsAndSeedGiveTheSameOutputs) {
    const auto a = run_eval(*project_, base(), options());
    const auto b = run_eval(*project_, base(), options());
    EXPECT_NE(a.run_id, b.run_id);
    EXPECT_EQ(outputs(a), outputs(b));
    // Sampled generation repeats too, for the same seed.
    auto sampled = options();
    sampled.generation.sampling.greedy = false;
    sampled.generation.sampling.temperature = 1.5;
    sampled.generation.sampling.seed = 77;
    const auto c = run_eval(*project_, base(), sampled);
    const auto d = run_eval(*project_, base(), sampled);
    EXPECT_EQ(outputs(c), outputs(d));
    EXPECT_EQ(find_run(*project_, c.run_id)->config["seed"], 77);
    // A non-empty output somewhere: the test would mean little if the model only said EOS.
    std::size_t chars = 0;
    for (const auto& o : outputs(a)) chars += o.size();
    EXPECT_GT(chars, 0u);
}

TEST_F(EvalRunnerTest, AdapterBringsItsTemplateChangesOutputsAndLinksItsTrainRun) {
    const auto adapter = std::filesystem::path(dir_.file("adapter"));
    tbeval::write_adapter(model_, adapter, tbeval::kChatMl);
    // The trainer records its run id in the adapter folder.
    project_->prepare("INSERT INTO runs(kind, name, status) VALUES ('train', 't', 'completed')").run();
    const auto train_id = query_int64(project_->handle(), "SELECT MAX(id) FROM runs").value();
    tbeval::write_file(adapter / "tunebench_run.json", nlohmann::json{{"run_id", train_id}}.dump());

    const auto base_run = run_eval(*project_, base(), options());
    const auto tuned = run_eval(*project_, EvalTarget::local(model_, adapter), options());
    EXPECT_NE(outputs(base_run), outputs(tuned));
    const auto run = find_run(*project_, tuned.run_id);
    EXPECT_EQ(run->config["chat_template_origin"].get<std::string>().rfind("adapter:", 0), 0u);
    EXPECT_FALSE(run->config["target"]["adapter"].is_null());
    ASSERT_TRUE(run->parent_run_id.has_value());
    EXPECT_EQ(*run->parent_run_id, train_id);
    EXPECT_FALSE(find_run(*project_, base_run.run_id)->parent_run_id.has_value());
}

TEST_F(EvalRunnerTest, GoldenItemsCarryTheTagsOfTheirExamplesIntoComparisons) {
    const auto a = run_eval(*project_, base(), options());
    const auto results = load_tagged_eval_results(*project_, a.run_id);
    ASSERT_EQ(results.size(), 6u);
    // Items 0 and 1 are colours (red, blue), the others animals and things.
    EXPECT_EQ(results[0].tags, std::vector<std::string>{"topic:colour"});
    EXPECT_EQ(results[1].tags, std::vector<std::string>{"topic:colour"});
    EXPECT_EQ(results[2].tags, std::vector<std::string>{"topic:animal"});
    EXPECT_EQ(a.items[0].tags, std::vector<std::string>{"topic:colour"});
    const auto cmp = compare_runs(results, load_tagged_eval_results(*project_, a.run_id));
    ASSERT_EQ(cmp.per_tag.size(), 2u);
    EXPECT_EQ(cmp.per_tag[0].tag, "topic:animal");
    EXPECT_EQ(cmp.per_tag[0].items, 4u);
    EXPECT_EQ(cmp.per_tag[1].items, 2u);
}

TEST_F(EvalRunnerTest, ValidationSetIsTheValidationSplitScoredAgainstItsAnswers) {
    const auto r = run_eval(*project_, base(), options("validation"));
    const auto validation =
        query_int64(project_->handle(), "SELECT COUNT(*) FROM splits WHERE split = 'validation'").value();
    ASSERT_GT(validation, 0);
    EXPECT_EQ(static_cast<std::int64_t>(r.items.size()), validation);
    for (const auto& item : r.items) {
        EXPECT_EQ(item.key.rfind("example:", 0), 0u);
        EXPECT_FALSE(item.tags.empty());
        EXPECT_EQ(item.score.criteria.size(), 1u);
        EXPECT_EQ(item.score.criteria[0].kind, CriterionKind::exact);
    }
}

TEST_F(EvalRunnerTest, GeneralSetResolution) {
    EXPECT_THROW(resolve_eval_set(*project_, "general"), Error);
    // Examples tagged "general" make the general set ...
    auto ids = query_int64(project_->handle(), "SELECT MIN(id) FROM examples").value();
    add_tag(*project_, ids, "general");
    add_tag(*project_, ids + 1, "general");
    auto set = resolve_eval_set(*project_, "general");
    EXPECT_EQ(set.source, "general_examples");
    EXPECT_EQ(set.items.size(), 2u);
    // ... until there is one golden set of kind general,
    auto general = create_golden_set(*project_, "everyday", GoldenKind::general);
    GoldenItem item;
    item.set_id = general;
    item.messages = {tbeval::message("user", "2+2?")};
    item.reference = "4";
    item.rubric = parse_rubric(nlohmann::json::parse(R"([{"kind": "numeric", "expected": 4}])"));
    add_golden_item(*project_, item);
    set = resolve_eval_set(*project_, "general");
    EXPECT_EQ(set.golden_set, "everyday");
    // ... or the user names one (any kind).
    set_general_set_name(*project_, "probe");
    EXPECT_EQ(resolve_eval_set(*project_, "general").golden_set, "probe");
    EXPECT_THROW(set_general_set_name(*project_, "missing"), Error);
}

TEST_F(EvalRunnerTest, CancelledRunIsMarkedCancelled) {
    JobContext ctx;
    ctx.cancel = std::make_shared<CancelToken>();
    ctx.cancel->cancel();
    EXPECT_THROW(run_eval(*project_, base(), options(), ctx), Cancelled);
    const auto runs = list_runs(*project_, tb::RunKind::Eval);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].status, tb::RunStatus::Cancelled);
    EXPECT_TRUE(load_eval_outputs(*project_, runs[0].id).empty());
}

TEST_F(EvalRunnerTest, ProgressIsReportedInItems) {
    JobContext ctx;
    std::int64_t last_done = -1, total = 0;
    ctx.progress = [&](const Progress& p) {
        last_done = p.done;
        total = p.total;
    };
    run_eval(*project_, base(), options(), ctx);
    EXPECT_EQ(total, 6);
    EXPECT_EQ(last_done, 6);
}

TEST_F(EvalRunnerTest, RemoteEndpointAnswersAreScoredAndTheKeyIsNeverStored) {
    tbeval::EchoServer server("you said: ");
    ::setenv("TB_EVAL_TEST_KEY", "sk-secret-123", 1);
    const auto target = EvalTarget::remote(server.url(), "echo-1", "TB_EVAL_TEST_KEY");
    const auto r = run_eval(*project_, target, options());
    ASSERT_EQ(r.items.size(), 6u);
    // The echo contains the prompt's word, so every contains criterion passes.
    EXPECT_DOUBLE_EQ(r.pass_rate, 1.0);
    EXPECT_EQ(r.items[0].output, "you said: say red 0");
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 6u);
    EXPECT_NE(requests[0].find("Bearer sk-secret-123"), std::string::npos);
    EXPECT_NE(requests[0].find("\"model\":\"echo-1\""), std::string::npos);
    const auto run = find_run(*project_, r.run_id);
    EXPECT_EQ(run->config["target"]["api_key_env"], "TB_EVAL_TEST_KEY");
    EXPECT_EQ(run->config["target"]["kind"], "remote");
    project_.reset();  // close, so every page is in the file
    std::ifstream in(dir_.file("p.tunebench"), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    EXPECT_EQ(bytes.str().find("sk-secret-123"), std::string::npos);
    ::unsetenv("TB_EVAL_TEST_KEY");
}

TEST(EvalSetAge, DaysSinceTheLastItemWithAWarningPast90Days) {
    tbtest::TempDir dir("tb_evalage_");
    auto project = ProjectFile::create(dir.file("p.tunebench"));
    auto set = create_golden_set(project, "s", GoldenKind::task);
    GoldenItem item;
    item.set_id = set;
    item.messages = {tbeval::message("user", "q")};
    item.reference = "a";
    item.rubric = reference_rubric("a");
    auto id = add_golden_item(project, item);
    project.prepare("UPDATE golden_items SET created_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").bind(1, id).run();
    auto fresh = eval_set_age(project, "s", "2026-02-15T12:00:00Z");
    EXPECT_NEAR(fresh.days, 45.5, 1e-9);
    EXPECT_FALSE(fresh.stale);
    auto old = eval_set_age(project, "s", "2026-04-02T00:00:00Z");
    EXPECT_NEAR(old.days, 91.0, 1e-9);
    EXPECT_TRUE(old.stale);
    EXPECT_NE(old.warning.find("91 days"), std::string::npos) << old.warning;
    EXPECT_THROW(eval_set_age(project, "missing"), Error);
}

}  // namespace
}  // namespace tb
