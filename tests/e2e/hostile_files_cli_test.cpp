// Hostile and broken files fed to the real tunebench-cli (issue 14, section 3): every one
// must end in a clear error, exit 2, within seconds and bounded memory. The CLI's own peak
// RSS is read from wait4 (cli_peak_rss.h); the bound is 300 MB, which holds the CLI with
// libtorch loaded (about 160 MB) and nothing the size of the hostile file.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "common/tiny_model.h"
#include "core/common/input_file.h"
#include "core/model/safetensors.h"
#include "core/project/project_file.h"
#include "e2e/cli_peak_rss.h"

namespace {

#define SKIP_WITHOUT_CLI() \
    if (!std::filesystem::exists(TUNEBENCH_CLI)) GTEST_SKIP() << "tunebench-cli not built"

constexpr double kMaxRssMb = 300;
constexpr double kMaxSeconds = 20;
// A 256 MiB record is legal, so reading up to the limit may hold one.
const double kMaxRssWithOneRecordMb = kMaxRssMb + static_cast<double>(tb::kMaxRecordBytes >> 20);

class HostileFilesCliTest : public ::testing::Test {
protected:
    // Runs the CLI; expects exit 2 with `message` in stderr, in bounded time and memory.
    void expect_refused(const std::vector<std::string>& args, const std::string& message, const std::string& tag,
                        double max_rss_mb = kMaxRssMb) const {
        const auto r = tbtest::run_measured(dir_, args, tag);
        EXPECT_FALSE(r.killed) << tag << ": killed by a signal (a limit of cli_peak_rss.h reached?) " << r.err;
        EXPECT_EQ(r.exit_code, 2) << tag << ": " << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << tag << ": expected '" << message << "' in: " << r.err;
        EXPECT_LT(r.peak_rss_mb, max_rss_mb) << tag;
        EXPECT_LT(r.seconds, kMaxSeconds) << tag;
        std::printf("[ measured ] %s: exit %d, peak RSS %.0f MB, %.2f s\n", tag.c_str(), r.exit_code, r.peak_rss_mb,
                    r.seconds);
    }

    // The tiny character model (2 layers) in dir_/name, its config.json then passed to `edit`.
    std::string model(const std::string& name, const std::function<void(nlohmann::json&)>& edit = {}) const {
        const auto dir = std::filesystem::path(dir_.file(name));
        tbtest::write_tiny_char_model(dir, 1, 0.02);
        if (edit) edit_config(dir, edit);
        return dir.string();
    }
    static void edit_config(const std::filesystem::path& dir, const std::function<void(nlohmann::json&)>& edit) {
        nlohmann::json config = nlohmann::json::parse(tbtest::read_text((dir / "config.json").string()));
        edit(config);
        tbtest::write_file(dir / "config.json", config.dump(2));
    }
    std::vector<std::string> generate(const std::string& model_dir) const {
        return {"generate", "--model", model_dir, "--prompt", "hi", "--raw", "--max-new-tokens", "2", "--greedy"};
    }
    // A file of `bytes` bytes of `fill`, after `head`, written in 1 MiB blocks.
    std::string big_file(const std::string& name, const std::string& head, std::size_t bytes, char fill) const {
        std::ofstream out(dir_.file(name), std::ios::binary);
        out << head;
        const std::string block(1 << 20, fill);
        for (std::size_t written = 0; written < bytes; written += block.size()) out << block;
        return dir_.file(name);
    }

