#pragma once
// Helpers of the eval-run tests: a tiny random Llama with a character-level tokenizer (no
// chat template: a "base model"), a ChatML template file, a project with tagged, split
// examples and a golden set drawn from them, a PEFT adapter that changes the outputs, and
// an OpenAI-compatible echo server on 127.0.0.1.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/loopback_http_server.h"
#include "core/curation/golden_sets.h"
#include "core/curation/splits.h"
#include "core/curation/tags.h"
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/peft_adapter.h"
#include "core/project/examples.h"
#include "core/project/project_file.h"

namespace tbeval {

inline const char* kChatMl =
    "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";

inline void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// One token per printable ASCII character and newline, plus <unk>, <s>, </s>, <|im_start|>,
// <|im_end|>. No chat template. Returns the vocabulary size.
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

inline tb::ModelConfig tiny_config(std::int64_t vocab) {
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
    tb::CausalLM model(tiny_config(vocab));
    tb::init_random_weights(*model, seed, 0.3);
    tb::save_pretrained(*model, dir);
}

// A PEFT adapter for the model in `model_dir` whose B matrices are random (a fresh adapter
// has B = 0 and changes nothing). With `template_source`, the folder also carries
// chat_template.jinja, as the trainer writes it.
inline void write_adapter(const std::filesystem::path& model_dir, const std::filesystem::path& adapter_dir,
                          const std::string& template_source = "", std::uint64_t seed = 11) {
    auto model = tb::load_causal_lm(model_dir);
    tb::LoraOptions options;
    options.rank = 4;
    options.alpha = 8;
    tb::apply_lora(*model, options);
    torch::manual_seed(seed);
    {
        torch::NoGradGuard no_grad;
        for (auto& [_, linear] : tb::lora_linears(*model))
            if (linear->has_lora()) linear->lora_B->weight.normal_(0.0, 0.5);
    }
    tb::save_peft_adapter(*model, adapter_dir, options, model_dir.string());
    if (!template_source.empty()) write_file(adapter_dir / "chat_template.jinja", template_source);
}

inline tb::Message message(std::string role, std::string content) {
    tb::Message m;
    m.role = std::move(role);
    m.content = std::move(content);
    return m;
}

inline const std::vector<std::string>& words() {
    static const std::vector<std::string> w = {"red", "blue", "cat", "dog", "sun", "moon", "tree", "fish"};
    return w;
}

// `n` tagged question/answer examples ("topic:colour" for colours, "topic:animal" else),
// split 12% validation; and a golden set "probe" of the first `golden` prompts, each with a
// contains criterion on the answer word.
inline void fill_project(tb::ProjectFile& project, int n = 24, int golden = 6) {
    for (int i = 0; i < n; ++i) {
        const std::string& w = words()[static_cast<std::size_t>(i) % words().size()];
        tb::Example e;
        e.messages = {message("user", "say " + w + " " + std::to_string(i)),
                      message("assistant", w + " " + std::to_string(i))};
        auto id = tb::insert_example(project, e);
        tb::add_tag(project, *id, (i % 8) < 2 ? "topic:colour" : "topic:animal");
    }
    tb::SplitOptions split;
    split.seed = 1;
    split.group_near_duplicates = false;
    tb::assign_splits(project, split);
    const auto set = tb::create_golden_set(project, "probe", tb::GoldenKind::task);
    for (int i = 0; i < golden; ++i) {
        const std::string& w = words()[static_cast<std::size_t>(i) % words().size()];
        tb::GoldenItem item;
        item.set_id = set;
        item.messages = {message("user", "say " + w + " " + std::to_string(i))};
        item.reference = w + " " + std::to_string(i);
        item.rubric = tb::parse_rubric(nlohmann::json::parse(R"([{"kind": "contains", "expected": ")" + w + R"("}])"));
        tb::add_golden_item(project, item);
    }
}

// An OpenAI-compatible endpoint on 127.0.0.1 that answers each chat request with the
// content of its last message prefixed by `prefix`, and records the requests.
class EchoServer : public tbtest::LoopbackHttpServer {
public:
    explicit EchoServer(std::string prefix = "")
        : LoopbackHttpServer([prefix = std::move(prefix)](const std::string& request) {
              std::string content = "?";
              auto body = nlohmann::json::parse(body_of(request), nullptr, false);
              if (body.is_object() && body.contains("messages") && !body["messages"].empty())
                  content = prefix + body["messages"].back().value("content", "");
              return Reply{200, nlohmann::json{{"choices",
                                                {{{"message", {{"role", "assistant"}, {"content", content}}},
                                                  {"finish_reason", "stop"}}}},
                                               {"usage", {{"prompt_tokens", 3}, {"completion_tokens", 2}}}}
                                    .dump()};
          }) {}
};

}  // namespace tbeval
