#include "core/advisor/decision_store.h"

#include <filesystem>

#include <gtest/gtest.h>
#include <unistd.h>

#include "core/advisor/advice.h"
#include "core/project/project_file.h"

namespace {

namespace fs = std::filesystem;

tb::Advice style_advice() {
    tb::AdviceRequest request;
    request.answers = {{"goal", "tickets in our tone"},
                       {"task", "style"},
                       {"knowledge_changes_often", false},
                       {"needs_citations", false},
                       {"model_can_do_it_with_examples", false}};
    return *tb::evaluate(tb::DecisionTree::builtin(), request).advice;
}

TEST(DecisionStore, StoresAndReadsBackDecisions) {
    fs::path path =
        fs::path(testing::TempDir()) / ("tb_advisor_decisions_" + std::to_string(::getpid()) + ".tunebench");
    fs::remove(path);
    tb::Advice advice = style_advice();
    {
        tb::ProjectFile project = tb::ProjectFile::create(path.string());
        EXPECT_FALSE(tb::latest_decision(project));
        tb::Decision first = tb::make_decision(advice, "Ada", std::nullopt, "", "2026-11-28T16:00:00Z");
        tb::Decision second = tb::make_decision(advice, "Grace", tb::Approach::prompting,
                                                "no budget for GPUs this quarter", "2026-11-28T17:00:00Z");
        std::int64_t id1 = tb::store_decision(project, first);
        std::int64_t id2 = tb::store_decision(project, second);
        EXPECT_LT(id1, id2);
    }
    // Reopened from disk: what was committed survives.
    tb::ProjectFile project = tb::ProjectFile::open(path.string());
    std::vector<tb::StoredDecision> all = tb::list_decisions(project);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].decision.decided_by, "Ada");
    EXPECT_EQ(all[0].decision.chosen(), tb::Approach::fine_tune);
    EXPECT_EQ(all[0].decision.answers, advice.answers);
    EXPECT_EQ(all[0].created_at, "2026-11-28T16:00:00Z");
    EXPECT_EQ(all[1].decision.recommended, tb::Approach::fine_tune);
    ASSERT_TRUE(all[1].decision.override_with);
    EXPECT_EQ(*all[1].decision.override_with, tb::Approach::prompting);
    EXPECT_EQ(all[1].decision.override_reason, "no budget for GPUs this quarter");
    EXPECT_EQ(tb::latest_decision(project)->id, all[1].id);

    // The recommendation column holds what was decided, readable without parsing JSON.
    tb::Statement s =
        project.prepare("SELECT recommendation, json_extract(answers, '$.task') FROM decisions ORDER BY id");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.column_text(0), "fine-tune");
    EXPECT_EQ(s.column_text(1), "style");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.column_text(0), "prompting");
    fs::remove(path);
}

}  // namespace
