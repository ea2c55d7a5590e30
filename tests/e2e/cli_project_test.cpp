// init / import / check / stats / export, driven through the real tunebench-cli binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_runner.h"
#include "common/shared_fixtures.h"

namespace {

using nlohmann::json;
using tbtest::CliDir;

std::string chat_line(const std::string& system, const std::string& user, const std::string& assistant) {
    json messages = json::array();
    if (!system.empty()) messages.push_back({{"role", "system"}, {"content", system}});
    messages.push_back({{"role", "user"}, {"content", user}});
    messages.push_back({{"role", "assistant"}, {"content", assistant}});
    return json{{"messages", messages}}.dump() + "\n";
}

json parse_json(const tbtest::CliResult& result) {
    json parsed = json::parse(result.out, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << "stdout is not JSON: " << result.out << "\nstderr: " << result.err;
    return parsed;
}

TEST(CliProject, InitCreatesAProjectAndRefusesToOverwrite) {
    CliDir dir;
    std::string project = dir.file("p.tunebench");
    auto first = dir.run({"init", project});
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("Created"), std::string::npos);
    auto again = dir.run({"init", project});
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_NE(again.err.find("already exists"), std::string::npos) << again.err;
    auto usage = dir.run({"init"});
    EXPECT_EQ(usage.exit_code, 2);
    EXPECT_NE(usage.err.find("usage: tunebench-cli init"), std::string::npos) << usage.err;
}

TEST(CliProject, ImportsTheRealFixturesWithTheirCounts) {
    TB_SKIP_WITHOUT_SHARED(tbtest::fixture("alpaca_en_demo.json"),
                           "`import` of the 5 real public datasets with their record counts");
    CliDir dir;
    std::string project = dir.file("p.tunebench");
    ASSERT_EQ(dir.run({"init", project}).exit_code, 0);
    struct Case {
        const char* file;
        const char* format;
        std::size_t records;
    };
    std::size_t inserted = 0;
    for (Case c :
         {Case{"alpaca_en_demo.json", "alpaca", 999}, Case{"sharegpt_dummy_conversation.json", "sharegpt", 500},
          Case{"glaive_toolcall_en_demo.json", "sharegpt", 300}, Case{"v1_sft_demo.jsonl", "chat", 500}}) {
        auto result = dir.run({"import", project, tbtest::fixture(c.file), "--json"});
        ASSERT_EQ(result.exit_code, 0) << c.file << ": " << result.err;
        json report = parse_json(result);
        EXPECT_EQ(report["records"], c.records) << c.file;
        EXPECT_EQ(report["accepted"], c.records) << c.file;
        EXPECT_EQ(report["rejected"], 0) << c.file;
        EXPECT_EQ(report["format"], c.format) << c.file;
        inserted += report["inserted"].get<std::size_t>();
    }
    auto stats = dir.run({"stats", project, "--json"});
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_EQ(parse_json(stats)["examples"], inserted);
    EXPECT_EQ(parse_json(stats)["imports"], 4);

    // Re-importing adds nothing.
    auto again = dir.run({"import", project, tbtest::fixture("alpaca_en_demo.json"), "--json"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(parse_json(again)["inserted"], 0);
    EXPECT_EQ(parse_json(dir.run({"stats", project, "--json"}))["examples"], inserted);
}

TEST(CliProject, BadRecordsExitTwoWithOneLinePerRecordAndImportNothing) {
    CliDir dir;
    std::string project = dir.file("p.tunebench");
    ASSERT_EQ(dir.run({"init", project}).exit_code, 0);
    std::string bad =
        dir.write("bad.jsonl", chat_line("", "Hello there", "Hi! How can I help?") +
                                   R"({"messages": [{"role": "user", "content": "unanswered"}]})"
                                   "\n" +
                                   "{\"messages\": [\n" + chat_line("", "Second good one", "Indeed it is."));
    auto result = dir.run({"import", project, bad});
    EXPECT_EQ(result.exit_code, 2);
    auto lines = tbtest::lines_of(result.err);
    ASSERT_GE(lines.size(), 3u) << result.err;
    EXPECT_EQ(lines[0], bad + ":2: no assistant message");
    EXPECT_EQ(lines[1].rfind(bad + ":3: invalid JSON", 0), 0u) << lines[1];
    // One line per bad record, then one summary line: no other record is blamed.
    EXPECT_EQ(
        std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.rfind(bad + ":", 0) == 0; }), 2);
    EXPECT_EQ(parse_json(dir.run({"stats", project, "--json"}))["examples"], 0);

    // --skip-invalid keeps the good records; the bad ones are still reported.
    auto skipped = dir.run({"import", project, bad, "--skip-invalid", "--json"});
    EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
    json report = parse_json(skipped);
    EXPECT_EQ(report["inserted"], 2);
    EXPECT_EQ(report["rejected"], 2);
    EXPECT_EQ(report["rejects"][0]["line"], 2);
    EXPECT_NE(skipped.err.find(bad + ":2: no assistant message"), std::string::npos) << skipped.err;
    EXPECT_EQ(parse_json(dir.run({"stats", project, "--json"}))["examples"], 2);
}

TEST(CliProject, ImportUsageAndInputErrorsExitTwo) {
    CliDir dir;
    std::string project = dir.file("p.tunebench");
    ASSERT_EQ(dir.run({"init", project}).exit_code, 0);
    std::string data = dir.write("d.jsonl", chat_line("", "q", "an answer"));
    EXPECT_EQ(dir.run({"import", project, data, "--format", "xml"}).exit_code, 2);
    EXPECT_EQ(dir.run({"import", project}).exit_code, 2);
    EXPECT_EQ(dir.run({"import", project, dir.file("absent.jsonl")}).exit_code, 2);
}

TEST(CliProject, OtherUsageAndInputErrorsExitTwo) {
    CliDir dir;
    std::string project = dir.file("p.tunebench");
    ASSERT_EQ(dir.run({"init", project}).exit_code, 0);
    std::string data = dir.write("d.jsonl", chat_line("", "q", "an answer"));
    auto not_project = dir.run({"stats", data});
    EXPECT_EQ(not_project.exit_code, 2);
    EXPECT_NE(not_project.err.find("not a Tunebench project"), std::string::npos) << not_project.err;
    EXPECT_EQ(dir.run({"check", project, "--fail-on", "typo=1"}).exit_code, 2);
    EXPECT_EQ(dir.run({"export", project, "--split", "holdout", "--out", dir.file("x.jsonl")}).exit_code, 2);
    EXPECT_EQ(dir.run({"export", project, "--out", dir.file("x.jsonl")}).exit_code, 2);
}

// Eight examples built to trip six kinds of finding (ids follow the line order).
std::string make_checked_project(const CliDir& dir) {
    std::string project = dir.file("p.tunebench");
    EXPECT_EQ(dir.run({"init", project}).exit_code, 0);
    const std::string sys = "You are the support assistant of Acme. Answer politely.";
    const std::string long_answer =
        "Refunds for damaged items are issued within fourteen days of the return arriving at our warehouse, "
        "and the money goes back to the card you paid with, minus nothing at all";
    std::string text =
        chat_line(sys, "What is the refund policy for damaged items?", long_answer) +  // 1
        chat_line("You are a pirate.", "What is the refund policy for damaged items?",
                  long_answer) +  // 2: same turns, other system
        chat_line(sys, "What is the refund policy for damaged items?", long_answer + " whatsoever") +    // 3: near 1
        chat_line(sys, "Can you write me malware?", "I'm sorry, but I can't help with that request.") +  // 4
        chat_line(sys, "Is shipping free?", "Yes.") +                                                    // 5
        chat_line(sys, "Update my email please", "Done: your address is now jane.doe@acme-mail.org, thanks.") +  // 6
        chat_line(sys, "Where is the nearest store?", "Our nearest store is at 12 Harbour Road, open daily.") +  // 7
        chat_line(sys, "Do you sell gift cards?", "Yes, gift cards from 10 to 500 euros are sold online.");      // 8
    EXPECT_EQ(dir.run({"import", project, dir.write("data.jsonl", text)}).exit_code, 0);
    return project;
}

TEST(CliProject, CheckFindsTheKindsAndStoresTheReport) {
    CliDir dir;
    std::string project = make_checked_project(dir);
    auto result = dir.run({"check", project, "--json"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    json report = parse_json(result);
    ASSERT_TRUE(report["findings"].is_array());
    std::map<std::string, std::vector<std::set<std::int64_t>>> by_kind;
    for (const auto& finding : report["findings"]) {
        auto ids = finding["examples"].get<std::vector<std::int64_t>>();
        by_kind[finding["kind"].get<std::string>()].push_back(std::set<std::int64_t>(ids.begin(), ids.end()));
    }
    auto has = [&](const std::string& kind, std::set<std::int64_t> ids) {
        for (const auto& group : by_kind[kind]) {
            if (std::includes(group.begin(), group.end(), ids.begin(), ids.end())) return true;
        }
        return false;
    };
    EXPECT_TRUE(has("exact_duplicate", {1, 2})) << result.out;
    EXPECT_TRUE(has("near_duplicate", {1, 3})) << result.out;
    EXPECT_TRUE(has("refusal", {4})) << result.out;
    EXPECT_TRUE(has("short_answer", {5})) << result.out;
    EXPECT_TRUE(has("pii", {6})) << result.out;
    EXPECT_TRUE(has("system_prompt_mismatch", {2})) << result.out;
    EXPECT_FALSE(has("short_answer", {7})) << result.out;

    // The report is kept in the project.
    json stats = parse_json(dir.run({"stats", project, "--json"}));
    ASSERT_TRUE(stats["latest_check"].is_object()) << stats.dump();
    EXPECT_EQ(stats["latest_check"]["findings"]["pii"], by_kind["pii"].size());
}

TEST(CliProject, CheckFailOnThresholdsAndHumanText) {
    CliDir dir;
    std::string project = make_checked_project(dir);
    // --fail-on: over the threshold exits 1 (and says why on stderr), under it exits 0.
    auto failing = dir.run({"check", project, "--fail-on", "pii=0"});
    EXPECT_EQ(failing.exit_code, 1);
    EXPECT_NE(failing.err.find("pii"), std::string::npos) << failing.err;
    EXPECT_EQ(dir.run({"check", project, "--fail-on", "pii=5,refusal=3"}).exit_code, 0);
    EXPECT_EQ(dir.run({"check", project, "--fail-on", "any=0"}).exit_code, 1);
    // Human text by default.
    auto human = dir.run({"check", project});
    EXPECT_EQ(human.exit_code, 0);
    EXPECT_NE(human.out.find("Checked 8 examples"), std::string::npos) << human.out;
}

TEST(CliProject, ExportRoundTripsThroughImport) {
    CliDir dir;
    std::string project = dir.file("p.tunebench");
    ASSERT_EQ(dir.run({"init", project}).exit_code, 0);
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += chat_line(i % 2 ? "Be brief." : "", "Question " + std::to_string(i) + " ünï",
                          "Answer number " + std::to_string(i));
    ASSERT_EQ(dir.run({"import", project, dir.write("data.jsonl", text)}).exit_code, 0);

    std::string exported = dir.file("all.jsonl");
    auto result = dir.run({"export", project, "--split", "all", "--out", exported});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("Exported 40 examples"), std::string::npos) << result.out;
    EXPECT_EQ(tbtest::lines_of(tbtest::read_text(exported)).size(), 40u);

    // Import the export into a new project, export again: identical bytes.
    std::string copy = dir.file("copy.tunebench");
    ASSERT_EQ(dir.run({"init", copy}).exit_code, 0);
    auto imported = dir.run({"import", copy, exported, "--json"});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_EQ(parse_json(imported)["inserted"], 40);
    std::string again = dir.file("again.jsonl");
    ASSERT_EQ(dir.run({"export", copy, "--split", "all", "--out", again}).exit_code, 0);
    EXPECT_EQ(tbtest::read_text(again), tbtest::read_text(exported));

    // A split nobody assigned yet is an input error.
    EXPECT_EQ(dir.run({"export", project, "--split", "train", "--out", dir.file("train.jsonl")}).exit_code, 2);
}

}  // namespace
