#pragma once
// Shared helpers of the model tests: fixture paths, temporary folders, tiny random models
// written with our own safetensors writer, and the numpy reference (tests/tools).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/shared_fixtures.h"
#include "core/model/llama.h"

namespace tbtest {

inline std::filesystem::path shared_dir() { return std::filesystem::path(TUNEBENCH_SHARED_DIR); }
inline std::filesystem::path stories_dir() { return shared_dir() / "fixtures/models/stories260K"; }

// `what`: the check that is not run without stories260K.
#define SKIP_WITHOUT_STORIES(what) TB_SKIP_WITHOUT_SHARED(tbtest::stories_dir() / "model.safetensors", what)

// A fresh empty folder under the system temp dir, removed by the destructor.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                ("tb_model_test_" + std::to_string(::getpid()) + "_" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// A small config of the given family: GQA (4 query heads, 2 kv heads), untied head.
inline tb::ModelConfig tiny_config(const std::string& model_type = "llama") {
    tb::ModelConfig c;
    c.model_type = model_type;
    c.hidden_size = 32;
    c.intermediate_size = 48;
    c.num_hidden_layers = 2;
    c.num_attention_heads = 4;
    c.num_key_value_heads = 2;
    c.head_dim = 8;
    c.vocab_size = 64;
    c.rms_norm_eps = 1e-5;
    c.rope_theta = 10000.0;
    c.max_position_embeddings = 128;
    c.tie_word_embeddings = false;
    c.bos_token_id = 1;
    c.eos_token_ids = {2};
    return c;
}

// Random weights (std 0.2: large enough that every path moves the logits).
inline tb::CausalLM tiny_model(const tb::ModelConfig& config, std::uint64_t seed = 7) {
    tb::CausalLM model(config);
    tb::init_random_weights(*model, seed, 0.2);
    return model;
}

// python3 with numpy (the pyenv shim may lack it; Debian's python3-numpy is in /usr/bin).
inline std::optional<std::string> python_with_numpy() {
    for (const char* candidate : {"/usr/bin/python3", "python3"}) {
        std::string cmd = std::string(candidate) + " -c 'import numpy' >/dev/null 2>&1";
        if (std::system(cmd.c_str()) == 0) return std::string(candidate);
    }
    return std::nullopt;
}

#define SKIP_WITHOUT_NUMPY(python_var)             \
    auto python_var = tbtest::python_with_numpy(); \
    if (!python_var) GTEST_SKIP() << "python3 with numpy not found: reference comparison skipped"

// Runs tests/tools/llama_reference.py on `prompts`; returns one [T * vocab] float vector each.
inline std::vector<std::vector<float>> reference_logits(const std::string& python,
                                                        const std::filesystem::path& model_dir,
                                                        const std::vector<std::vector<std::int64_t>>& prompts,
                                                        std::int64_t vocab) {
    TempDir tmp;
    auto prompts_path = tmp.path() / "prompts.json";
    auto out_path = tmp.path() / "logits.f32";
    std::ofstream(prompts_path) << nlohmann::json(prompts).dump();
    std::string script = std::string(TUNEBENCH_SOURCE_DIR) + "/tests/tools/llama_reference.py";
    std::string cmd = python + " '" + script + "' '" + model_dir.string() + "' '" + prompts_path.string() + "' '" +
                      out_path.string() + "'";
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("reference failed: " + cmd);
    std::ifstream in(out_path, std::ios::binary);
    std::vector<std::vector<float>> out;
    for (const auto& p : prompts) {
        std::vector<float> logits(p.size() * static_cast<std::size_t>(vocab));
        in.read(reinterpret_cast<char*>(logits.data()), static_cast<std::streamsize>(logits.size() * sizeof(float)));
        if (!in) throw std::runtime_error("reference output too short");
        out.push_back(std::move(logits));
    }
    return out;
}

inline torch::Tensor ids_tensor(const std::vector<std::int64_t>& ids) {
    return torch::tensor(ids, torch::kInt64).unsqueeze(0);
}

}  // namespace tbtest
