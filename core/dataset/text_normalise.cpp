#include "core/dataset/text_normalise.h"

#include <cstring>

namespace tb {
namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

}  // namespace

void append_normalised(std::string_view text, std::string& out) {
    bool pending_space = false;
    const std::size_t start = out.size();
    for (char c : text) {
        if (is_ascii_space(c)) {
            pending_space = out.size() > start;
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
}

std::string normalise_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_normalised(text, out);
    return out;
}

std::uint64_t hash_bytes(std::string_view bytes, std::uint64_t seed) {
    // 8 bytes at a time through a multiply-mix; the length goes into the final mix.
    std::uint64_t h = mix64(seed ^ 0x9E3779B97F4A7C15ULL);
    const char* p = bytes.data();
    std::size_t n = bytes.size();
    while (n >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = mix64(h ^ word) * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
        p += 8;
        n -= 8;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    h = mix64(h ^ tail ^ (static_cast<std::uint64_t>(n) << 56));
    return mix64(h ^ bytes.size());
}

bool is_blank(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_ascii_space(c)) continue;
        if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // U+00A0 no-break space
            ++i;
            continue;
        }
        if (c == '\xE3' && i + 2 < text.size() && text[i + 1] == '\x80' && text[i + 2] == '\x80') {  // U+3000
            i += 2;
            continue;
        }
        return false;
    }
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
    return text;
}

std::string snippet(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (chars == max_chars) break;
            ++chars;
        }
    }
    std::string out(text.substr(0, i));
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (i < text.size()) out += "...";
    return out;
}

}  // namespace tb
