#pragma once
// What a model folder's tokenizer_config.json (and special_tokens_map.json, and
// chat_template.jinja) says about its tokenizer: special tokens, BOS/EOS flags, chat templates.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace tb {

struct TokenizerConfig {
    // The chat template to use by default: the string form, or the "default" entry of the
    // named-list form, or chat_template.jinja beside the config. Empty when there is none.
    std::string chat_template;
    // Every named template of the list form (including "default"), e.g. "tool_use", "rag".
    std::map<std::string, std::string> chat_templates;

    // Token contents (the "content" of AddedToken objects); nullopt when absent or null.
    std::optional<std::string> bos_token, eos_token, pad_token, unk_token;
    std::optional<bool> add_bos_token, add_eos_token;  // nullopt when the config does not say
    std::optional<int64_t> model_max_length;           // nullopt when absent or "unlimited" (1e30)
    std::string tokenizer_class;                       // "LlamaTokenizer", "PreTrainedTokenizerFast", ...
    bool clean_up_tokenization_spaces = false;

    // Reads tokenizer_config.json, then fills missing special tokens from
    // special_tokens_map.json, and the template from chat_template.jinja, when those exist.
    // A missing folder file is not an error (an empty config); a malformed one is (tb::InputError).
    static TokenizerConfig from_folder(const std::string& dir);
    // Parses the text of a tokenizer_config.json (`source` names it in errors).
    static TokenizerConfig parse(const std::string& json_text, const std::string& source);
};

}  // namespace tb
