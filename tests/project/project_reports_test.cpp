// Checks, stats and export over a stored project.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "common/temp_dir.h"
#include "core/project/examples.h"
#include "core/project/project_checks.h"
#include "core/project/project_export.h"
#include "core/project/project_import.h"
#include "core/project/project_stats.h"

namespace {

using tb::Example;
using tb::ProjectFile;

Example chat(const std::string& user, const std::string& assistant) {
    Example example;
    example.messages.push_back({"user", user, "", nullptr, "", std::nullopt});
    example.messages.push_back({"assistant", assistant, "", nullptr, "", std::nullopt});
    return example;
}

class ReportsTest : public ::testing::Test {
protected:
    void SetUp() override {
        long_id = *tb::insert_example(project,
                                      chat("Explain photosynthesis", "Plants turn light, water and CO2 into sugar."));
        short_id = *tb::insert_example(project, chat("Is the sky blue?", "Yes."));
        other_id = *tb::insert_example(project, chat("What is 2+2?", "The answer is four, of course."));
    }
    tbtest::TempDir dir;
    ProjectFile project = ProjectFile::create(dir.file("p.tunebench"));
    std::int64_t long_id = 0, short_id = 0, other_id = 0;
};

TEST_F(ReportsTest, CheckReportIsStoredAsTheLatestAndFiltersTheTable) {
    EXPECT_FALSE(tb::latest_check_report(project).has_value());
    EXPECT_TRUE(tb::latest_finding_kinds(project).empty());
    tb::CheckReport report = tb::run_checks(project, {});
    EXPECT_EQ(report.stats.examples, 3u);
    auto is_short = [&](const tb::Finding& f) {
        return f.kind == "short_answer" &&
               std::find(f.examples.begin(), f.examples.end(), short_id) != f.examples.end();
    };
    ASSERT_TRUE(std::any_of(report.findings.begin(), report.findings.end(), is_short));

    auto stored = tb::latest_check_report(project);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->examples, 3);
    EXPECT_EQ(stored->findings.size(), report.findings.size());
    EXPECT_TRUE(std::any_of(stored->findings.begin(), stored->findings.end(), is_short));
    EXPECT_EQ(stored->report["findings"].size(), report.findings.size());
    // The kinds the browser offers: each kind of the report once, sorted.
    std::vector<std::string> kinds;
    for (const auto& f : report.findings) kinds.push_back(f.kind);
    std::sort(kinds.begin(), kinds.end());
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    EXPECT_EQ(tb::latest_finding_kinds(project), kinds);

    tb::ExampleFilter flagged;
    flagged.finding_kind = "short_answer";
    auto rows = tb::list_examples(project, flagged, 0, 10);
    ASSERT_FALSE(rows.empty());
    EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return r.id == short_id; }));
    EXPECT_FALSE(std::any_of(rows.begin(), rows.end(), [&](const auto& r) { return r.id == long_id; }));

    // Fixing the example and checking again replaces the report: the finding is gone.
    tb::update_example_messages(project, short_id, chat("Is the sky blue?", "Yes, on a clear day it is blue."));
    tb::run_checks(project, {});
    auto again = tb::latest_check_report(project);
    ASSERT_TRUE(again.has_value());
    EXPECT_GT(again->id, stored->id);
    EXPECT_FALSE(std::any_of(again->findings.begin(), again->findings.end(), is_short));
    std::vector<std::string> kinds_now;  // only the latest report's
    for (const auto& f : again->findings) kinds_now.push_back(f.kind);
    std::sort(kinds_now.begin(), kinds_now.end());
    kinds_now.erase(std::unique(kinds_now.begin(), kinds_now.end()), kinds_now.end());
    EXPECT_EQ(tb::latest_finding_kinds(project), kinds_now);
    EXPECT_EQ(tb::query_int64(project.handle(), "SELECT count(*) FROM check_reports").value(), 1);
}

