// The local half of core/eval/eval_targets.h: a Hugging Face model folder (optionally with a
// PEFT LoRA adapter) generating answers with libtorch. A library of its own (tb_eval_local) so
// that tb_eval stays torch-free: tunebench-cli links tb_eval alone and reaches this code
// through its torch plugin (app/tunebench-cli/torch_plugin.h), the GUI and the tests link it.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <torch/torch.h>

#include "core/common/error.h"
#include "core/eval/eval_targets.h"
#include "core/model/generation.h"
#include "core/model/hf_config.h"
#include "core/model/llama.h"
#include "core/model/peft_adapter.h"
#include "core/text/chat_template.h"
#include "core/text/tokenizer.h"

namespace tb {
namespace {

namespace fs = std::filesystem;

std::string read_text_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot open the chat template file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

struct ResolvedTemplate {
    std::string source;
    std::string origin;
};

ResolvedTemplate resolve_template(const EvalTarget& target, const Tokenizer& tokenizer) {
    if (target.chat_template_file)
        return {read_text_file(*target.chat_template_file), "explicit:" + stored_path_text(*target.chat_template_file)};
    if (target.adapter_dir) {
        const auto& dir = *target.adapter_dir;
        if (fs::exists(dir / "chat_template.jinja") || fs::exists(dir / "tokenizer_config.json")) {
            try {
                auto t = load_model_chat_template(dir.string());
                if (!t.source.empty()) return {t.source, "adapter:" + stored_path_text(dir)};
            } catch (const Error&) {
                // tokenizer_config.json without a template: the model's own applies.
            }
        }
    }
    if (!tokenizer.config().chat_template.empty())
        return {tokenizer.config().chat_template, "model:" + stored_path_text(target.model_dir)};
    throw Error(target.model_dir.string() +
                ": the model has no chat template (a base model?) and the adapter brings none: pass one with "
                "--chat-template FILE; evaluation never falls back to a default format");
}

class LocalGenerator final : public AnswerGenerator {
public:
    LocalGenerator(const EvalTarget& target, const GenerationSettings& settings)
        : tokenizer_(Tokenizer::from_folder(target.model_dir.string())), settings_(settings) {
        if (!fs::exists(target.model_dir / "config.json"))
            throw Error(target.model_dir.string() + ": not a model folder (config.json missing)");
        auto resolved = resolve_template(target, tokenizer_);
        template_.emplace(resolved.source);
        template_origin_ = resolved.origin;
        model_ = load_causal_lm(target.model_dir);
        model_->eval();
        if (target.adapter_dir) {
            if (!fs::exists(*target.adapter_dir / "adapter_config.json"))
                throw Error(target.adapter_dir->string() + ": not a PEFT adapter folder (adapter_config.json missing)");
            load_peft_adapter(*model_, *target.adapter_dir);
        }
        const auto defaults = load_generation_defaults(target.model_dir);
        options_.max_new_tokens = settings.max_new_tokens;
        options_.sampling = settings.sampling;
        options_.eos_token_ids = merged_eos_ids(model_->config(), defaults);
        if (auto eos = tokenizer_.eos_id();
            eos && std::find(options_.eos_token_ids.begin(), options_.eos_token_ids.end(), *eos) ==
                       options_.eos_token_ids.end())
            options_.eos_token_ids.push_back(*eos);
        options_.pad_token_id = defaults.pad_token_id.value_or(0);
        options_.detokenize = [this](const std::vector<std::int64_t>& ids) {
            return tokenizer_.decode(std::vector<std::int32_t>(ids.begin(), ids.end()), /*skip_special_tokens=*/true);
        };
    }

    std::vector<GeneratedAnswer> generate(const std::vector<std::vector<Message>>& prompts,
                                          const JobContext& ctx) override {
        torch::NoGradGuard no_grad;
        std::vector<GeneratedAnswer> out;
        out.reserve(prompts.size());
        const std::size_t batch = static_cast<std::size_t>(std::max<std::int64_t>(1, settings_.batch_size));
        ctx.report(0, static_cast<std::int64_t>(prompts.size()), "generating");
        for (std::size_t start = 0; start < prompts.size(); start += batch) {
            ctx.check_cancel();
            std::vector<std::vector<std::int64_t>> ids;
            for (std::size_t i = start; i < std::min(prompts.size(), start + batch); ++i)
                ids.push_back(encode(prompts[i]));
            auto results = generate_batch(*model_, ids, options_, ctx);
            for (auto& r : results) {
                GeneratedAnswer a;
                a.text = std::move(r.text);
                a.tokens.assign(r.tokens.begin(), r.tokens.end());
                a.stop_reason = to_string(r.stop_reason);
                out.push_back(std::move(a));
            }
            ctx.report(static_cast<std::int64_t>(out.size()), static_cast<std::int64_t>(prompts.size()), "generating");
        }
        return out;
    }

    nlohmann::json details() const override {
        return {{"chat_template_origin", template_origin_}, {"eos_token_ids", options_.eos_token_ids}};
    }
    const Tokenizer* tokenizer() const override { return &tokenizer_; }

private:
    std::vector<std::int64_t> encode(const std::vector<Message>& prompt) const {
        Example e;
        e.messages = prompt;
        nlohmann::json vars;
        vars["messages"] = to_json(e)["messages"];
        vars["tools"] = nullptr;
        vars["add_generation_prompt"] = true;
        vars["bos_token"] = tokenizer_.bos_token();
        vars["eos_token"] = tokenizer_.eos_token();
        const auto text = template_->render(vars).text;
        auto ids = tokenizer_.encode(text, /*add_special_tokens=*/false);
        std::vector<std::int64_t> out(ids.begin(), ids.end());
        if (out.empty()) {
            if (!tokenizer_.bos_id()) throw Error("a prompt renders to no tokens and the tokenizer has no BOS token");
            out.push_back(*tokenizer_.bos_id());
        }
        return out;
    }

    Tokenizer tokenizer_;
    GenerationSettings settings_;
    std::optional<ChatTemplate> template_;
    std::string template_origin_;
    CausalLM model_{nullptr};
    GenerationOptions options_;
};

}  // namespace

std::unique_ptr<AnswerGenerator> make_local_answer_generator(const EvalTarget& target,
                                                             const GenerationSettings& settings) {
    return std::make_unique<LocalGenerator>(target, settings);
}

}  // namespace tb
