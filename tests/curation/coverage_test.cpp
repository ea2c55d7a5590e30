#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/curation/coverage.h"
#include "core/curation/settings.h"
#include "core/curation/tags.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

TEST(Coverage, MissingExamplesForATarget) {
    // 2 of 100 adversarial, target 5%: (2 + k) / (100 + k) >= 0.05  <=>  k >= 3 / 0.95 = 3.16 -> 4.
    EXPECT_EQ(tb::examples_missing_for_target(2, 100, 0.05), 4);
    EXPECT_EQ(tb::examples_missing_for_target(5, 100, 0.05), 0);
    EXPECT_EQ(tb::examples_missing_for_target(0, 0, 0.05), 1);
    EXPECT_EQ(tb::examples_missing_for_target(0, 10, 0.5), 10);
    EXPECT_EQ(tb::examples_missing_for_target(3, 10, 0.0), 0);
}

TEST(Coverage, SharesTargetsAndGaps) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto ids = add_distinct_examples(project, 0, 40);
    tb::ensure_builtin_tags(project);
    tb::add_tag(project, ids[0], "adversarial");
    for (int i = 0; i < 10; ++i) tb::add_tag(project, ids[i], "topic:billing");
    tb::set_coverage_target(project, "adversarial", 0.05);
    tb::set_coverage_target(project, "topic:billing", 0.2);
    tb::set_coverage_target(project, "should-refuse", 0.1);
    EXPECT_THROW(tb::set_coverage_target(project, "x", 1.5), tb::Error);

    auto report = tb::coverage_report(project);
    EXPECT_EQ(report.examples, 40);
    std::map<std::string, tb::TagCoverage> by_tag;
    for (const auto& t : report.tags) by_tag[t.tag] = t;
    EXPECT_EQ(by_tag["adversarial"].examples, 1);
    EXPECT_DOUBLE_EQ(by_tag["adversarial"].share, 0.025);
    EXPECT_TRUE(by_tag["adversarial"].below_target);
    EXPECT_EQ(by_tag["adversarial"].missing, 2);  // (1 + k) / (40 + k) >= 0.05 -> k >= 1.05
    EXPECT_FALSE(by_tag["topic:billing"].below_target);
    EXPECT_DOUBLE_EQ(by_tag["topic:billing"].share, 0.25);
    EXPECT_TRUE(by_tag["should-refuse"].below_target);
    EXPECT_EQ(by_tag["should-refuse"].missing, 5);  // k / (40 + k) >= 0.1 -> k >= 4.44
    EXPECT_FALSE(by_tag["ambiguous"].target.has_value());

    tb::remove_coverage_target(project, "should-refuse");
    EXPECT_EQ(tb::coverage_targets(project).size(), 2u);
}

TEST(Coverage, TurnAndLengthDistributions) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    add_example(project, chat("abc", "de"));                                 // 2 turns, 5 chars
    add_example(project, chat("hello there", std::string(100, 'x'), "s"));   // 3 turns, 112 chars
    add_example(project, chat(std::string(60, 'q'), std::string(70, 'r')));  // 2 turns, 130 chars
    auto report = tb::coverage_report(project);
    EXPECT_EQ(report.turns.at(2), 2);
    EXPECT_EQ(report.turns.at(3), 1);
    EXPECT_EQ(report.characters_max, 130);
    EXPECT_EQ(report.characters_p50, 112);
    ASSERT_EQ(report.characters.lower_bounds, (std::vector<std::int64_t>{0, 64, 128}));
    EXPECT_EQ(report.characters.counts, (std::vector<std::int64_t>{1, 1, 1}));
}

}  // namespace