TEST_F(ReportsTest, StoringSkipsExamplesDeletedMeanwhile) {
    tb::CheckReport report;
    report.stats.examples = 3;
    report.findings.push_back({"pii", {long_id, 999}, "email address"});
    tb::store_check_report(project, report, {});
    auto stored = tb::latest_check_report(project);
    ASSERT_EQ(stored->findings.size(), 1u);
    EXPECT_EQ(stored->findings[0].examples, (std::vector<std::int64_t>{long_id}));
    EXPECT_EQ(stored->findings[0].detail, "email address");
}

TEST_F(ReportsTest, StatsCountRolesTurnsLengthsSplitsAndTags) {
    project.exec("INSERT INTO splits(example_id, split) VALUES (" + std::to_string(long_id) + ", 'train'), (" +
                 std::to_string(short_id) + ", 'validation')");
    project.exec("INSERT INTO tags(name) VALUES ('science'); INSERT INTO example_tags(example_id, tag_id) VALUES (" +
                 std::to_string(long_id) + ", 1)");
    tb::Example three = chat("Ünïcödé?", "Ja.");
    three.messages.insert(three.messages.begin(), {"system", "Be kind.", "", nullptr, "", std::nullopt});
    tb::insert_example(project, three);

    auto stats = tb::compute_project_stats(project);
    EXPECT_EQ(stats.data.examples, 4u);
    EXPECT_EQ(stats.data.messages, 9u);
    EXPECT_EQ(stats.data.messages_by_role.at("user"), 4u);
    EXPECT_EQ(stats.data.messages_by_role.at("system"), 1u);
    EXPECT_EQ(stats.data.turns_histogram.at(2), 3u);
    EXPECT_EQ(stats.data.turns_histogram.at(3), 1u);
    ASSERT_EQ(stats.data.char_lengths.size(), 4u);
    // Characters, not bytes: "Be kind." (8) + "Ünïcödé?" (8) + "Ja." (3).
    EXPECT_EQ(stats.data.char_lengths[3], 19u);
    EXPECT_EQ(stats.splits.at("train"), 1u);
    EXPECT_EQ(stats.splits.at("validation"), 1u);
    EXPECT_EQ(stats.splits.at("unassigned"), 2u);  // the word split_counts uses too
    EXPECT_EQ(stats.tags.at("science"), 1u);
    EXPECT_FALSE(stats.latest_check_at.has_value());

    tb::run_checks(project, {});
    stats = tb::compute_project_stats(project);
    ASSERT_TRUE(stats.latest_check_at.has_value());
    EXPECT_GE(stats.findings["short_answer"], 1u);
    auto json = stats.to_json();
    EXPECT_EQ(json["examples"], 4);
    EXPECT_TRUE(json["latest_check"].is_object());
}

TEST_F(ReportsTest, ExportWritesASplitAndRoundTrips) {
    project.exec("INSERT INTO splits(example_id, split) VALUES (" + std::to_string(long_id) + ", 'train'), (" +
                 std::to_string(other_id) + ", 'train'), (" + std::to_string(short_id) + ", 'validation')");
    std::string out = dir.file("train.jsonl");
    EXPECT_EQ(tb::export_examples(project, "train", out), 2u);
    std::ifstream in(out);
    std::string line;
    std::vector<std::string> lines;
    while (std::getline(in, line)) lines.push_back(line);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_NE(lines[0].find("photosynthesis"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(out + ".partial"));

    // Importing the export into a fresh project gives the same content hashes.
    auto copy = ProjectFile::create(dir.file("copy.tunebench"));
    EXPECT_EQ(tb::export_examples(project, "all", dir.file("all.jsonl")), 3u);
    auto result = tb::import_file(copy, dir.file("all.jsonl"), {}, false);
    EXPECT_EQ(result.inserted, 3u);
    for (std::int64_t id = 1; id <= 3; ++id) {
        EXPECT_EQ(tb::get_example(copy, id)->content_hash, tb::get_example(project, id)->content_hash);
    }

    EXPECT_THROW(tb::export_examples(project, "test", dir.file("test.jsonl")), tb::Error);  // empty split
    EXPECT_THROW(tb::export_examples(project, "holdout", dir.file("x.jsonl")), tb::Error);
    EXPECT_FALSE(std::filesystem::exists(dir.file("test.jsonl")));
}

}  // namespace
