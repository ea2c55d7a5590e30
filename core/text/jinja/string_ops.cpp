#include "core/text/jinja/string_ops.h"

#include <unicode/ucasemap.h>

#include <cctype>

#include "core/text/jinja/utf8_util.h"

namespace tb::jinja {

std::string py_strip(std::string_view s, const std::optional<std::string>& chars, bool left, bool right) {
    std::vector<std::uint32_t> set;
    if (chars) {
        std::size_t p = 0;
        while (p < chars->size()) set.push_back(utf8_decode(*chars, p));
    }
    auto strippable = [&](std::uint32_t cp) {
        if (!chars) return is_python_space(cp);
        for (auto c : set)
            if (c == cp) return true;
        return false;
    };
    // Walk in from both ends, decoding only the code points looked at.
    std::size_t b = 0, e = s.size();
    if (left) {
        while (b < e) {
            std::size_t next = b;
            if (!strippable(utf8_decode(s, next))) break;
            b = next;
        }
    }
    if (right) {
        while (e > b) {
            std::size_t start = e - 1;
            while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
            std::size_t probe = start;
            if (!strippable(utf8_decode(s, probe))) break;
            e = start;
        }
    }
    return std::string(s.substr(b, e - b));
}

std::vector<std::string> py_split(std::string_view s, const std::optional<std::string>& sep, long long maxsplit) {
    std::vector<std::string> out;
    if (sep) {
        std::size_t start = 0;
        while (maxsplit < 0 || static_cast<long long>(out.size()) < maxsplit) {
            std::size_t p = s.find(*sep, start);
            if (p == std::string_view::npos) break;
            out.emplace_back(s.substr(start, p - start));
            start = p + sep->size();
        }
        out.emplace_back(s.substr(start));
        return out;
    }
    auto cps = utf8_code_points(s);
    std::size_t i = 0;
    while (true) {
        while (i < cps.size() && is_python_space(cps[i].cp)) ++i;
        if (i >= cps.size()) break;
        if (maxsplit >= 0 && static_cast<long long>(out.size()) >= maxsplit) {
            out.emplace_back(s.substr(cps[i].begin));
            // Python keeps trailing whitespace of the remainder... but strips it when the
            // remainder is the last field? No: "a b  ".split(None, 1) == ['a', 'b  '].
            break;
        }
        std::size_t j = i;
        while (j < cps.size() && !is_python_space(cps[j].cp)) ++j;
        out.emplace_back(s.substr(cps[i].begin, (j < cps.size() ? cps[j].begin : s.size()) - cps[i].begin));
        i = j;
    }
    return out;
}

std::vector<std::string> py_rsplit(std::string_view s, const std::optional<std::string>& sep, long long maxsplit) {
    if (maxsplit < 0) return py_split(s, sep, maxsplit);
    std::vector<std::string> out;
    if (sep) {
        std::size_t end = s.size();
        while (static_cast<long long>(out.size()) < maxsplit) {
            if (end < sep->size()) break;
            std::size_t p = s.rfind(*sep, end - sep->size());
            if (p == std::string_view::npos) break;
            out.emplace_back(s.substr(p + sep->size(), end - p - sep->size()));
            end = p;
        }
        out.emplace_back(s.substr(0, end));
    } else {
        auto cps = utf8_code_points(s);
        std::size_t e = cps.size();
        while (true) {
            while (e > 0 && is_python_space(cps[e - 1].cp)) --e;
            if (e == 0) break;
            if (static_cast<long long>(out.size()) >= maxsplit) {
                out.emplace_back(s.substr(0, cps[e - 1].end));
                break;
            }
            std::size_t b = e;
            while (b > 0 && !is_python_space(cps[b - 1].cp)) --b;
            out.emplace_back(s.substr(cps[b].begin, cps[e - 1].end - cps[b].begin));
            e = b;
        }
    }
    return {out.rbegin(), out.rend()};
}

std::vector<std::string> py_splitlines(std::string_view s, bool keepends) {
    std::vector<std::string> out;
    auto cps = utf8_code_points(s);
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        std::uint32_t c = cps[i].cp;
        bool is_break = c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x1C || c == 0x1D || c == 0x1E ||
                        c == 0x85 || c == 0x2028 || c == 0x2029;
        if (!is_break) continue;
        std::size_t content_end = cps[i].begin;
        std::size_t end = cps[i].end;
        if (c == '\r' && i + 1 < cps.size() && cps[i + 1].cp == '\n') end = cps[++i].end;
        out.emplace_back(s.substr(line_start, (keepends ? end : content_end) - line_start));
        line_start = end;
    }
    if (line_start < s.size()) out.emplace_back(s.substr(line_start));
    return out;
}

std::string py_replace(std::string_view s, std::string_view old_text, std::string_view new_text, long long count) {
    std::string out;
    if (old_text.empty()) {
        // Python inserts `new` before every code point and at the end.
        auto cps = utf8_code_points(s);
        long long done = 0;
        for (const auto& c : cps) {
            if (count < 0 || done < count) {
                out += new_text;
                ++done;
            }
            out.append(s.substr(c.begin, c.end - c.begin));
        }
        if (count < 0 || done < count) out += new_text;
        return out;
    }
    std::size_t start = 0;
    long long done = 0;
    while (count < 0 || done < count) {
        std::size_t p = s.find(old_text, start);
        if (p == std::string_view::npos) break;
        out.append(s.substr(start, p - start));
        out += new_text;
        start = p + old_text.size();
        ++done;
    }
    out.append(s.substr(start));
    return out;
}

namespace {

// Full Unicode case mapping (ß -> SS, final sigma), as Python's str.upper / str.lower.
std::string icu_case_map(std::string_view s, bool upper) {
    UErrorCode status = U_ZERO_ERROR;
    UCaseMap* map = ucasemap_open("", 0, &status);
    if (U_FAILURE(status)) return std::string(s);
    std::string out(s.size() * 3 + 16, '\0');
    auto convert = [&] {
        status = U_ZERO_ERROR;
        return upper ? ucasemap_utf8ToUpper(map, out.data(), static_cast<int32_t>(out.size()), s.data(),
                                            static_cast<int32_t>(s.size()), &status)
                     : ucasemap_utf8ToLower(map, out.data(), static_cast<int32_t>(out.size()), s.data(),
                                            static_cast<int32_t>(s.size()), &status);
    };
    int32_t n = convert();
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        out.resize(static_cast<std::size_t>(n));
        n = convert();
    }
    ucasemap_close(map);
    if (U_FAILURE(status)) return std::string(s);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace

std::string py_upper(std::string_view s) {
    if (!is_ascii(s)) return icu_case_map(s, true);
    std::string out(s);
    for (auto& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return out;
}

std::string py_lower(std::string_view s) {
    if (!is_ascii(s)) return icu_case_map(s, false);
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

std::string py_title(std::string_view s) {
    std::string out(s);
    bool previous_cased = false;
    for (auto& c : out) {
        bool alpha = std::isalpha(static_cast<unsigned char>(c)) != 0;
        if (alpha)
            c = static_cast<char>(previous_cased ? std::tolower(static_cast<unsigned char>(c))
                                                 : std::toupper(static_cast<unsigned char>(c)));
        previous_cased = alpha || (static_cast<unsigned char>(c) >= 0x80 && previous_cased);
    }
    return out;
}

std::string py_capitalize(std::string_view s) {
    std::string out = py_lower(s);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
    return out;
}

}  // namespace tb::jinja
