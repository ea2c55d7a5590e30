#pragma once
// A compiled PCRE2 pattern (UTF + Unicode properties, JIT-compiled) for the tokenizer's
// Split pre-tokenizers and Replace normalizers. Matching is thread-safe: each thread uses its
// own match data and JIT stack.
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tb {

class TokenizerRegex {
public:
    // `literal`: the pattern is a plain string (tokenizer.json's {"String": ...}).
    // Throws tb::Error with PCRE2's message and offset when the pattern does not compile.
    TokenizerRegex(const std::string& pattern, bool literal);
    ~TokenizerRegex();
    TokenizerRegex(const TokenizerRegex&) = delete;
    TokenizerRegex& operator=(const TokenizerRegex&) = delete;

    // Non-overlapping matches, left to right, as byte ranges [begin, end) of `text`.
    // `text` must be valid UTF-8.
    void find_all(std::string_view text, std::vector<std::pair<std::size_t, std::size_t>>& matches) const;

    const std::string& pattern() const { return pattern_; }

private:
    std::string pattern_;
    void* code_ = nullptr;  // pcre2_code_8*, kept opaque so the header stays PCRE2-free
};

}  // namespace tb
