#include "core/text/tokenizer_added_tokens.h"

#include <algorithm>
#include <cctype>

#include "core/text/tokenizer_regex.h"
#include "core/text/unicode.h"

namespace tb {

namespace {

bool is_word_char(std::string_view ch) {
    unsigned char c = static_cast<unsigned char>(ch[0]);
    if (c < 0x80) return std::isalnum(c) || c == '_';
    static const TokenizerRegex word(R"(\A\w\z)", false);
    std::vector<std::pair<std::size_t, std::size_t>> m;
    word.find_all(ch, m);
    return !m.empty();
}

// The last character of text[0, end) / first character of text[begin, ...).
std::string_view char_before(std::string_view text, std::size_t end) {
    std::size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return text.substr(start, end - start);
}
std::string_view char_at(std::string_view text, std::size_t begin) {
    return text.substr(begin, utf8::sequence_length(static_cast<unsigned char>(text[begin])));
}
bool is_space(std::string_view ch) {
    std::size_t pos = 0;
    return utf8::is_whitespace(utf8::decode(ch, pos));
}

}  // namespace

void AddedTokenMatcher::build(const std::vector<AddedToken>* tokens,
                              std::vector<std::pair<std::string, int32_t>> patterns) {
    tokens_ = tokens;
    nodes_.assign(1, Node{});
    std::fill(std::begin(first_byte_), std::end(first_byte_), false);
    for (const auto& [pattern, index] : patterns) {
        if (pattern.empty()) continue;
        int32_t node = 0;
        for (unsigned char c : pattern) {
            auto& children = nodes_[static_cast<std::size_t>(node)].children;
            auto it = std::find_if(children.begin(), children.end(), [c](const auto& p) { return p.first == c; });
            if (it != children.end()) {
                node = it->second;
            } else {
                int32_t next = static_cast<int32_t>(nodes_.size());
                children.emplace_back(c, next);
                nodes_.emplace_back();
                node = next;
            }
        }
        // The first pattern given for a string wins (duplicates are ignored).
        if (nodes_[static_cast<std::size_t>(node)].token_index < 0)
            nodes_[static_cast<std::size_t>(node)].token_index = index;
        first_byte_[static_cast<unsigned char>(pattern[0])] = true;
    }
}

std::pair<std::size_t, int32_t> AddedTokenMatcher::longest_at(std::string_view text, std::size_t pos) const {
    std::pair<std::size_t, int32_t> best{0, -1};
    int32_t node = 0;
    for (std::size_t i = pos; i < text.size(); ++i) {
        const auto& children = nodes_[static_cast<std::size_t>(node)].children;
        unsigned char c = static_cast<unsigned char>(text[i]);
        auto it = std::find_if(children.begin(), children.end(), [c](const auto& p) { return p.first == c; });
        if (it == children.end()) break;
        node = it->second;
        if (nodes_[static_cast<std::size_t>(node)].token_index >= 0)
            best = {i + 1 - pos, nodes_[static_cast<std::size_t>(node)].token_index};
    }
    return best;
}

void AddedTokenMatcher::split(std::string_view text, std::vector<AddedTokenSplit>& out) const {
    if (text.empty()) {
        out.push_back({0, 0, -1});
        return;
    }
    std::size_t plain_start = 0;  // start of the text not yet emitted
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (!first_byte_[static_cast<unsigned char>(text[pos])]) {
            ++pos;
            continue;
        }
        auto [length, index] = longest_at(text, pos);
        if (length == 0) {
            ++pos;
            continue;
        }
        std::size_t start = pos, stop = pos + length;
        pos = stop;  // the search goes on after this match, kept or not
        const AddedToken& token = (*tokens_)[static_cast<std::size_t>(index)];
        if (token.single_word) {
            bool space_before = start == 0 || !is_word_char(char_before(text, start));
            bool space_after = stop == text.size() || !is_word_char(char_at(text, stop));
            if (!space_before || !space_after) continue;
        }
        if (token.lstrip) {
            std::size_t new_start = start;
            while (new_start > 0 && is_space(char_before(text, new_start)))
                new_start -= char_before(text, new_start).size();
            // Whitespace already taken by the previous match stays with it.
            start = std::max(new_start, plain_start);
        }
        if (token.rstrip) {
            while (stop < text.size() && is_space(char_at(text, stop))) stop += char_at(text, stop).size();
            pos = stop;
        }
        if (plain_start < start) out.push_back({plain_start, start, -1});
        out.push_back({start, stop, index});
        plain_start = stop;
    }
    if (plain_start < text.size()) out.push_back({plain_start, text.size(), -1});
}

}  // namespace tb
