#pragma once
// Token lengths for the data report (`check --tokenizer DIR`): the tokens of one example as
// the model sees it in training, i.e. the conversation rendered with the model's own chat
// template and tokenized (BOS once). A tokenizer without a chat template counts the message
// texts alone, and says so in its name, rather than inventing a format.
#include <cstddef>
#include <functional>
#include <string>

#include "core/dataset/example.h"

namespace tb {

struct TokenCounter {
    std::function<std::size_t(const Example&)> count;  // safe to call from one thread at a time
    std::string name;                                  // "tokenizer.json of DIR + its chat template"
};

// `path`: a model/tokenizer folder (tokenizer.json, tokenizer_config.json) or a tokenizer.json.
// Throws tb::Error when it cannot be loaded.
TokenCounter make_token_counter(const std::string& path);

}  // namespace tb
