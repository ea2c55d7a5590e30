#include "core/text/chat_template.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text/jinja/template.h"

namespace tb {

ChatTemplate::ChatTemplate(std::string source)
    : source_(std::move(source)), template_(std::make_unique<jinja::Template>(source_)) {}
ChatTemplate::~ChatTemplate() = default;
ChatTemplate::ChatTemplate(ChatTemplate&&) noexcept = default;
ChatTemplate& ChatTemplate::operator=(ChatTemplate&&) noexcept = default;

bool ChatTemplate::has_generation_blocks() const { return template_->has_generation_blocks(); }

RenderResult ChatTemplate::render(const jinja::Value& variables) const {
    if (!variables.is_dict()) throw TemplateError("TypeError", "chat template variables must be a JSON object");
    jinja::TemplateOutput out = template_->render(variables, limits_);
    RenderResult result;
    result.text = std::move(out.text);
    for (const auto& s : out.generation_spans_bytes) result.generation_spans.emplace_back(s.start, s.end);
    for (const auto& s : out.generation_spans_chars) result.generation_spans_chars.emplace_back(s.start, s.end);
    return result;
}

RenderResult ChatTemplate::render(const nlohmann::json& variables) const { return render(jinja::from_json(variables)); }
RenderResult ChatTemplate::render(const nlohmann::ordered_json& variables) const {
    return render(jinja::from_json(variables));
}

nlohmann::ordered_json to_reference_json(const RenderResult& result) {
    nlohmann::ordered_json j;
    j["text"] = result.text;
    j["generation_spans"] = nlohmann::ordered_json::array();
    for (const auto& [s, e] : result.generation_spans_chars) j["generation_spans"].push_back({s, e});
    return j;
}

namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::optional<std::string> token_text(const nlohmann::ordered_json& config, const char* key) {
    auto it = config.find(key);
    if (it == config.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object() && it->contains("content") && (*it)["content"].is_string())
        return (*it)["content"].get<std::string>();
    return std::nullopt;
}

}  // namespace

ModelChatTemplate load_model_chat_template(const std::string& model_dir) {
    namespace fs = std::filesystem;
    ModelChatTemplate out;
    fs::path dir(model_dir);
    fs::path config_path = dir / "tokenizer_config.json";
    nlohmann::ordered_json config;
    if (fs::exists(config_path)) {
        try {
            config = nlohmann::ordered_json::parse(read_file(config_path));
        } catch (const nlohmann::json::exception& e) {
            throw Error(config_path.string() + ": invalid JSON: " + e.what());
        }
        out.bos_token = token_text(config, "bos_token");
        out.eos_token = token_text(config, "eos_token");
    }
    fs::path jinja_path = dir / "chat_template.jinja";
    if (fs::exists(jinja_path)) {
        out.source = read_file(jinja_path);
        return out;
    }
    auto it = config.find("chat_template");
    if (it != config.end() && it->is_string()) {
        out.source = it->get<std::string>();
        return out;
    }
    if (it != config.end() && it->is_array()) {
        for (const auto& entry : *it) {
            if (entry.is_object() && entry.value("name", "") == "default" && entry.contains("template") &&
                entry["template"].is_string()) {
                out.source = entry["template"].get<std::string>();
                return out;
            }
        }
        throw Error(config_path.string() + ": chat_template lists no template named \"default\"");
    }
    throw Error(model_dir +
                ": no chat template (neither chat_template.jinja nor a chat_template in tokenizer_config.json)");
}

}  // namespace tb
