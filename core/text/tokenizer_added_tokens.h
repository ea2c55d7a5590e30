#pragma once
// Added tokens of a tokenizer.json ("added_tokens": special tokens like <|eot_id|>, and user
// tokens), found in the text before the model runs, with Hugging Face's rules: leftmost-longest
// match, `single_word`, `lstrip`/`rstrip` (the token swallows whitespace beside it), and
// `normalized` (matched in normalized text, against the normalized token).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tb {

struct AddedToken {
    int32_t id = 0;
    std::string content;
    bool single_word = false;
    bool lstrip = false;
    bool rstrip = false;
    bool normalized = false;
    bool special = false;
};

// One part of a text: either a found added token or plain text between them.
struct AddedTokenSplit {
    std::size_t begin, end;  // bytes of the searched text
    int32_t token_index;     // index into the tokens given to the matcher, -1 for plain text
};

class AddedTokenMatcher {
public:
    AddedTokenMatcher() = default;
    // `patterns[i]` is the text to find for `tokens[indices[i]]` (the normalized content for
    // normalized tokens). Earlier patterns win ties, as in Hugging Face's automaton.
    void build(const std::vector<AddedToken>* tokens, std::vector<std::pair<std::string, int32_t>> patterns);
    bool empty() const { return nodes_.size() <= 1; }

    // Splits `text` into plain parts and added tokens, covering all of it (no empty parts,
    // except a single empty plain part for an empty text).
    void split(std::string_view text, std::vector<AddedTokenSplit>& out) const;

private:
    struct Node {
        std::vector<std::pair<unsigned char, int32_t>> children;
        int32_t token_index = -1;  // a pattern ends here
    };
    // Longest pattern starting at `pos`: (length, token index), or (0, -1).
    std::pair<std::size_t, int32_t> longest_at(std::string_view text, std::size_t pos) const;

    const std::vector<AddedToken>* tokens_ = nullptr;
    std::vector<Node> nodes_;
    bool first_byte_[256] = {};
};

}  // namespace tb
