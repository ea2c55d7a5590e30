// Two tunebench-cli imports of different files into one project at the same time, while
// this process edits examples: every write lands, nobody sees "database is locked".
#include <gtest/gtest.h>

#include <future>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "core/project/examples.h"

namespace {

std::string chat_file(int n, const std::string& tag) {
    std::string text;
    for (int i = 0; i < n; ++i) {
        text += nlohmann::json{{"messages",
                                {{{"role", "user"}, {"content", tag + " question " + std::to_string(i)}},
                                 {{"role", "assistant"}, {"content", tag + " answer " + std::to_string(i)}}}}}
                    .dump() +
                "\n";
    }
    return text;
}

tb::Example edited(int round, std::int64_t id) {
    tb::Example example;
    example.messages.push_back({"user", "seed question " + std::to_string(id), "", nullptr, "", std::nullopt});
    example.messages.push_back(
        {"assistant", "edited answer, round " + std::to_string(round), "", nullptr, "", std::nullopt});
    return example;
}

TEST(CliConcurrency, ParallelImportsAndEditsLoseNothing) {
    tbtest::CliDir dir;
    std::string project_path = dir.file("p.tunebench");
    ASSERT_EQ(dir.run({"init", project_path}).exit_code, 0);
    ASSERT_EQ(dir.run({"import", project_path, dir.write("seed.jsonl", chat_file(20, "seed"))}).exit_code, 0);
    constexpr int kPerFile = 8000;
    std::string a = dir.write("a.jsonl", chat_file(kPerFile, "alpha"));
    std::string b = dir.write("b.jsonl", chat_file(kPerFile, "beta"));

    auto import_a = std::async(std::launch::async, [&] { return dir.run({"import", project_path, a}, "a"); });
    auto import_b = std::async(std::launch::async, [&] { return dir.run({"import", project_path, b}, "b"); });

    // Meanwhile: 3 rounds of edits over the 20 seed examples, one transaction each.
    auto project = tb::ProjectFile::open(project_path);
    int edits = 0;
    for (int round = 1; round <= 3; ++round) {
        for (std::int64_t id = 1; id <= 20; ++id) {
            ASSERT_NO_THROW(tb::update_example_messages(project, id, edited(round, id)));
            ++edits;
        }
    }
    auto result_a = import_a.get();
    auto result_b = import_b.get();
    EXPECT_EQ(result_a.exit_code, 0) << result_a.err;
    EXPECT_EQ(result_b.exit_code, 0) << result_b.err;
    EXPECT_EQ(result_a.err.find("locked"), std::string::npos) << result_a.err;
    EXPECT_EQ(result_b.err.find("locked"), std::string::npos) << result_b.err;

    EXPECT_EQ(tb::count_examples(project), 20 + 2 * kPerFile);
    EXPECT_EQ(tb::query_int64(project.handle(), "SELECT count(*) FROM example_history").value(), edits);
    for (std::int64_t id = 1; id <= 20; ++id) {
        EXPECT_EQ(tb::get_example(project, id)->example.messages[1].content, "edited answer, round 3");
    }
    auto check = project.prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.column_text(0), "ok");
}

}  // namespace
