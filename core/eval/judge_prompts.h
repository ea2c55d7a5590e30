#pragma once
// The judge's prompts and the parsing of its replies. The prompt text is part of the judge
// configuration: judge_prompt_template_hash() changes whenever a template here changes,
// so a validation made with older prompts no longer counts (core/eval/judge_validation.h).
//
// Replies are expected as one JSON object:
//   single answer: {"verdict": "pass" | "fail", "reason": "..."}
//   pairwise:      {"preference": "A" | "B" | "tie", "reason": "..."}
// The parser accepts the object alone, inside a ```json fence, or surrounded by prose
// (the first object that parses and holds the key); anything else is malformed (nullopt),
// never guessed from loose words like "pass" in the text.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/dataset/example.h"

namespace tb {

// sha256 hex of every template text below (first 16 characters).
std::string judge_prompt_template_hash();

// The question turns as text the judge can read ("user: ...\nassistant: ...").
std::string render_question(const std::vector<Message>& question);

// System + user messages asking whether `answer` meets `criterion` (the rubric's "pass"
// text), given the question and the expert reference (may be empty).
std::vector<Message> single_answer_prompt(const std::vector<Message>& question, const std::string& reference,
                                          const std::string& criterion, const std::string& answer);

// Which of two answers better meets `criterion` (empty: overall quality), answer A shown first.
std::vector<Message> pairwise_prompt(const std::vector<Message>& question, const std::string& reference,
                                     const std::string& criterion, const std::string& answer_a,
                                     const std::string& answer_b);

// Appends the judge's malformed reply and a request to answer with the JSON object only.
std::vector<Message> with_correction(std::vector<Message> prompt, const std::string& malformed_reply, bool pairwise);

struct SingleVerdict {
    bool pass = false;
    std::string reason;
};
struct PairwiseVerdict {
    char preference = 'T';  // 'A', 'B' or 'T'
    std::string reason;
};

std::optional<SingleVerdict> parse_single_verdict(std::string_view reply);
std::optional<PairwiseVerdict> parse_pairwise_verdict(std::string_view reply);

}  // namespace tb
