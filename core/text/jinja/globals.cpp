// Template globals: Jinja2's range (with the sandbox's MAX_RANGE), namespace, dict,
// cycler, joiner, and transformers' raise_exception and strftime_now. Also Python's
// printf-style "fmt % args".
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unordered_map>

#include "core/text/jinja/objects.h"

namespace tb::jinja {

namespace {

[[noreturn]] void type_error(const std::string& m) { throw TemplateError("TypeError", m); }

// jinja2.sandbox.MAX_RANGE
constexpr std::int64_t kMaxRange = 100000;

std::int64_t int_arg(const Value& v) {
    if (!v.is_int() && !v.is_bool()) type_error("'" + v.python_type() + "' object cannot be interpreted as an integer");
    return v.as_int();
}

Value g_range(Renderer&, CallArgs& a) {
    const auto& p = a.positional;
    if (p.empty() || p.size() > 3) type_error("range expected at most 3 arguments, got " + std::to_string(p.size()));
    std::int64_t start = 0, stop, step = 1;
    if (p.size() == 1) {
        stop = int_arg(p[0]);
    } else {
        start = int_arg(p[0]);
        stop = int_arg(p[1]);
        if (p.size() == 3) step = int_arg(p[2]);
    }
    if (step == 0) throw TemplateError("ValueError", "range() arg 3 must not be zero");
    std::int64_t count = 0;
    if (step > 0 && start < stop) count = (stop - start + step - 1) / step;
    if (step < 0 && start > stop) count = (start - stop - step - 1) / (-step);
    if (count > kMaxRange)
        throw TemplateError("OverflowError",
                            "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
    std::vector<Value> out;
    out.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i) out.push_back(Value::integer(start + i * step));
    return Value::list(std::move(out));
}

void fill_from(DictData& d, CallArgs& a, const char* what) {
    for (const auto& p : a.positional) {
        if (p.is_dict()) {
            for (const auto& [k, v] : p.dict_data().items) d.set(k, v);
        } else if (p.is_list()) {
            for (const auto& pair : p.items()) {
                if (!pair.is_list() || pair.items().size() != 2)
                    type_error(std::string(what) + "() sequence elements must be pairs");
                d.set(pair.items()[0], pair.items()[1]);
            }
        } else {
            type_error("'" + p.python_type() + "' object is not iterable");
        }
    }
    for (const auto& [k, v] : a.keyword) d.set(Value::string(k), v);
}

Value g_namespace(Renderer&, CallArgs& a) {
    auto ns = std::make_shared<Namespace>();
    fill_from(ns->attributes, a, "namespace");
    return Value::object(std::move(ns));
}

Value g_dict(Renderer&, CallArgs& a) {
    auto d = std::make_shared<DictData>();
    fill_from(*d, a, "dict");
    return Value::dict(std::move(d));
}

Value g_raise_exception(Renderer&, CallArgs& a) {
    const Value* m = argument(a, 0, "message");
    throw TemplateError("TemplateError", m ? m->to_str() : "");
}

Value g_strftime_now(Renderer&, CallArgs& a) {
    const Value* f = argument(a, 0, "format");
    if (!f) type_error("strftime_now() missing 1 required positional argument: 'fmt'");
    std::string fmt = f->to_str();
    std::time_t now;
    std::tm tm{};
    // transformers reads the local clock; SOURCE_DATE_EPOCH (UTC) pins it, as the reference does.
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
        gmtime_r(&now, &tm);
    } else {
        now = std::time(nullptr);
        localtime_r(&now, &tm);
    }
    if (fmt.empty()) return Value::string("");
    std::string buffer(256 + fmt.size() * 8, '\0');
    std::size_t n = std::strftime(buffer.data(), buffer.size(), fmt.c_str(), &tm);
    buffer.resize(n);
    return Value::string(std::move(buffer));
}

Value g_cycler(Renderer&, CallArgs& a) {
    struct Cycler final : Object {
        std::vector<Value> items;
        std::size_t pos = 0;
        std::string type_name() const override { return "jinja2.utils.Cycler object"; }
        Value get_attr(const std::string& name) const override {
            auto* self = const_cast<Cycler*>(this);
            if (name == "current") return items.empty() ? Value::none() : items[pos];
            if (name == "next")
                return Value::object(std::make_shared<NativeCallable>("next", [self](Renderer&, CallArgs&) {
                    if (self->items.empty()) return Value::none();
                    Value v = self->items[self->pos];
                    self->pos = (self->pos + 1) % self->items.size();
                    return v;
                }));
            if (name == "reset")
                return Value::object(std::make_shared<NativeCallable>("reset", [self](Renderer&, CallArgs&) {
                    self->pos = 0;
                    return Value::none();
                }));
            return Object::get_attr(name);
        }
    };
    auto c = std::make_shared<Cycler>();
    c->items = a.positional;
    if (c->items.empty()) type_error("at least one item has to be provided");
    return Value::object(std::move(c));
}

Value g_joiner(Renderer&, CallArgs& a) {
    const Value* sep = argument(a, 0, "sep");
    std::string s = sep ? sep->to_str() : ", ";
    auto used = std::make_shared<bool>(false);
    return Value::object(std::make_shared<NativeCallable>("joiner", [s, used](Renderer&, CallArgs&) {
        if (!*used) {
            *used = true;
            return Value::string("");
        }
        return Value::string(s);
    }));
}

const std::unordered_map<std::string, Value>& global_table() {
    static const std::unordered_map<std::string, Value> table = [] {
        std::unordered_map<std::string, Value> t;
        auto add = [&](const char* name, BuiltinFunction::Function f) {
            t.emplace(name, Value::object(std::make_shared<BuiltinFunction>(name, f)));
        };
        add("range", g_range);
        add("namespace", g_namespace);
        add("dict", g_dict);
        add("raise_exception", g_raise_exception);
        add("strftime_now", g_strftime_now);
        add("cycler", g_cycler);
        add("joiner", g_joiner);
        return t;
    }();
    return table;
}

std::string format_one(const std::string& spec, char conv, const Value& v) {
    char buf[512];
    std::string f = "%" + spec;
    switch (conv) {
        case 's': {
            std::string s = v.to_str();
            if (spec.empty()) return s;
            std::snprintf(buf, sizeof buf, (f + "s").c_str(), s.c_str());
            return buf;
        }
        case 'r':
        case 'a':
            return v.repr();
        case 'd':
        case 'i':
        case 'u': {
            if (!v.is_number())
                type_error("%" + std::string(1, conv) + " format: a real number is required, not " + v.python_type());
            long long n = v.is_float() ? static_cast<long long>(v.as_double()) : v.as_int();
            std::snprintf(buf, sizeof buf, (f + "lld").c_str(), n);
            return buf;
        }
        case 'x':
        case 'X':
        case 'o': {
            if (!v.is_int() && !v.is_bool())
                type_error("%" + std::string(1, conv) + " format: an integer is required, not " + v.python_type());
            std::snprintf(buf, sizeof buf, (f + "ll" + conv).c_str(), v.as_int());
            return buf;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
            if (!v.is_number()) type_error("must be real number, not " + v.python_type());
            std::snprintf(buf, sizeof buf, (f + conv).c_str(), v.as_double());
            return buf;
        }
        case 'c': {
            if (v.is_string()) return v.str();
            return std::string(1, static_cast<char>(v.as_int()));
        }
        default:
            throw TemplateError("ValueError", std::string("unsupported format character '") + conv + "'");
    }
}

}  // namespace

