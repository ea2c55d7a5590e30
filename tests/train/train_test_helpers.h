#pragma once
// Shared helpers of the trainer tests: a character-level tokenizer written as tokenizer.json,
// a tiny random Llama saved in HF layout beside it, a ChatML template file, and projects
// filled with short conversations and split into train/validation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/temp_dir.h"
#include "common/tiny_model.h"
#include "core/curation/splits.h"
#include "core/dataset/example.h"
#include "core/model/llama.h"
#include "core/model/safetensors.h"
#include "core/model/safetensors_torch.h"
#include "core/project/examples.h"
#include "core/project/project_file.h"
#include "core/text/tokenizer.h"
#include "core/train/loss.h"
#include "core/train/sample_formatter.h"
#include "core/train/train_data.h"
#include "core/train/trainer.h"

namespace tbtrain {

inline std::filesystem::path stories_dir() {
    return std::filesystem::path(TUNEBENCH_SHARED_DIR) / "fixtures/models/stories260K";
}
inline bool have_stories() { return std::filesystem::exists(stories_dir() / "model.safetensors"); }

using tbtest::kChatMl;
using tbtest::message;
using tbtest::write_char_tokenizer;
using tbtest::write_file;

// The tiny character-level Llama (tests/common/tiny_model.h), weights of std 0.1: a smooth
// start for training.
inline void write_tiny_model(const std::filesystem::path& dir, std::uint64_t seed = 3) {
    tbtest::write_tiny_char_model(dir, seed, 0.1);
}

// `n` short question/answer conversations (a learnable pattern: the answer repeats a word
// of the question), stored and split (12% validation, seeded).
inline void fill_qa_project(tb::ProjectFile& project, int n) {
    const std::vector<std::string> words = {"red", "blue", "cat", "dog", "sun", "moon", "tree", "fish", "star", "rain"};
    for (int i = 0; i < n; ++i) {
        tb::Example e;
        const std::string& w = words[static_cast<std::size_t>(i) % words.size()];
        e.messages = {message("user", "say " + w + " " + std::to_string(i)),
                      message("assistant", w + " " + w + " " + std::to_string(i))};
        tb::insert_example(project, e);
    }
    tb::SplitOptions split;
    split.seed = 1;
    split.group_near_duplicates = false;
    tb::assign_splits(project, split);
}

// A config for fast, exact tests: fp32, no warm-up, checkpoints off unless asked.
inline tb::TrainConfig tiny_run_config(const std::filesystem::path& model_dir, const std::filesystem::path& out_dir,
                                       const std::filesystem::path& template_file) {
    tb::TrainConfig c;
    c.model_dir = model_dir;
    c.output_dir = out_dir;
    c.chat_template = template_file;
    c.compute_dtype = "fp32";
    c.max_length = 64;
    c.micro_batch_rows = 2;
    c.gradient_accumulation = 1;
    c.learning_rate = 1e-3;
    c.max_steps = 4;
    c.warmup_ratio = 0.0;
    c.eval_every = 0;
    c.checkpoint_every = 0;
    c.threads = 1;
    c.lora.rank = 4;
    c.lora.alpha = 8;
    return c;
}

namespace fs = std::filesystem;

inline nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str());
}

// A tiny model folder, a ChatML template file and a project of `n` split conversations.
struct Fixture {
    tbtest::TempDir dir{"tb_train_"};
    fs::path model_dir, template_file;
    tb::ProjectFile project;
    explicit Fixture(int n = 40)
        : model_dir(dir.file("model")),
          template_file(dir.write("chatml.jinja", kChatMl)),
          project(tb::ProjectFile::create(dir.file("p.tunebench"))) {
        write_tiny_model(model_dir);
        fill_qa_project(project, n);
    }
    tb::TrainConfig config(const std::string& out) const {
        return tiny_run_config(model_dir, dir.file(out), template_file);
    }
};

// Mean token loss of `model` on the project's validation split, formatted as the trainer does.
inline double validation_loss(tb::CausalLMImpl& model, const tb::ProjectFile& project, const tb::TrainConfig& c,
                              const std::string& template_source) {
    tb::FormatOptions fo;
    fo.max_length = static_cast<std::size_t>(c.max_length);
    tb::SampleFormatter fmt(tb::Tokenizer::from_folder(c.model_dir.string()), template_source, fo);
    std::vector<tb::FormattedSample> samples;
    tb::for_each_example(project, "validation", [&](tb::Example&& e) {
        auto s = c.loss_on == tb::LossOn::AllTokens ? tb::format_all_tokens(fmt, e, nullptr) : fmt.format(e);
        if (s) samples.push_back(std::move(*s));
    });
    tb::RowSet rows(samples, c.max_length, c.pack, 2);
    torch::NoGradGuard no_grad;
    model.eval();
    double sum = 0, weight = 0;
    for (std::int64_t r = 0; r < rows.rows(); ++r) {
        auto b = rows.batch({r});
        sum += tb::batch_loss_sum(model, b).item<double>();
        weight += b.loss_weights.sum().item<double>();
    }
    return sum / weight;
}

inline std::map<std::string, torch::Tensor> adapter_tensors(const fs::path& dir) {
    auto file = tb::SafetensorsFile::open(dir / "adapter_model.safetensors");
    std::map<std::string, torch::Tensor> out;
    for (const auto& name : file->names()) out[name] = tb::tensor_view(file, name).clone();
    return out;
}

}  // namespace tbtrain
