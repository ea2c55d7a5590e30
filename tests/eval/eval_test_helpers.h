#pragma once
// Helpers of the eval-run tests: a tiny random Llama with a character-level tokenizer (no
// chat template: a "base model"), a ChatML template file, a project with tagged, split
// examples and a golden set drawn from them, a PEFT adapter that changes the outputs, and
// an OpenAI-compatible echo server on 127.0.0.1.
#include <gtest/gtest.h>

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
#include "common/tiny_model.h"
#include "core/curation/golden_sets.h"
#include "core/curation/splits.h"
#include "core/curation/tags.h"
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/peft_adapter.h"
#include "core/project/examples.h"
#include "core/project/project_file.h"

namespace tbeval {

using tbtest::kChatMl;
using tbtest::message;
using tbtest::write_char_tokenizer;
using tbtest::write_file;

// The tiny character-level Llama (tests/common/tiny_model.h), weights of std 0.3 so that
// seeds and adapters change the generated text.
inline void write_tiny_model(const std::filesystem::path& dir, std::uint64_t seed = 3) {
    tbtest::write_tiny_char_model(dir, seed, 0.3);
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
