// A project at a glance (core/overview/project_overview.h), counted by hand: six examples,
// four of them split (so two unassigned, under the word every split count uses), two
// reviews, a tag below its coverage target, a golden set, no decision, and runs newest first.
#include "core/overview/project_overview.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "core/curation/golden_sets.h"
#include "core/curation/reviews.h"
#include "core/curation/settings.h"
#include "core/curation/splits.h"
#include "core/curation/tags.h"
#include "core/project/examples.h"
#include "core/project/project_stats.h"
#include "core/project/runs.h"
#include "curation/curation_test_util.h"

namespace {

TEST(ProjectOverview, CountsWhatEachStageOwnsAndListsRunsNewestFirst) {
    tbtest::TempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    const auto ids = tbtest::add_distinct_examples(project, 0, 6);
    project.exec("INSERT INTO splits(example_id, split) VALUES (" + std::to_string(ids[0]) + ", 'train'), (" +
                 std::to_string(ids[1]) + ", 'train'), (" + std::to_string(ids[2]) + ", 'train'), (" +
                 std::to_string(ids[3]) + ", 'validation')");
    tb::record_review(project, {ids[0], "Ada", tb::Verdict::accept, "", false});
    tb::record_review(project, {ids[1], "Ada", tb::Verdict::reject, "", false});
    tb::add_tag(project, ids[4], "billing");
    tb::set_coverage_target(project, "billing", 0.5);  // 1 of 6 examples: below
    tb::create_golden_set(project, "support", tb::GoldenKind::task);
    const auto first = tb::create_run(project, tb::RunKind::Train, "first", nlohmann::json::object());
    const auto second = tb::create_run(project, tb::RunKind::Eval, "second", nlohmann::json::object());
    const auto third = tb::create_run(project, tb::RunKind::Train, "third", nlohmann::json::object());

    const tb::OverviewSummary summary = tb::gather_overview(project, 2);
    EXPECT_EQ(summary.path, project.path());
    EXPECT_EQ(summary.reviews.examples, 6);
    EXPECT_EQ(summary.reviews.accepted, 1);
    EXPECT_EQ(summary.reviews.rejected, 1);
    EXPECT_EQ(summary.splits.at("train"), 3);
    EXPECT_EQ(summary.splits.at("validation"), 1);
    EXPECT_EQ(summary.splits.at(tb::kUnassignedSplit), 2);
    EXPECT_EQ(summary.coverage_gaps, std::vector<std::string>{"billing"});
    ASSERT_EQ(summary.golden_sets.size(), 1u);
    EXPECT_EQ(summary.golden_sets[0].name, "support");
    EXPECT_FALSE(summary.decision);
    EXPECT_EQ(summary.runs_total, 3);
    ASSERT_EQ(summary.latest_runs.size(), 2u);
    EXPECT_EQ(summary.latest_runs[0].id, third);
    EXPECT_EQ(summary.latest_runs[1].id, second);
    EXPECT_EQ(tb::gather_overview(project, 10).latest_runs.back().id, first);

    // The two places that count splits say "unassigned" alike.
    const auto stats = tb::compute_project_stats(project);
    EXPECT_EQ(stats.splits.at(tb::kUnassignedSplit), 2u);
    EXPECT_EQ(stats.splits.count("none"), 0u);
    tb::ExampleFilter unassigned;
    unassigned.split = tb::kUnassignedSplit;
    EXPECT_EQ(tb::count_examples(project, unassigned), 2);
}

}  // namespace
