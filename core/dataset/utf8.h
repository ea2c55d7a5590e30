#pragma once
// UTF-8 validation done by hand, before any JSON parsing, so a record with broken bytes is
// reported as "invalid UTF-8" (with the offending byte's position) rather than as a vague
// JSON error.
#include <cstddef>
#include <string_view>

namespace tb {

// Offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or npos when the whole text is valid.
std::size_t find_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) { return find_invalid_utf8(text) == std::string_view::npos; }

// Number of code points in valid UTF-8 text ("characters" in the data report).
std::size_t utf8_length(std::string_view text);

}  // namespace tb
