#include "core/text/jinja/filters_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/text/jinja/string_ops.h"
#include "core/text/jinja/utf8_util.h"

namespace tb::jinja {

namespace {

[[noreturn]] void type_error(const std::string& m) { throw TemplateError("TypeError", m); }

// Python's \w for str patterns: letters, digits and "_" (non-ASCII counted as letters).
bool is_word(std::uint32_t cp) {
    return cp >= 0x80 ? !is_python_space(cp) : (std::isalnum(static_cast<int>(cp)) || cp == '_');
}
bool is_letter(std::uint32_t cp) { return is_word(cp) && !(cp >= '0' && cp <= '9'); }

const Value* arg(const CallArgs& a, std::size_t index, std::string_view name) { return argument(a, index, name); }

}  // namespace

// ---- title ----

Value filter_title(Renderer&, const Value& v, CallArgs&) {
    // "".join(item[0].upper() + item[1:].lower() for item in re.split(r"([-\s({\[<]+)", s) if item)
    std::string s = v.to_str(), out;
    auto cps = utf8_code_points(s);
    auto is_separator = [](std::uint32_t c) {
        return c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || is_python_space(c);
    };
    std::size_t i = 0;
    while (i < cps.size()) {
        std::size_t j = i;
        bool separator = is_separator(cps[i].cp);
        while (j < cps.size() && is_separator(cps[j].cp) == separator) ++j;
        std::string_view first(s.data() + cps[i].begin, cps[i].end - cps[i].begin);
        std::string_view rest(s.data() + cps[i].end, cps[j - 1].end - cps[i].end);
        out += separator ? std::string(first) : py_upper(first);
        out += separator ? std::string(rest) : py_lower(rest);
        i = j;
    }
    return v.is_markup() ? Value::markup(std::move(out)) : Value::string(std::move(out));
}

// ---- pprint ----

namespace {

constexpr std::size_t kPprintWidth = 80;

bool safe_less(const Value& a, const Value& b) {
    try {
        return compare_values(a, b, "<") < 0;
    } catch (const TemplateError&) {
        return a.python_type() < b.python_type();  // pprint's _safe_key falls back to the type
    }
}

std::vector<std::pair<Value, Value>> sorted_items(const DictData& d) {
    auto items = d.items;
    std::stable_sort(items.begin(), items.end(), [](const auto& x, const auto& y) {
        if (safe_less(x.first, y.first)) return true;
        if (safe_less(y.first, x.first)) return false;
        return safe_less(x.second, y.second);
    });
    return items;
}

// pprint's _safe_repr: repr with dict keys sorted, at every level.
std::string pp_repr(const Value& v) {
    if (v.is_dict()) {
        std::string out = "{";
        bool first = true;
        for (const auto& [k, x] : sorted_items(v.dict_data())) {
            if (!first) out += ", ";
            first = false;
            out += pp_repr(k) + ": " + pp_repr(x);
            check_built_text(out.size());
        }
        return out + "}";
    }
    if (v.is_sequence()) {
        const auto& items = v.items();
        std::string out = v.is_tuple() ? "(" : "[";
        for (std::size_t i = 0; i < items.size(); ++i) {
            out += (i ? ", " : "") + pp_repr(items[i]);
            check_built_text(out.size());
        }
        if (v.is_tuple() && items.size() == 1) out += ",";
        return out + (v.is_tuple() ? ")" : "]");
    }
    return v.repr();
}

class PrettyPrinter {
public:
    std::string out;

    void format(const Value& v, std::size_t indent, std::size_t allowance, int level) {
        std::string rep = pp_repr(v);
        std::size_t width = utf8_length(rep);
        bool fits = width + indent + allowance <= kPprintWidth;
        if (!fits) {
            if (v.is_dict()) return pprint_dict(v, indent, allowance, level + 1);
            if (v.is_sequence()) return pprint_sequence(v, indent, allowance, level + 1);
            if (v.is_string() && !v.is_markup()) return pprint_str(v.str(), indent, allowance, level + 1);
        }
        out += rep;
    }

private:
    void pprint_dict(const Value& v, std::size_t indent, std::size_t allowance, int level) {
        out += '{';
        auto items = sorted_items(v.dict_data());
        indent += 1;
        allowance += 1;
        for (std::size_t i = 0; i < items.size(); ++i) {
            bool last = i + 1 == items.size();
            std::string key = pp_repr(items[i].first);
            out += key + ": ";
            format(items[i].second, indent + utf8_length(key) + 2, last ? allowance : 1, level);
            if (!last) out += ",\n" + std::string(indent, ' ');
            check_built_text(out.size());
        }
        out += '}';
    }

