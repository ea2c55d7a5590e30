#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/curation/tags.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

TEST(Tags, BuiltinEdgeCaseTagsExist) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    tb::ensure_builtin_tags(project);
    tb::ensure_builtin_tags(project);
    auto tags = tb::list_tags(project);
    ASSERT_EQ(tags.size(), 4u);
    EXPECT_EQ(tags[0].name, "adversarial");
    EXPECT_EQ(tags[3].name, "should-refuse");
    for (const auto& t : tags) EXPECT_TRUE(t.builtin);
}

TEST(Tags, BulkTagFromSearchAndFilter) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t refund1 = add_example(project, chat("I want a refund for my order", "Sure."));
    std::int64_t refund2 = add_example(project, chat("Refunding takes how long?", "Five days."));
    std::int64_t other = add_example(project, chat("My router blinks red", "Restart it."));
    tb::ExampleFilter search;
    search.text = "refund";  // prefix match on the last word: refund, refunding
    EXPECT_EQ(tb::tag_matching(project, search, "topic:refunds"), 2);
    EXPECT_EQ(tb::tag_matching(project, search, "topic:refunds"), 0);  // already tagged
    EXPECT_EQ(tb::tags_of(project, refund1), std::vector<std::string>{"topic:refunds"});
    EXPECT_EQ(tb::tags_of(project, refund2), std::vector<std::string>{"topic:refunds"});
    EXPECT_TRUE(tb::tags_of(project, other).empty());

    tb::ExampleFilter by_tag;
    by_tag.tag = "topic:refunds";
    EXPECT_EQ(tb::tag_matching(project, by_tag, "adversarial"), 2);
    EXPECT_EQ(tb::untag_matching(project, search, "adversarial"), 2);
    EXPECT_EQ(tb::tag_examples(project, {other}, "ambiguous"), 1);
    EXPECT_THROW(tb::tag_examples(project, {other, 12345}, "ambiguous"), tb::Error);
    EXPECT_TRUE(tb::remove_tag(project, other, "ambiguous"));
    EXPECT_FALSE(tb::remove_tag(project, other, "ambiguous"));
    EXPECT_TRUE(tb::delete_tag(project, "topic:refunds"));
    EXPECT_TRUE(tb::tags_of(project, refund1).empty());
}

TEST(Tags, NamesAreValidated) {
    EXPECT_THROW(tb::validate_tag_name(""), tb::Error);
    EXPECT_THROW(tb::validate_tag_name(" x"), tb::Error);
    EXPECT_THROW(tb::validate_tag_name(std::string("a\x1f"
                                                   "b")),
                 tb::Error);
    EXPECT_NO_THROW(tb::validate_tag_name("difficulty:hard"));
}

}  // namespace
