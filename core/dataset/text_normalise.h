#pragma once
// Text normalisation and fast non-cryptographic hashing for the data checks.
#include <cstdint>
#include <string>
#include <string_view>

namespace tb {

// ASCII letters lowercased, every run of whitespace made one space, trimmed: the form in
// which two texts count as "the same" for exact-duplicate detection.
void append_normalised(std::string_view text, std::string& out);
std::string normalise_text(std::string_view text);

// 64-bit hash of bytes (not cryptographic; seeds give independent hashes).
std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed = 0);

// True when the text is empty or only whitespace (ASCII whitespace and U+00A0, U+3000).
bool is_blank(std::string_view text);

// Text without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// The first `max_chars` code points of `text`, with "..." when cut, for report details.
std::string snippet(std::string_view text, std::size_t max_chars = 60);

}  // namespace tb