    void pprint_sequence(const Value& v, std::size_t indent, std::size_t allowance, int level) {
        bool tuple = v.is_tuple();
        const auto& items = v.items();
        std::string end = tuple ? (items.size() == 1 ? ",)" : ")") : "]";
        out += tuple ? '(' : '[';
        allowance += end.size();
        indent += 1;
        for (std::size_t i = 0; i < items.size(); ++i) {
            bool last = i + 1 == items.size();
            if (i) out += ",\n" + std::string(indent, ' ');
            format(items[i], indent, last ? allowance : 1, level);
            check_built_text(out.size());
        }
        out += end;
    }

    void pprint_str(const std::string& s, std::size_t indent, std::size_t allowance, int level) {
        std::vector<std::string> chunks;
        auto lines = py_splitlines(s, true);
        if (level == 1) {
            indent += 1;
            allowance += 1;
        }
        std::size_t max_width1 = kPprintWidth > indent ? kPprintWidth - indent : 0;
        std::size_t max_width = max_width1;
        std::string rep;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            rep = python_string_repr(lines[i]);
            if (i + 1 == lines.size()) max_width1 = max_width1 > allowance ? max_width1 - allowance : 0;
            if (utf8_length(rep) <= max_width1) {
                chunks.push_back(rep);
                continue;
            }
            // Alternating runs of non-space then space, as re.findall(r'\S*\s*', line).
            std::vector<std::string> parts;
            auto cps = utf8_code_points(lines[i]);
            std::size_t p = 0;
            while (p < cps.size()) {
                std::size_t q = p;
                while (q < cps.size() && !is_python_space(cps[q].cp)) ++q;
                while (q < cps.size() && is_python_space(cps[q].cp)) ++q;
                parts.push_back(lines[i].substr(cps[p].begin, cps[q - 1].end - cps[p].begin));
                p = q;
            }
            std::size_t max_width2 = max_width;
            std::string current;
            for (std::size_t j = 0; j < parts.size(); ++j) {
                std::string candidate = current + parts[j];
                if (j + 1 == parts.size() && i + 1 == lines.size())
                    max_width2 = max_width2 > allowance ? max_width2 - allowance : 0;
                if (utf8_length(python_string_repr(candidate)) > max_width2) {
                    if (!current.empty()) chunks.push_back(python_string_repr(current));
                    current = parts[j];
                } else {
                    current = std::move(candidate);
                }
            }
            if (!current.empty()) chunks.push_back(python_string_repr(current));
        }
        if (chunks.size() == 1) {
            out += rep;
            return;
        }
        if (level == 1) out += '(';
        for (std::size_t i = 0; i < chunks.size(); ++i) {
            if (i) out += "\n" + std::string(indent, ' ');
            out += chunks[i];
        }
        if (level == 1) out += ')';
    }
};

}  // namespace

std::string python_pformat(const Value& v) {
    PrettyPrinter p;
    p.format(v, 0, 0, 0);
    return std::move(p.out);
}

Value filter_pprint(Renderer& r, const Value& v, CallArgs&) {
    std::string text = python_pformat(v);
    r.check_size(text.size());
    return Value::string(std::move(text));
}

// ---- striptags ----

