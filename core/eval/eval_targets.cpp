#include "core/eval/eval_targets.h"

#include <fstream>

#include "core/common/error.h"
#include "core/eval/openai_client.h"

namespace tb {
namespace {

namespace fs = std::filesystem;

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
    nlohmann::json j{{"kind", "local"}, {"model", stored_path_text(model_dir)}};
    j["adapter"] = adapter_dir ? nlohmann::json(stored_path_text(*adapter_dir)) : nlohmann::json();
    j["chat_template_file"] =
        chat_template_file ? nlohmann::json(stored_path_text(*chat_template_file)) : nlohmann::json();
    return j;
}

std::string EvalTarget::describe() const {
    if (kind == Kind::remote) return "remote " + remote_model + " @ " + base_url;
    auto name = fs::path(stored_path_text(model_dir)).filename().string();
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
    return make_local_answer_generator(target, settings);
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
