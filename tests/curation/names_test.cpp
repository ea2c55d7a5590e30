// One rule for every name a user gives (core/curation/names.h): the tag rule, now also for
// golden sets, guideline versions and reviewers (regression suites: tests/eval).
#include "core/curation/names.h"

#include <gtest/gtest.h>

#include <functional>

#include "common/error_text.h"
#include "core/common/error.h"
#include "core/curation/golden_sets.h"
#include "core/curation/staleness.h"
#include "core/curation/tags.h"
#include "curation/curation_test_util.h"

namespace {

using tbtest::error_of;

TEST(Names, TheRule) {
    EXPECT_EQ(error_of([] { tb::validate_name("difficulty:hard", "tag"); }), "(no error)");
    EXPECT_EQ(error_of([] { tb::validate_name("Kundenanfragen Größe", "golden set"); }), "(no error)");
    EXPECT_EQ(error_of([] { tb::validate_name(std::string(200, 'n'), "tag"); }), "(no error)");
    EXPECT_EQ(error_of([] { tb::validate_name("", "golden set"); }), "a golden set needs a name");
    EXPECT_EQ(error_of([] { tb::validate_name("two\nlines", "golden set"); }),
              "golden set name 'two?lines' contains a control character (a newline, a tab, ...)");
    EXPECT_EQ(error_of([] { tb::validate_name("tab\there", "tag"); }),
              "tag name 'tab?here' contains a control character (a newline, a tab, ...)");
    EXPECT_EQ(error_of([] { tb::validate_name(" x", "tag"); }), "tag name ' x' starts or ends with a space");
    EXPECT_EQ(error_of([] { tb::validate_name("\xff\xfe", "tag"); }), "a tag name must be valid UTF-8 text");
    // Quoted names are cut at a character boundary: the message stays valid UTF-8.
    EXPECT_EQ(error_of([] { tb::validate_name(std::string(39, 'a') + "\xc3\xa4" + std::string(200, 'b'), "tag"); }),
              "tag name '" + std::string(39, 'a') + "...' is 241 bytes long: names are limited to 200 bytes");
    // A 100 KB name is refused, and the message quotes 40 bytes of it, not 100 KB.
    const auto long_error = error_of([] { tb::validate_name(std::string(100 * 1024, 'g'), "golden set"); });
    EXPECT_EQ(long_error,
              "golden set name '" + std::string(40, 'g') + "...' is 102400 bytes long: names are limited to 200 bytes");
    EXPECT_EQ(error_of([] { tb::validate_name(std::string(201, 'n'), "tag"); }),
              "tag name '" + std::string(40, 'n') + "...' is 201 bytes long: names are limited to 200 bytes");
}

TEST(Names, GoldenSetsTagsAndGuidelineVersionsFollowIt) {
    tbtest::CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    const std::string newline = "night\nly", huge(100 * 1024, 'x');
    for (const auto& bad : {newline, huge}) {
        EXPECT_THROW(tb::create_golden_set(project, bad, tb::GoldenKind::task), tb::Error);
        EXPECT_THROW(tb::ensure_tag(project, bad), tb::Error);
        EXPECT_THROW(tb::set_guideline_version(project, bad, {}), tb::Error);
        const auto file = dir.write("g.jsonl", R"({"messages": [{"role": "user", "content": "hi"}], "reference": "x",)"
                                               R"( "rubric": [{"kind": "contains", "expected": "x"}]})"
                                               "\n");
        EXPECT_NE(error_of([&] {
                      tb::import_golden_jsonl(project, bad, file, tb::GoldenKind::task, "me");
                  }).find("golden set name"),
                  std::string::npos);
    }
    EXPECT_TRUE(tb::list_golden_sets(project).empty());
    EXPECT_NO_THROW(tb::create_golden_set(project, "tickets", tb::GoldenKind::task));
}

}  // namespace
