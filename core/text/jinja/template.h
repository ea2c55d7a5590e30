#pragma once
// A parsed Jinja2 template rendered in transformers' chat template environment:
// ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True) with loopcontrols,
// {% generation %}, tojson, raise_exception and strftime_now. Parse once, render many
// times (render is const and thread-safe). No file, network or environment access,
// except SOURCE_DATE_EPOCH for strftime_now, as the reference reads it.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/text/jinja/renderer.h"
#include "core/text/jinja/value.h"

namespace tb::jinja {

struct TemplateOutput {
    std::string text;
    std::vector<Span> generation_spans_bytes;  // byte offsets into text
    std::vector<Span> generation_spans_chars;  // code point offsets (Python's str indices)
};

class Template {
public:
    explicit Template(std::string source);  // throws tb::TemplateError (TemplateSyntaxError)
    // `variables` must be a dict; its keys become template variables.
    TemplateOutput render(const Value& variables, const RenderLimits& limits = {}) const;
    bool has_generation_blocks() const { return parsed_->has_generation; }

private:
    std::shared_ptr<const ParsedTemplate> parsed_;
};

}  // namespace tb::jinja
