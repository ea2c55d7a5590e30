#include "core/text/jinja/template.h"

namespace tb::jinja {

Template::Template(std::string source) : parsed_(parse_template(source)) {}

TemplateOutput Template::render(const Value& variables, const RenderLimits& limits) const {
    Renderer r(*parsed_, limits);
    ReprLimitScope repr_limit(limits.max_output_bytes);
    if (variables.is_dict()) {
        for (const auto& [key, value] : variables.dict_data().items) {
            if (!key.is_string()) continue;
            int symbol = parsed_->symbol_of(key.str());
            if (symbol >= 0) r.root.set(symbol, value);  // names the template never mentions cannot matter
        }
    }
    render_body(r, parsed_->body);
    TemplateOutput out;
    out.text = std::move(r.output);
    out.generation_spans_bytes = std::move(r.spans_bytes);
    out.generation_spans_chars = std::move(r.spans_chars);
    return out;
}

}  // namespace tb::jinja
