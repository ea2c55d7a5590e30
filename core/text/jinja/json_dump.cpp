// Python's json.dumps, as the reference's tojson filter calls it (ensure_ascii, indent,
// separators, sort_keys; Python float repr; NaN/Infinity).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text/jinja/renderer.h"
#include "core/text/jinja/utf8_util.h"

namespace tb::jinja {

namespace {

void dump_string(std::string_view s, bool ensure_ascii, std::string& out) {
    out += '"';
    char buf[16];
    std::size_t pos = 0;
    while (pos < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[pos]);
        if (c >= 0x80) {
            std::size_t start = pos;
            std::uint32_t cp = utf8_decode(s, pos);
            if (!ensure_ascii) {
                out.append(s.substr(start, pos - start));
            } else if (cp >= 0x10000) {
                cp -= 0x10000;
                std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
                out += buf;
            } else {
                std::snprintf(buf, sizeof buf, "\\u%04x", cp);
                out += buf;
            }
            continue;
        }
        ++pos;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (c < 0x20) {
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

std::string float_text(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    return python_float_repr(d);
}

[[noreturn]] void not_serializable(const Value& v) {
    std::string type = v.python_type();
    throw TemplateError("TypeError", "Object of type " + type + " is not JSON serializable");
}

std::string key_text(const Value& k) {
    switch (k.kind()) {
        case Value::Kind::String:
            return k.str();
        case Value::Kind::Bool:
            return k.as_bool() ? "true" : "false";
        case Value::Kind::None:
            return "null";
        case Value::Kind::Int:
            return std::to_string(k.as_int());
        case Value::Kind::Float:
            return float_text(k.as_double());
        default:
            throw TemplateError("TypeError", "keys must be str, int, float, bool or None, not " + k.python_type());
    }
}

void newline_indent(const JsonDumpOptions& o, int level, std::string& out) {
    // Checked before appending: a huge indent times the nesting level must not exhaust memory.
    if (out.size() + 1 + static_cast<std::size_t>(level) * o.indent.size() > o.max_bytes)
        throw TemplateError("SandboxError",
                            "the template built more than " + std::to_string(o.max_bytes) + " bytes of text");
    out += '\n';
    for (int i = 0; i < level; ++i) out += o.indent;
}

void dump(const Value& v, const JsonDumpOptions& o, int level, std::string& out) {
    if (level > static_cast<int>(kMaxValueDepth) + 10)
        throw TemplateError("RecursionError", "maximum recursion depth exceeded while encoding a JSON object");
    switch (v.kind()) {
        case Value::Kind::None:
            out += "null";
            return;
        case Value::Kind::Bool:
            out += v.as_bool() ? "true" : "false";
            return;
        case Value::Kind::Int:
            out += std::to_string(v.as_int());
            return;
        case Value::Kind::Float:
            out += float_text(v.as_double());
            return;
        case Value::Kind::String:
            dump_string(v.str(), o.ensure_ascii, out);
            return;
        case Value::Kind::List: {
            if (v.is_generator() || v.is_view()) not_serializable(v);
            const auto& items = v.items();
            if (items.empty()) {
                out += "[]";
                return;
            }
            out += '[';
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (i) out += o.item_separator;
                if (o.has_indent) newline_indent(o, level + 1, out);
                dump(items[i], o, level + 1, out);
                check_built_text(out.size(), o.max_bytes);  // [s] * 1000 of a 60 MB s must stop early
            }
            if (o.has_indent) newline_indent(o, level, out);
            out += ']';
            return;
        }
        case Value::Kind::Dict: {
            const auto& items = v.dict_data().items;
            if (items.empty()) {
                out += "{}";
                return;
            }
            std::vector<std::pair<std::string, const Value*>> entries;
            entries.reserve(items.size());
            for (const auto& [k, val] : items) entries.emplace_back(key_text(k), &val);
            if (o.sort_keys)
                std::stable_sort(entries.begin(), entries.end(),
                                 [](const auto& a, const auto& b) { return a.first < b.first; });
            out += '{';
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (i) out += o.item_separator;
                if (o.has_indent) newline_indent(o, level + 1, out);
                dump_string(entries[i].first, o.ensure_ascii, out);
                out += o.key_separator;
                dump(*entries[i].second, o, level + 1, out);
                check_built_text(out.size(), o.max_bytes);
            }
            if (o.has_indent) newline_indent(o, level, out);
            out += '}';
            return;
        }
        default:
            not_serializable(v);
    }
}

}  // namespace

std::string json_dumps(const Value& v, const JsonDumpOptions& options) {
    std::string out;
    dump(v, options, 0, out);
    return out;
}

}  // namespace tb::jinja