namespace {

// html.unescape for the numeric references and the common named ones: "&name;", "&#65",
// "&#x41;", and the legacy names that need no ";" ("&amp", "&copy").
std::string html_unescape(std::string_view s) {
    static const std::pair<const char*, std::uint32_t> named[] = {
        {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
        {"nbsp", 0xA0},     {"copy", 0xA9},    {"reg", 0xAE},     {"raquo", 0xBB},   {"laquo", 0xAB},
        {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"trade", 0x2122}, {"euro", 0x20AC},
    };
    static const std::pair<const char*, std::uint32_t> legacy[] = {{"amp", '&'},  {"lt", '<'},     {"gt", '>'},
                                                                   {"quot", '"'}, {"nbsp", 0xA0},  {"copy", 0xA9},
                                                                   {"reg", 0xAE}, {"raquo", 0xBB}, {"laquo", 0xAB}};
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        if (i + 1 < s.size() && s[i + 1] == '#') {
            bool hex = i + 2 < s.size() && (s[i + 2] == 'x' || s[i + 2] == 'X');
            std::size_t j = i + (hex ? 3 : 2);
            std::uint64_t cp = 0;
            std::size_t digits = 0;
            for (; j < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[j]))
                                        : std::isdigit(static_cast<unsigned char>(s[j])));
                 ++j, ++digits)
                if (cp <= 0x10FFFF)
                    cp = cp * (hex ? 16 : 10) +
                         static_cast<std::uint64_t>(std::isdigit(static_cast<unsigned char>(s[j]))
                                                        ? s[j] - '0'
                                                        : std::tolower(static_cast<unsigned char>(s[j])) - 'a' + 10);
            if (digits == 0) {
                out += s[i];
                continue;
            }
            if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
            utf8_append(out, static_cast<std::uint32_t>(cp));
            i = (j < s.size() && s[j] == ';') ? j : j - 1;
            continue;
        }
        std::size_t j = i + 1;
        while (j < s.size() && j - i - 1 < 32 && std::string_view("\t\n\f <&#;").find(s[j]) == std::string_view::npos)
            ++j;
        std::string_view name = s.substr(i + 1, j - i - 1);
        bool done = false;
        if (j < s.size() && s[j] == ';')
            for (const auto& [n, cp] : named)
                if (name == n) {
                    utf8_append(out, cp);
                    i = j;
                    done = true;
                    break;
                }
        if (!done) {
            std::size_t best = 0;
            std::uint32_t best_cp = 0;
            for (const auto& [n, cp] : legacy) {
                std::string_view candidate(n);
                if (candidate.size() > best && name.substr(0, candidate.size()) == candidate) {
                    best = candidate.size();
                    best_cp = cp;
                }
            }
            if (best) {
                utf8_append(out, best_cp);
                i += best;
                done = true;
            }
        }
        if (!done) out += s[i];
    }
    return out;
}

}  // namespace

Value filter_striptags(Renderer&, const Value& v, CallArgs&) {
    // markupsafe's Markup.striptags: comments first, then tags, then collapse whitespace and unescape.
    std::string s = v.to_str();
    auto remove_between = [&](std::string_view open, std::string_view close) {
        std::string result;
        std::size_t from = 0;
        while (true) {
            std::size_t start = s.find(open, from);
            if (start == std::string::npos) break;
            std::size_t end = s.find(close, start);
            if (end == std::string::npos) break;
            result.append(s, from, start - from);
            from = end + close.size();
        }
        result.append(s, from, std::string::npos);
        s = std::move(result);
    };
    remove_between("<!--", "-->");
    remove_between("<", ">");
    auto words = py_split(s, std::nullopt, -1);
    std::string joined;
    for (std::size_t i = 0; i < words.size(); ++i) joined += (i ? " " : "") + words[i];
    return Value::string(html_unescape(joined));
}

// ---- wordwrap (textwrap.wrap with Jinja's options) ----

