#include "core/project/examples.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"

namespace {

using tb::Example;
using tb::ProjectFile;

Example chat(const std::string& user, const std::string& assistant, const std::string& system = "") {
    Example example;
    if (!system.empty()) example.messages.push_back({"system", system, "", nullptr, "", std::nullopt});
    example.messages.push_back({"user", user, "", nullptr, "", std::nullopt});
    example.messages.push_back({"assistant", assistant, "", nullptr, "", std::nullopt});
    example.source_file = "chat.jsonl";
    example.source_line = 7;
    return example;
}

std::vector<std::int64_t> ids(const std::vector<tb::ExampleRow>& rows) {
    std::vector<std::int64_t> out;
    for (const auto& row : rows) out.push_back(row.id);
    return out;
}

class ExamplesTest : public ::testing::Test {
protected:
    tbtest::TempDir dir;
    ProjectFile project = ProjectFile::create(dir.file("p.tunebench"));
};

TEST_F(ExamplesTest, InsertGetRoundTripsMessagesAndSource) {
    Example example = chat("What is  the\ncapital of France?", "Paris.", "Be brief.");
    example.messages[2].weight = 0.5;
    auto id = tb::insert_example(project, example);
    ASSERT_TRUE(id.has_value());
    auto stored = tb::get_example(project, *id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->example.id, *id);
    ASSERT_EQ(stored->example.messages.size(), 3u);
    EXPECT_EQ(stored->example.messages[1].content, "What is  the\ncapital of France?");
    EXPECT_EQ(stored->example.messages[2].weight.value_or(-1), 0.5);
    EXPECT_EQ(stored->example.source_file, "chat.jsonl");
    EXPECT_EQ(stored->example.source_line, 7u);
    EXPECT_EQ(stored->content_hash, tb::content_hash(example));
    EXPECT_EQ(stored->created_at, stored->updated_at);
    EXPECT_FALSE(tb::get_example(project, *id + 100).has_value());

    auto rows = tb::list_examples(project, {}, 0, 10);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].preview, "What is the capital of France?");  // first user turn, whitespace collapsed
    EXPECT_EQ(rows[0].turns, 3);
    EXPECT_TRUE(rows[0].tags.empty());
    EXPECT_EQ(rows[0].split, "");
}

TEST_F(ExamplesTest, SameContentIsStoredOnce) {
    EXPECT_TRUE(tb::insert_example(project, chat("hi", "hello")).has_value());
    Example same = chat("hi", "hello");
    same.source_file = "other.json";  // where it came from does not make it different
    EXPECT_FALSE(tb::insert_example(project, same).has_value());
    EXPECT_TRUE(tb::insert_example(project, chat("hi", "hello!")).has_value());
    EXPECT_EQ(tb::count_examples(project), 2);
}

TEST_F(ExamplesTest, PreviewIsShortenedOnACharacterBoundary) {
    std::string long_text;
    for (int i = 0; i < 100; ++i) long_text += "h\xC3\xA9";  // "hé" * 100: 300 bytes
    tb::insert_example(project, chat(long_text, "ok"));
    auto rows = tb::list_examples(project, {}, 0, 1);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_LT(rows[0].preview.size(), 170u);
    EXPECT_EQ(rows[0].preview.substr(rows[0].preview.size() - 3), "\xE2\x80\xA6");
    // No split UTF-8 sequence before the ellipsis: "é" is whole.
    std::string body = rows[0].preview.substr(0, rows[0].preview.size() - 3);
    EXPECT_TRUE(body.back() == 'h' || body.substr(body.size() - 2) == "\xC3\xA9");
}

TEST_F(ExamplesTest, KeysetPagesCoverEveryRowOnceInOrder) {
    for (int i = 0; i < 25; ++i) tb::insert_example(project, chat("question " + std::to_string(i), "answer"));
    std::vector<std::int64_t> seen;
    std::int64_t after = 0;
    for (;;) {
        auto page = tb::list_examples(project, {}, after, 10);
        if (page.empty()) break;
        EXPECT_LE(page.size(), 10u);
        for (const auto& row : page) seen.push_back(row.id);
        after = page.back().id;
    }
    ASSERT_EQ(seen.size(), 25u);
    for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_LT(seen[i - 1], seen[i]);
}