const Value* find_global(const std::string& name) {
    const auto& t = global_table();
    auto it = t.find(name);
    return it == t.end() ? nullptr : &it->second;
}

std::string percent_format(const std::string& fmt, const Value& args) {
    std::vector<Value> positional;
    if (args.is_tuple())
        positional = args.items();
    else if (!args.is_dict())
        positional.push_back(args);
    std::size_t next_arg = 0;
    std::string out;
    for (std::size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') {
            out += fmt[i];
            continue;
        }
        if (++i >= fmt.size()) throw TemplateError("ValueError", "incomplete format");
        if (fmt[i] == '%') {
            out += '%';
            continue;
        }
        std::string key;
        bool has_key = false;
        if (fmt[i] == '(') {
            std::size_t close = fmt.find(')', i);
            if (close == std::string::npos) throw TemplateError("ValueError", "incomplete format key");
            key = fmt.substr(i + 1, close - i - 1);
            has_key = true;
            i = close + 1;
        }
        std::string spec;
        while (i < fmt.size() && std::string_view("-+ #0123456789.").find(fmt[i]) != std::string_view::npos)
            spec += fmt[i++];
        if (i >= fmt.size()) throw TemplateError("ValueError", "incomplete format");
        char conv = fmt[i];
        Value v;
        if (has_key) {
            if (!args.is_dict()) type_error("format requires a mapping");
            const Value* found = args.dict_data().find(key);
            if (!found) throw TemplateError("KeyError", python_string_repr(key));
            v = *found;
        } else {
            if (next_arg >= positional.size()) type_error("not enough arguments for format string");
            v = positional[next_arg++];
        }
        out += format_one(spec, conv, v);
    }
    if (!args.is_dict() && next_arg < positional.size())
        type_error("not all arguments converted during string formatting");
    return out;
}

}  // namespace tb::jinja