namespace {

bool is_wrap_space(std::uint32_t c) {
    return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' ';
}

// textwrap's chunks: whitespace runs, and words split after hyphens between letters.
std::vector<std::vector<CodePoint>> wrap_chunks(const std::vector<CodePoint>& cps, bool break_on_hyphens) {
    std::vector<std::vector<CodePoint>> chunks;
    std::size_t i = 0;
    while (i < cps.size()) {
        std::size_t j = i;
        bool space = is_wrap_space(cps[i].cp);
        while (j < cps.size() && is_wrap_space(cps[j].cp) == space) ++j;
        if (space || !break_on_hyphens) {
            chunks.emplace_back(cps.begin() + static_cast<std::ptrdiff_t>(i),
                                cps.begin() + static_cast<std::ptrdiff_t>(j));
        } else {
            std::size_t start = i;
            auto letter = [&](std::size_t k) { return k >= i && k < j && is_letter(cps[k].cp); };
            auto word_punct = [&](std::size_t k) {
                std::uint32_t c = cps[k].cp;
                return is_word(c) || c == '!' || c == '"' || c == '\'' || c == '&' || c == '.' || c == ',' || c == '?';
            };
            for (std::size_t k = i; k < j; ++k) {
                if (cps[k].cp != '-' || k == i) continue;
                // An em-dash ("--" between words) is a chunk of its own.
                if (k + 1 < j && cps[k + 1].cp == '-' && word_punct(k - 1)) {
                    std::size_t m = k;
                    while (m < j && cps[m].cp == '-') ++m;
                    if (m < j && is_word(cps[m].cp)) {
                        chunks.emplace_back(cps.begin() + static_cast<std::ptrdiff_t>(start),
                                            cps.begin() + static_cast<std::ptrdiff_t>(k));
                        chunks.emplace_back(cps.begin() + static_cast<std::ptrdiff_t>(k),
                                            cps.begin() + static_cast<std::ptrdiff_t>(m));
                        start = m;
                        k = m - 1;
                        continue;
                    }
                }
                bool before = (k >= i + 2 && letter(k - 1) && letter(k - 2)) ||
                              (k >= i + 3 && letter(k - 1) && cps[k - 2].cp == '-' && letter(k - 3));
                bool after = letter(k + 1) && (letter(k + 2) || (k + 3 < j && cps[k + 2].cp == '-' && letter(k + 3)));
                if (before && after) {
                    chunks.emplace_back(cps.begin() + static_cast<std::ptrdiff_t>(start),
                                        cps.begin() + static_cast<std::ptrdiff_t>(k + 1));
                    start = k + 1;
                }
            }
            chunks.emplace_back(cps.begin() + static_cast<std::ptrdiff_t>(start),
                                cps.begin() + static_cast<std::ptrdiff_t>(j));
        }
        i = j;
    }
    return chunks;
}

std::vector<std::string> textwrap(std::string_view text, std::size_t width, bool break_long_words,
                                  bool break_on_hyphens) {
    auto cps = utf8_code_points(text);
    auto chunks = wrap_chunks(cps, break_on_hyphens);
    std::reverse(chunks.begin(), chunks.end());
    auto blank = [](const std::vector<CodePoint>& c) {
        return std::all_of(c.begin(), c.end(), [](const CodePoint& p) { return is_python_space(p.cp); });
    };
    auto text_of = [&](const std::vector<CodePoint>& c) {
        return c.empty() ? std::string() : std::string(text.substr(c.front().begin, c.back().end - c.front().begin));
    };
    std::vector<std::string> lines;
    while (!chunks.empty()) {
        std::vector<std::vector<CodePoint>> line;
        std::size_t length = 0;
        if (blank(chunks.back()) && !lines.empty()) chunks.pop_back();
        while (!chunks.empty() && length + chunks.back().size() <= width) {
            length += chunks.back().size();
            line.push_back(std::move(chunks.back()));
            chunks.pop_back();
        }
        if (!chunks.empty() && chunks.back().size() > width) {
            // _handle_long_word
            std::size_t space_left = width < 1 ? 1 : width - length;
            auto& chunk = chunks.back();
            if (break_long_words) {
                std::size_t end = space_left;
                if (break_on_hyphens && chunk.size() > space_left) {
                    std::size_t hyphen = std::string::npos;
                    for (std::size_t k = 0; k < space_left && k < chunk.size(); ++k)
                        if (chunk[k].cp == '-') hyphen = k;
                    if (hyphen != std::string::npos && hyphen > 0) {
                        bool non_hyphen = false;
                        for (std::size_t k = 0; k < hyphen; ++k) non_hyphen = non_hyphen || chunk[k].cp != '-';
                        if (non_hyphen) end = hyphen + 1;
                    }
                }
                line.emplace_back(chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(end));
                chunk.erase(chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(end));
            } else if (line.empty()) {
                line.push_back(std::move(chunk));
                chunks.pop_back();
            }
        }
        if (!line.empty() && blank(line.back())) line.pop_back();
        if (!line.empty()) {
            std::string joined;
            for (const auto& c : line) joined += text_of(c);
            lines.push_back(std::move(joined));
        }
    }
    return lines;
}

}  // namespace

Value filter_wordwrap(Renderer& r, const Value& v, CallArgs& a) {
    const Value* width_v = arg(a, 0, "width");
    std::int64_t width = width_v ? width_v->as_int() : 79;
    bool break_long_words = arg(a, 1, "break_long_words") ? arg(a, 1, "break_long_words")->truthy() : true;
    const Value* wrapstring_v = arg(a, 2, "wrapstring");
    std::string wrapstring = wrapstring_v && !wrapstring_v->is_none() ? wrapstring_v->to_str() : "\n";
    bool break_on_hyphens = arg(a, 3, "break_on_hyphens") ? arg(a, 3, "break_on_hyphens")->truthy() : true;
    if (width <= 0) throw TemplateError("ValueError", "invalid width " + std::to_string(width) + " (must be > 0)");
    std::string out;
    bool first_paragraph = true;
    for (const auto& paragraph : py_splitlines(v.to_str())) {
        if (!first_paragraph) out += wrapstring;
        first_paragraph = false;
        bool first_line = true;
        for (const auto& line :
             textwrap(paragraph, static_cast<std::size_t>(width), break_long_words, break_on_hyphens)) {
            if (!first_line) out += wrapstring;
            first_line = false;
            out += line;
            r.check_size(out.size());
        }
        r.check_size(out.size());
    }
    return Value::string(std::move(out));
}

// ---- urlize ----

