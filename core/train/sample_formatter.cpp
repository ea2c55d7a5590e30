#include "core/train/sample_formatter.h"

#include <algorithm>
#include <limits>

#include "core/common/error.h"

namespace tb {

namespace {

constexpr std::size_t kNoMessage = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kMaxReportedErrors = 20;

bool starts_with(const std::string& s, const std::string& prefix) {
    return !prefix.empty() && s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool is_prefix(const std::string& prefix, const std::string& s) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

std::size_t common_prefix(const std::string& a, const std::string& b) {
    std::size_t n = std::min(a.size(), b.size()), i = 0;
    while (i < n && a[i] == b[i]) ++i;
    return i;
}

bool all_whitespace(const std::string& text, const TokenSpan& span) {
    for (std::size_t i = span.begin; i < span.end; ++i)
        if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t' && text[i] != '\r') return false;
    return true;
}

float message_weight(const Message& m) { return static_cast<float>(m.weight.value_or(1.0)); }

std::string example_name(const Example& e) { return e.id ? "example " + std::to_string(e.id) : std::string("example"); }

}  // namespace

std::size_t FormattedSample::trained_tokens() const {
    return static_cast<std::size_t>(
        std::count_if(loss_weights.begin(), loss_weights.end(), [](float w) { return w > 0; }));
}

std::string resolve_chat_template(const Tokenizer& tokenizer, const std::optional<std::string>& explicit_source) {
    if (explicit_source && !explicit_source->empty()) return *explicit_source;
    if (!tokenizer.config().chat_template.empty()) return tokenizer.config().chat_template;
    throw Error(
        "the model has no chat template (a base model?): pass one explicitly (--chat-template FILE, or "
        "\"chat_template\" in the run config); training never falls back to a default format");
}

SampleFormatter::SampleFormatter(Tokenizer tokenizer, std::string chat_template_source, FormatOptions options)
    : tokenizer_(std::move(tokenizer)), template_(std::move(chat_template_source)), options_(options) {}

nlohmann::json SampleFormatter::variables(const Example& example, std::size_t message_count,
                                          bool add_generation_prompt) const {
    nlohmann::json all = to_json(example);
    nlohmann::json messages = nlohmann::json::array();
    for (std::size_t i = 0; i < message_count && i < all["messages"].size(); ++i)
        messages.push_back(all["messages"][i]);
    nlohmann::json vars;
    vars["messages"] = std::move(messages);
    // Like transformers: tools is always passed (None when the example has none).
    vars["tools"] = example.tools.is_null() ? nlohmann::json() : example.tools;
    vars["add_generation_prompt"] = add_generation_prompt;
    vars["bos_token"] = tokenizer_.bos_token();
    vars["eos_token"] = tokenizer_.eos_token();
    return vars;
}

std::vector<TrainedSpan> SampleFormatter::spans_by_prefix_diff(const Example& example, const std::string& full) const {
    std::vector<TrainedSpan> spans;
    for (std::size_t k = 0; k < example.messages.size(); ++k) {
        if (example.messages[k].role != "assistant") continue;
        const std::string with_turn = template_.render(variables(example, k + 1, false)).text;
        std::string before = template_.render(variables(example, k, true)).text;
        std::size_t begin = before.size();
        if (!is_prefix(before, with_turn)) {
            // Some generation prompts add text the stored turn lacks (an empty <think></think>):
            // fall back to the prefix without the prompt, and start where the renders diverge.
            const std::string bare = template_.render(variables(example, k, false)).text;
            if (!is_prefix(bare, with_turn))
                throw Error(example_name(example) + ": the chat template renders messages 1.." + std::to_string(k) +
                            " differently once assistant message " + std::to_string(k + 1) +
                            " follows, so its span cannot be found by prefix diffing; use a template with "
                            "{% generation %} blocks");
            begin = common_prefix(before, with_turn);
        }
        if (!is_prefix(with_turn, full))
            throw Error(example_name(example) +
                        ": the chat template renders the conversation up to assistant message " +
                        std::to_string(k + 1) +
                        " differently once later messages follow (it rewrites earlier turns, e.g. drops old "
                        "reasoning), so turn spans cannot be found by prefix diffing; use a template with "
                        "{% generation %} blocks");
        spans.push_back({begin, with_turn.size(), message_weight(example.messages[k]), k});
    }
    return spans;
}

RenderedConversation SampleFormatter::render(const Example& example) const {
    RenderedConversation out;
    RenderResult full = template_.render(variables(example, example.messages.size(), false));
    out.text = std::move(full.text);

    std::vector<std::size_t> assistants;
    bool weighted = false;
    for (std::size_t i = 0; i < example.messages.size(); ++i)
        if (example.messages[i].role == "assistant") {
            assistants.push_back(i);
            weighted = weighted || example.messages[i].weight.has_value();
        }

    if (template_.has_generation_blocks()) {
        const auto& gen = full.generation_spans;
        if (gen.size() == assistants.size()) {
            for (std::size_t j = 0; j < gen.size(); ++j)
                out.spans.push_back(
                    {gen[j].first, gen[j].second, message_weight(example.messages[assistants[j]]), assistants[j]});
            out.from_generation_blocks = true;
            return out;
        }
        if (!weighted) {  // blocks do not pair with messages, but no per-turn weight needs them to
            for (const auto& [b, e] : gen) out.spans.push_back({b, e, 1.0f, kNoMessage});
            out.from_generation_blocks = true;
            return out;
        }
    }
    out.spans = spans_by_prefix_diff(example, out.text);
    return out;
}

std::optional<FormattedSample> SampleFormatter::format(const Example& example, FormatReport* report) const {
    const RenderedConversation rc = render(example);

    // The template writes BOS itself (Llama 3: "{{ bos_token }}..."): adding it again would
    // give the model a double BOS it never saw in pretraining.
    const bool template_has_bos = starts_with(rc.text, tokenizer_.bos_token());
    const Encoding enc = tokenizer_.encode_with_offsets(rc.text, !template_has_bos);
    const std::size_t n = enc.ids.size();

    FormattedSample s;
    s.example_id = example.id;
    s.input_ids = enc.ids;
    s.loss_weights.assign(n, 0.0f);
    const auto bos = tokenizer_.bos_id();

    for (const TrainedSpan& span : rc.spans) {
        if (span.weight <= 0 || span.end <= span.begin) continue;
        // A token is trained when its bytes overlap the span (byte-level BPE merges may
        // straddle the boundary; added BOS/EOS have empty spans and never match).
        std::size_t first = n, last = n;
        for (std::size_t i = 0; i < n; ++i) {
            const TokenSpan& t = enc.spans[i];
            if (t.end > t.begin && t.begin < span.end && t.end > span.begin) {
                if (first == n) first = i;
                last = i;
            }
        }
        if (first == n) continue;
        // Formatting whitespace after the turn's end token ("<|im_end|>\n") is the template's,
        // not the model's: stop at the last special token when only whitespace follows it.
        std::size_t end_tok = last;
        while (end_tok > first && !tokenizer_.is_special(enc.ids[end_tok]) &&
               all_whitespace(rc.text, enc.spans[end_tok]))
            --end_tok;
        bool has_end_special = tokenizer_.is_special(enc.ids[end_tok]) && end_tok > first;
        if (has_end_special) last = end_tok;
        // The model must learn to stop: when the span ends before the end-of-turn special token
        // (a generation block around the content only), take that token in.
        if (!has_end_special && last + 1 < n && tokenizer_.is_special(enc.ids[last + 1]) &&
            (!bos || enc.ids[last + 1] != *bos))
            ++last;
        for (std::size_t i = first; i <= last; ++i) s.loss_weights[i] = span.weight;
    }
    if (n) s.loss_weights[0] = 0.0f;  // nothing predicts the first token

    if (options_.max_length && n > options_.max_length) {
        if (!options_.truncate) {
            if (report) ++report->dropped_too_long;
            return std::nullopt;
        }
        s.input_ids.resize(options_.max_length);
        s.loss_weights.resize(options_.max_length);
        s.truncated = true;
    }
    if (s.trained_tokens() == 0) {
        if (report) ++report->dropped_untrained;
        return std::nullopt;
    }
    if (report) {
        if (s.truncated) ++report->truncated;
        ++report->formatted;
    }
    return s;
}

std::vector<FormattedSample> SampleFormatter::format_all(const std::vector<Example>& examples,
                                                         FormatReport& report) const {
    std::vector<FormattedSample> out;
    out.reserve(examples.size());
    for (const Example& e : examples) {
        try {
            if (auto s = format(e, &report)) out.push_back(std::move(*s));
        } catch (const std::exception& ex) {  // tb::Error and tb::TemplateError alike
            ++report.failed;
            if (report.errors.size() < kMaxReportedErrors) {
                const std::string what = ex.what(), name = example_name(e) + ":";
                report.errors.push_back(what.rfind(name, 0) == 0 ? what : name + " " + what);
            }
        }
    }
    return out;
}

}  // namespace tb
