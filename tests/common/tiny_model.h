#pragma once
// A tiny random Llama that tests can train and run in milliseconds: a character-level
// tokenizer written as tokenizer.json (no chat template: a "base model"), the model saved
// in HF layout beside it, and the ChatML template the tests apply. Used by the train and
// eval tests (and, through their helpers, the CLI and GUI tests); links tb_model.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset/example.h"
#include "core/model/llama.h"

namespace tbtest {

inline const char* kChatMl =
    "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// One token per printable ASCII character and newline; <unk>, <s>, </s>, <|im_start|>,
// <|im_end|> as special tokens (ids 0-4). No chat template. Returns the vocabulary size.
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

// Hidden size 32, 2 layers, 4 query heads over 2 KV heads (GQA), untied head, <s> = 1, </s> = 2
// as the character tokenizer numbers them.
inline tb::ModelConfig tiny_char_model_config(std::int64_t vocab) {
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

// The tiny random Llama with the character tokenizer, in HF layout under `dir`. `init_std`:
// the weights' standard deviation (small for a smooth training start, larger for outputs
// that differ visibly between seeds and adapters).
inline void write_tiny_char_model(const std::filesystem::path& dir, std::uint64_t seed, double init_std) {
    const auto vocab = write_char_tokenizer(dir);
    tb::CausalLM model(tiny_char_model_config(vocab));
    tb::init_random_weights(*model, seed, init_std);
    tb::save_pretrained(*model, dir);
}

inline tb::Message message(std::string role, std::string content) {
    tb::Message m;
    m.role = std::move(role);
    m.content = std::move(content);
    return m;
}

}  // namespace tbtest
