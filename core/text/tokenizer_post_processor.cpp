#include "core/text/tokenizer_post_processor.h"

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/text/token_id.h"

namespace tb {

namespace {

void append_frame(SpecialTokenFrame& into, const SpecialTokenFrame& inner) {
    // An outer step wraps what the inner steps produced.
    into.before.insert(into.before.begin(), inner.before.begin(), inner.before.end());
    into.after.insert(into.after.end(), inner.after.begin(), inner.after.end());
}

SpecialTokenFrame template_frame(const nlohmann::json& spec) {
    SpecialTokenFrame frame;
    const auto& specials = spec.contains("special_tokens") ? spec["special_tokens"] : nlohmann::json::object();
    bool seen_sequence = false;
    for (const auto& item : spec.at("single")) {
        if (item.contains("Sequence")) {
            if (seen_sequence) throw Error("tokenizer.json: TemplateProcessing 'single' uses the sequence twice");
            seen_sequence = true;
        } else if (item.contains("SpecialToken")) {
            const std::string name = item["SpecialToken"].at("id").get<std::string>();
            if (!specials.contains(name))
                throw Error("tokenizer.json: TemplateProcessing uses special token '" + name + "' without defining it");
            auto& target = seen_sequence ? frame.after : frame.before;
            for (const auto& id : specials[name].at("ids"))
                target.push_back(token_id_from_json(id, "the ids of special token '" + name + "'"));
        } else {
            throw Error("tokenizer.json: TemplateProcessing item must be SpecialToken or Sequence");
        }
    }
    return frame;
}

}  // namespace

SpecialTokenFrame parse_post_processor(const nlohmann::json& spec) {
    SpecialTokenFrame frame;
    if (spec.is_null()) return frame;
    const std::string type = spec.value("type", "");
    if (type == "TemplateProcessing") return template_frame(spec);
    if (type == "ByteLevel") return frame;  // only trims offsets; adds no token
    if (type == "RobertaProcessing" || type == "BertProcessing") {
        // "cls": [token, id], "sep": [token, id]; a single text is <cls> A <sep>.
        frame.before.push_back(token_id_from_json(spec.at("cls").at(1), type + " cls id"));
        frame.after.push_back(token_id_from_json(spec.at("sep").at(1), type + " sep id"));
        return frame;
    }
    if (type == "Sequence") {
        for (const auto& p : spec.at("processors")) append_frame(frame, parse_post_processor(p));
        return frame;
    }
    throw Error(
        "tokenizer.json: post_processor type '" + type +
        "' is not supported (supported: TemplateProcessing, ByteLevel, RobertaProcessing, BertProcessing, Sequence)");
}

}  // namespace tb
