#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/common/error.h"
#include "core/curation/golden_sets.h"
#include "core/curation/rubric.h"
#include "curation/curation_test_util.h"

namespace {

using namespace tbtest;

const char* kTwoItems =
    R"({"messages": [{"role": "system", "content": "Answer in JSON."}, {"role": "user", "content": "I was charged twice"}], "reference": "{\"category\": \"billing\"}", "rubric": [{"kind": "regex", "expected": "^\\s*\\{.*\\}\\s*$", "weight": 1, "critical": true}, {"kind": "json_field", "path": "category", "expected": "billing", "weight": 2, "critical": false}]})"
    "\n"
    R"({"messages": [{"role": "user", "content": "What is 2+2?"}], "reference": "4", "rubric": [{"kind": "numeric", "expected": 4, "tolerance": 0.5, "weight": 1, "critical": false}, {"kind": "judge", "pass": "States the sum plainly", "weight": 1, "critical": false}, {"kind": "contains", "expected": "4", "weight": 0.5, "critical": false}, {"kind": "exact", "expected": "4", "weight": 1, "critical": false}], "author": "dr. lee"})"
    "\n";

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Golden, ImportExportRoundTripKeepsTheSchema) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::string in = dir.write("golden.jsonl", kTwoItems);
    auto result = tb::import_golden_jsonl(project, "support", in, tb::GoldenKind::task, "importer");
    EXPECT_TRUE(result.created);
    EXPECT_EQ(result.added, 2);

    auto set = tb::find_golden_set(project, "support");
    ASSERT_TRUE(set.has_value());
    EXPECT_EQ(set->items, 2);
    EXPECT_EQ(set->kind, tb::GoldenKind::task);
    auto items = tb::golden_items(project, set->id);
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].author, "importer");  // the line had none
    EXPECT_EQ(items[1].author, "dr. lee");
    EXPECT_EQ(items[0].rubric.criteria[1].kind, tb::CriterionKind::json_field);
    EXPECT_EQ(items[0].rubric.criteria[1].path, "category");
    EXPECT_EQ(items[0].rubric.criteria[1].weight, 2.0);
    EXPECT_TRUE(items[0].rubric.criteria[0].critical);
    EXPECT_EQ(items[1].rubric.criteria[0].tolerance, 0.5);
    EXPECT_EQ(items[1].rubric.criteria[1].pass, "States the sum plainly");

    std::string out = dir.file("out.jsonl");
    EXPECT_EQ(tb::export_golden_jsonl(project, "support", out), 2);
    // Import the export into a fresh project and export again: byte-identical.
    auto other = tb::ProjectFile::create(dir.file("q.tunebench"));
    tb::import_golden_jsonl(other, "support", out, tb::GoldenKind::task);
    std::string again = dir.file("again.jsonl");
    tb::export_golden_jsonl(other, "support", again);
    EXPECT_EQ(read_all(out), read_all(again));
    // And semantically equal to the input, line by line.
    std::ifstream a(in), b(out);
    std::string la, lb;
    while (std::getline(a, la) && std::getline(b, lb)) {
        auto ja = nlohmann::json::parse(la), jb = nlohmann::json::parse(lb);
        ja.erase("author");
        jb.erase("author");
        EXPECT_EQ(ja, jb);
    }
    // Re-importing the same file adds nothing.
    auto twice = tb::import_golden_jsonl(project, "support", in, tb::GoldenKind::task);
    EXPECT_EQ(twice.added, 0);
    EXPECT_EQ(twice.duplicates, 2);
}