namespace {

bool ieq_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

bool all_of_cps(std::string_view s, bool (*pred)(std::uint32_t)) {
    std::size_t pos = 0;
    while (pos < s.size())
        if (!pred(utf8_decode(s, pos))) return false;
    return true;
}

bool is_label_char(std::uint32_t c) { return is_word(c) || c == '%' || c == '-'; }
bool is_ascii_letter(std::uint32_t c) { return c < 0x80 && std::isalpha(static_cast<int>(c)); }
bool is_digit(std::uint32_t c) { return c >= '0' && c <= '9'; }
bool is_hex(std::uint32_t c) { return c < 0x80 && std::isxdigit(static_cast<int>(c)); }

// (?::\d{1,5})?(?:[/?#]\S*)?$
bool port_and_path(std::string_view rest) {
    std::size_t p = 0;
    if (p < rest.size() && rest[p] == ':') {
        std::size_t q = p + 1;
        while (q < rest.size() && is_digit(static_cast<unsigned char>(rest[q]))) ++q;
        if (q - p - 1 < 1 || q - p - 1 > 5) return false;
        p = q;
    }
    if (p == rest.size()) return true;
    if (rest[p] != '/' && rest[p] != '?' && rest[p] != '#') return false;
    std::string_view tail = rest.substr(p + 1);
    std::size_t pos = 0;
    while (pos < tail.size())
        if (is_python_space(utf8_decode(tail, pos))) return false;
    return true;
}

std::vector<std::string> split_labels(std::string_view host) {
    std::vector<std::string> labels;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = host.find('.', start);
        labels.emplace_back(host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) return labels;
        start = dot + 1;
    }
}

bool ipv6_host(std::string_view h) {  // \[([\da-f]{0,4}:){2}([\da-f]{0,4}:?){1,6}]
    if (h.size() < 2 || h.front() != '[' || h.back() != ']') return false;
    std::string_view in = h.substr(1, h.size() - 2);
    std::size_t p = 0;
    for (int g = 0; g < 2; ++g) {
        std::size_t n = 0;
        while (p < in.size() && n < 4 && is_hex(static_cast<unsigned char>(in[p]))) ++p, ++n;
        if (p >= in.size() || in[p] != ':') return false;
        ++p;
    }
    int groups = 0;
    do {
        std::size_t n = 0;
        while (p < in.size() && n < 4 && is_hex(static_cast<unsigned char>(in[p]))) ++p, ++n;
        if (p < in.size() && in[p] == ':') ++p;
        ++groups;
    } while (p < in.size() && groups < 6);
    return p == in.size();
}

// jinja2.utils._http_re.match
bool http_like(std::string_view m) {
    std::string_view scheme;
    if (ieq_prefix(m, "https://"))
        scheme = m.substr(0, 8);
    else if (ieq_prefix(m, "http://"))
        scheme = m.substr(0, 7);
    std::string_view after = m.substr(scheme.size());
    // IPv4 / IPv6 after a scheme.
    if (!scheme.empty()) {
        if (!after.empty() && after[0] == '[') {
            std::size_t close = after.find(']');
            if (close != std::string_view::npos && ipv6_host(after.substr(0, close + 1)) &&
                port_and_path(after.substr(close + 1)))
                return true;
        }
        std::size_t end = after.find_first_of(":/?#");
        std::string_view host = after.substr(0, end == std::string_view::npos ? after.size() : end);
        auto labels = split_labels(host);
        bool ipv4 = labels.size() == 4;
        for (const auto& l : labels)
            ipv4 = ipv4 && !l.empty() && l.size() <= 3 &&
                   std::all_of(l.begin(), l.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (ipv4 && port_and_path(after.substr(host.size()))) return true;
    }
    auto host_end = [](std::string_view s) {
        std::size_t end = s.find_first_of(":/?#");
        return end == std::string_view::npos ? s.size() : end;
    };
    // (https?://|www\.)(([\w%-]+\.)+)?([a-z]{2,63}|xn--[\w%]{2,59})
    std::string_view prefixed = !scheme.empty() ? after : ieq_prefix(m, "www.") ? m.substr(4) : std::string_view();
    if (!scheme.empty() || ieq_prefix(m, "www.")) {
        std::size_t end = host_end(prefixed);
        auto labels = split_labels(prefixed.substr(0, end));
        bool ok = true;
        for (std::size_t i = 0; i + 1 < labels.size(); ++i)
            ok = ok && !labels[i].empty() && all_of_cps(labels[i], is_label_char);
        const std::string& tld = labels.back();
        std::size_t tld_length = utf8_length(tld);
        bool basic = tld_length >= 2 && tld_length <= 63 && all_of_cps(tld, is_ascii_letter);
        bool idna = ieq_prefix(tld, "xn--") && tld_length >= 6 && tld_length <= 63 &&
                    all_of_cps(std::string_view(tld).substr(4), [](std::uint32_t c) { return is_word(c) || c == '%'; });
        if (ok && (basic || idna) && port_and_path(prefixed.substr(end))) return true;
    }
    // ([\w%-]{2,63}\.)+(com|net|int|edu|gov|org|info|mil)
    std::size_t end = host_end(m);
    auto labels = split_labels(m.substr(0, end));
    if (labels.size() < 2) return false;
    for (std::size_t i = 0; i + 1 < labels.size(); ++i) {
        std::size_t n = utf8_length(labels[i]);
        if (n < 2 || n > 63 || !all_of_cps(labels[i], is_label_char)) return false;
    }
    std::string tld = labels.back();
    for (auto& c : tld) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const std::set<std::string> tlds = {"com", "net", "int", "edu", "gov", "org", "info", "mil"};
    return tlds.count(tld) && port_and_path(m.substr(end));
}

// ^\S+@\w[\w.-]*\.\w+$
bool email_like(std::string_view m) {
    std::size_t at = m.rfind('@');
    if (at == std::string_view::npos || at == 0) return false;
    std::string_view local = m.substr(0, at), domain = m.substr(at + 1);
    std::size_t pos = 0;
    while (pos < local.size())
        if (is_python_space(utf8_decode(local, pos))) return false;
    std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
    pos = 0;
    if (!is_word(utf8_decode(domain, pos))) return false;
    if (!all_of_cps(domain.substr(0, dot), [](std::uint32_t c) { return is_word(c) || c == '.' || c == '-'; }))
        return false;
    return all_of_cps(domain.substr(dot + 1), is_word);
}

std::size_t count_of(std::string_view s, std::string_view needle) {
    std::size_t n = 0;
    for (std::size_t p = s.find(needle); p != std::string_view::npos; p = s.find(needle, p + needle.size())) ++n;
    return n;
}

}  // namespace

