// `tunebench-cli tokenize` end to end: the real binary on the shared vectors. Skipped when the
// CLI has not been built (test_text does not depend on it) or the fixtures are absent.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include "common/shared_fixtures.h"

namespace {

const std::string kShared = TUNEBENCH_SHARED_DIR;
const std::string kCli = TUNEBENCH_CLI;

struct Run {
    int status;
    std::string out;
};

Run run(const std::string& args) {
    std::string cmd = "'" + kCli + "' " + args + " 2>/dev/null";
    Run r{-1, {}};
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int status = pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class TokenizeCli : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(kCli)) GTEST_SKIP() << "tunebench-cli not built";
        TB_SKIP_WITHOUT_SHARED(kShared + "/fixtures",
                               "`tokenize` against the llama-spm vectors and stories260K's BOS handling");
        dir_ = std::filesystem::temp_directory_path() / ("tb-tokenize-cli-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override {
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }
    std::filesystem::path dir_;
};

TEST_F(TokenizeCli, FileInputMatchesTheVectorsByteForByte) {
    const std::string vectors = kShared + "/fixtures/tokenizers/vectors/";
    const std::string sep = "\n__ggml_vocab_test__\n";
    std::string inp = read_file(vectors + "llama-spm.inp");
    std::istringstream out(read_file(vectors + "llama-spm.out"));
    std::size_t pos = 0, next, checked = 0;
    std::string expected;
    while ((next = inp.find(sep, pos)) != std::string::npos && std::getline(out, expected)) {
        const auto file = dir_ / ("case" + std::to_string(checked) + ".txt");
        std::ofstream(file, std::ios::binary) << inp.substr(pos, next - pos);
        pos = next + sep.size();
        // Every fourth case keeps the run short; the long mixed-script case 45 is included.
        if (checked % 4 == 1 || checked == 45) {
            auto r = run("tokenize --model " + kShared + "/fixtures/tokenizers/llama-spm --file '" + file.string() +
                         "' --no-special");
            EXPECT_EQ(r.status, 0);
            if (expected.rfind(' ', 0) == 0) expected.erase(0, 1);
            EXPECT_EQ(r.out, expected + "\n") << "case " << checked;
        }
        ++checked;
    }
    EXPECT_EQ(checked, 46u);
}

TEST_F(TokenizeCli, AddsBosUnlessNoSpecialAndReportsBadInput) {
    const std::string model = kShared + "/fixtures/models/stories260K";
    auto with = run("tokenize --model " + model + " --text 'Once upon a time'");
    auto without = run("tokenize --model " + model + " --text 'Once upon a time' --no-special");
    EXPECT_EQ(with.status, 0);
    EXPECT_EQ(with.out, "1 " + without.out);
    std::ofstream(dir_ / "empty.txt", std::ios::binary) << "";
    EXPECT_EQ(run("tokenize --model " + model + " --file '" + (dir_ / "empty.txt").string() + "' --no-special").out,
              "\n");
    EXPECT_EQ(run("tokenize --model " + model + " --file '" + (dir_ / "empty.txt").string() + "'").out, "1\n");
    EXPECT_EQ(run("tokenize --model " + model).status, 2);
    EXPECT_EQ(run("tokenize --model /nonexistent --text x").status, 2);
}

}  // namespace
