#include "core/text/jinja/value.h"

#include "core/common/markup_escape.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/text/jinja/template_error.h"
#include "core/text/jinja/utf8_util.h"

namespace tb::jinja {

namespace {

[[noreturn]] void type_error(const std::string& message) { throw TemplateError("TypeError", message); }

}  // namespace

ListData::~ListData() = default;
DictData::~DictData() = default;

const Value* DictData::find(const Value& key) const {
    if (key.is_string()) return find(std::string_view(key.str()));
    for (const auto& [k, v] : items)
        if (values_equal(k, key)) return &v;
    return nullptr;
}

const Value* DictData::find(std::string_view key) const {
    for (const auto& [k, v] : items)
        if (k.is_string() && k.str() == key) return &v;
    return nullptr;
}

namespace {
thread_local std::size_t repr_limit = SIZE_MAX;
}

void check_built_text(std::size_t bytes, std::size_t limit) {
    if (bytes > limit)
        throw TemplateError("SandboxError", "the template built more than " + std::to_string(limit) + " bytes of text");
}
void check_built_text(std::size_t bytes) { check_built_text(bytes, repr_limit); }

ReprLimitScope::ReprLimitScope(std::size_t limit) : saved(repr_limit) { repr_limit = limit; }
ReprLimitScope::~ReprLimitScope() { repr_limit = saved; }

std::uint32_t nesting_depth(const Value& v) {
    if (v.is_list()) return v.list_data().depth;
    if (v.is_dict()) return v.dict_data().depth;
    return 0;
}

static void check_depth(std::uint32_t depth) {
    if (depth > kMaxValueDepth)
        throw TemplateError("SandboxError", "values nested more than " + std::to_string(kMaxValueDepth) + " deep");
}

void DictData::set(Value key, Value value) {
    std::uint32_t d = nesting_depth(value) + 1;
    if (d > depth) {
        check_depth(d);
        depth = d;
    }
    for (auto& [k, v] : items) {
        if (values_equal(k, key)) {
            v = std::move(value);
            return;
        }
    }
    items.emplace_back(std::move(key), std::move(value));
}

std::string UndefinedData::message() const {
    if (!hint.empty()) return hint;
    if (object_type.empty()) return python_string_repr(name) + " is undefined";
    if (!name_is_attribute) return object_type + " has no element " + name;
    return python_string_repr(object_type) + " has no attribute " + python_string_repr(name);
}

const Value* CallArgs::keyword_arg(std::string_view name) const {
    for (const auto& [k, v] : keyword)
        if (k == name) return &v;
    return nullptr;
}

std::string Object::repr() const { return "<" + type_name() + ">"; }
Value Object::get_attr(const std::string& name) const {
    Value v = Value::undefined_hint("");
    // Built like Jinja2's undefined(obj=..., name=...).
    auto data = std::make_shared<UndefinedData>();
    data->object_type = type_name();
    data->name = name;
    return Value::undefined_hint(data->message());
}
Value Object::call(Renderer&, CallArgs&) { type_error("'" + type_name() + "' is not callable"); }

Value Value::string(std::string s) {
    Value v;
    v.kind_ = Kind::String;
    v.heap_ = std::make_shared<StringData>(std::move(s));
    return v;
}

Value Value::markup(std::string s) {
    Value v = string(std::move(s));
    static_cast<StringData*>(v.heap_.get())->markup = true;
    return v;
}

std::string html_escape(std::string_view s) { return escape_markup(s, "&#34;", "&#39;"); }  // markupsafe's entities

Value Value::list(std::vector<Value> items, bool tuple) {
    auto data = std::make_shared<ListData>();
    std::uint32_t max_child = 0;
    for (const auto& item : items) max_child = std::max(max_child, nesting_depth(item));
    check_depth(max_child + 1);
    data->depth = max_child + 1;
    data->items = std::move(items);
    data->tuple = tuple;
    Value v;
    v.kind_ = Kind::List;
    v.heap_ = std::move(data);
    return v;
}

Value Value::range(std::int64_t start, std::int64_t stop, std::int64_t step, std::vector<Value> items) {
    Value v = list(std::move(items));
    auto& data = static_cast<ListData&>(*v.heap_);
    data.view = ListData::View::Range;
    data.range_start = start;
    data.range_stop = stop;
    data.range_step = step;
    return v;
}

Value Value::dict_view(ListData::View view, std::vector<Value> items) {
    Value v = list(std::move(items));
    static_cast<ListData&>(*v.heap_).view = view;
    return v;
}

Value Value::generator(std::vector<Value> items, const char* repr_name) {
    auto data = std::make_shared<ListData>();
    std::uint32_t max_child = 0;
    for (const auto& item : items) max_child = std::max(max_child, nesting_depth(item));
    check_depth(max_child + 1);
    data->depth = max_child + 1;
    data->items = std::move(items);
    data->generator = true;
    data->generator_repr = repr_name;
    Value v;
    v.kind_ = Kind::List;
    v.heap_ = std::move(data);
    return v;
}

Value Value::dict(std::shared_ptr<DictData> d) {
    Value v;
    v.kind_ = Kind::Dict;
    if (d) {
        std::uint32_t max_child = 0;
        for (const auto& [k, x] : d->items) max_child = std::max(max_child, nesting_depth(x));
        check_depth(max_child + 1);
        d->depth = max_child + 1;
    }
    v.heap_ = d ? std::move(d) : std::make_shared<DictData>();
    return v;
}

Value Value::object(std::shared_ptr<Object> o) {
    Value v;
    v.kind_ = Kind::Object;
    v.heap_ = std::move(o);
    return v;
}

Value Value::undefined_name(std::string name) {
    auto data = std::make_shared<UndefinedData>();
    data->name = std::move(name);
    Value v;
    v.heap_ = std::move(data);
    return v;
}

Value Value::undefined_attribute(const Value& obj, std::string attribute) {
    auto data = std::make_shared<UndefinedData>();
    data->object_type = obj.object_type_repr();
    data->name = std::move(attribute);
    Value v;
    v.heap_ = std::move(data);
    return v;
}

Value Value::undefined_element(const Value& obj, const Value& key) {
    if (key.is_string()) return undefined_attribute(obj, key.str());
    auto data = std::make_shared<UndefinedData>();
    data->object_type = obj.object_type_repr();
    data->name = key.repr();
    data->name_is_attribute = false;
    Value v;
    v.heap_ = std::move(data);
    return v;
}

Value Value::undefined_hint(std::string hint, std::string error_kind) {
    auto data = std::make_shared<UndefinedData>();
    data->hint = std::move(hint);
    data->error_kind = std::move(error_kind);
    Value v;
    v.heap_ = std::move(data);
    return v;
}

void Value::raise_undefined() const {
    const auto* data = undefined_data();
    if (!data) throw TemplateError("UndefinedError", "'None' has no attribute");
    throw TemplateError(data->error_kind, data->message());
}

bool Value::truthy() const {
    switch (kind_) {
        case Kind::Undefined:
        case Kind::None:
            return false;
        case Kind::Bool:
        case Kind::Int:
            return int_ != 0;
        case Kind::Float:
            return float_ != 0.0;
        case Kind::String:
            return !str().empty();
        case Kind::List:
            return list_data().generator || !items().empty();
        case Kind::Dict:
            return !dict_data().items.empty();
        case Kind::Object:
            return true;
    }
    return false;
}

void Value::append_str(std::string& out) const {
    switch (kind_) {
        case Kind::Undefined:
            return;
        case Kind::String:
            out += str();
            return;
        case Kind::Int: {
            char buf[24];
            auto r = std::to_chars(buf, buf + sizeof buf, int_);
            out.append(buf, r.ptr);
            return;
        }
        default:
            out += repr();
    }
}

std::string Value::to_str() const {
    if (kind_ == Kind::String) return str();
    std::string out;
    append_str(out);
    return out;
}

std::string Value::repr() const {
    // A namespace can contain itself; Python prints such cycles as "...", we stop at a depth.
    thread_local int repr_depth = 0;
    struct Guard {
        Guard() {
            if (++repr_depth > static_cast<int>(kMaxValueDepth) + 10) {
                --repr_depth;
                throw TemplateError("RecursionError",
                                    "maximum recursion depth exceeded while getting the repr of an object");
            }
        }
        ~Guard() { --repr_depth; }
    } guard;
    switch (kind_) {
        case Kind::Undefined:
            return "Undefined";
        case Kind::None:
            return "None";
        case Kind::Bool:
            return int_ ? "True" : "False";
        case Kind::Int:
            return std::to_string(int_);
        case Kind::Float:
            return python_float_repr(float_);
        case Kind::String:
            return string_data().markup ? "Markup(" + python_string_repr(str()) + ")" : python_string_repr(str());
        case Kind::List: {
            const auto& data = list_data();
            if (data.generator) {
                char address[32];
                std::snprintf(address, sizeof address, " at %p>", static_cast<const void*>(&data));
                return std::string("<") + data.generator_repr + address;
            }
            if (data.view == ListData::View::Range) {
                std::string out = "range(" + std::to_string(data.range_start) + ", " + std::to_string(data.range_stop);
                if (data.range_step != 1) out += ", " + std::to_string(data.range_step);
                return out + ")";
            }
            std::string prefix = data.view == ListData::View::DictKeys     ? "dict_keys("
                                 : data.view == ListData::View::DictValues ? "dict_values("
                                 : data.view == ListData::View::DictItems  ? "dict_items("
                                                                           : "";
            std::string out = prefix + (data.tuple ? "(" : "[");
            for (std::size_t i = 0; i < data.items.size(); ++i) {
                if (i) out += ", ";
                out += data.items[i].repr();
                check_built_text(out.size());
            }
            if (data.tuple && data.items.size() == 1) out += ",";
            out += data.tuple ? ")" : "]";
            if (!prefix.empty()) out += ")";
            return out;
        }
        case Kind::Dict: {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, v] : dict_data().items) {
                if (!first) out += ", ";
                first = false;
                out += k.repr();
                out += ": ";
                out += v.repr();
                check_built_text(out.size());
            }
            return out + "}";
        }
        case Kind::Object:
            return object_ref().repr();
    }
    return "";
}

