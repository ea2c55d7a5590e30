// The generate and doctor commands end to end, through the real tunebench-cli binary
// (skipped when it has not been built, e.g. when only test_model was).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "common/shared_fixtures.h"

namespace {

struct Outcome {
    int status = -1;
    std::string out;
};

// `env`: assignments put before the command ("OMP_NUM_THREADS=1").
Outcome run(const std::string& args, const std::string& env = "") {
    Outcome o;
    std::string cmd = env + (env.empty() ? "" : " ") + std::string(TUNEBENCH_CLI) + " " + args + " 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return o;
    std::array<char, 4096> buffer{};
    std::size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) o.out.append(buffer.data(), n);
    int raw = pclose(pipe);
    o.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return o;
}

#define SKIP_WITHOUT_CLI() \
    if (!std::filesystem::exists(TUNEBENCH_CLI)) GTEST_SKIP() << "tunebench-cli not built"

const std::string kStories = std::string(TUNEBENCH_SHARED_DIR) + "/fixtures/models/stories260K";

}  // namespace

TEST(CliGenerate, RawGreedyStoriesPrintsTheKnownStory) {
    SKIP_WITHOUT_CLI();
    TB_SKIP_WITHOUT_SHARED(kStories, "`generate --greedy` printing stories260K's known story");
    auto o = run("generate --model " + kStories + " --raw --prompt '' --greedy --max-new-tokens 60");
    EXPECT_EQ(o.status, 0);
    EXPECT_EQ(o.out,
              "Once upon a time, there was a little girl named Lily. She loved to play outside in the park. One day, "
              "she saw a big, red ball. She wanted to play with it, but it was too high\n");
}

TEST(CliGenerate, TheContinuationKeepsItsLeadingSpace) {
    SKIP_WITHOUT_CLI();
    TB_SKIP_WITHOUT_SHARED(kStories, "`generate` keeping the leading space of stories260K's continuation");
    auto o = run("generate --model " + kStories + " --raw --prompt 'Once upon a time,' --greedy --max-new-tokens 12");
    EXPECT_EQ(o.status, 0);
    ASSERT_FALSE(o.out.empty());
    EXPECT_EQ(o.out[0], ' ') << o.out;  // " there", not "there"
    const std::string story =
        "Once upon a time, there was a little girl named Lily. She loved to play outside in the park.";
    const std::string joined = "Once upon a time," + o.out.substr(0, o.out.size() - 1);
    EXPECT_EQ(story.compare(0, joined.size(), joined), 0) << joined;
}

TEST(CliGenerate, SeededSamplingRepeatsAndUsageErrorsExit2) {
    SKIP_WITHOUT_CLI();
    TB_SKIP_WITHOUT_SHARED(kStories, "`generate --seed` repeatability and its usage errors on stories260K");
    const std::string args =
        "generate --model " + kStories + " --raw --prompt 'Tom had' --max-new-tokens 30 --seed 9 --temperature 1.3";
    auto a = run(args), b = run(args);
    EXPECT_EQ(a.status, 0);
    EXPECT_EQ(a.out, b.out);
    EXPECT_FALSE(a.out.empty());
    // A base model has no chat template: a clear error, exit 2.
    EXPECT_EQ(run("generate --model " + kStories + " --prompt hi").status, 2);
}

TEST(CliDoctor, JsonReportsTheRuntime) {
    SKIP_WITHOUT_CLI();
    auto o = run("doctor --json");
    EXPECT_EQ(o.status, 0);
    EXPECT_NE(o.out.find("\"torch_version\""), std::string::npos) << o.out;
    EXPECT_NE(o.out.find("\"blas_is_reference\""), std::string::npos) << o.out;
}

TEST(CliDoctor, OmpNumThreadsSetsTheThreadCount) {
    SKIP_WITHOUT_CLI();
    auto o = run("doctor --json", "OMP_NUM_THREADS=1");
    ASSERT_EQ(o.status, 0);
    EXPECT_NE(o.out.find("\"threads\": 1,"), std::string::npos) << o.out;
}
