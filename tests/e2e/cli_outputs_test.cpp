// No command may destroy a project or a user's files (issue 14, section 2): every command that
// writes a file or a folder refuses the project file and its SQLite companions, however they
// are spelled (./, a symbolic link, -wal), and an existing output unless --force; merge and
// create-model treat an existing folder alike.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace {

namespace fs = std::filesystem;
using tbtest::CliDir;

std::string chat_lines(int n) {
    std::string text;
    for (int i = 0; i < n; ++i) {
        nlohmann::json messages =
            nlohmann::json::array({{{"role", "user"}, {"content", "Question " + std::to_string(i)}},
                                   {{"role", "assistant"}, {"content", "Answer " + std::to_string(i)}}});
        text += nlohmann::json{{"messages", messages}}.dump() + "\n";
    }
    return text;
}

constexpr const char* kGoldenLine =
    R"({"messages": [{"role": "user", "content": "2+2?"}], "reference": "4", "rubric": [{"kind": "exact", "expected": "4"}]})"
    "\n";

// A project with 12 examples and a golden set "g"; returns its path.
std::string make_project(const CliDir& dir) {
    const std::string project = dir.file("p.tunebench");
    EXPECT_EQ(dir.run({"init", project}, "init").exit_code, 0);
    EXPECT_EQ(dir.run({"import", project, dir.write("data.jsonl", chat_lines(12))}, "import").exit_code, 0);
    EXPECT_EQ(dir.run({"golden", "import", project, "g", dir.write("golden.jsonl", kGoldenLine)}, "golden").exit_code,
              0);
    return project;
}

// The project still opens and holds its 12 examples.
void expect_project_intact(const CliDir& dir, const std::string& project) {
    auto stats = dir.run({"stats", project, "--json"}, "stats");
    ASSERT_EQ(stats.exit_code, 0) << stats.err;
    EXPECT_EQ(nlohmann::json::parse(stats.out)["examples"], 12) << stats.out;
}

TEST(CliOutputs, NoExportOverwritesTheProjectHoweverItIsSpelled) {
    CliDir dir;
    const std::string project = make_project(dir);
    ASSERT_EQ(::symlink(project.c_str(), dir.file("link.tunebench").c_str()), 0);
    const std::vector<std::string> spellings = {project, dir.file(".") + "/./p.tunebench", dir.file("link.tunebench"),
                                                project + "-wal", project + "-shm"};
    for (const auto& out : spellings) {
        for (const bool force : {false, true}) {
            std::vector<std::vector<std::string>> commands = {
                {"export", project, "--split", "all", "--out", out},
                {"golden", "export", project, "g", "--out", out},
                {"review", "export", project, "--out", out},
            };
            for (auto args : commands) {
                if (force) args.push_back("--force");
                auto result = dir.run(args, "refused");
                EXPECT_EQ(result.exit_code, 2) << args[0] << " --out " << out << (force ? " --force" : "");
                EXPECT_NE(result.err.find("project"), std::string::npos) << result.err;
                expect_project_intact(dir, project);
            }
        }
    }
    // The symbolic link is still a link to the project, not a file of its own.
    EXPECT_TRUE(fs::is_symlink(dir.file("link.tunebench")));
}

TEST(CliOutputs, AnExistingFileIsReplacedOnlyWithForceAndNoTemporaryFileStays) {
    CliDir dir;
    const std::string project = make_project(dir);
    const std::string mine = dir.write("mine.jsonl", "my own notes\n");
    const std::vector<std::vector<std::string>> commands = {
        {"export", project, "--split", "all", "--out", mine},
        {"golden", "export", project, "g", "--out", mine},
        {"review", "export", project, "--out", mine},
    };
    for (const auto& args : commands) {
        auto refused = dir.run(args, "refused");
        EXPECT_EQ(refused.exit_code, 2) << args[0];
        EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
        EXPECT_EQ(tbtest::read_text(mine), "my own notes\n") << args[0];
    }
    auto forced = commands[0];
    forced.push_back("--force");
    auto replaced = dir.run(forced, "forced");
    ASSERT_EQ(replaced.exit_code, 0) << replaced.err;
    EXPECT_EQ(tbtest::lines_of(tbtest::read_text(mine)).size(), 12u);
    // A folder as --out is refused too, and a missing folder is named.
    EXPECT_EQ(dir.run({"export", project, "--split", "all", "--out", dir.file("")}, "folder").exit_code, 2);
    auto missing = dir.run({"export", project, "--split", "all", "--out", dir.file("no/such/x.jsonl")}, "missing");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;
    // Only the outputs and the inputs are in the folder: no temporary file was left.
    for (const auto& entry : fs::directory_iterator(dir.file("")))
        EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << entry.path();
}

TEST(CliOutputs, MergeAndCreateModelBothRefuseAnExistingFolderWithoutForce) {
    CliDir dir;
    fs::create_directories(dir.file("earlier"));
    const std::string notes = dir.write("earlier/notes.txt", "keep me");
    const std::string adapter = dir.file("adapter");
    fs::create_directories(adapter);
    // merge checks its output before it loads anything: the folders need not hold a model.
    auto merge =
        dir.run({"merge", "--model", dir.file("model"), "--adapter", adapter, "--out", dir.file("earlier")}, "merge");
    EXPECT_EQ(merge.exit_code, 2);
    EXPECT_NE(merge.err.find("--force"), std::string::npos) << merge.err;
    // The adapter folder itself is never an output, not even with --force.
    auto onto_adapter =
        dir.run({"merge", "--model", dir.file("model"), "--adapter", adapter, "--out", adapter, "--force"}, "onto");
    EXPECT_EQ(onto_adapter.exit_code, 2);
    EXPECT_NE(onto_adapter.err.find("adapter"), std::string::npos) << onto_adapter.err;

    const fs::path demo = fs::path(TUNEBENCH_SOURCE_DIR) / "examples/demo-model";
    if (!fs::exists(demo / "model/tokenizer.json")) GTEST_SKIP() << "examples/demo-model missing";
    auto config = nlohmann::json::parse(tbtest::read_text((demo / "config.json").string()));
    config["num_hidden_layers"] = 1;
    const std::string config_file = dir.write("config.json", config.dump());
    auto create = dir.run({"create-model", "--config", config_file, "--tokenizer", (demo / "model").string(), "--out",
                           dir.file("earlier")},
                          "create");
    EXPECT_EQ(create.exit_code, 2);
    EXPECT_NE(create.err.find("--force"), std::string::npos) << create.err;
    EXPECT_FALSE(fs::exists(dir.file("earlier/model.safetensors")));
    // With --force, the model is written beside the file Tunebench did not write, which stays.
    auto forced = dir.run({"create-model", "--config", config_file, "--tokenizer", (demo / "model").string(), "--out",
                           dir.file("earlier"), "--force"},
                          "forced");
    ASSERT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_TRUE(fs::exists(dir.file("earlier/model.safetensors")));
    EXPECT_EQ(tbtest::read_text(notes), "keep me");
}

}  // namespace
