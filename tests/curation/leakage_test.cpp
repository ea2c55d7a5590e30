#include <gtest/gtest.h>

#include "core/curation/golden_sets.h"
#include "core/curation/leakage.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

void set_split(tb::ProjectFile& project, std::int64_t id, const std::string& split) {
    auto s = project.prepare("INSERT OR REPLACE INTO splits(example_id, split) VALUES (?, ?)");
    s.bind(1, id).bind(2, split).run();
}

const std::string kLongQuestion =
    "My laptop battery drains from full to empty in about forty minutes even when the screen is dimmed "
    "and no applications are running in the background, what can I do about it";

TEST(Leakage, ExactPromptAcrossTrainAndValidation) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 30);
    for (auto id : ids) set_split(project, id, "train");
    std::int64_t a = add_example(project, chat("Where is my parcel?", "Shipped."));
    std::int64_t b = add_example(project, chat("where is my parcel", "Arrives Monday."));
    set_split(project, a, "train");
    set_split(project, b, "validation");

    auto report = tb::check_leakage(project);
    ASSERT_EQ(report.pairs.size(), 1u);
    EXPECT_EQ(report.pairs[0].a.set, "train");
    EXPECT_EQ(report.pairs[0].a.id, a);
    EXPECT_EQ(report.pairs[0].b.set, "validation");
    EXPECT_EQ(report.pairs[0].b.id, b);
    EXPECT_EQ(report.pairs[0].kind, "exact");
    EXPECT_DOUBLE_EQ(report.pairs[0].similarity, 1.0);
    EXPECT_EQ(report.pairs_by_sets["train/validation"], 1);
}

TEST(Leakage, NearDuplicateAgainstGoldenSet) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 40);
    for (auto id : ids) set_split(project, id, "train");
    // One word changed at the very end: most 5-word shingles survive.
    std::int64_t leaked = add_example(project, chat(kLongQuestion + " please", "Check the power settings."));
    set_split(project, leaked, "train");
    std::int64_t set_id = tb::create_golden_set(project, "support", tb::GoldenKind::task);
    tb::GoldenItem item;
    item.set_id = set_id;
    item.messages = {{"user", kLongQuestion + " thanks", "", nullptr, "", std::nullopt}};
    item.reference = "Calibrate the battery.";
    tb::Criterion c;
    c.kind = tb::CriterionKind::contains;
    c.expected = "battery";
    item.rubric.criteria = {c};
    std::int64_t item_id = tb::add_golden_item(project, item);

    auto report = tb::check_leakage(project);
    ASSERT_EQ(report.pairs.size(), 1u);
    EXPECT_EQ(report.pairs[0].kind, "near");
    EXPECT_EQ(report.pairs[0].a.id, leaked);
    EXPECT_EQ(report.pairs[0].b.set, "golden:support");
    EXPECT_EQ(report.pairs[0].b.id, item_id);
    EXPECT_GE(report.pairs[0].similarity, 0.8);
    EXPECT_LT(report.pairs[0].similarity, 1.0);

    tb::LeakageOptions exact_only;
    exact_only.near = false;
    EXPECT_TRUE(tb::check_leakage(project, exact_only).pairs.empty());
}

TEST(Leakage, DuplicatesInsideOneSideAreNotLeaks) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t a = add_example(project, chat(kLongQuestion, "One."));
    std::int64_t b = add_example(project, chat(kLongQuestion, "Two."));
    std::int64_t c = add_example(project, chat(kLongQuestion, "Three."));
    set_split(project, a, "train");
    // b stays unassigned (trainable too); c is validation.
    set_split(project, c, "validation");
    auto report = tb::check_leakage(project);
    ASSERT_EQ(report.pairs.size(), 2u);  // a-c and b-c, never a-b
    for (const auto& p : report.pairs) EXPECT_EQ(p.b.id, c);
    EXPECT_EQ(report.pairs[0].a.id, a);
    EXPECT_EQ(report.pairs[1].a.id, b);
    EXPECT_EQ(report.pairs[1].a.set, "unassigned");
}

TEST(Leakage, SetsThatMustNotOverlap) {
    EXPECT_TRUE(tb::sets_must_not_overlap("train", "validation"));
    EXPECT_TRUE(tb::sets_must_not_overlap("unassigned", "golden:x"));
    EXPECT_TRUE(tb::sets_must_not_overlap("validation", "golden:x"));
    EXPECT_FALSE(tb::sets_must_not_overlap("train", "unassigned"));
    EXPECT_FALSE(tb::sets_must_not_overlap("golden:x", "golden:y"));
    EXPECT_FALSE(tb::sets_must_not_overlap("validation", "validation"));
}

}  // namespace
