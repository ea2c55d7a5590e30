// Template globals: Jinja2's range (with the sandbox's MAX_RANGE), namespace, dict,
// cycler, joiner, and transformers' raise_exception and strftime_now. Also Python's
// printf-style "fmt % args".
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <unordered_map>

#include "core/text/jinja/objects.h"
#include "core/text/jinja/utf8_util.h"

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
    // The sandbox's safe_range(*args) takes no keywords.
    if (!a.keyword.empty())
        type_error("safe_range() got an unexpected keyword argument '" + a.keyword.front().first + "'");
    if (p.empty()) type_error("range expected at least 1 argument, got 0");
    if (p.size() > 3) type_error("range expected at most 3 arguments, got " + std::to_string(p.size()));
    std::int64_t start = 0, stop, step = 1;
    if (p.size() == 1) {
        stop = int_arg(p[0]);
    } else {
        start = int_arg(p[0]);
        stop = int_arg(p[1]);
        if (p.size() == 3) step = int_arg(p[2]);
    }
    if (step == 0) throw TemplateError("ValueError", "range() arg 3 must not be zero");
    __int128 count = 0;  // 128 bits: stop - start overflows 64 for range(-2**62, 2**62)
    if (step > 0 && start < stop) count = (static_cast<__int128>(stop) - start + step - 1) / step;
    if (step < 0 && start > stop)
        count = (static_cast<__int128>(start) - stop - step - 1) / -static_cast<__int128>(step);
    if (count > kMaxRange)
        throw TemplateError("OverflowError",
                            "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
    std::vector<Value> out;
    out.reserve(static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(count); ++i) out.push_back(Value::integer(start + i * step));
    return Value::range(start, stop, step, std::move(out));
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

Value g_strftime_now(Renderer& r, CallArgs& a) {
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
    // Grows the buffer up to the output limit: "%c" expands twelvefold.
    for (std::size_t size = 256 + fmt.size() * 8;; size *= 2) {
        r.check_size(size);
        std::string buffer(size, '\0');
        std::size_t n = std::strftime(buffer.data(), buffer.size(), fmt.c_str(), &tm);
        if (n > 0 || size > 64 * fmt.size() + 256) {
            buffer.resize(n);
            return Value::string(std::move(buffer));
        }
    }
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

// One "%[flags][width][.precision]conv" conversion of Python's printf-style formatting.
struct FormatSpec {
    bool left = false, plus = false, space = false, alternate = false, zero = false;
    std::int64_t width = 0;
    std::int64_t precision = -1;  // -1: none
};

// Pads `body` (after an optional sign/prefix, for zero padding) to spec.width code points.
std::string pad_field(const FormatSpec& spec, std::string prefix, std::string body, bool numeric,
                      std::size_t max_bytes) {
    std::size_t length = utf8_length(prefix) + utf8_length(body);
    if (spec.width <= 0 || static_cast<std::uint64_t>(spec.width) <= length) return prefix + body;
    auto pad = static_cast<std::size_t>(spec.width) - length;
    // Checked before building: "%10000000000s" must not allocate ten gigabytes.
    if (prefix.size() + body.size() + pad > max_bytes)
        throw TemplateError("SandboxError",
                            "the template built more than " + std::to_string(max_bytes) + " bytes of text");
    if (spec.left) return prefix + body + std::string(pad, ' ');
    if (numeric && spec.zero) return prefix + std::string(pad, '0') + body;
    return std::string(pad, ' ') + prefix + body;
}

[[noreturn]] void too_big_for_64_bits(double d) {
    throw TemplateError("OverflowError", "the integer " + python_float_repr(d) +
                                             " does not fit in 64 bits (Tunebench's templates use 64-bit integers)");
}

std::string integer_digits(std::uint64_t magnitude, int base, bool upper) {
    if (magnitude == 0) return "0";
    std::string digits;
    const char* alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    while (magnitude) {
        digits += alphabet[magnitude % static_cast<unsigned>(base)];
        magnitude /= static_cast<unsigned>(base);
    }
    return {digits.rbegin(), digits.rend()};
}

std::string format_one(const FormatSpec& spec, char conv, const Value& v, std::size_t max_bytes) {
    auto check = [&](std::size_t n) {
        if (n > max_bytes)
            throw TemplateError("SandboxError",
                                "the template built more than " + std::to_string(max_bytes) + " bytes of text");
    };
    switch (conv) {
        case 's':
        case 'r':
        case 'a': {
            std::string text = conv == 's' ? v.to_str() : v.repr();
            if (conv == 'a') {  // ascii(): repr with non-ASCII code points escaped
                std::string escaped;
                std::size_t pos = 0;
                while (pos < text.size()) {
                    std::uint32_t cp = utf8_decode(text, pos);
                    char buf[16];
                    if (cp < 0x80) {
                        escaped += static_cast<char>(cp);
                        continue;
                    }
                    std::snprintf(buf, sizeof buf, cp <= 0xFF ? "\\x%02x" : cp <= 0xFFFF ? "\\u%04x" : "\\U%08x", cp);
                    escaped += buf;
                }
                text = std::move(escaped);
            }
            if (spec.precision >= 0) {
                auto offsets = utf8_offsets(text);
                if (static_cast<std::uint64_t>(spec.precision) + 1 < offsets.size())
                    text.resize(offsets[static_cast<std::size_t>(spec.precision)]);
            }
            return pad_field(spec, "", std::move(text), false, max_bytes);
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            bool decimal = conv == 'd' || conv == 'i' || conv == 'u';
            if (decimal ? !v.is_number() : !(v.is_int() || v.is_bool()))
                type_error("%" + std::string(1, conv) + " format: " +
                           (decimal ? "a real number is required, not " : "an integer is required, not ") +
                           v.python_type());
            std::int64_t n;
            if (v.is_float()) {
                double d = std::trunc(v.as_double());
                if (std::isnan(d)) throw TemplateError("ValueError", "cannot convert float NaN to integer");
                if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) too_big_for_64_bits(d);
                n = static_cast<std::int64_t>(d);
            } else {
                n = v.as_int();
            }
            std::uint64_t magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
            int base = decimal ? 10 : conv == 'o' ? 8 : 16;
            std::string digits = integer_digits(magnitude, base, conv == 'X');
            if (spec.precision > static_cast<std::int64_t>(digits.size())) {
                check(static_cast<std::size_t>(spec.precision));
                digits.insert(0, static_cast<std::size_t>(spec.precision) - digits.size(), '0');
            }
            std::string prefix = n < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : "";
            if (spec.alternate && !decimal) prefix += conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
            return pad_field(spec, prefix, digits, true, max_bytes);
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
            if (!v.is_number()) type_error("must be real number, not " + v.python_type());
            double d = v.as_double();
            std::int64_t precision = spec.precision < 0 ? 6 : spec.precision;
            check(static_cast<std::size_t>(precision));
            std::string prefix = std::signbit(d) && !std::isnan(d) ? "-" : spec.plus ? "+" : spec.space ? " " : "";
            std::string body;
            if (std::isnan(d) || std::isinf(d)) {
                body = std::isnan(d) ? "nan" : "inf";
                if (conv == 'F' || conv == 'E' || conv == 'G')
                    for (auto& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                FormatSpec no_zero = spec;
                no_zero.zero = false;
                return pad_field(no_zero, prefix, body, true, max_bytes);
            }
            std::string f = std::string("%") + (spec.alternate ? "#" : "") + ".*" + conv;
            int n = std::snprintf(nullptr, 0, f.c_str(), static_cast<int>(precision), std::fabs(d));
            check(static_cast<std::size_t>(n));
            body.resize(static_cast<std::size_t>(n) + 1);
            std::snprintf(body.data(), body.size(), f.c_str(), static_cast<int>(precision), std::fabs(d));
            body.resize(static_cast<std::size_t>(n));
            return pad_field(spec, prefix, body, true, max_bytes);
        }
        case 'c': {
            std::string ch;
            if (v.is_string()) {
                if (v.length() != 1) type_error("%c requires int or char");
                ch = v.str();
            } else if (v.is_int() || v.is_bool()) {
                if (v.as_int() < 0 || v.as_int() > 0x10FFFF)
                    throw TemplateError("OverflowError", "%c arg not in range(0x110000)");
                utf8_append(ch, static_cast<std::uint32_t>(v.as_int()));
            } else {
                type_error("%c requires int or char");
            }
            return pad_field(spec, "", ch, false, max_bytes);
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

std::string percent_format(const std::string& fmt, const Value& args, std::size_t max_bytes) {
    std::vector<Value> positional;
    if (args.is_tuple())
        positional = args.items();
    else if (!args.is_dict())
        positional.push_back(args);
    std::size_t next_arg = 0;
    auto next_value = [&]() -> const Value& {
        if (next_arg >= positional.size()) type_error("not enough arguments for format string");
        return positional[next_arg++];
    };
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
        FormatSpec spec;
        for (; i < fmt.size() && std::string_view("-+ #0").find(fmt[i]) != std::string_view::npos; ++i) {
            spec.left |= fmt[i] == '-';
            spec.plus |= fmt[i] == '+';
            spec.space |= fmt[i] == ' ';
            spec.alternate |= fmt[i] == '#';
            spec.zero |= fmt[i] == '0';
        }
        auto number = [&](std::int64_t& into) {
            if (i < fmt.size() && fmt[i] == '*') {
                const Value& w = next_value();
                if (!w.is_int() && !w.is_bool()) type_error("* wants int");
                into = w.as_int();
                ++i;
                return;
            }
            std::int64_t n = 0;
            for (; i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9'; ++i) {
                if (__builtin_mul_overflow(n, 10, &n) || __builtin_add_overflow(n, fmt[i] - '0', &n))
                    throw TemplateError("ValueError", "width too big");
            }
            into = n;
        };
        number(spec.width);
        if (spec.width < 0) {
            spec.left = true;
            spec.width = spec.width == INT64_MIN ? INT64_MAX : -spec.width;
        }
        if (i < fmt.size() && fmt[i] == '.') {
            ++i;
            number(spec.precision);
            if (spec.precision < 0) spec.precision = 0;
        }
        while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;  // ignored, as Python does
        if (i >= fmt.size()) throw TemplateError("ValueError", "incomplete format");
        char conv = fmt[i];
        Value v;
        if (has_key) {
            if (!args.is_dict()) type_error("format requires a mapping");
            const Value* found = args.dict_data().find(key);
            if (!found) throw TemplateError("KeyError", python_string_repr(key));
            v = *found;
        } else {
            v = next_value();
        }
        out += format_one(spec, conv, v, max_bytes);
        if (out.size() > max_bytes)
            throw TemplateError("SandboxError",
                                "the template built more than " + std::to_string(max_bytes) + " bytes of text");
    }
    if (!args.is_dict() && next_arg < positional.size())
        type_error("not all arguments converted during string formatting");
    return out;
}

}  // namespace tb::jinja