Value filter_urlize(Renderer& r, const Value& v, CallArgs& a) {
    const Value* trim_v = arg(a, 0, "trim_url_limit");
    bool nofollow = arg(a, 1, "nofollow") && arg(a, 1, "nofollow")->truthy();
    const Value* target_v = arg(a, 2, "target");
    const Value* rel_v = arg(a, 3, "rel");
    const Value* schemes_v = arg(a, 4, "extra_schemes");
    std::set<std::string> rel_parts = {"noopener"};  // the "urlize.rel" policy
    if (rel_v && !rel_v->is_none())
        for (auto& p : py_split(rel_v->to_str(), std::nullopt, -1)) rel_parts.insert(p);
    if (nofollow) rel_parts.insert("nofollow");
    std::string rel;
    for (const auto& p : rel_parts) rel += (rel.empty() ? "" : " ") + p;
    std::string rel_attr = rel.empty() ? "" : " rel=\"" + html_escape(rel) + "\"";
    std::string target_attr = target_v && !target_v->is_none() && target_v->truthy()
                                  ? " target=\"" + html_escape(target_v->to_str()) + "\""
                                  : "";
    std::vector<std::string> schemes;
    if (schemes_v && !schemes_v->is_none()) {
        for (const auto& s : iterate(*schemes_v)) {
            std::string scheme = s.to_str();
            // ^([\w.+-]{2,}:(/){0,2})$
            std::size_t colon = scheme.find(':');
            bool ok = colon != std::string::npos && utf8_length(scheme.substr(0, colon)) >= 2 &&
                      all_of_cps(scheme.substr(0, colon),
                                 [](std::uint32_t c) { return is_word(c) || c == '.' || c == '+' || c == '-'; });
            std::string slashes = colon == std::string::npos ? "" : scheme.substr(colon + 1);
            ok = ok && slashes.size() <= 2 &&
                 std::all_of(slashes.begin(), slashes.end(), [](char c) { return c == '/'; });
            if (!ok)
                throw TemplateError("FilterArgumentError",
                                    python_string_repr(scheme) + " is not a valid URI scheme prefix.");
            schemes.push_back(scheme);
        }
    }
    std::int64_t trim_limit = trim_v && !trim_v->is_none() ? trim_v->as_int() : -1;
    auto trim_url = [&](const std::string& x) {
        if (trim_limit < 0) return x;
        auto offsets = utf8_offsets(x);
        if (offsets.size() - 1 <= static_cast<std::size_t>(trim_limit)) return x;
        return x.substr(0, offsets[static_cast<std::size_t>(trim_limit)]) + "...";
    };

    std::string text = v.is_markup() ? v.str() : html_escape(v.to_str());
    auto cps = utf8_code_points(text);
    std::string out;
    std::size_t i = 0;
    while (i < cps.size()) {
        std::size_t j = i;
        bool space = is_python_space(cps[i].cp);
        while (j < cps.size() && is_python_space(cps[j].cp) == space) ++j;
        std::string word = text.substr(cps[i].begin, cps[j - 1].end - cps[i].begin);
        i = j;
        if (space) {
            out += word;
            continue;
        }
        std::string head, middle = word, tail;
        // ^([(<]|&lt;)+
        std::size_t h = 0;
        while (true) {
            if (h < middle.size() && (middle[h] == '(' || middle[h] == '<'))
                ++h;
            else if (middle.compare(h, 4, "&lt;") == 0)
                h += 4;
            else
                break;
        }
        head = middle.substr(0, h);
        middle = middle.substr(h);
        // ([)>.,\n]|&gt;)+$
        std::size_t t = middle.size();
        while (true) {
            if (t >= 4 && middle.compare(t - 4, 4, "&gt;") == 0)
                t -= 4;
            else if (t > 0 && std::string_view(")>.,\n").find(middle[t - 1]) != std::string_view::npos)
                --t;
            else
                break;
        }
        tail = middle.substr(t);
        middle = middle.substr(0, t);
        // Prefer balancing parentheses in URLs instead of ignoring a trailing character.
        for (auto [open, close] :
             {std::pair<std::string_view, std::string_view>{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}}) {
            std::size_t opens = count_of(middle, open);
            if (opens <= count_of(middle, close)) continue;
            std::size_t moves = std::min(opens, count_of(tail, close));
            for (std::size_t k = 0; k < moves; ++k) {
                std::size_t end_index = tail.find(close) + close.size();
                middle += tail.substr(0, end_index);
                tail = tail.substr(end_index);
            }
        }
        if (http_like(middle)) {
            if (middle.rfind("https://", 0) == 0 || middle.rfind("http://", 0) == 0)
                middle = "<a href=\"" + middle + "\"" + rel_attr + target_attr + ">" + trim_url(middle) + "</a>";
            else
                middle =
                    "<a href=\"https://" + middle + "\"" + rel_attr + target_attr + ">" + trim_url(middle) + "</a>";
        } else if (middle.rfind("mailto:", 0) == 0 && email_like(std::string_view(middle).substr(7))) {
            middle = "<a href=\"" + middle + "\">" + middle.substr(7) + "</a>";
        } else if (middle.find('@') != std::string::npos && middle.rfind("www.", 0) != 0 && middle[0] != '@' &&
                   middle.find(':') == std::string::npos && email_like(middle)) {
            middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
        } else {
            for (const auto& scheme : schemes)
                if (middle != scheme && middle.rfind(scheme, 0) == 0)
                    middle = "<a href=\"" + middle + "\"" + rel_attr + target_attr + ">" + middle + "</a>";
        }
        out += head + middle + tail;
        r.check_size(out.size());
    }
    return Value::string(std::move(out));
}

