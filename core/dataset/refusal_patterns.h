#pragma once
// Refusal-like answers ("I'm sorry, but I can't ...", "As an AI language model ..."): a
// curated list of phrases, matched case-insensitively anywhere in an assistant reply, with
// typographic apostrophes read as plain ones.
#include <string_view>
#include <vector>

namespace tb {

// The phrases, lowercase.
const std::vector<std::string_view>& refusal_phrases();

// The first phrase found in `reply`, or an empty view when it reads like an answer.
std::string_view find_refusal(std::string_view reply);

}  // namespace tb
