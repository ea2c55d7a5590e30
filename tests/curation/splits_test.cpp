#include <gtest/gtest.h>

#include <map>

#include "core/common/error.h"
#include "core/curation/splits.h"
#include "core/curation/tags.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

std::map<std::int64_t, std::string> assignment(const tb::ProjectFile& project) {
    std::map<std::int64_t, std::string> out;
    auto s = project.prepare("SELECT example_id, split FROM splits ORDER BY example_id");
    while (s.step()) out[s.column_int64(0)] = s.column_text(1);
    return out;
}

TEST(Splits, ValidationShareIsTheFractionOfEveryExample) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    add_distinct_examples(project, 0, 500);
    tb::SplitOptions options;
    options.seed = 7;
    auto result = tb::assign_splits(project, options);
    EXPECT_EQ(result.newly_assigned, 500);
    EXPECT_EQ(result.counts["validation"], 60);  // round(0.12 * 500)
    EXPECT_EQ(result.counts["train"], 440);
    auto counts = tb::split_counts(project);
    EXPECT_EQ(counts["unassigned"], 0);
    EXPECT_EQ(counts["validation"], 60);
}

TEST(Splits, SameSeedSameAssignmentOtherSeedDiffers) {
    CurationTempDir dir;
    auto first = tb::ProjectFile::create(dir.file("a.tunebench"));
    auto second = tb::ProjectFile::create(dir.file("b.tunebench"));
    auto third = tb::ProjectFile::create(dir.file("c.tunebench"));
    for (auto* p : {&first, &second, &third}) add_distinct_examples(*p, 0, 300);
    tb::SplitOptions options;
    options.seed = 42;
    tb::assign_splits(first, options);
    tb::assign_splits(second, options);
    options.seed = 43;
    tb::assign_splits(third, options);
    EXPECT_EQ(assignment(first), assignment(second));
    EXPECT_NE(assignment(first), assignment(third));
}

TEST(Splits, AddingExamplesNeverMovesExistingOnesAndKeepsTheShare) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    add_distinct_examples(project, 0, 400);
    tb::SplitOptions options;
    options.seed = 3;
    tb::assign_splits(project, options);
    auto before = assignment(project);

    add_distinct_examples(project, 400, 250);
    auto result = tb::assign_splits(project, options);
    EXPECT_EQ(result.kept, 400);
    EXPECT_EQ(result.newly_assigned, 250);
    auto after = assignment(project);
    for (const auto& [id, split] : before) EXPECT_EQ(after.at(id), split) << "example " << id << " moved";
    EXPECT_EQ(result.counts["validation"], 78);  // round(0.12 * 650): the new ones fill the gap exactly
    // Running again with nothing new changes nothing.
    auto again = tb::assign_splits(project, options);
    EXPECT_EQ(again.newly_assigned, 0);
    EXPECT_EQ(assignment(project), after);
}

TEST(Splits, StratifiedByTagGroupHoldsTheShareInEachStratum) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 600);
    // 450 billing, 100 shipping, 50 with no topic.
    project.transaction([&] {
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (i < 450)
                tb::add_tag(project, ids[i], "topic:billing");
            else if (i < 550)
                tb::add_tag(project, ids[i], "topic:shipping");
        }
    });
    tb::SplitOptions options;
    options.seed = 11;
    options.stratify_by = "topic";
    auto result = tb::assign_splits(project, options);
    EXPECT_EQ(result.by_stratum["billing"]["validation"], 54);   // round(0.12 * 450)
    EXPECT_EQ(result.by_stratum["shipping"]["validation"], 12);  // round(0.12 * 100)
    EXPECT_EQ(result.by_stratum[""]["validation"], 6);           // round(0.12 * 50)
    EXPECT_EQ(result.by_stratum["billing"]["train"], 396);
}

TEST(Splits, DuplicatePromptsStayTogether) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    add_distinct_examples(project, 0, 200);
    // Same question three times with different answers and spelling: one group.
    std::vector<std::int64_t> twins = {
        add_example(project, chat("Where is my parcel?", "It ships today.")),
        add_example(project, chat("where is my  parcel", "Tomorrow.")),
        add_example(project, chat("WHERE IS MY PARCEL!!", "Let me check.")),
    };
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        project.exec("DELETE FROM splits");
        tb::SplitOptions options;
        options.seed = seed;
        tb::assign_splits(project, options);
        auto a = assignment(project);
        EXPECT_EQ(a.at(twins[0]), a.at(twins[1])) << "seed " << seed;
        EXPECT_EQ(a.at(twins[0]), a.at(twins[2])) << "seed " << seed;
    }
}

TEST(Splits, NewDuplicateOfAValidationExampleJoinsValidation) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    add_distinct_examples(project, 0, 100);
    tb::SplitOptions options;
    tb::assign_splits(project, options);
    auto s = project.prepare(
        "SELECT e.messages FROM splits AS s JOIN examples AS e ON e.id = s.example_id "
        "WHERE s.split = 'validation' LIMIT 1");
    ASSERT_TRUE(s.step());
    auto held_out = tb::example_from_json(nlohmann::json::parse(s.column_text(0)));
    tb::Example twin = chat(held_out.messages[0].content, "a different answer");
    std::int64_t twin_id = add_example(project, twin);
    tb::assign_splits(project, options);
    EXPECT_EQ(assignment(project).at(twin_id), "validation");
}

TEST(Splits, FractionOutsideTenToFifteenPercentIsRefused) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    add_distinct_examples(project, 0, 10);
    tb::SplitOptions options;
    options.validation_fraction = 0.3;
    EXPECT_THROW(tb::assign_splits(project, options), tb::Error);
    EXPECT_EQ(tb::split_counts(project)["unassigned"], 10);
}

TEST(Splits, StratumOfTags) {
    EXPECT_EQ(tb::stratum_of({"topic:b", "topic:a", "x"}, "topic"), "a");
    EXPECT_EQ(tb::stratum_of({"hard"}, "hard"), "hard");
    EXPECT_EQ(tb::stratum_of({"topical:x"}, "topic"), "");
}

}  // namespace