// ---- urlencode ----

namespace {

std::string url_quote(const Value& v, bool for_qs) {
    std::string s = v.to_str(), out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '_' || c == '.' || c == '-' || c == '~' || (!for_qs && c == '/')) {
            out += static_cast<char>(c);
        } else if (for_qs && c == ' ') {
            out += '+';
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace

Value filter_urlencode(Renderer&, const Value& v, CallArgs&) {
    if (v.is_string() || !(v.is_list() || v.is_dict())) return Value::string(url_quote(v, false));
    std::vector<std::pair<Value, Value>> items;
    if (v.is_dict()) {
        items = v.dict_data().items;
    } else {
        for (const auto& pair : iterate(v)) {
            auto kv = iterate(pair);
            if (kv.size() != 2)
                throw TemplateError("ValueError",
                                    "not enough values to unpack (expected 2, got " + std::to_string(kv.size()) + ")");
            items.emplace_back(kv[0], kv[1]);
        }
    }
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? "&" : "") + url_quote(items[i].first, true) + "=" + url_quote(items[i].second, true);
    return Value::string(std::move(out));
}

// ---- filesizeformat ----

bool parse_python_float(std::string_view text, double& out) {
    std::string s = py_strip(text, std::nullopt, true, true);
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view body = lower;
    bool negative = false;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
        negative = body[0] == '-';
        body.remove_prefix(1);
    }
    if (body == "inf" || body == "infinity") {
        out = negative ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (body == "nan") {
        out = negative ? -NAN : NAN;
        return true;
    }
    // digits[_digits][.digits][e[+-]digits], "_" only between digits.
    std::string clean;
    bool digits_seen = false, exponent = false, dot = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c >= '0' && c <= '9') {
            clean += c;
            digits_seen = true;
        } else if (c == '_') {
            if (i == 0 || i + 1 >= body.size() || !std::isdigit(static_cast<unsigned char>(body[i - 1])) ||
                !std::isdigit(static_cast<unsigned char>(body[i + 1])))
                return false;
        } else if (c == '.' && !dot && !exponent) {
            dot = true;
            clean += c;
        } else if (c == 'e' && digits_seen && !exponent) {
            exponent = true;
            clean += c;
            if (i + 1 < body.size() && (body[i + 1] == '+' || body[i + 1] == '-')) clean += body[++i];
            if (i + 1 >= body.size() || !std::isdigit(static_cast<unsigned char>(body[i + 1]))) return false;
        } else {
            return false;
        }
    }
    if (!digits_seen) return false;
    out = std::strtod(clean.c_str(), nullptr);
    if (negative) out = -out;
    return true;
}

