#include "core/text/jinja/utf8_util.h"

#include "core/text/unicode.h"

namespace tb::jinja {

std::vector<CodePoint> utf8_code_points(std::string_view s) {
    std::vector<CodePoint> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t begin = pos;
        const std::uint32_t cp = utf8_decode(s, pos);
        out.push_back({cp, begin, pos});
    }
    return out;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

std::vector<std::size_t> utf8_offsets(std::string_view s) {
    std::vector<std::size_t> out;
    out.reserve(s.size() + 1);
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
    out.push_back(s.size());
    return out;
}

std::uint32_t utf8_decode(std::string_view s, std::size_t& pos) {
    unsigned char c = static_cast<unsigned char>(s[pos++]);
    if (c < 0x80) return c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    std::uint32_t cp = extra == 3 ? (c & 0x07) : extra == 2 ? (c & 0x0F) : (c & 0x1F);
    for (int k = 0; k < extra && pos < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos++]) & 0x3F);
    return cp;
}

void utf8_append(std::string& out, std::uint32_t cp) { utf8::append(out, static_cast<char32_t>(cp)); }

bool is_python_space(std::uint32_t cp) {
    // Python's str.isspace is Unicode White_Space plus the four ASCII separators
    // U+001C..U+001F (bidirectional class B/S), which White_Space leaves out.
    return utf8::is_whitespace(static_cast<char32_t>(cp)) || (cp >= 0x1C && cp <= 0x1F);
}

}  // namespace tb::jinja