std::string Value::python_type() const {
    switch (kind_) {
        case Kind::Undefined:
            return "Undefined";
        case Kind::None:
            return "NoneType";
        case Kind::Bool:
            return "bool";
        case Kind::Int:
            return "int";
        case Kind::Float:
            return "float";
        case Kind::String:
            return string_data().markup ? "Markup" : "str";
        case Kind::List:
            switch (list_data().view) {
                case ListData::View::Range:
                    return "range";
                case ListData::View::DictKeys:
                    return "dict_keys";
                case ListData::View::DictValues:
                    return "dict_values";
                case ListData::View::DictItems:
                    return "dict_items";
                case ListData::View::None:
                    break;
            }
            return list_data().generator ? "generator" : list_data().tuple ? "tuple" : "list";
        case Kind::Dict:
            return "dict";
        case Kind::Object: {
            std::string t = object_ref().type_name();
            auto dot = t.rfind('.');
            auto space = t.find(' ');
            if (space != std::string::npos) t = t.substr(0, space);
            if (dot != std::string::npos && dot < t.size()) t = t.substr(t.rfind('.') + 1);
            return t;
        }
    }
    return "object";
}

std::string Value::object_type_repr() const {
    switch (kind_) {
        case Kind::None:
            return "None";
        case Kind::Undefined:
            return "jinja2.runtime.Undefined object";
        case Kind::Object:
            return object_ref().type_name();
        default:
            return python_type() + " object";
    }
}