Value filter_filesizeformat(Renderer&, const Value& v, CallArgs& a) {
    bool binary = arg(a, 0, "binary") && arg(a, 0, "binary")->truthy();
    double bytes;
    if (v.is_number()) {
        bytes = v.as_double();
    } else if (v.is_string()) {
        if (!parse_python_float(v.str(), bytes))
            throw TemplateError("ValueError", "could not convert string to float: " + python_string_repr(v.str()));
    } else {
        type_error("float() argument must be a string or a real number, not '" + v.python_type() + "'");
    }
    double base = binary ? 1024 : 1000;
    static const char* const decimal[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    static const char* const binary_units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    if (bytes == 1) return Value::string("1 Byte");
    if (bytes < base) {
        if (std::isinf(bytes)) throw TemplateError("OverflowError", "cannot convert float infinity to integer");
        double whole = std::trunc(bytes);
        if (!(std::fabs(whole) < 9.2e18))
            throw TemplateError("OverflowError",
                                "the integer " + python_float_repr(whole) +
                                    " does not fit in 64 bits (Tunebench's templates use 64-bit integers)");
        return Value::string(std::to_string(static_cast<std::int64_t>(whole)) + " Bytes");
    }
    // Python compares the float with the exact integer base ** (i + 2).
    auto below = [&](unsigned __int128 exact_unit) {
        if (std::isnan(bytes)) return false;
        if (bytes >= 1.7e38) return false;
        return static_cast<unsigned __int128>(std::floor(bytes)) < exact_unit;
    };
    double unit = base;
    int i = 0;
    unsigned __int128 exact_unit = static_cast<unsigned __int128>(base);
    for (; i < 8; ++i) {
        exact_unit *= static_cast<unsigned __int128>(base);
        unit = static_cast<double>(exact_unit);
        if (below(exact_unit)) break;
    }
    if (i == 8) i = 7;
    double shown = base * bytes / unit;
    std::string number;
    if (std::isnan(shown) || std::isinf(shown)) {
        number = std::isnan(shown) ? "nan" : "inf";
    } else {
        char buf[512];
        std::snprintf(buf, sizeof buf, "%.1f", shown);
        number = buf;
    }
    return Value::string(number + " " + (binary ? binary_units[i] : decimal[i]));
}

// ---- xmlattr ----

Value filter_xmlattr(Renderer& r, const Value& v, CallArgs& a) {
    bool autospace = arg(a, 0, "autospace") ? arg(a, 0, "autospace")->truthy() : true;
    if (v.is_undefined()) v.raise_undefined();
    if (!v.is_dict())
        throw TemplateError("AttributeError", "'" + v.python_type() + "' object has no attribute 'items'");
    std::string out;
    for (const auto& [key, value] : v.dict_data().items) {
        if (value.is_none() || value.is_undefined()) continue;
        if (!key.is_string()) type_error("expected string or bytes-like object, got '" + key.python_type() + "'");
        const std::string& k = key.str();
        if (k.find_first_of(" \t\n\r\f\v/>=") != std::string::npos)
            throw TemplateError("ValueError", "Invalid character in attribute name: " + python_string_repr(k));
        if (!out.empty()) out += ' ';
        out += html_escape(k) + "=\"" + (value.is_markup() ? value.str() : html_escape(value.to_str())) + "\"";
        r.check_size(out.size());
    }
    if (autospace && !out.empty()) out.insert(0, " ");
    return Value::string(std::move(out));
}

}  // namespace tb::jinja
