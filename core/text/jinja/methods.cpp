// Methods of Python's str, dict and list that templates call (message.content.strip(),
// tool.get('x'), ...). Mutating list/dict methods exist but are unsafe: the immutable
// sandbox refuses them with a SecurityError, as transformers' environment does.
#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "core/text/jinja/renderer.h"
#include "core/text/jinja/string_ops.h"
#include "core/text/jinja/utf8_util.h"

namespace tb::jinja {

namespace {

const std::unordered_set<std::string>& str_methods() {
    static const std::unordered_set<std::string> names = {
        "capitalize", "casefold",     "center",       "count",   "encode",     "endswith",    "expandtabs",
        "find",       "format",       "format_map",   "index",   "isalnum",    "isalpha",     "isascii",
        "isdecimal",  "isdigit",      "isidentifier", "islower", "isnumeric",  "isprintable", "isspace",
        "istitle",    "isupper",      "join",         "ljust",   "lower",      "lstrip",      "maketrans",
        "partition",  "removeprefix", "removesuffix", "replace", "rfind",      "rindex",      "rjust",
        "rpartition", "rsplit",       "rstrip",       "split",   "splitlines", "startswith",  "strip",
        "swapcase",   "title",        "translate",    "upper",   "zfill"};
    return names;
}
const std::unordered_set<std::string>& dict_methods() {
    static const std::unordered_set<std::string> names = {"clear", "copy",    "fromkeys",   "get",    "items", "keys",
                                                          "pop",   "popitem", "setdefault", "update", "values"};
    return names;
}
const std::unordered_set<std::string>& list_methods() {
    static const std::unordered_set<std::string> names = {"append", "clear", "copy",   "count",   "extend", "index",
                                                          "insert", "pop",   "remove", "reverse", "sort"};
    return names;
}

[[noreturn]] void type_error(const std::string& m) { throw TemplateError("TypeError", m); }

std::optional<std::string> optional_string(const Value* v, const char* method) {
    if (!v || v->is_none()) return std::nullopt;
    if (!v->is_string()) type_error(std::string(method) + " arg must be None or str");
    return v->str();
}

long long optional_int(const Value* v, long long fallback) {
    if (!v || v->is_none()) return fallback;
    if (!v->is_int() && !v->is_bool())
        type_error("'" + v->python_type() + "' object cannot be interpreted as an integer");
    return v->as_int();
}

const std::string& required_string(const Value* v, const char* method) {
    if (!v) type_error(std::string(method) + "() takes at least 1 argument (0 given)");
    if (!v->is_string()) type_error(std::string(method) + "() argument must be str, not " + v->python_type());
    return v->str();
}

Value string_list(std::vector<std::string> parts) {
    std::vector<Value> out;
    out.reserve(parts.size());
    for (auto& p : parts) out.push_back(Value::string(std::move(p)));
    return Value::list(std::move(out));
}

bool affix_match(const std::string& s, const Value& affix, bool prefix, const char* method) {
    auto test = [&](const Value& a) {
        if (!a.is_string())
            type_error(std::string(method) + " first arg must be str or a tuple of str, not " + a.python_type());
        const std::string& x = a.str();
        if (x.size() > s.size()) return false;
        return prefix ? s.compare(0, x.size(), x) == 0 : s.compare(s.size() - x.size(), x.size(), x) == 0;
    };
    if (affix.is_tuple()) {
        for (const auto& a : affix.items())
            if (test(a)) return true;
        return false;
    }
    return test(affix);
}

template <class Pred>
bool all_chars(const std::string& s, Pred pred) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (!pred(c)) return false;
    return true;
}

Value call_str_method(Renderer& r, const Value& self, const std::string& name, CallArgs& args) {
    const std::string& s = self.str();
    const Value* a0 = argument(args, 0, "");
    const Value* a1 = argument(args, 1, "");
    if (name == "strip" || name == "lstrip" || name == "rstrip")
        return Value::string(py_strip(s, optional_string(a0, name.c_str()), name != "rstrip", name != "lstrip"));
    if (name == "split" || name == "rsplit") {
        const Value* sep = argument(args, 0, "sep");
        const Value* maxsplit = argument(args, 1, "maxsplit");
        auto sep_s = optional_string(sep, name.c_str());
        if (sep_s && sep_s->empty()) throw TemplateError("ValueError", "empty separator");
        long long m = optional_int(maxsplit, -1);
        return string_list(name == "split" ? py_split(s, sep_s, m) : py_rsplit(s, sep_s, m));
    }
    if (name == "splitlines") return string_list(py_splitlines(s, a0 && a0->truthy()));
    if (name == "startswith" || name == "endswith") {
        if (!a0) type_error(name + "() takes at least 1 argument (0 given)");
        return Value::boolean(affix_match(s, *a0, name == "startswith", name.c_str()));
    }
    if (name == "upper") return Value::string(py_upper(s));
    if (name == "lower" || name == "casefold") return Value::string(py_lower(s));
    if (name == "title") return Value::string(py_title(s));
    if (name == "capitalize") return Value::string(py_capitalize(s));
    if (name == "swapcase") {
        std::string out = s;
        for (auto& c : out)
            c = std::isupper(static_cast<unsigned char>(c))
                    ? static_cast<char>(std::tolower(c))
                    : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return Value::string(out);
    }
    if (name == "replace") {
        const std::string& old_text = required_string(a0, "replace");
        const std::string& new_text = required_string(a1, "replace");
        if (new_text.size() > old_text.size()) {
            // Refuse before building: 'ab'.replace('a', huge) in a loop would exhaust memory.
            std::size_t hits = old_text.empty() ? static_cast<std::size_t>(self.length()) + 1 : 0;
            for (std::size_t p = old_text.empty() ? std::string::npos : s.find(old_text); p != std::string::npos;
                 p = s.find(old_text, p + old_text.size()))
                ++hits;
            r.check_size(s.size() + hits * (new_text.size() - old_text.size()));
        }
        std::string out = py_replace(s, old_text, new_text, optional_int(argument(args, 2, "count"), -1));
        r.check_size(out.size());
        return Value::string(std::move(out));
    }
    if (name == "join") {
        if (!a0) type_error("str.join() takes exactly one argument (0 given)");
        std::string out;
        std::size_t i = 0;
        for (const auto& item : iterate(*a0)) {
            if (!item.is_string())
                type_error("sequence item " + std::to_string(i) + ": expected str instance, " + item.python_type() +
                           " found");
            if (i++) out += s;
            out += item.str();
            r.check_size(out.size());
        }
        return Value::string(std::move(out));
    }
    if (name == "find" || name == "rfind" || name == "index" || name == "rindex" || name == "count") {
        const std::string& sub = required_string(a0, name.c_str());
        if (name == "count") {
            if (sub.empty()) return Value::integer(self.length() + 1);
            std::int64_t n = 0;
            for (std::size_t p = s.find(sub); p != std::string::npos; p = s.find(sub, p + sub.size())) ++n;
            return Value::integer(n);
        }
        bool reverse = name[0] == 'r';
        std::size_t p = reverse ? s.rfind(sub) : s.find(sub);
        if (p == std::string::npos) {
            if (name == "index" || name == "rindex") throw TemplateError("ValueError", "substring not found");
            return Value::integer(-1);
        }
        return Value::integer(static_cast<std::int64_t>(utf8_length(std::string_view(s).substr(0, p))));
    }
    if (name == "isdigit" || name == "isdecimal" || name == "isnumeric")
        return Value::boolean(all_chars(s, [](unsigned char c) { return std::isdigit(c) != 0; }));
    if (name == "isalpha")
        return Value::boolean(all_chars(s, [](unsigned char c) { return std::isalpha(c) != 0 || c >= 0x80; }));
    if (name == "isalnum")
        return Value::boolean(all_chars(s, [](unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; }));
    if (name == "isascii") return Value::boolean(is_ascii(s));
    if (name == "isspace") {
        if (s.empty()) return Value::boolean(false);
        std::size_t p = 0;
        while (p < s.size())
            if (!is_python_space(utf8_decode(s, p))) return Value::boolean(false);
        return Value::boolean(true);
    }
    if (name == "islower" || name == "isupper") {
        bool any_cased = false;
        for (unsigned char c : s) {
            if (std::isupper(c)) {
                if (name == "islower") return Value::boolean(false);
                any_cased = true;
            } else if (std::islower(c)) {
                if (name == "isupper") return Value::boolean(false);
                any_cased = true;
            }
        }
        return Value::boolean(any_cased);
    }
    if (name == "removeprefix" || name == "removesuffix") {
        const std::string& x = required_string(a0, name.c_str());
        if (name == "removeprefix" && s.rfind(x, 0) == 0) return Value::string(s.substr(x.size()));
        if (name == "removesuffix" && !x.empty() && s.size() >= x.size() &&
            s.compare(s.size() - x.size(), x.size(), x) == 0)
            return Value::string(s.substr(0, s.size() - x.size()));
        return self;
    }
    if (name == "partition" || name == "rpartition") {
        const std::string& sep = required_string(a0, name.c_str());
        if (sep.empty()) throw TemplateError("ValueError", "empty separator");
        std::size_t p = name == "partition" ? s.find(sep) : s.rfind(sep);
        if (p == std::string::npos) {
            if (name == "partition") return Value::list({self, Value::string(""), Value::string("")}, true);
            return Value::list({Value::string(""), Value::string(""), self}, true);
        }
        return Value::list({Value::string(s.substr(0, p)), Value::string(sep), Value::string(s.substr(p + sep.size()))},
                           true);
    }
    if (name == "center" || name == "ljust" || name == "rjust" || name == "zfill") {
        long long width = optional_int(a0, 0);
        std::string fill = name == "zfill" ? "0" : (a1 && a1->is_string() ? a1->str() : " ");
        if (a1 && name != "zfill" && (!a1->is_string() || a1->length() != 1))
            type_error("The fill character must be exactly one character long");
        long long len = self.length();
        if (width <= len) return self;
        auto pad = static_cast<std::size_t>(width - len);
        // Checked before the padding is built: center(10**10) must not allocate 10 GB.
        if (pad > r.limits.max_output_bytes || s.size() + pad * fill.size() > r.limits.max_output_bytes)
            r.output_too_large();
        auto repeat = [&](std::size_t n) {
            std::string out;
            for (std::size_t i = 0; i < n; ++i) out += fill;
            return out;
        };
        if (name == "ljust") return Value::string(s + repeat(pad));
        if (name == "rjust") return Value::string(repeat(pad) + s);
        if (name == "zfill") {
            if (!s.empty() && (s[0] == '-' || s[0] == '+'))
                return Value::string(s.substr(0, 1) + repeat(pad) + s.substr(1));
            return Value::string(repeat(pad) + s);
        }
        std::size_t left = pad / 2 + (pad & static_cast<std::size_t>(width) & 1);
        return Value::string(repeat(left) + s + repeat(pad - left));
    }
    throw TemplateError("TemplateError", "the str method '" + name + "' is not supported by this template engine");
}

Value call_dict_method(const Value& self, const std::string& name, CallArgs& args) {
    const DictData& d = self.dict_data();
    if (name == "get") {
        const Value* key = argument(args, 0, "key");
        if (!key) type_error("get expected at least 1 argument, got 0");
        if (const Value* v = d.find(*key)) return *v;
        const Value* fallback = argument(args, 1, "default");
        return fallback ? *fallback : Value::none();
    }
    if (name == "items") {
        std::vector<Value> out;
        out.reserve(d.items.size());
        for (const auto& [k, v] : d.items) out.push_back(Value::list({k, v}, true));
        return Value::dict_view(ListData::View::DictItems, std::move(out));
    }
    if (name == "keys" || name == "values") {
        std::vector<Value> out;
        out.reserve(d.items.size());
        for (const auto& [k, v] : d.items) out.push_back(name == "keys" ? k : v);
        return Value::dict_view(name == "keys" ? ListData::View::DictKeys : ListData::View::DictValues, std::move(out));
    }
    if (name == "copy") return Value::dict(std::make_shared<DictData>(d));
    throw TemplateError("TemplateError", "the dict method '" + name + "' is not supported by this template engine");
}

Value call_list_method(const Value& self, const std::string& name, CallArgs& args) {
    const auto& items = self.items();
    const Value* a0 = argument(args, 0, "");
    if (name == "count") {
        std::int64_t n = 0;
        for (const auto& v : items) n += a0 && values_equal(v, *a0);
        return Value::integer(n);
    }
    if (name == "index") {
        for (std::size_t i = 0; i < items.size(); ++i)
            if (a0 && values_equal(items[i], *a0)) return Value::integer(static_cast<std::int64_t>(i));
        throw TemplateError("ValueError", (a0 ? a0->repr() : "") + " is not in list");
    }
    if (name == "copy") return Value::list(items, self.is_tuple());
    throw TemplateError("TemplateError", "the list method '" + name + "' is not supported by this template engine");
}

}  // namespace