std::int64_t Value::length() const {
    switch (kind_) {
        case Kind::Undefined:
            return 0;
        case Kind::String: {
            const auto& data = string_data();
            if (data.codepoints < 0) data.codepoints = static_cast<std::int64_t>(utf8_length(data.text));
            return data.codepoints;
        }
        case Kind::List:
            if (list_data().generator) type_error("object of type 'generator' has no len()");
            return static_cast<std::int64_t>(items().size());
        case Kind::Dict:
            return static_cast<std::int64_t>(dict_data().items.size());
        default:
            type_error("object of type '" + python_type() + "' has no len()");
    }
}

bool values_equal(const Value& a, const Value& b) {
    using K = Value::Kind;
    if (a.is_number() && b.is_number()) {
        if (a.is_float() || b.is_float()) return a.as_double() == b.as_double();
        return a.as_int() == b.as_int();
    }
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
        case K::Undefined:
        case K::None:
            return true;
        case K::String:
            return a.same_object(b) || a.str() == b.str();
        case K::List: {
            if (a.is_tuple() != b.is_tuple() || a.list_data().view != b.list_data().view) return false;
            if (a.is_generator() || b.is_generator()) return a.same_object(b);
            const auto& x = a.items();
            const auto& y = b.items();
            if (x.size() != y.size()) return false;
            for (std::size_t i = 0; i < x.size(); ++i)
                if (!values_equal(x[i], y[i])) return false;
            return true;
        }
        case K::Dict: {
            const auto& x = a.dict_data();
            const auto& y = b.dict_data();
            if (x.items.size() != y.items.size()) return false;
            for (const auto& [k, v] : x.items) {
                const Value* other = y.find(k);
                if (!other || !values_equal(v, *other)) return false;
            }
            return true;
        }
        default:
            return a.same_object(b);
    }
}