TEST(Golden, UnknownKeyIsAnErrorWithTheLineAndNothingIsStored) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::string bad =
        std::string(kTwoItems) +
        R"({"messages": [{"role": "user", "content": "x"}], "reference": "y", "rubric": [{"kind": "exact", "expected": "y"}], "refrence": "typo"})"
        "\n";
    std::string path = dir.write("bad.jsonl", bad);
    try {
        tb::import_golden_jsonl(project, "support", path, tb::GoldenKind::task);
        FAIL() << "expected an InputError";
    } catch (const tb::InputError& e) {
        EXPECT_EQ(e.line(), 3u);
        EXPECT_NE(std::string(e.what()).find("bad.jsonl:3: unknown key 'refrence'"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(tb::find_golden_set(project, "support").has_value());
}

TEST(Golden, RubricValidation) {
    auto parse = [](const char* text) { return tb::parse_criterion(nlohmann::json::parse(text)); };
    EXPECT_NO_THROW(parse(R"({"kind": "exact", "expected": "a"})"));
    auto expect_error = [&](const char* text, const std::string& fragment) {
        try {
            parse(text);
            ADD_FAILURE() << "accepted " << text;
        } catch (const tb::Error& e) {
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    };
    expect_error(R"({"kind": "exact", "expected": "a", "wieght": 1})", "unknown key 'wieght'");
    expect_error(R"({"kind": "exact", "expected": "a", "path": "x"})", "does not apply to a exact");
    expect_error(R"({"kind": "fuzzy", "expected": "a"})", "unknown criterion kind");
    expect_error(R"({"kind": "regex", "expected": "(unclosed"})", "not a valid pattern");
    expect_error(R"({"kind": "json_field", "expected": "a"})", "needs \"path\"");
    expect_error(R"({"kind": "json_field", "path": "a..b", "expected": 1})", "bad json_field path");
    expect_error(R"({"kind": "numeric", "expected": "four"})", "needs \"expected\": a number");
    expect_error(R"({"kind": "numeric", "expected": 4, "tolerance": -1})", "tolerance");
    expect_error(R"({"kind": "judge"})", "needs \"pass\"");
    expect_error(R"({"kind": "contains", "expected": "x", "weight": 0})", "weight");
    expect_error(R"({"kind": "contains", "expected": "x", "critical": "yes"})", "critical");
    EXPECT_THROW(tb::parse_rubric(nlohmann::json::array()), tb::Error);
}

TEST(Golden, JsonPaths) {
    auto doc = nlohmann::json::parse(R"({"a": {"b": [10, {"c": "x"}]}})");
    auto at = [&](const std::string& path) { return tb::resolve_json_path(doc, tb::parse_json_path(path)); };
    ASSERT_NE(at("a.b[0]"), nullptr);
    EXPECT_EQ(*at("a.b[0]"), 10);
    EXPECT_EQ(*at("a.b[1].c"), "x");
    EXPECT_EQ(at("a.b[2]"), nullptr);
    EXPECT_EQ(at("a.z"), nullptr);
    EXPECT_THROW(tb::parse_json_path("a[x]"), tb::Error);
    EXPECT_THROW(tb::parse_json_path("a]b"), tb::Error);
}

TEST(Golden, ItemsFromExamplesAndSizeAdvice) {
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t example = add_example(project, chat("Reset my password", "Use the link on the login page."));
    std::int64_t set_id = tb::create_golden_set(project, "general", tb::GoldenKind::general, "forgetting probe");
    tb::Criterion c;
    c.kind = tb::CriterionKind::contains;
    c.expected = "link";
    std::int64_t item_id = tb::add_golden_item_from_example(project, set_id, example, tb::Rubric{{c}}, "ana");
    auto item = tb::get_golden_item(project, item_id);
    ASSERT_TRUE(item.has_value());
    EXPECT_EQ(item->messages.size(), 1u);
    EXPECT_EQ(item->reference, "Use the link on the login page.");
    EXPECT_EQ(item->author, "ana");
    EXPECT_FALSE(item->created_at.empty());
    EXPECT_EQ(tb::list_golden_sets(project)[0].kind, tb::GoldenKind::general);
    EXPECT_THROW(tb::create_golden_set(project, "general", tb::GoldenKind::task), tb::Error);

    EXPECT_TRUE(tb::golden_size_advice(99).has_value());
    EXPECT_FALSE(tb::golden_size_advice(100).has_value());
    EXPECT_FALSE(tb::golden_size_advice(500).has_value());
    EXPECT_TRUE(tb::golden_size_advice(501).has_value());
}

TEST(Golden, ShippedSupportTicketSetImports) {
    std::string path = std::string(TUNEBENCH_SOURCE_DIR) + "/examples/support-tickets/golden.jsonl";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shipped example data at " << path;
    CurationTempDir dir;
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    auto result = tb::import_golden_jsonl(project, "support", path, tb::GoldenKind::task);
    EXPECT_EQ(result.added, 120);
    EXPECT_FALSE(tb::golden_size_advice(result.added).has_value());
}

}  // namespace
