#include "core/text/tokenizer_config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/common/input_file.h"

namespace tb {

namespace {

std::optional<std::string> read_file_if_exists(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    return read_input_file(path.string());
}

// A special token is written either as a plain string or as an AddedToken object.
std::optional<std::string> token_content(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object() && value.contains("content") && value["content"].is_string())
        return value["content"].get<std::string>();
    return std::nullopt;
}

nlohmann::json parse_json(const std::string& text, const std::string& source) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann reports a byte position; turn it into a line for the user.
        std::size_t line = 1;
        for (std::size_t i = 0; i < e.byte && i < text.size(); ++i) line += text[i] == '\n';
        throw InputError(source, line, std::string("invalid JSON: ") + e.what());
    } catch (const nlohmann::json::exception& e) {  // out_of_range for a number such as 1e400
        throw InputError(source, 0, std::string("invalid JSON: ") + e.what());
    }
}

}  // namespace

TokenizerConfig TokenizerConfig::parse(const std::string& json_text, const std::string& source) {
    nlohmann::json j = parse_json(json_text, source);
    if (!j.is_object()) throw InputError(source, 0, "expected a JSON object");
    TokenizerConfig c;
    try {
        if (j.contains("chat_template")) {
            const auto& t = j["chat_template"];
            if (t.is_string()) {
                c.chat_template = t.get<std::string>();
            } else if (t.is_array()) {
                for (const auto& entry : t) {
                    if (!entry.is_object() || !entry.contains("name") || !entry.contains("template"))
                        throw InputError(source, 0, "chat_template list entries need \"name\" and \"template\"");
                    c.chat_templates[entry["name"].get<std::string>()] = entry["template"].get<std::string>();
                }
                if (auto it = c.chat_templates.find("default"); it != c.chat_templates.end())
                    c.chat_template = it->second;
            } else if (!t.is_null()) {
                throw InputError(source, 0, "chat_template must be a string or a list of {name, template}");
            }
        }
        if (j.contains("bos_token")) c.bos_token = token_content(j["bos_token"]);
        if (j.contains("eos_token")) c.eos_token = token_content(j["eos_token"]);
        if (j.contains("pad_token")) c.pad_token = token_content(j["pad_token"]);
        if (j.contains("unk_token")) c.unk_token = token_content(j["unk_token"]);
        if (j.contains("add_bos_token") && j["add_bos_token"].is_boolean())
            c.add_bos_token = j["add_bos_token"].get<bool>();
        if (j.contains("add_eos_token") && j["add_eos_token"].is_boolean())
            c.add_eos_token = j["add_eos_token"].get<bool>();
        if (j.contains("model_max_length") && j["model_max_length"].is_number()) {
            // transformers writes 1e30 (VERY_LARGE_INTEGER) for "no limit".
            double v = j["model_max_length"].get<double>();
            if (v > 0 && v < 1e15) c.model_max_length = static_cast<int64_t>(v);
        }
        if (j.contains("tokenizer_class") && j["tokenizer_class"].is_string())
            c.tokenizer_class = j["tokenizer_class"].get<std::string>();
        if (j.contains("clean_up_tokenization_spaces") && j["clean_up_tokenization_spaces"].is_boolean())
            c.clean_up_tokenization_spaces = j["clean_up_tokenization_spaces"].get<bool>();
    } catch (const nlohmann::json::exception& e) {
        throw InputError(source, 0, std::string("unexpected value: ") + e.what());
    }
    return c;
}

TokenizerConfig TokenizerConfig::from_folder(const std::string& dir) {
    namespace fs = std::filesystem;
    TokenizerConfig c;
    const fs::path folder(dir);
    if (auto text = read_file_if_exists(folder / "tokenizer_config.json")) {
        c = parse(*text, (folder / "tokenizer_config.json").string());
    }
    if (auto text = read_file_if_exists(folder / "special_tokens_map.json")) {
        const std::string source = (folder / "special_tokens_map.json").string();
        nlohmann::json j = parse_json(*text, source);
        auto fill = [&](std::optional<std::string>& slot, const char* key) {
            if (!slot && j.is_object() && j.contains(key)) slot = token_content(j[key]);
        };
        fill(c.bos_token, "bos_token");
        fill(c.eos_token, "eos_token");
        fill(c.pad_token, "pad_token");
        fill(c.unk_token, "unk_token");
    }
    // Newer transformers save the template beside the config instead of inside it.
    if (c.chat_template.empty()) {
        if (auto text = read_file_if_exists(folder / "chat_template.jinja")) {
            c.chat_template = *text;
            c.chat_templates.emplace("default", *text);
        }
    }
    return c;
}

}  // namespace tb
