#pragma once
// Turns a stored conversation (tb::Example) into what the trainer consumes: the token ids of
// the conversation rendered with the model's own chat template, and a per-token loss weight
// that is non-zero only on assistant turns (content + the turn's end-of-turn special token).
//
//   tb::SampleFormatter fmt(tokenizer, tb::resolve_chat_template(tokenizer, cli_template));
//   tb::FormatReport report;
//   auto samples = fmt.format_all(examples, report);   // too-long ones dropped, counted
//
// Torch-free on purpose: formatting is pure text work and must be testable without a model.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/dataset/example.h"
#include "core/text/chat_template.h"
#include "core/text/tokenizer.h"

namespace tb {

struct FormatOptions {
    std::size_t max_length = 0;  // tokens per sample; 0 = unlimited
    bool truncate = false;       // too long: keep the first max_length tokens (else drop the example)
};

// One training sample. loss_weights[i] weighs the loss of predicting input_ids[i] from
// input_ids[0..i) (so loss_weights[0] is always 0: nothing predicts the first token).
// Shapes, once batched: input_ids [T] -> logits [T-1, V] vs targets input_ids[1..T).
struct FormattedSample {
    std::int64_t example_id = 0;
    std::vector<std::int32_t> input_ids;
    std::vector<float> loss_weights;  // one per id; 0 = not trained
    bool truncated = false;
    std::size_t trained_tokens() const;
};

// A byte range of the rendered conversation that is trained, with its loss weight.
struct TrainedSpan {
    std::size_t begin = 0, end = 0;  // bytes [begin, end) of RenderedConversation::text
    float weight = 1.0f;
    std::size_t message_index = 0;  // the assistant message it came from (SIZE_MAX when unknown)
};

struct RenderedConversation {
    std::string text;
    std::vector<TrainedSpan> spans;
    bool from_generation_blocks = false;  // spans from {% generation %}, else by prefix diffing
};

struct FormatReport {
    std::size_t formatted = 0;          // samples produced
    std::size_t dropped_too_long = 0;   // over max_length, truncation off
    std::size_t truncated = 0;          // over max_length, cut to max_length
    std::size_t dropped_untrained = 0;  // no trained token left (all weights 0, or cut away)
    std::size_t failed = 0;             // the template could not render it (see errors)
    std::vector<std::string> errors;    // "example ID: reason", first few only
};

// The template to train with: `explicit_source` when given, else the tokenizer's own
// (tokenizer_config.json / chat_template.jinja). A base model without one is an error asking
// for an explicit template: training never silently falls back to some default format.
std::string resolve_chat_template(const Tokenizer& tokenizer, const std::optional<std::string>& explicit_source);

class SampleFormatter {
public:
    SampleFormatter(Tokenizer tokenizer, std::string chat_template_source, FormatOptions options = {});

    // The rendered conversation and its trained byte spans. Uses {% generation %} blocks when
    // the template has them (and they pair up with the assistant messages); otherwise renders
    // each prefix of the conversation and takes the text between "prefix + generation prompt"
    // and "prefix + assistant message" as the assistant's span. Throws tb::Error when the
    // template renders a prefix that is not a prefix of the longer conversation (templates
    // that rewrite earlier turns, e.g. dropping old reasoning), naming the turn.
    RenderedConversation render(const Example& example) const;

    // Tokenized sample; nullopt when dropped (too long without truncation, or nothing trained).
    // `report` (optional) counts what happened. Throws tb::Error / tb::TemplateError on render errors.
    std::optional<FormattedSample> format(const Example& example, FormatReport* report = nullptr) const;

    // Formats all; render failures are counted in report.failed (with the first few messages)
    // instead of aborting the whole set.
    std::vector<FormattedSample> format_all(const std::vector<Example>& examples, FormatReport& report) const;

    const Tokenizer& tokenizer() const { return tokenizer_; }
    const ChatTemplate& chat_template() const { return template_; }
    const FormatOptions& options() const { return options_; }

private:
    nlohmann::json variables(const Example& example, std::size_t message_count, bool add_generation_prompt) const;
    std::vector<TrainedSpan> spans_by_prefix_diff(const Example& example, const std::string& full) const;

    Tokenizer tokenizer_;
    ChatTemplate template_;
    FormatOptions options_;
};

}  // namespace tb
