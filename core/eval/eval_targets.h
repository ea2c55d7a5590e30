#pragma once
// What an eval run evaluates, and how it produces answers: a local Hugging Face model
// folder (optionally with a PEFT LoRA adapter) generated with libtorch in batches, or a
// remote OpenAI-compatible chat endpoint. Torch-free header (the GUI includes it).
//
// Local prompts: the item's turns rendered with the chat template and
// add_generation_prompt = true, encoded without adding special tokens (the template writes
// BOS itself). The template is, in this order: the explicit file, the adapter folder's own
// (chat_template.jinja or tokenizer_config.json, written by the trainer), the model's. A
// base model without one is a tb::Error asking for --chat-template: evaluation never falls
// back to some default format. EOS ids: generation_config.json + config.json + tokenizer.
//
// Remote: the API key is read from the environment variable named in the target at each
// request (core/eval/openai_client.h); only the variable's name is ever stored.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset/example.h"
#include "core/jobs/job.h"
#include "core/model/sampler.h"

namespace tb {

class Tokenizer;

struct EvalTarget {
    enum class Kind { local, remote };
    Kind kind = Kind::local;
    // local
    std::filesystem::path model_dir;
    std::optional<std::filesystem::path> adapter_dir;
    std::optional<std::filesystem::path> chat_template_file;
    // remote
    std::string base_url;  // "http://host:port/v1"
    std::string remote_model;
    std::string api_key_env;  // name of the variable holding the key; "" = no key (local servers)

    static EvalTarget local(std::filesystem::path model_dir, std::optional<std::filesystem::path> adapter_dir = {},
                            std::optional<std::filesystem::path> chat_template_file = {});
    static EvalTarget remote(std::string base_url, std::string model, std::string api_key_env);

    // {"kind": "local", "model": ABS, "adapter": ABS|null, "chat_template_file": ABS|null} or
    // {"kind": "remote", "base_url", "model", "api_key_env"}: stored in the run config, no secret.
    nlohmann::json to_json() const;
    // "stories260K + adapter out/run1", "remote gpt-4o-mini @ http://..."
    std::string describe() const;
};

struct GenerationSettings {
    std::int64_t max_new_tokens = 256;
    SamplingOptions sampling{/*greedy*/ true, /*temperature*/ 1.0, /*top_p*/ 1.0, /*top_k*/ 0, /*seed*/ 0};
    std::int64_t batch_size = 8;  // local prompts generated together (left-padded)
    nlohmann::json to_json() const;
};

struct GeneratedAnswer {
    std::string text;
    std::vector<std::int32_t> tokens;  // local only: generated ids without the EOS
    std::string stop_reason;           // "eos" | "stop_string" | "max_new_tokens" | the server's finish_reason
    nlohmann::json usage;              // remote only: the server's token usage
};

class AnswerGenerator {
public:
    virtual ~AnswerGenerator() = default;
    // One answer per prompt, in order. Throws tb::Cancelled when ctx is cancelled (checked
    // between batches, and per token locally); reports progress in prompts.
    virtual std::vector<GeneratedAnswer> generate(const std::vector<std::vector<Message>>& prompts,
                                                  const JobContext& ctx = {}) = 0;
    // Where the chat template came from ("explicit:PATH", "adapter:PATH", "model:PATH") and
    // similar facts for the run config; remote: {}.
    virtual nlohmann::json details() const = 0;
    // The local tokenizer (memorisation counts tokens); nullptr for remote targets.
    virtual const Tokenizer* tokenizer() const { return nullptr; }
};

// Loads the model (and adapter) or prepares the client. Throws tb::Error for a missing
// folder, a missing template, an adapter that does not fit the model.
std::unique_ptr<AnswerGenerator> make_answer_generator(const EvalTarget& target, const GenerationSettings& settings);

// The local generator (libtorch), defined outside tb_eval so that tb_eval stays torch-free:
// by tb_eval_local (core/eval_local/, linked by the GUI and the tests), or by tunebench-cli,
// which forwards to its torch plugin on first use. make_answer_generator calls it for local
// targets; call that instead.
std::unique_ptr<AnswerGenerator> make_local_answer_generator(const EvalTarget& target,
                                                             const GenerationSettings& settings);

// How eval runs store a path: absolute, symbolic links resolved. (Inline: tb_eval_local uses it
// without a link dependency on tb_eval.)
inline std::string stored_path_text(const std::filesystem::path& path) {
    return std::filesystem::weakly_canonical(std::filesystem::absolute(path)).string();
}

// The train run an adapter folder came from: "run_id" of ADAPTER/tunebench_run.json (written
// by the trainer), nullopt when the file or the key is absent.
std::optional<std::int64_t> adapter_train_run_id(const std::filesystem::path& adapter_dir);

}  // namespace tb
