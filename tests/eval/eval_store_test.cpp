#include "core/eval/eval_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "core/common/error.h"
#include "core/curation/golden_sets.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"
#include "core/project/statement.h"

namespace tb {
namespace {

class EvalStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = std::filesystem::temp_directory_path() /
               (std::string("tb_eval_") + info->name() + "_" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        project_.emplace(ProjectFile::create((dir_ / "p.tunebench").string()));
        import_golden_jsonl(*project_, "tickets",
                            std::string(TUNEBENCH_SOURCE_DIR) + "/examples/support-tickets/golden.jsonl",
                            GoldenKind::task);
        items_ = golden_items(*project_, find_golden_set(*project_, "tickets")->id);
    }
    void TearDown() override {
        project_.reset();
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }

    // Scores the first n golden items; items in `wrong` get an answer with a wrong category.
    std::vector<EvalOutputRecord> answers(std::size_t n, const std::set<std::size_t>& wrong = {}) const {
        std::vector<EvalOutputRecord> out;
        for (std::size_t i = 0; i < n; ++i) {
            EvalOutputRecord r;
            r.golden_item_id = items_[i].id;
            r.output = items_[i].reference;
            if (wrong.count(i)) {
                auto j = nlohmann::json::parse(r.output);
                j["category"] = "wrong";
                r.output = j.dump();
            }
            r.settings = {{"temperature", 0}};
            r.score = score_item(items_[i].rubric, r.output);
            out.push_back(std::move(r));
        }
        return out;
    }

    std::int64_t count(const std::string& sql) const { return query_int64(project_->handle(), sql).value_or(-1); }

    std::filesystem::path dir_;
    std::optional<ProjectFile> project_;
    std::vector<GoldenItem> items_;
};

TEST_F(EvalStoreTest, CreatesRunStoresScoresAndLoadsResults) {
    ASSERT_EQ(items_.size(), 120u);
    const auto run = create_run(*project_, tb::RunKind::Eval, "baseline", {{"model", "tiny"}, {"set", "tickets"}});
    auto ids = store_eval_outputs(*project_, run, answers(10, {3}));
    ASSERT_EQ(ids.size(), 10u);
    finish_run(*project_, run, tb::RunStatus::Completed);

    EXPECT_EQ(count("SELECT COUNT(*) FROM runs WHERE kind = 'eval' AND status = 'completed' AND ended_at IS NOT NULL"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM eval_outputs"), 10);
    // 5 criteria + the item summary per output
    EXPECT_EQ(count("SELECT COUNT(*) FROM eval_scores"), 60);
    EXPECT_EQ(count("SELECT COUNT(*) FROM eval_scores WHERE criterion = '2:json_field:category' AND score = 0"), 1);

    auto results = load_eval_results(*project_, run);
    ASSERT_EQ(results.size(), 10u);
    EXPECT_EQ(results[0].id, "golden:" + std::to_string(items_[0].id));
    for (std::size_t i = 0; i < results.size(); ++i) {
        EXPECT_EQ(results[i].passed, i != 3) << i;
        EXPECT_DOUBLE_EQ(results[i].score, i == 3 ? 0.8 : 1.0) << i;
    }
}

TEST_F(EvalStoreTest, TwoStoredRunsCompare) {
    const auto a = create_run(*project_, tb::RunKind::Eval, "a", nlohmann::json::object());
    const auto b = create_run(*project_, tb::RunKind::Eval, "b", nlohmann::json::object());
    store_eval_outputs(*project_, a, answers(40));
    store_eval_outputs(*project_, b, answers(40, {1, 5, 9, 13, 17, 21, 25, 29}));
    auto c = compare_runs(load_eval_results(*project_, a), load_eval_results(*project_, b));
    EXPECT_EQ(c.overall.items, 40u);
    EXPECT_EQ(c.overall.mcnemar.only_a_passes, 8u);
    EXPECT_TRUE(c.overall.regression);
    EXPECT_LT(c.overall.mcnemar.p_value, 0.05);
}

TEST_F(EvalStoreTest, OneTransactionAllOrNothing) {
    const auto run = create_run(*project_, tb::RunKind::Eval, "r", nlohmann::json::object());
    auto records = answers(5);
    records[4].golden_item_id = 999999;  // violates the foreign key: the whole batch must roll back
    EXPECT_THROW(store_eval_outputs(*project_, run, records), Error);
    EXPECT_EQ(count("SELECT COUNT(*) FROM eval_outputs"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM eval_scores"), 0);
}

TEST_F(EvalStoreTest, RejectsMissingAndNonEvalRuns) {
    EXPECT_THROW(store_eval_outputs(*project_, 42, answers(1)), Error);
    EXPECT_THROW(load_eval_results(*project_, 42), Error);
    project_->exec("INSERT INTO runs(kind, name) VALUES ('train', 't')");
    const auto train = count("SELECT id FROM runs WHERE kind = 'train'");
    EXPECT_THROW(store_eval_outputs(*project_, train, answers(1)), Error);
    EXPECT_THROW(finish_run(*project_, train, tb::RunStatus::Completed), Error);
    const auto run = create_run(*project_, tb::RunKind::Eval, "r", nlohmann::json::object(), train);
    EXPECT_EQ(count("SELECT parent_run_id FROM runs WHERE id = " + std::to_string(run)), train);
    EXPECT_THROW(finish_run(*project_, run, tb::RunStatus::Running), Error);       // not an end
    EXPECT_THROW(finish_run(*project_, run, tb::RunStopReason::AllSteps), Error);  // eval runs record no reason
    EXPECT_THROW(create_run(*project_, tb::RunKind::Eval, "r", nlohmann::json::array()), Error);
}

TEST_F(EvalStoreTest, PendingJudgeCriteriaAreNotStored) {
    const auto run = create_run(*project_, tb::RunKind::Eval, "r", nlohmann::json::object());
    EvalOutputRecord r;
    r.example_id = std::nullopt;
    r.output = "Paris.";
    r.score = score_item(parse_rubric(nlohmann::json::parse(
                             R"([{"kind": "contains", "expected": "Paris"}, {"kind": "judge", "pass": "polite"}])")),
                         r.output);
    store_eval_outputs(*project_, run, {r});
    EXPECT_EQ(count("SELECT COUNT(*) FROM eval_scores"), 2);  // contains + item
    auto results = load_eval_results(*project_, run);
    ASSERT_EQ(results.size(), 1u);
    EXPECT_EQ(results[0].id.rfind("output:", 0), 0u);
    EXPECT_TRUE(results[0].passed);
}

}  // namespace
}  // namespace tb
