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

inline const char* kChatMl =
    "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// One token per printable ASCII character and newline; <unk>, <s>, </s>, <|im_start|>,
// <|im_end|> as special tokens. No chat template (a "base model"). Returns the vocab size.
inline std::int64_t write_char_tokenizer(const std::filesystem::path& dir) {
    using json = nlohmann::json;
    const std::vector<std::string> specials = {"<unk>", "<s>", "</s>", "<|im_start|>", "<|im_end|>"};
    json vocab = json::object();
    json added = json::array();
    std::int64_t id = 0;
    for (const auto& s : specials) {
        vocab[s] = id;
        added.push_back({{"id", id},
                         {"content", s},
                         {"single_word", false},
                         {"lstrip", false},
                         {"rstrip", false},
                         {"normalized", false},
                         {"special", true}});
        ++id;
    }
    vocab["\n"] = id++;
    for (int ch = 32; ch < 127; ++ch) vocab[std::string(1, static_cast<char>(ch))] = id++;
    json tok = {{"version", "1.0"},
                {"added_tokens", added},
                {"normalizer", nullptr},
                {"pre_tokenizer", nullptr},
                {"post_processor", nullptr},
                {"decoder", nullptr},
                {"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", json::array()}, {"unk_token", "<unk>"}}}};
    std::filesystem::create_directories(dir);
    write_file(dir / "tokenizer.json", tok.dump());
    write_file(
        dir / "tokenizer_config.json",
        json{{"bos_token", "<s>"}, {"eos_token", "</s>"}, {"unk_token", "<unk>"}, {"add_bos_token", false}}.dump());
    return id;
}

inline tb::ModelConfig tiny_train_config(std::int64_t vocab) {
    tb::ModelConfig c;
    c.model_type = "llama";
    c.architectures = {"LlamaForCausalLM"};
    c.hidden_size = 32;
    c.intermediate_size = 64;
    c.num_hidden_layers = 2;
    c.num_attention_heads = 4;
    c.num_key_value_heads = 2;
    c.head_dim = 8;
    c.vocab_size = vocab;
    c.rms_norm_eps = 1e-5;
    c.rope_theta = 10000.0;
    c.max_position_embeddings = 512;
    c.tie_word_embeddings = false;
    c.bos_token_id = 1;
    c.eos_token_ids = {2};
    return c;
}

// A tiny random Llama with the character tokenizer, in HF layout under `dir`.
inline void write_tiny_model(const std::filesystem::path& dir, std::uint64_t seed = 3) {
    const auto vocab = write_char_tokenizer(dir);
    tb::CausalLM model(tiny_train_config(vocab));
    tb::init_random_weights(*model, seed, 0.1);
    tb::save_pretrained(*model, dir);
}

inline tb::Message message(std::string role, std::string content) {
    tb::Message m;
    m.role = std::move(role);
    m.content = std::move(content);
    return m;
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
