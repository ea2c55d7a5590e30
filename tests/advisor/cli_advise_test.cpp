// `tunebench-cli advise` end to end: runs the real binary (skips when it is not built, e.g.
// when only test_advisor was built).
#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

struct CliRun {
    int status = -1;
    std::string output;  // stdout and stderr together
    std::string out;     // stdout only
};

CliRun run_cli(const std::string& arguments) {
    CliRun r;
    // Per process: ctest runs the tests of this file in parallel processes.
    const std::string stderr_path = testing::TempDir() + "tb_advise_stderr_" + std::to_string(::getpid()) + ".txt";
    std::string command = std::string(TUNEBENCH_CLI) + " " + arguments + " 2>" + stderr_path;
    FILE* pipe = popen(command.c_str(), "r");
    std::array<char, 4096> buffer{};
    while (std::size_t got = fread(buffer.data(), 1, buffer.size(), pipe)) r.out.append(buffer.data(), got);
    int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(stderr_path);
    r.output = r.out + std::string(std::istreambuf_iterator<char>(err), {});
    return r;
}

std::string write_answers(const std::string& name, const nlohmann::json& answers) {
    std::string path = testing::TempDir() + std::to_string(::getpid()) + "_" + name;
    std::ofstream(path) << answers.dump();
    return path;
}

class AdviseCli : public testing::Test {
protected:
    void SetUp() override {
        if (!fs::exists(TUNEBENCH_CLI)) GTEST_SKIP() << "tunebench-cli not built";
    }
};

TEST_F(AdviseCli, JsonForAStyleTaskWithAModel) {
    std::string answers = write_answers("style.json", {{"goal", "tickets in our tone"},
                                                       {"task", "style"},
                                                       {"knowledge_changes_often", false},
                                                       {"needs_citations", false},
                                                       {"model_can_do_it_with_examples", false}});
    CliRun r = run_cli("advise --answers " + answers + " --parameters 7B --gpu-memory 24 --json");
    ASSERT_EQ(r.status, 0) << r.output;
    nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["recommendation"], "fine-tune");
    EXPECT_EQ(j["method"], "lora");
    EXPECT_FALSE(j["reasons"].empty());
    for (const char* m : {"lora", "qlora", "full"}) EXPECT_GT(j["memory_gib"][m].get<double>(), 0.0) << m;
    EXPECT_LT(j["memory_gib"]["qlora"].get<double>(), j["memory_gib"]["lora"].get<double>());
    EXPECT_LT(j["memory_gib"]["lora"].get<double>(), j["memory_gib"]["full"].get<double>());
    EXPECT_EQ(j["settings"]["lora_rank"], 16);
}

TEST_F(AdviseCli, RagWithoutModelHasNoMemory) {
    std::string answers = write_answers("rag.json", {{"goal", "answer from the handbook"},
                                                     {"task", "knowledge"},
                                                     {"knowledge_changes_often", true},
                                                     {"needs_citations", true},
                                                     {"model_can_do_it_with_examples", false}});
    CliRun r = run_cli("advise --answers " + answers + " --json");
    ASSERT_EQ(r.status, 0) << r.output;
    nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["recommendation"], "rag");
    EXPECT_FALSE(j.contains("memory_gib"));
    CliRun text = run_cli("advise --answers " + answers);
    EXPECT_NE(text.out.find("Recommendation: rag"), std::string::npos) << text.output;
}

TEST_F(AdviseCli, MissingAnswersExitTwoNamingEachKey) {
    std::string answers = write_answers("partial.json", {{"goal", "x"}, {"task", "style"}});
    CliRun r = run_cli("advise --answers " + answers);
    EXPECT_EQ(r.status, 2);
    for (const char* key : {"knowledge_changes_often", "needs_citations", "model_can_do_it_with_examples"})
        EXPECT_NE(r.output.find(key), std::string::npos) << key << "\n" << r.output;
    EXPECT_EQ(r.output.find("Recommendation"), std::string::npos);
    EXPECT_EQ(run_cli("advise --answers " + answers + " --json").status, 2);
    EXPECT_EQ(run_cli("advise").status, 2);  // --answers is required
    std::string bad = write_answers("bad.json", {{"goal", "x"},
                                                 {"task", "poems"},
                                                 {"knowledge_changes_often", false},
                                                 {"needs_citations", false},
                                                 {"model_can_do_it_with_examples", true}});
    CliRun wrong = run_cli("advise --answers " + bad);
    EXPECT_EQ(wrong.status, 2);
    EXPECT_NE(wrong.output.find("poems"), std::string::npos) << wrong.output;
}

}  // namespace

namespace {

TEST_F(AdviseCli, StoresTheDecisionInTheProject) {
    std::string project = testing::TempDir() + "tb_advise_cli_" + std::to_string(::getpid()) + ".tunebench";
    fs::remove(project);
    ASSERT_EQ(run_cli("init " + project).status, 0);
    std::string answers = write_answers("store.json", {{"goal", "json for the billing API"},
                                                       {"task", "structured_output"},
                                                       {"knowledge_changes_often", false},
                                                       {"needs_citations", false},
                                                       {"model_can_do_it_with_examples", false}});
    CliRun stored = run_cli("advise --answers " + answers + " --project " + project + " --decided-by Ada --json");
    ASSERT_EQ(stored.status, 0) << stored.output;
    nlohmann::json j = nlohmann::json::parse(stored.out);
    EXPECT_EQ(j["decision"]["decided_by"], "Ada");
    EXPECT_EQ(j["decision"]["chosen"], "fine-tune");

    CliRun overridden = run_cli("advise --answers " + answers + " --project " + project +
                                " --decided-by Grace --override prompting --reason 'constrained decoding first'");
    ASSERT_EQ(overridden.status, 0) << overridden.output;
    EXPECT_NE(overridden.out.find("overriding fine-tune"), std::string::npos) << overridden.output;

    // An override needs its reason; a decision needs a name.
    EXPECT_EQ(
        run_cli("advise --answers " + answers + " --project " + project + " --decided-by Ada --override rag").status,
        2);
    EXPECT_EQ(run_cli("advise --answers " + answers + " --project " + project).status, 2);
    EXPECT_EQ(run_cli("advise --answers " + answers + " --decided-by Ada").status, 2);
    fs::remove(project);
}

}  // namespace