    tbtest::CliDir dir_;
};

// ---- config.json -----------------------------------------------------------------------

TEST_F(HostileFilesCliTest, ABillionLayersAreRefusedBeforeAnyLayerIsBuilt) {
    SKIP_WITHOUT_CLI();
    const auto m = model("m", [](nlohmann::json& c) { c["num_hidden_layers"] = 1000000000; });
    expect_refused(generate(m), "num_hidden_layers 1000000000 is larger than any model supported", "layers");
}

TEST_F(HostileFilesCliTest, HugeHiddenAndIntermediateSizesAreRefusedWithAMessage) {
    SKIP_WITHOUT_CLI();
    const auto hidden = model("hidden", [](nlohmann::json& c) { c["hidden_size"] = 1000000000; });
    expect_refused(generate(hidden), "hidden_size 1000000000 is larger than any model supported", "hidden");
    const auto inter =
        model("inter", [](nlohmann::json& c) { c["intermediate_size"] = std::int64_t(1000000000000000000); });
    expect_refused(generate(inter), "intermediate_size 1000000000000000000 is larger than any model supported",
                   "intermediate");
}

TEST_F(HostileFilesCliTest, AConfigWithFewerLayersThanItsWeightsIsRefused) {
    SKIP_WITHOUT_CLI();
    // Weights for 5 layers, config.json saying 3: the extra layers would be dropped silently.
    const auto dir = std::filesystem::path(dir_.file("five"));
    const auto vocab = tbtest::write_char_tokenizer(dir);
    auto config = tbtest::tiny_char_model_config(vocab);
    config.num_hidden_layers = 5;
    tb::CausalLM five(config);
    tb::init_random_weights(*five, 1, 0.02);
    tb::save_pretrained(*five, dir);
    edit_config(dir, [](nlohmann::json& c) { c["num_hidden_layers"] = 3; });
    expect_refused(generate(dir.string()),
                   "the weights hold layers up to model.layers.4 but config.json says num_hidden_layers 3", "fewer");
}

TEST_F(HostileFilesCliTest, AConfigWithMoreLayersThanItsWeightsSaysSo) {
    SKIP_WITHOUT_CLI();
    const auto m = model("m", [](nlohmann::json& c) { c["num_hidden_layers"] = 3; });
    expect_refused(generate(m),
                   "lack \"model.layers.2.self_attn.q_proj.weight\" (config.json says num_hidden_layers 3, the "
                   "weights hold 2)",
                   "more");
}

TEST_F(HostileFilesCliTest, NegativeMaxPositionsAndAnEosIdBeyondTheVocabularyAreRefused) {
    SKIP_WITHOUT_CLI();
    const auto positions = model("positions", [](nlohmann::json& c) { c["max_position_embeddings"] = -5; });
    expect_refused(generate(positions), "max_position_embeddings must be positive", "positions");
    const auto eos = model("eos", [](nlohmann::json& c) { c["eos_token_id"] = std::int64_t(1) << 40; });
    expect_refused(generate(eos), "eos_token_id 1099511627776 is outside the vocabulary (vocab_size 101)", "eos");
}

// ---- weights -----------------------------------------------------------------------------

TEST_F(HostileFilesCliTest, AnIntegerWeightIsRefusedNamingTheTensorAndTheFile) {
    SKIP_WITHOUT_CLI();
    const auto m = model("m");
    const auto weights = std::filesystem::path(m) / "model.safetensors";
    // The same bytes, relabelled: model.norm.weight stored as I32 (as a broken converter writes).
    std::vector<tb::SafeTensorToWrite> tensors;
    {
        const auto file = tb::SafetensorsFile::open(weights);
        std::vector<std::string> keep;
        for (const auto& info : file->header().tensors) {
            tb::SafeTensorToWrite t{info.name, info.dtype, info.shape, file->bytes(info)};
            if (info.name == "model.norm.weight") t.dtype = tb::SafeDType::I32;
            tensors.push_back(t);
        }
        // write_safetensors reads the spans: keep the mapping open until written (to a copy).
        tb::write_safetensors(weights.string() + ".new", tensors);
    }
    std::filesystem::rename(weights.string() + ".new", weights);
    expect_refused(generate(m), weights.string() + ": tensor \"model.norm.weight\" is stored as I32", "i32");
}

// ---- tokenizer.json ----------------------------------------------------------------------

TEST_F(HostileFilesCliTest, AVocabIdOfFiftyMillionIsRefused) {
    SKIP_WITHOUT_CLI();
    const auto m = model("m");
    const auto path = std::filesystem::path(m) / "tokenizer.json";
    auto tokenizer = nlohmann::json::parse(tbtest::read_text(path.string()));
    tokenizer["model"]["vocab"]["~"] = 50000000;  // one entry; the others stay 0..100
    tbtest::write_file(path, tokenizer.dump());
    expect_refused({"tokenize", "--model", m, "--text", "hi"}, "vocab id 50000000 of '~' is outside the vocabulary",
                   "vocab");
}

// ---- input files -------------------------------------------------------------------------

TEST_F(HostileFilesCliTest, DevicesAreRefusedAsInputFiles) {
    SKIP_WITHOUT_CLI();
    const auto project = dir_.file("p.tunebench");
    tb::ProjectFile::create(project);
    const std::string refused = "/dev/zero: is not a regular file";
    expect_refused({"import", project, "/dev/zero"}, refused, "import");
    const auto m = model("m");
    expect_refused({"tokenize", "--model", m, "--file", "/dev/zero"}, refused, "tokenize");
    expect_refused({"generate", "--model", m, "--messages", "/dev/zero"}, refused, "generate");
    expect_refused({"golden", "import", project, "g", "/dev/zero"}, refused, "golden");
}

TEST_F(HostileFilesCliTest, AnUnterminatedJsonLinesLineOf300MBIsTooLong) {
    SKIP_WITHOUT_CLI();
    const auto project = dir_.file("p.tunebench");
    tb::ProjectFile::create(project);
    const auto file = big_file("long.jsonl", "{\"messages\": \"", std::size_t(300) << 20, 'a');
    expect_refused({"import", project, file}, file + ":1: line 1 is longer than 256 MiB", "jsonl",
                   kMaxRssWithOneRecordMb);
}

TEST_F(HostileFilesCliTest, ACsvFieldOf300MBIsTooLong) {
    SKIP_WITHOUT_CLI();
    const auto project = dir_.file("p.tunebench");
    tb::ProjectFile::create(project);
    const auto file = big_file("long.csv", "instruction,output\nhello,\"", std::size_t(300) << 20, 'a');
    expect_refused({"import", project, file}, file + ":2: the row starting on line 2 is longer than 256 MiB", "csv",
                   kMaxRssWithOneRecordMb);
}

// ---- names and secrets -------------------------------------------------------------------

TEST_F(HostileFilesCliTest, GoldenSetAndSuiteNamesFollowTheTagRule) {
    SKIP_WITHOUT_CLI();
    const auto project = dir_.file("p.tunebench");
    tb::ProjectFile::create(project);
    const auto items =
        dir_.write("g.jsonl", R"({"messages": [{"role": "user", "content": "hi"}], "reference": "hello",)"
                              R"( "rubric": [{"kind": "contains", "expected": "hello"}]})"
                              "\n");
    expect_refused({"golden", "import", project, "two\nlines", items}, "contains a control character", "golden-nl");
    expect_refused({"golden", "import", project, std::string(100 * 1024, 'g'), items}, "limited to 200 bytes",
                   "golden-long");
    expect_refused({"suite", project, "set", "night\nly", "--general"}, "contains a control character", "suite-nl");
    expect_refused({"suite", project, "set", std::string(100 * 1024, 's'), "--general"}, "limited to 200 bytes",
                   "suite-long");
}

TEST_F(HostileFilesCliTest, AKeyPassedAsTheVariableNameIsNotEchoed) {
    SKIP_WITHOUT_CLI();
    const auto project = dir_.file("p.tunebench");
    tb::ProjectFile::create(project);
    const std::string key = "sk-proj-Zq3xT9bV1mN8kL2pR7wY4cH6";
    const auto r = tbtest::run_measured(dir_,
                                        {"eval", project, "--endpoint", "http://127.0.0.1:9/v1", "--endpoint-model",
                                         "m", "--api-key-env", key, "--set", "general"},
                                        "key");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("looks like an API key itself"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(key), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find(key), std::string::npos) << r.out;
    EXPECT_EQ(r.err.find(key.substr(0, 16)), std::string::npos) << r.err;
}

}  // namespace