int method_mask(const std::string& name) {
    return (str_methods().count(name) ? 1 : 0) | (dict_methods().count(name) ? 2 : 0) |
           (list_methods().count(name) ? 4 : 0);
}

bool is_method(const Value& self, const std::string& name) {
    if (self.is_string()) return str_methods().count(name) > 0;
    if (self.is_dict()) return dict_methods().count(name) > 0;
    if (self.is_list()) {
        if (self.is_tuple()) return name == "count" || name == "index";
        return list_methods().count(name) > 0;
    }
    return false;
}

bool is_unsafe_method(const Value& self, const std::string& name) {
    if (self.is_dict())
        return name == "clear" || name == "pop" || name == "popitem" || name == "setdefault" || name == "update";
    if (self.is_list() && !self.is_tuple())
        return name == "append" || name == "clear" || name == "extend" || name == "insert" || name == "pop" ||
               name == "remove" || name == "reverse" || name == "sort";
    return false;
}

Value call_method(Renderer& r, const Value& self, const std::string& name, CallArgs& args) {
    if (is_unsafe_method(self, name))
        throw TemplateError("SecurityError",
                            "access to attribute '" + name + "' of '" + self.python_type() + "' object is unsafe.");
    if (self.is_string()) return call_str_method(r, self, name, args);
    if (self.is_dict()) return call_dict_method(self, name, args);
    return call_list_method(self, name, args);
}

}  // namespace tb::jinja
