#pragma once
// What "the same prompt" means for leakage and the training exclusion: the turns a model is
// asked to continue (everything before the final assistant answer), without system messages
// (a shared system prompt would make every pair look alike), normalised so that case,
// punctuation and spacing differences do not hide a duplicate.
#include <string>
#include <vector>

#include "core/dataset/example.h"

namespace tb {

// The input turns: the messages before the trailing assistant message(s).
std::vector<Message> prompt_messages(const std::vector<Message>& messages);

// Non-system prompt turns' contents joined with newlines (all prompt turns when every one
// is a system message). Used for near-duplicate shingles.
std::string prompt_text(const std::vector<Message>& messages);

// prompt_text lowercased (ASCII), ASCII punctuation turned into spaces, runs of whitespace
// collapsed to one space, trimmed: "Hello,  World!" and "hello world" are the same prompt.
std::string normalise_prompt_text(const std::string& text);
std::string normalised_prompt(const std::vector<Message>& messages);

}  // namespace tb
