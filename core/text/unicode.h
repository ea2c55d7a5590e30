#pragma once
// UTF-8 helpers and the GPT-2 byte <-> printable-character table used by byte-level BPE.
// Kept separate because the tokenizer's normalizers, pre-tokenizers, model and decoders all
// need them, and none of them should own the others.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tb::utf8 {

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for invalid lead bytes, so a
// loop over a damaged string still advances).
inline std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

// Byte offset of the first invalid sequence, or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> first_invalid_byte(std::string_view text);

// Decodes the code point at `pos` (which must start a valid sequence) and advances `pos`.
char32_t decode(std::string_view text, std::size_t& pos);

void append(std::string& out, char32_t code_point);

// Like Rust's String::from_utf8_lossy: each maximal invalid subsequence becomes U+FFFD.
std::string lossy(std::string_view bytes);

// Unicode White_Space (what Rust's char::is_whitespace tests).
bool is_whitespace(char32_t c);

}  // namespace tb::utf8

namespace tb::byte_level {

// GPT-2's reversible map from each byte to a printable code point ('Ġ' for the space, ...).
char32_t byte_to_char(unsigned char byte);
// Inverse: the byte a printable character stands for, or nullopt when it is not in the table.
std::optional<unsigned char> char_to_byte(char32_t c);

// "Ġhello" -> " hello"; nullopt when some character is outside the table (an added token, say).
std::optional<std::string> to_bytes(std::string_view mapped);
// " hello" -> "Ġhello".
std::string from_bytes(std::string_view bytes);

}  // namespace tb::byte_level
