#pragma once
// Chat templates rendered byte-exactly like transformers' apply_chat_template (see
// core/text/jinja/template.h for the environment), with the {% generation %} spans a
// trainer needs to build assistant-only loss masks.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/text/jinja/renderer.h"
#include "core/text/jinja/template_error.h"
#include "core/text/jinja/value.h"

namespace tb {

namespace jinja {
class Template;
}

struct RenderResult {
    std::string text;
    // Byte offsets [start, end) into `text` (UTF-8) of each {% generation %} block: use
    // these to map onto tokens.
    std::vector<std::pair<std::size_t, std::size_t>> generation_spans;
    // The same spans in Unicode code points, as transformers (Python str indices) reports them.
    std::vector<std::pair<std::size_t, std::size_t>> generation_spans_chars;
};

class ChatTemplate {
public:
    // Parses; throws tb::TemplateError "chat template line N: TemplateSyntaxError: ..." on syntax errors.
    explicit ChatTemplate(std::string source);
    ~ChatTemplate();
    ChatTemplate(ChatTemplate&&) noexcept;
    ChatTemplate& operator=(ChatTemplate&&) noexcept;

    // `variables` as in the reference's REQUEST.json: messages, add_generation_prompt, tools,
    // bos_token, eos_token, ... Throws tb::TemplateError (raise_exception, undefined
    // attributes, sandbox violations and limits). Pass an ordered_json to keep the key order
    // of the input (Python dicts keep it: it shows in tojson and items()); nlohmann::json
    // sorts object keys.
    RenderResult render(const nlohmann::json& variables) const;
    RenderResult render(const nlohmann::ordered_json& variables) const;
    // Renders variables converted once with jinja::from_json(request): saves the conversion
    // when the same request is rendered many times (benchmarks).
    RenderResult render(const jinja::Value& variables) const;
    bool has_generation_blocks() const;
    const std::string& source() const { return source_; }
    void set_limits(const jinja::RenderLimits& limits) { limits_ = limits; }

private:
    std::string source_;
    std::unique_ptr<jinja::Template> template_;
    jinja::RenderLimits limits_;
};

// {"text": ..., "generation_spans": [[start, end], ...]} with code point offsets: the
// reference renderer's output format.
nlohmann::ordered_json to_reference_json(const RenderResult& result);

// A model folder's chat template, as transformers finds it: DIR/chat_template.jinja if
// present, else "chat_template" in DIR/tokenizer_config.json (a string, or a list of
// {name, template} from which "default" is taken). Also bos/eos tokens from the config
// (a string or an {"content": ...} object). Throws tb::Error when there is none.
struct ModelChatTemplate {
    std::string source;
    std::optional<std::string> bos_token, eos_token;
};
ModelChatTemplate load_model_chat_template(const std::string& model_dir);

}  // namespace tb
