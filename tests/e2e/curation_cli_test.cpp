// End to end: the curation subcommands of the real tunebench-cli on the shipped
// support-ticket data (examples/support-tickets).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace {

using tbtest::CliDir;

std::string shipped(const std::string& name) {
    return std::string(TUNEBENCH_SOURCE_DIR) + "/examples/support-tickets/" + name;
}

bool have_shipped_data() {
    return std::filesystem::exists(shipped("train.jsonl")) && std::filesystem::exists(shipped("golden.jsonl"));
}

// A project with the 600 training examples and the 120-item golden set.
std::string make_project(const CliDir& dir) {
    std::string project = dir.file("support.tunebench");
    auto init = dir.run({"init", project}, "init");
    EXPECT_EQ(init.exit_code, 0) << init.err;
    auto import = dir.run({"import", project, shipped("train.jsonl")}, "import");
    EXPECT_EQ(import.exit_code, 0) << import.err;
    auto golden = dir.run({"golden", "import", project, "support", shipped("golden.jsonl"), "--json"}, "golden");
    EXPECT_EQ(golden.exit_code, 0) << golden.err;
    return project;
}

TEST(CurationCli, SplitPrintsCountsAndIsStable) {
    if (!have_shipped_data()) GTEST_SKIP() << "examples/support-tickets missing";
    CliDir dir;
    std::string project = make_project(dir);
    auto split = dir.run({"split", project, "--seed", "5"}, "split");
    ASSERT_EQ(split.exit_code, 0) << split.err;
    auto counts = nlohmann::json::parse(split.out);
    std::int64_t total = counts["train"].get<std::int64_t>() + counts["validation"].get<std::int64_t>();
    EXPECT_EQ(total + counts["test"].get<std::int64_t>(), 600);
    // 12% of 600 = 72; duplicate groups may move it by their size.
    EXPECT_NEAR(counts["validation"].get<double>(), 72.0, 3.0);
    EXPECT_EQ(counts["newly_assigned"], 600);

    auto again = dir.run({"split", project, "--seed", "99"}, "split2");
    ASSERT_EQ(again.exit_code, 0) << again.err;
    auto second = nlohmann::json::parse(again.out);
    EXPECT_EQ(second["newly_assigned"], 0);
    EXPECT_EQ(second["validation"], counts["validation"]);  // nothing moved

    auto bad = dir.run({"split", project, "--validation", "0.5"}, "bad");
    EXPECT_EQ(bad.exit_code, 2);
}

TEST(CurationCli, StratifiedSplitAfterBulkTagging) {
    if (!have_shipped_data()) GTEST_SKIP() << "examples/support-tickets missing";
    CliDir dir;
    std::string project = make_project(dir);
    auto tagged = dir.run({"tag", "add", project, "topic:shipping", "--search", "arrived"}, "tag");
    ASSERT_EQ(tagged.exit_code, 0) << tagged.err;
    std::int64_t shipping = nlohmann::json::parse(tagged.out)["tagged"];
    ASSERT_GT(shipping, 10);
    auto split = dir.run({"split", project, "--stratify-by", "topic"}, "split");
    ASSERT_EQ(split.exit_code, 0) << split.err;
    auto out = nlohmann::json::parse(split.out);
    auto strata = out["strata"];
    ASSERT_TRUE(strata.contains("shipping")) << split.out;
    double shipping_validation = strata["shipping"].value("validation", 0);
    EXPECT_NEAR(shipping_validation, 0.12 * static_cast<double>(shipping), 2.0) << split.out;
}

TEST(CurationCli, LeakageReportsPairsAndExitsOneOnlyWhenThereAreAny) {
    if (!have_shipped_data()) GTEST_SKIP() << "examples/support-tickets missing";
    CliDir dir;
    std::string project = make_project(dir);
    dir.run({"split", project}, "split");
    auto clean = dir.run({"leakage", project, "--json"}, "leak");
    auto report = nlohmann::json::parse(clean.out);
    EXPECT_EQ(clean.exit_code, report["count"].get<int>() > 0 ? 1 : 0);

    // Add a golden item whose prompt is a training example's prompt: a leak to report.
    std::string first_line;
    {
        std::ifstream in(shipped("train.jsonl"));
        std::getline(in, first_line);
    }
    auto example = nlohmann::json::parse(first_line);
    auto messages = example["messages"];
    std::string reference = messages.back()["content"];
    messages.erase(messages.size() - 1);
    nlohmann::json item = {
        {"messages", messages},
        {"reference", reference},
        {"rubric", {{{"kind", "exact"}, {"expected", reference}, {"weight", 1}, {"critical", true}}}}};
    std::string leak_file = dir.write("leak.jsonl", item.dump() + "\n");
    ASSERT_EQ(dir.run({"golden", "import", project, "probe", leak_file}, "probe").exit_code, 0);
    auto leaking = dir.run({"leakage", project, "--json"}, "leak2");
    EXPECT_EQ(leaking.exit_code, 1);
    auto pairs = nlohmann::json::parse(leaking.out)["pairs"];
    bool found = false;
    for (const auto& p : pairs) {
        ASSERT_TRUE(p.contains("a") && p.contains("b") && p.contains("sets") && p.contains("similarity"));
        if (p["sets"][1] == "golden:probe" && p["similarity"] == 1.0) found = true;
    }
    EXPECT_TRUE(found) << leaking.out;
    auto human = dir.run({"leakage", project}, "leak3");
    EXPECT_EQ(human.exit_code, 1);
    EXPECT_NE(human.out.find("golden:probe"), std::string::npos);
}