TEST_F(ExamplesTest, FiltersByTagSplitFindingAndText) {
    std::vector<std::int64_t> id;
    id.push_back(*tb::insert_example(project, chat("reset my password", "Use the link.")));
    id.push_back(*tb::insert_example(project, chat("refund for order 12", "Refund issued.")));
    id.push_back(*tb::insert_example(project, chat("password rules?", "Eight characters.")));
    id.push_back(*tb::insert_example(project, chat("shipping time", "Two days.")));
    project.exec("INSERT INTO tags(name) VALUES ('account'), ('billing')");
    project.exec("INSERT INTO example_tags(example_id, tag_id) VALUES (" + std::to_string(id[0]) + ", 1), (" +
                 std::to_string(id[2]) + ", 1), (" + std::to_string(id[1]) + ", 2), (" + std::to_string(id[0]) +
                 ", 2)");
    project.exec("INSERT INTO splits(example_id, split, seed) VALUES (" + std::to_string(id[0]) + ", 'train', 1), (" +
                 std::to_string(id[1]) + ", 'train', 1), (" + std::to_string(id[2]) + ", 'validation', 1)");
    project.exec(R"(INSERT INTO check_reports(report, examples) VALUES ('{}', 4);
                   INSERT INTO check_findings(report_id, kind) VALUES (1, 'short_answer');)");
    project.exec("INSERT INTO check_finding_examples(finding_id, example_id) VALUES (1, " + std::to_string(id[3]) +
                 ")");

    tb::ExampleFilter by_tag;
    by_tag.tag = "account";
    EXPECT_EQ(ids(tb::list_examples(project, by_tag, 0, 10)), (std::vector<std::int64_t>{id[0], id[2]}));
    EXPECT_EQ(tb::count_examples(project, by_tag), 2);

    tb::ExampleFilter by_split;
    by_split.split = "train";
    EXPECT_EQ(ids(tb::list_examples(project, by_split, 0, 10)), (std::vector<std::int64_t>{id[0], id[1]}));
    by_split.split = tb::kUnassignedSplit;
    EXPECT_EQ(ids(tb::list_examples(project, by_split, 0, 10)), (std::vector<std::int64_t>{id[3]}));

    tb::ExampleFilter by_finding;
    by_finding.finding_kind = "short_answer";
    EXPECT_EQ(ids(tb::list_examples(project, by_finding, 0, 10)), (std::vector<std::int64_t>{id[3]}));

    tb::ExampleFilter by_text;
    by_text.text = "passw";  // prefix of the last word
    EXPECT_EQ(ids(tb::list_examples(project, by_text, 0, 10)), (std::vector<std::int64_t>{id[0], id[2]}));
    EXPECT_EQ(ids(tb::list_examples(project, by_text, id[0], 10)), (std::vector<std::int64_t>{id[2]}));

    tb::ExampleFilter combined;
    combined.text = "password";
    combined.split = "validation";
    combined.tag = "account";
    EXPECT_EQ(ids(tb::list_examples(project, combined, 0, 10)), (std::vector<std::int64_t>{id[2]}));
    EXPECT_EQ(tb::count_examples(project, combined), 1);

    // The capped count: the exact count below the limit, the limit above it.
    for (std::int64_t limit : {0, 1, 2, 3, 10}) {
        EXPECT_EQ(tb::count_examples_up_to(project, by_text, limit), std::min<std::int64_t>(2, limit)) << limit;
        EXPECT_EQ(tb::count_examples_up_to(project, {}, limit), std::min<std::int64_t>(4, limit)) << limit;
    }
    EXPECT_EQ(tb::count_examples_up_to(project, combined, 5), 1);

    auto rows = tb::list_examples(project, {}, 0, 10);
    EXPECT_EQ(rows[0].tags, (std::vector<std::string>{"account", "billing"}));
    EXPECT_EQ(rows[0].split, "train");
    EXPECT_EQ(rows[2].split, "validation");
}

