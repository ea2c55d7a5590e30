#include "core/text/unicode.h"

#include <vector>

namespace tb::utf8 {

namespace {

// Validates one sequence at `pos`; returns its length or 0 when invalid (overlong forms,
// surrogates and code points past U+10FFFF are invalid, as in Rust's str).
std::size_t valid_sequence_at(std::string_view s, std::size_t pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char b0 = byte(pos);
    if (b0 < 0x80) return 1;
    std::size_t n = s.size() - pos;
    auto cont = [&](std::size_t i) { return pos + i < s.size() && (byte(pos + i) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) return n >= 2 && cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (n < 3 || !cont(1) || !cont(2)) return 0;
        unsigned char b1 = byte(pos + 1);
        if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
        if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (n < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
        unsigned char b1 = byte(pos + 1);
        if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
        if (b0 == 0xF4 && b1 >= 0x90) return 0;  // past U+10FFFF
        return 4;
    }
    return 0;
}

// Length of the maximal prefix of an invalid sequence at `pos` that could have started a
// valid one (the unit Rust's from_utf8_lossy replaces with a single U+FFFD).
std::size_t invalid_subpart_length(std::string_view s, std::size_t pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char b0 = byte(pos);
    std::size_t want = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        want = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        want = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        want = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 1;
    }
    std::size_t len = 1;
    for (std::size_t i = 1; i < want && pos + i < s.size(); ++i) {
        unsigned char b = byte(pos + i);
        if (i == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
        ++len;
    }
    return len;
}

}  // namespace

std::optional<std::size_t> first_invalid_byte(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        // ASCII fast path: most text is mostly ASCII.
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        std::size_t len = valid_sequence_at(text, pos);
        if (len == 0) return pos;
        pos += len;
    }
    return std::nullopt;
}

char32_t decode(std::string_view text, std::size_t& pos) {
    unsigned char b0 = static_cast<unsigned char>(text[pos]);
    std::size_t len = sequence_length(b0);
    if (len == 1 || pos + len > text.size()) {
        ++pos;
        return b0;
    }
    char32_t c = b0 & (0x7F >> len);
    for (std::size_t i = 1; i < len; ++i) c = (c << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
    pos += len;
    return c;
}

void append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

std::string lossy(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t len = valid_sequence_at(bytes, pos);
        if (len) {
            out.append(bytes.substr(pos, len));
            pos += len;
        } else {
            out.append("\xEF\xBF\xBD");
            pos += invalid_subpart_length(bytes, pos);
        }
    }
    return out;
}

bool is_whitespace(char32_t c) {
    switch (c) {
        case 0x09:
        case 0x0A:
        case 0x0B:
        case 0x0C:
        case 0x0D:
        case 0x20:
        case 0x85:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return true;
        default:
            return c >= 0x2000 && c <= 0x200A;
    }
}

}  // namespace tb::utf8

namespace tb::byte_level {

namespace {

struct Tables {
    std::array<char32_t, 256> to_char{};
    std::vector<int> to_byte;  // indexed by code point (< 324), -1 when absent

    Tables() : to_byte(512, -1) {
        // Printable bytes stand for themselves; the others are moved to 256 + n, in byte order.
        auto printable = [](int b) {
            return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        };
        int next = 0;
        for (int b = 0; b < 256; ++b) {
            char32_t c = printable(b) ? static_cast<char32_t>(b) : static_cast<char32_t>(256 + next++);
            to_char[b] = c;
            to_byte[c] = b;
        }
    }
};

const Tables& tables() {
    static const Tables t;
    return t;
}

}  // namespace

char32_t byte_to_char(unsigned char byte) { return tables().to_char[byte]; }

std::optional<unsigned char> char_to_byte(char32_t c) {
    const auto& t = tables();
    if (c >= t.to_byte.size() || t.to_byte[c] < 0) return std::nullopt;
    return static_cast<unsigned char>(t.to_byte[c]);
}

std::optional<std::string> to_bytes(std::string_view mapped) {
    std::string out;
    out.reserve(mapped.size());
    std::size_t pos = 0;
    while (pos < mapped.size()) {
        auto b = char_to_byte(utf8::decode(mapped, pos));
        if (!b) return std::nullopt;
        out.push_back(static_cast<char>(*b));
    }
    return out;
}

std::string from_bytes(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) utf8::append(out, byte_to_char(b));
    return out;
}

}  // namespace tb::byte_level