int compare_values(const Value& a, const Value& b, const char* op) {
    if (a.is_undefined()) a.raise_undefined();
    if (b.is_undefined()) b.raise_undefined();
    if (a.is_number() && b.is_number()) {
        if (a.is_float() || b.is_float()) {
            double x = a.as_double(), y = b.as_double();
            return x < y ? -1 : x > y ? 1 : 0;
        }
        return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
    }
    if (a.is_string() && b.is_string()) {
        int c = a.str().compare(b.str());
        return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    if (a.is_list() && b.is_list() && a.is_tuple() == b.is_tuple()) {
        const auto& x = a.items();
        const auto& y = b.items();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (values_equal(x[i], y[i])) continue;
            return compare_values(x[i], y[i], op);
        }
        return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    }
    type_error(std::string("'") + op + "' not supported between instances of '" + a.python_type() + "' and '" +
               b.python_type() + "'");
}

template <class Json>
static Value convert_json(const Json& j, int depth = 0) {
    if (depth > static_cast<int>(kMaxValueDepth)) check_depth(kMaxValueDepth + 1);
    switch (j.type()) {
        case Json::value_t::null:
            return Value::none();
        case Json::value_t::boolean:
            return Value::boolean(j.template get<bool>());
        case Json::value_t::number_integer:
            return Value::integer(j.template get<std::int64_t>());
        case Json::value_t::number_unsigned: {
            auto u = j.template get<std::uint64_t>();
            // Python would keep the exact integer; a float would print another number.
            if (u > static_cast<std::uint64_t>(INT64_MAX))
                throw TemplateError("OverflowError", "the integer " + std::to_string(u) +
                                                         " in the template variables does not fit in 64 bits "
                                                         "(Tunebench's templates use 64-bit integers)");
            return Value::integer(static_cast<std::int64_t>(u));
        }
        case Json::value_t::number_float:
            return Value::number(j.template get<double>());
        case Json::value_t::string:
            return Value::string(j.template get<std::string>());
        case Json::value_t::array: {
            std::vector<Value> items;
            items.reserve(j.size());
            for (const auto& e : j) items.push_back(convert_json(e, depth + 1));
            return Value::list(std::move(items));
        }
        case Json::value_t::object: {
            auto d = std::make_shared<DictData>();
            d->items.reserve(j.size());
            for (auto it = j.begin(); it != j.end(); ++it)
                d->items.emplace_back(Value::string(it.key()), convert_json(it.value(), depth + 1));
            return Value::dict(std::move(d));
        }
        default:
            return Value::none();
    }
}

Value from_json(const nlohmann::json& j) { return convert_json(j); }
Value from_json(const nlohmann::ordered_json& j) { return convert_json(j); }

std::string python_float_repr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
    if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, r.ptr);  // "-1.2345e+02"
    bool negative = sci[0] == '-';
    if (negative) sci.erase(0, 1);
    auto e = sci.find('e');
    int exponent = std::stoi(sci.substr(e + 1));
    std::string digits;
    for (char c : sci.substr(0, e))
        if (c != '.') digits += c;
    std::string out = negative ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
        out += digits[0];
        if (digits.size() > 1) out += "." + digits.substr(1);
        char exp_buf[16];
        std::snprintf(exp_buf, sizeof exp_buf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
        return out + exp_buf;
    }
    if (exponent < 0) return out + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    auto int_len = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= int_len) return out + digits + std::string(int_len - digits.size(), '0') + ".0";
    return out + digits.substr(0, int_len) + "." + digits.substr(int_len);
}

std::string python_string_repr(std::string_view s) {
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    std::size_t pos = 0;
    char buf[16];
    while (pos < s.size()) {
        std::size_t start = pos;
        std::uint32_t cp = utf8_decode(s, pos);
        if (cp == '\\')
            out += "\\\\";
        else if (cp == static_cast<std::uint32_t>(quote)) {
            out += '\\';
            out += quote;
        } else if (cp == '\n')
            out += "\\n";
        else if (cp == '\r')
            out += "\\r";
        else if (cp == '\t')
            out += "\\t";
        else if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) {
            std::snprintf(buf, sizeof buf, "\\x%02x", cp);
            out += buf;
        } else if ((cp >= 0x200B && cp <= 0x200F) || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
                   (cp >= 0x2060 && cp <= 0x2064)) {
            std::snprintf(buf, sizeof buf, "\\u%04x", cp);
            out += buf;
        } else {
            out.append(s.substr(start, pos - start));
        }
    }
    out += quote;
    return out;
}

}  // namespace tb::jinja
