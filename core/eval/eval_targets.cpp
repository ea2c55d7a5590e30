#include "core/eval/eval_targets.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <torch/torch.h>

#include "core/common/error.h"
#include "core/eval/openai_client.h"
#include "core/model/generation.h"
#include "core/model/hf_config.h"
#include "core/model/llama.h"
#include "core/model/peft_adapter.h"
#include "core/text/chat_template.h"
#include "core/text/tokenizer.h"

namespace tb {
namespace {

namespace fs = std::filesystem;

std::string absolute_text(const fs::path& p) { return fs::weakly_canonical(fs::absolute(p)).string(); }

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
        return {read_text_file(*target.chat_template_file), "explicit:" + absolute_text(*target.chat_template_file)};
    if (target.adapter_dir) {
        const auto& dir = *target.adapter_dir;
        if (fs::exists(dir / "chat_template.jinja") || fs::exists(dir / "tokenizer_config.json")) {
            try {
                auto t = load_model_chat_template(dir.string());
                if (!t.source.empty()) return {t.source, "adapter:" + absolute_text(dir)};
            } catch (const Error&) {
                // tokenizer_config.json without a template: the model's own applies.
            }
        }
    }
    if (!tokenizer.config().chat_template.empty())
        return {tokenizer.config().chat_template, "model:" + absolute_text(target.model_dir)};
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

class RemoteGenerator final : public AnswerGenerator {
public:
    RemoteGenerator(const EvalTarget& target, const GenerationSettings& settings)
        : client_(client_options(target, settings)) {}

    std::vector<GeneratedAnswer> generate(const std::vector<std::vector<Message>>& prompts,
                                          const JobContext& ctx) override {
        std::vector<GeneratedAnswer> out;
        ctx.report(0, static_cast<std::int64_t>(prompts.size()), "asking the endpoint");
        for (const auto& prompt : prompts) {
            ctx.check_cancel();
            auto response = client_.chat(prompt);
            GeneratedAnswer a;
            a.text = std::move(response.content);
            a.stop_reason = response.finish_reason;
            a.usage = std::move(response.usage);
            out.push_back(std::move(a));
            ctx.report(static_cast<std::int64_t>(out.size()), static_cast<std::int64_t>(prompts.size()),
                       "asking the endpoint");
        }
        return out;
    }
    nlohmann::json details() const override { return nlohmann::json::object(); }

private:
    static OpenAiClientOptions client_options(const EvalTarget& target, const GenerationSettings& settings) {
        if (target.base_url.empty()) throw Error("a remote target needs the endpoint's base URL");
        if (target.remote_model.empty()) throw Error("a remote target needs the endpoint's model name");
        OpenAiClientOptions o;
        o.base_url = target.base_url;
        o.model = target.remote_model;
        o.api_key_env = target.api_key_env;
        o.temperature = settings.sampling.greedy ? 0.0 : settings.sampling.temperature;
        o.max_tokens = static_cast<int>(settings.max_new_tokens);
        return o;
    }
    OpenAiClient client_;
};

}  // namespace

EvalTarget EvalTarget::local(fs::path model_dir, std::optional<fs::path> adapter_dir,
                             std::optional<fs::path> chat_template_file) {
    EvalTarget t;
    t.kind = Kind::local;
    t.model_dir = std::move(model_dir);
    t.adapter_dir = std::move(adapter_dir);
    t.chat_template_file = std::move(chat_template_file);
    return t;
}

EvalTarget EvalTarget::remote(std::string base_url, std::string model, std::string api_key_env) {
    EvalTarget t;
    t.kind = Kind::remote;
    t.base_url = std::move(base_url);
    t.remote_model = std::move(model);
    t.api_key_env = std::move(api_key_env);
    return t;
}

nlohmann::json EvalTarget::to_json() const {
    if (kind == Kind::remote)
        return {{"kind", "remote"}, {"base_url", base_url}, {"model", remote_model}, {"api_key_env", api_key_env}};
    nlohmann::json j{{"kind", "local"}, {"model", absolute_text(model_dir)}};
    j["adapter"] = adapter_dir ? nlohmann::json(absolute_text(*adapter_dir)) : nlohmann::json();
    j["chat_template_file"] =
        chat_template_file ? nlohmann::json(absolute_text(*chat_template_file)) : nlohmann::json();
    return j;
}

std::string EvalTarget::describe() const {
    if (kind == Kind::remote) return "remote " + remote_model + " @ " + base_url;
    auto name = fs::path(absolute_text(model_dir)).filename().string();
    if (adapter_dir) name += " + adapter " + adapter_dir->string();
    return name;
}

nlohmann::json GenerationSettings::to_json() const {
    return {{"max_new_tokens", max_new_tokens}, {"greedy", sampling.greedy}, {"temperature", sampling.temperature},
            {"top_p", sampling.top_p},          {"top_k", sampling.top_k},   {"seed", sampling.seed},
            {"batch_size", batch_size}};
}

std::unique_ptr<AnswerGenerator> make_answer_generator(const EvalTarget& target, const GenerationSettings& settings) {
    if (settings.max_new_tokens < 1) throw Error("max_new_tokens must be at least 1");
    if (target.kind == EvalTarget::Kind::remote) return std::make_unique<RemoteGenerator>(target, settings);
    if (!fs::is_directory(target.model_dir)) throw Error(target.model_dir.string() + ": no such model folder");
    return std::make_unique<LocalGenerator>(target, settings);
}

std::optional<std::int64_t> adapter_train_run_id(const fs::path& adapter_dir) {
    const auto path = adapter_dir / "tunebench_run.json";
    if (!fs::exists(path)) return std::nullopt;
    std::ifstream in(path);
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("run_id") || !j["run_id"].is_number_integer()) return std::nullopt;
    return j["run_id"].get<std::int64_t>();
}

}  // namespace tb