TEST_F(ExamplesTest, SearchRanksAndTreatsOperatorsAsText) {
    auto a = *tb::insert_example(project, chat("Tell me about cats", "Cats purr. Cats sleep. Cats hunt."));
    auto b = *tb::insert_example(project, chat("And dogs?", "Dogs bark; some like cats."));
    tb::insert_example(project, chat("Weather", "Sunny."));
    auto rows = tb::search_examples(project, "cats", 10);
    EXPECT_EQ(ids(rows), (std::vector<std::int64_t>{a, b}));  // more mentions rank first
    // Characters that are FTS5 syntax are searched as text, not parsed.
    EXPECT_NO_THROW(tb::search_examples(project, "cats\" OR -dogs: NEAR(", 10));
    EXPECT_EQ(tb::fts_query("  semi-final  \"x\"  "), "\"semi-final\" \"\"\"x\"\"\"*");
    EXPECT_EQ(tb::fts_query(" - ! "), "");
    EXPECT_THROW(tb::search_examples(project, " ", 10), tb::Error);
}

TEST_F(ExamplesTest, EditKeepsHistoryAndUpdatesSearch) {
    auto id = *tb::insert_example(project, chat("Capital of Italy?", "Milan."));
    auto before = *tb::get_example(project, id);
    Example fixed = before.example;
    fixed.messages[1].content = "Rome.";
    tb::update_example_messages(project, id, fixed, "wrong capital");
    auto after = *tb::get_example(project, id);
    EXPECT_EQ(after.example.messages[1].content, "Rome.");
    EXPECT_EQ(after.content_hash, tb::content_hash(fixed));
    EXPECT_GE(after.updated_at, before.updated_at);
    EXPECT_EQ(after.created_at, before.created_at);

    auto history = tb::example_history(project, id);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].example.messages[1].content, "Milan.");
    EXPECT_EQ(history[0].content_hash, before.content_hash);
    EXPECT_EQ(history[0].note, "wrong capital");

    EXPECT_TRUE(tb::search_examples(project, "milan", 10).empty());
    EXPECT_EQ(tb::search_examples(project, "rome", 10).size(), 1u);

    // Saving the same content again makes no new version.
    tb::update_example_messages(project, id, fixed);
    EXPECT_EQ(tb::example_history(project, id).size(), 1u);
    // The old content is free again: re-importing it is a new example.
    EXPECT_TRUE(tb::insert_example(project, before.example).has_value());
}

TEST_F(ExamplesTest, EditRefusesMissingIdsAndCollisions) {
    auto a = *tb::insert_example(project, chat("one", "1"));
    auto b = *tb::insert_example(project, chat("two", "2"));
    EXPECT_THROW(tb::update_example_messages(project, b + 10, chat("x", "y")), tb::Error);
    try {
        tb::update_example_messages(project, b, chat("one", "1"));
        FAIL() << "expected an error";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("identical to example " + std::to_string(a)), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(tb::get_example(project, b)->example.messages[0].content, "two");
    EXPECT_TRUE(tb::example_history(project, b).empty());
}

TEST_F(ExamplesTest, ForEachExampleStreamsASplitInIdOrder) {
    for (int i = 0; i < 5; ++i) tb::insert_example(project, chat("q" + std::to_string(i), "a"));
    project.exec("INSERT INTO splits(example_id, split) VALUES (2, 'validation'), (4, 'validation'), (1, 'train')");
    std::vector<std::int64_t> seen;
    tb::for_each_example(project, "validation", [&](Example&& e) { seen.push_back(e.id); });
    EXPECT_EQ(seen, (std::vector<std::int64_t>{2, 4}));
    seen.clear();
    std::int64_t last_total = 0;
    tb::JobContext ctx;
    ctx.progress = [&](const tb::Progress& p) { last_total = p.total; };
    tb::for_each_example(
        project, "", [&](Example&& e) { seen.push_back(e.id); }, ctx);
    EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
    EXPECT_EQ(last_total, 5);
}

}  // namespace