TEST(CurationCli, GoldenExportRoundTripAndUnknownKeyError) {
    if (!have_shipped_data()) GTEST_SKIP() << "examples/support-tickets missing";
    CliDir dir;
    std::string project = make_project(dir);
    std::string out = dir.file("export.jsonl");
    auto exported = dir.run({"golden", "export", project, "support", "--out", out}, "export");
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    auto original = tbtest::lines_of(tbtest::read_text(shipped("golden.jsonl")));
    auto written = tbtest::lines_of(tbtest::read_text(out));
    ASSERT_EQ(written.size(), original.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
        auto a = nlohmann::json::parse(original[i]);
        auto b = nlohmann::json::parse(written[i]);
        b.erase("author");
        // Numbers come back as numbers of equal value (1 and 1.0 compare equal in nlohmann::json).
        EXPECT_EQ(a, b) << "line " << i + 1;
    }

    std::string bad = dir.write(
        "bad.jsonl", original[0] + "\n" + original[1].substr(0, original[1].size() - 1) + ", \"difficulty\": 3}\n");
    auto refused = dir.run({"golden", "import", project, "other", bad}, "bad");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find(bad + ":2: unknown key 'difficulty'"), std::string::npos) << refused.err;
    auto list = dir.run({"golden", "list", project, "--json"}, "list");
    auto sets = nlohmann::json::parse(list.out);
    ASSERT_EQ(sets.size(), 1u);  // "other" was not created: one transaction
    EXPECT_EQ(sets[0]["items"], 120);

    auto general =
        dir.run({"golden", "import", project, "general", shipped("golden.jsonl"), "--general", "--json"}, "gen");
    ASSERT_EQ(general.exit_code, 0) << general.err;
    EXPECT_EQ(nlohmann::json::parse(general.out)["kind"], "general");
}

TEST(CurationCli, ReviewCsvExportImportAndSummary) {
    if (!have_shipped_data()) GTEST_SKIP() << "examples/support-tickets missing";
    CliDir dir;
    std::string project = make_project(dir);
    std::string csv = dir.file("grades.csv");
    auto exported = dir.run({"review", "export", project, "--out", csv, "--reviewer", "ana"}, "export");
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    std::string text = tbtest::read_text(csv);
    // Grade the first three rows: each row ends with ",,,ana\r\n" (empty verdict and note).
    const std::string empty_grade = ",,ana\r\n";
    const char* verdicts[] = {"accept", "reject", "needs_edit"};
    std::size_t at = 0;
    for (const char* verdict : verdicts) {
        at = text.find(empty_grade, at);
        ASSERT_NE(at, std::string::npos);
        std::string filled = std::string(verdict) + ",graded offline,ana\r\n";
        text.replace(at, empty_grade.size(), filled);
        at += filled.size();
    }
    std::string graded = dir.write("graded.csv", text);
    auto imported = dir.run({"review", "import", project, graded, "--json"}, "import");
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto result = nlohmann::json::parse(imported.out);
    EXPECT_EQ(result["rows"], 600);
    EXPECT_EQ(result["recorded"], 3);
    EXPECT_EQ(result["ungraded"], 597);

    auto summary = dir.run({"review", "summary", project, "--json"}, "summary");
    ASSERT_EQ(summary.exit_code, 0) << summary.err;
    auto s = nlohmann::json::parse(summary.out);
    EXPECT_EQ(s["examples"], 600);
    EXPECT_EQ(s["accepted"], 1);
    EXPECT_EQ(s["rejected"], 1);
    EXPECT_EQ(s["needs_edit"], 1);

    std::string bad = dir.write("bad.csv", "example_id,conversation,verdict,note,reviewer\n1,\"x\",accept,,ana\n");
    auto refused = dir.run({"review", "import", project, bad}, "bad");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find(bad + ":2:"), std::string::npos) << refused.err;
}

}  // namespace
