// Jinja2's builtin filters (jinja2/filters.py semantics) plus transformers' tojson.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <random>
#include <unordered_map>

#include "core/text/jinja/filters_text.h"
#include "core/text/jinja/objects.h"
#include "core/text/jinja/string_ops.h"
#include "core/text/jinja/utf8_util.h"

namespace tb::jinja {

namespace {

[[noreturn]] void type_error(const std::string& m) { throw TemplateError("TypeError", m); }

std::string soft_str(const Value& v) { return v.to_str(); }

// Filters that keep a Markup input Markup (str methods of markupsafe.Markup do).
Value same_flavour(const Value& input, std::string s) {
    return input.is_markup() ? Value::markup(std::move(s)) : Value::string(std::move(s));
}

bool arg_bool(const CallArgs& a, std::size_t i, std::string_view name, bool fallback) {
    const Value* v = argument(a, i, name);
    return v ? v->truthy() : fallback;
}

// Follows a dotted attribute path ("function.name", "0") like Jinja's make_attrgetter.
Value attribute_path(const Value& item, const std::string& path) {
    Value cur = item;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = path.find('.', start);
        std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        bool numeric =
            !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        cur = numeric ? get_item(cur, Value::integer(std::atoll(part.c_str()))) : get_item(cur, Value::string(part));
        if (dot == std::string::npos) return cur;
        start = dot + 1;
    }
}

// Case-insensitive sort key, as Jinja's ignore_case.
Value sort_key(const Value& v, bool case_sensitive) {
    if (!case_sensitive && v.is_string()) return Value::string(py_lower(v.str()));
    return v;
}

Value f_tojson(Renderer& r, const Value& v, CallArgs& a) {
    JsonDumpOptions o;
    o.max_bytes = r.limits.max_output_bytes;
    o.ensure_ascii = arg_bool(a, 0, "ensure_ascii", false);
    const Value* indent = argument(a, 1, "indent");
    if (indent && !indent->is_none()) {
        o.has_indent = true;
        if (indent->is_string())
            o.indent = indent->str();
        else {
            r.check_size(static_cast<std::size_t>(std::max<std::int64_t>(0, indent->as_int())));
            o.indent = std::string(static_cast<std::size_t>(std::max<std::int64_t>(0, indent->as_int())), ' ');
        }
        o.item_separator = ",";
    }
    const Value* seps = argument(a, 2, "separators");
    if (seps && !seps->is_none()) {
        if (!seps->is_list() || seps->items().size() != 2) type_error("separators must be a pair of strings");
        o.item_separator = seps->items()[0].to_str();
        o.key_separator = seps->items()[1].to_str();
    }
    o.sort_keys = arg_bool(a, 3, "sort_keys", false);
    std::string out = json_dumps(v, o);
    r.check_size(out.size());
    return Value::string(std::move(out));
}

Value f_trim(Renderer&, const Value& v, CallArgs& a) {
    const Value* chars = argument(a, 0, "chars");
    std::optional<std::string> c;
    if (chars && !chars->is_none()) c = chars->to_str();
    if (v.is_string()) {
        std::string stripped = py_strip(v.str(), c, true, true);
        if (stripped.size() == v.str().size()) return v;  // nothing stripped: share the string
        return same_flavour(v, std::move(stripped));
    }
    return same_flavour(v, py_strip(soft_str(v), c, true, true));
}

Value f_length(Renderer&, const Value& v, CallArgs&) { return Value::integer(v.length()); }

Value f_first(Renderer&, const Value& v, CallArgs&) {
    if (v.is_list() && !v.items().empty()) return v.items().front();
    auto items = iterate(v);
    if (items.empty()) return Value::undefined_hint("No first item, sequence was empty.");
    return items.front();
}

Value f_last(Renderer&, const Value& v, CallArgs&) {
    if (v.is_generator()) type_error("'generator' object is not reversible");
    auto items = iterate(v);
    if (items.empty()) return Value::undefined_hint("No last item, sequence was empty.");
    return items.back();
}

Value f_join(Renderer& r, const Value& v, CallArgs& a) {
    const Value* sep = argument(a, 0, "d");
    const Value* attribute = argument(a, 1, "attribute");
    std::string d = sep ? sep->to_str() : "";
    std::string out;
    bool first = true;
    for (const auto& item : iterate(v)) {
        if (!first) out += d;
        first = false;
        if (attribute && !attribute->is_none())
            attribute_path(item, attribute->to_str()).append_str(out);
        else
            item.append_str(out);
        r.check_size(out.size());
    }
    return Value::string(std::move(out));
}

Value f_default(Renderer&, const Value& v, CallArgs& a) {
    const Value* fallback = argument(a, 0, "default_value");
    bool boolean = arg_bool(a, 1, "boolean", false);
    if (v.is_undefined() || (boolean && !v.truthy())) return fallback ? *fallback : Value::string("");
    return v;
}

Value f_upper(Renderer&, const Value& v, CallArgs&) { return same_flavour(v, py_upper(soft_str(v))); }
Value f_lower(Renderer&, const Value& v, CallArgs&) { return same_flavour(v, py_lower(soft_str(v))); }
Value f_capitalize(Renderer&, const Value& v, CallArgs&) { return same_flavour(v, py_capitalize(soft_str(v))); }

Value f_replace(Renderer& r, const Value& v, CallArgs& a) {
    const Value* old_v = argument(a, 0, "old");
    const Value* new_v = argument(a, 1, "new");
    const Value* count = argument(a, 2, "count");
    if (!old_v || !new_v) type_error("replace() missing required arguments");
    // Same as str.replace (with its size guard), on str(value): Jinja's do_replace without autoescape.
    CallArgs method_args;
    method_args.positional = {Value::string(old_v->to_str()), Value::string(new_v->to_str())};
    if (count && !count->is_none()) method_args.positional.push_back(*count);
    return call_method(r, Value::string(soft_str(v)), "replace", method_args);
}

Value f_list(Renderer&, const Value& v, CallArgs&) {
    if (v.is_sequence() && !v.is_tuple()) return v;
    if (v.is_undefined()) v.raise_undefined();
    return Value::list(iterate(v));
}

Value f_string(Renderer&, const Value& v, CallArgs&) { return v.is_string() ? v : Value::string(soft_str(v)); }

// map / select / reject / selectattr / rejectattr share Jinja's argument conventions.
Value f_map(Renderer& r, const Value& v, CallArgs& a) {
    std::vector<Value> out;
    if (!v.truthy())
        return Value::generator({}, "generator object sync_do_map");  // Jinja: "if value:" before iterating
    if (const Value* attribute = a.keyword_arg("attribute")) {
        const Value* fallback = a.keyword_arg("default");
        for (const auto& item : iterate(v)) {
            Value x = attribute_path(item, attribute->to_str());
            if (x.is_undefined() && fallback) x = *fallback;
            out.push_back(x);
        }
        return Value::generator(std::move(out), "generator object sync_do_map");
    }
    if (a.positional.empty()) return Value::generator(iterate(v), "generator object sync_do_map");
    std::string name = a.positional[0].to_str();
    FilterFunction f = find_filter(name);
    if (!f) throw TemplateError("TemplateRuntimeError", "No filter named '" + name + "'.");
    CallArgs rest;
    rest.positional.assign(a.positional.begin() + 1, a.positional.end());
    rest.keyword = a.keyword;
    for (const auto& item : iterate(v)) out.push_back(f(r, item, rest));
    return Value::generator(std::move(out), "generator object sync_do_map");
}

Value select_impl(Renderer& r, const Value& v, CallArgs& a, bool by_attribute, bool keep_when) {
    std::size_t test_index = by_attribute ? 1 : 0;
    std::string attribute;
    if (by_attribute) {
        if (a.positional.empty()) type_error("selectattr/rejectattr need an attribute name");
        attribute = a.positional[0].to_str();
    }
    TestFunction test = nullptr;
    CallArgs test_args;
    if (a.positional.size() > test_index) {
        std::string name = a.positional[test_index].to_str();
        test = find_test(name);
        if (!test) throw TemplateError("TemplateRuntimeError", "No test named '" + name + "'.");
        test_args.positional.assign(a.positional.begin() + static_cast<std::ptrdiff_t>(test_index) + 1,
                                    a.positional.end());
        test_args.keyword = a.keyword;
    }
    std::vector<Value> out;
    if (!v.truthy())
        return Value::generator({}, "generator object select_or_reject");  // Jinja: "if value:" before iterating
    for (const auto& item : iterate(v)) {
        Value subject = by_attribute ? attribute_path(item, attribute) : item;
        bool ok = test ? test(r, subject, test_args) : subject.truthy();
        if (ok == keep_when) out.push_back(item);
    }
    return Value::generator(std::move(out), "generator object select_or_reject");
}

Value f_select(Renderer& r, const Value& v, CallArgs& a) { return select_impl(r, v, a, false, true); }
Value f_reject(Renderer& r, const Value& v, CallArgs& a) { return select_impl(r, v, a, false, false); }
Value f_selectattr(Renderer& r, const Value& v, CallArgs& a) { return select_impl(r, v, a, true, true); }
Value f_rejectattr(Renderer& r, const Value& v, CallArgs& a) { return select_impl(r, v, a, true, false); }

Value f_items(Renderer&, const Value& v, CallArgs&) {
    if (v.is_undefined()) return Value::generator({}, "generator object do_items");
    if (!v.is_dict()) type_error("Can only get item pairs from a mapping.");
    std::vector<Value> out;
    for (const auto& [k, val] : v.dict_data().items) out.push_back(Value::list({k, val}, true));
    return Value::generator(std::move(out), "generator object do_items");
}

[[noreturn]] void integer_too_big(const std::string& text) {
    throw TemplateError("OverflowError",
                        "the integer " + text + " does not fit in 64 bits (Tunebench's templates use 64-bit integers)");
}

// A float truncated to an int as Python's int(x); nullopt for inf and nan (Python raises, |int falls back).
std::optional<std::int64_t> truncate_float(double d) {
    if (!std::isfinite(d)) return std::nullopt;
    double t = std::trunc(d);
    if (!(t >= -9223372036854775808.0 && t < 9223372036854775808.0)) integer_too_big(python_float_repr(t));
    return static_cast<std::int64_t>(t);
}

// Python's int(text, base). False where Python raises ValueError.
bool parse_python_int(const std::string& text, std::int64_t base, std::int64_t& out) {
    if (base != 0 && (base < 2 || base > 36)) return false;
    std::string s = py_strip(text, std::nullopt, true, true);
    std::size_t p = 0;
    bool negative = false;
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) negative = s[p++] == '-';
    auto prefix_base = [&](std::size_t at) -> int {
        if (at + 1 >= s.size() || s[at] != '0') return 0;
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[at + 1])));
        return c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    };
    bool prefixed = false;
    if (int pb = prefix_base(p); pb && (base == 0 || base == pb)) {
        base = pb;
        p += 2;
        prefixed = true;
        if (p < s.size() && s[p] == '_') ++p;  // "0x_1f" is valid
    }
    if (base == 0) {
        base = 10;
        // Base 0 refuses leading zeros ("017") unless the number is zero.
        if (p < s.size() && s[p] == '0')
            for (std::size_t k = p; k < s.size(); ++k)
                if (s[k] != '0' && s[k] != '_') return false;
    }
    if (p >= s.size()) return false;
    unsigned __int128 magnitude = 0;
    bool previous_digit = prefixed;  // an underscore needs a digit (or the prefix) before it
    bool any = false;
    for (; p < s.size(); ++p) {
        char c = s[p];
        if (c == '_') {
            if (!previous_digit || p + 1 >= s.size()) return false;
            previous_digit = false;
            continue;
        }
        int d = std::isdigit(static_cast<unsigned char>(c))   ? c - '0'
                : std::isalpha(static_cast<unsigned char>(c)) ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                                                              : 99;
        if (d >= base) return false;
        previous_digit = any = true;
        magnitude = magnitude * static_cast<unsigned>(base) + static_cast<unsigned>(d);
        if (magnitude > (static_cast<unsigned __int128>(1) << 63)) integer_too_big(text);
    }
    if (!any) return false;
    if (!negative && magnitude == (static_cast<unsigned __int128>(1) << 63)) integer_too_big(text);
    out = negative ? static_cast<std::int64_t>(0 - static_cast<std::uint64_t>(magnitude))
                   : static_cast<std::int64_t>(magnitude);
    return true;
}

Value f_int(Renderer&, const Value& v, CallArgs& a) {
    // Jinja's do_int: int(value, base) for strings, int(value) otherwise, then int(float(value)),
    // then the default. Python's integers are unbounded; ours are 64-bit and refuse clearly.
    const Value* d = argument(a, 0, "default");
    const Value* base_v = argument(a, 1, "base");
    Value fallback = d ? *d : Value::integer(0);
    if (v.is_undefined()) v.raise_undefined();
    if (v.is_int() || v.is_bool()) return Value::integer(v.as_int());
    if (v.is_float()) {
        auto n = truncate_float(v.as_double());
        return n ? Value::integer(*n) : fallback;
    }
    if (v.is_string()) {
        std::int64_t base = base_v && (base_v->is_int() || base_v->is_bool()) ? base_v->as_int() : 10;
        std::int64_t n;
        if (parse_python_int(v.str(), base, n)) return Value::integer(n);
        double x;
        if (parse_python_float(v.str(), x)) {
            auto t = truncate_float(x);
            if (t) return Value::integer(*t);
        }
    }
    return fallback;
}

Value f_float(Renderer&, const Value& v, CallArgs& a) {
    const Value* d = argument(a, 0, "default");
    Value fallback = d ? *d : Value::number(0.0);
    if (v.is_undefined()) v.raise_undefined();
    if (v.is_number()) return Value::number(v.as_double());
    double x;
    if (v.is_string() && parse_python_float(v.str(), x)) return Value::number(x);
    return fallback;
}

Value f_abs(Renderer&, const Value& v, CallArgs&) {
    if (v.is_float()) return Value::number(std::fabs(v.as_double()));
    if (v.is_int() || v.is_bool()) {
        if (v.as_int() == std::numeric_limits<std::int64_t>::min()) integer_too_big("9223372036854775808");
        return Value::integer(v.as_int() < 0 ? -v.as_int() : v.as_int());
    }
    if (v.is_undefined()) v.raise_undefined();
    type_error("bad operand type for abs(): '" + v.python_type() + "'");
}

// Rounds the exact decimal value of `d` to 10**-digits, half to even, as Python's round().
double round_half_even(double d, std::int64_t digits) {
    if (!std::isfinite(d) || d == 0) return d;
    // Python returns x itself past the precision a double can show, and 0.0 (signed) before it.
    if (digits > 323) return d;
    if (digits < -308) return std::copysign(0.0, d);
    if (digits >= 0) {
        char buf[512];
        std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(digits), d);  // correctly rounded, ties to even
        return std::strtod(buf, nullptr);
    }
    // Negative digits: round the exact integer part at 10**-digits.
    std::string exact(1200, '\0');
    int n = std::snprintf(exact.data(), exact.size(), "%.0f", std::fabs(std::trunc(d)));
    exact.resize(static_cast<std::size_t>(n));
    double fraction = std::fabs(d) - std::fabs(std::trunc(d));
    auto cut = static_cast<std::size_t>(-digits);
    if (cut > exact.size()) return std::copysign(0.0, d);
    std::string kept = exact.substr(0, exact.size() - cut), dropped = exact.substr(exact.size() - cut);
    int comparison;  // dropped part against half
    if (dropped[0] != '5')
        comparison = dropped[0] > '5' ? 1 : -1;
    else
        comparison = dropped.find_first_not_of('0', 1) != std::string::npos || fraction > 0 ? 1 : 0;
    if (kept.empty()) kept = "0";
    bool round_up = comparison > 0 || (comparison == 0 && (kept.back() - '0') % 2 == 1);
    std::string text = kept;
    if (round_up) {
        int i = static_cast<int>(text.size()) - 1;
        while (i >= 0 && text[static_cast<std::size_t>(i)] == '9') text[static_cast<std::size_t>(i--)] = '0';
        if (i < 0)
            text.insert(0, "1");
        else
            ++text[static_cast<std::size_t>(i)];
    }
    text += std::string(cut, '0');
    return std::copysign(std::strtod(text.c_str(), nullptr), d);
}

Value f_round(Renderer&, const Value& v, CallArgs& a) {
    const Value* precision = argument(a, 0, "precision");
    const Value* method = argument(a, 1, "method");
    std::string m = method ? method->to_str() : "common";
    if (m != "common" && m != "ceil" && m != "floor")
        throw TemplateError("FilterArgumentError", "method must be common, ceil or floor");
    if (precision && !precision->is_int() && !precision->is_bool())
        type_error("'" + precision->python_type() + "' object cannot be interpreted as an integer");
    std::int64_t p = precision ? precision->as_int() : 0;
    if (!v.is_number()) type_error("type " + v.python_type() + " doesn't define __round__ method");
    if (m == "common") {
        if (!v.is_float()) {
            // round(int, n) stays an int.
            if (p >= 0) return Value::integer(v.as_int());
            if (p < -18) return Value::integer(0);
            std::int64_t scale = 1;
            for (std::int64_t i = 0; i < -p; ++i) scale *= 10;
            std::int64_t x = v.as_int(), q = x / scale, rem = x % scale;
            if (rem < 0) {
                rem += scale;
                --q;
            }
            if (rem * 2 > scale || (rem * 2 == scale && q % 2 != 0)) ++q;
            std::int64_t out;
            if (__builtin_mul_overflow(q, scale, &out)) integer_too_big(std::to_string(q) + "e" + std::to_string(-p));
            return Value::integer(out);
        }
        return Value::number(round_half_even(v.as_double(), p));
    }
    // math.ceil / math.floor of value * 10**precision, divided back (a float).
    if (p > 308 || p < -308) throw TemplateError("OverflowError", "int too large to convert to float");
    double scale = std::pow(10.0, static_cast<double>(p));
    double x = v.as_double() * scale;
    if (!std::isfinite(x)) throw TemplateError("OverflowError", "cannot convert float infinity to integer");
    x = m == "ceil" ? std::ceil(x) : std::floor(x);
    return Value::number(x / scale);
}

Value f_safe(Renderer&, const Value& v, CallArgs&) { return v.is_markup() ? v : Value::markup(soft_str(v)); }

Value f_escape(Renderer&, const Value& v, CallArgs&) {
    return v.is_markup() ? v : Value::markup(html_escape(soft_str(v)));
}
Value f_forceescape(Renderer&, const Value& v, CallArgs&) { return Value::markup(html_escape(soft_str(v))); }

std::vector<Value> sorted_copy(std::vector<Value> items, bool reverse, bool case_sensitive, const Value* attribute) {
    auto key = [&](const Value& v) {
        Value k = attribute && !attribute->is_none() ? attribute_path(v, attribute->to_str()) : v;
        return sort_key(k, case_sensitive);
    };
    std::stable_sort(items.begin(), items.end(), [&](const Value& x, const Value& y) {
        int c = compare_values(key(x), key(y), "<");
        return reverse ? c > 0 : c < 0;
    });
    return items;
}

Value f_dictsort(Renderer&, const Value& v, CallArgs& a) {
    if (!v.is_dict()) type_error("dictsort expects a mapping");
    bool case_sensitive = arg_bool(a, 0, "case_sensitive", false);
    const Value* by = argument(a, 1, "by");
    bool reverse = arg_bool(a, 2, "reverse", false);
    std::size_t pos = by && by->to_str() == "value" ? 1 : 0;
    if (by && by->to_str() != "key" && by->to_str() != "value")
        throw TemplateError("FilterArgumentError", "You can only sort by either \"key\" or \"value\"");
    std::vector<Value> items;
    for (const auto& [k, val] : v.dict_data().items) items.push_back(Value::list({k, val}, true));
    std::stable_sort(items.begin(), items.end(), [&](const Value& x, const Value& y) {
        int c = compare_values(sort_key(x.items()[pos], case_sensitive), sort_key(y.items()[pos], case_sensitive), "<");
        return reverse ? c > 0 : c < 0;
    });
    return Value::list(std::move(items));
}

Value f_sort(Renderer&, const Value& v, CallArgs& a) {
    bool reverse = arg_bool(a, 0, "reverse", false);
    bool case_sensitive = arg_bool(a, 1, "case_sensitive", false);
    return Value::list(sorted_copy(iterate(v), reverse, case_sensitive, argument(a, 2, "attribute")));
}

Value f_unique(Renderer&, const Value& v, CallArgs& a) {
    bool case_sensitive = arg_bool(a, 0, "case_sensitive", false);
    const Value* attribute = argument(a, 1, "attribute");
    std::vector<Value> out, seen;
    for (const auto& item : iterate(v)) {
        Value k = sort_key(attribute && !attribute->is_none() ? attribute_path(item, attribute->to_str()) : item,
                           case_sensitive);
        bool dup = false;
        for (const auto& s : seen) dup = dup || values_equal(s, k);
        if (dup) continue;
        seen.push_back(k);
        out.push_back(item);
    }
    return Value::generator(std::move(out), "generator object sync_do_unique");
}

Value f_reverse(Renderer&, const Value& v, CallArgs&) {
    if (v.is_string()) {
        auto offsets = utf8_offsets(v.str());
        std::string out;
        for (std::size_t i = offsets.size() - 1; i > 0; --i)
            out.append(v.str(), offsets[i - 1], offsets[i] - offsets[i - 1]);
        return Value::string(std::move(out));
    }
    auto items = iterate(v);
    std::reverse(items.begin(), items.end());
    // reversed(value) where Python has it, else a reversed list (generators).
    if (v.is_generator()) return Value::list(std::move(items));
    const char* name = v.is_dict()                                                  ? "dict_reversekeyiterator object"
                       : v.is_tuple()                                               ? "reversed object"
                       : v.is_view() && v.list_data().view == ListData::View::Range ? "range_iterator object"
                       : v.is_view()                                                ? "dict_reverseiterator object"
                                                                                    : "list_reverseiterator object";
    return Value::generator(std::move(items), name);
}

Value f_indent(Renderer& r, const Value& v, CallArgs& a) {
    const Value* width = argument(a, 0, "width");
    bool first = arg_bool(a, 1, "first", false);
    bool blank = arg_bool(a, 2, "blank", false);
    // The size is checked before the padding is built: indent(10**10) must not allocate 10 GB.
    std::uint64_t width_bytes = !width ? 4
                                : width->is_string()
                                    ? width->str().size()
                                    : static_cast<std::uint64_t>(std::max<std::int64_t>(0, width->as_int()));
    {
        std::string text = v.to_str();
        auto lines = static_cast<unsigned __int128>(2 + std::count(text.begin(), text.end(), '\n'));
        unsigned __int128 total = text.size() + lines * width_bytes;
        if (total > r.limits.max_output_bytes) r.output_too_large();
    }
    std::string indention = !width ? "    " : width->is_string() ? width->str() : std::string(width_bytes, ' ');
    std::string s = soft_str(v) + "\n";  // Jinja's own quirk, so splitlines keeps a trailing empty line
    auto lines = py_splitlines(s);
    std::string rv;
    if (blank) {
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (i) rv += "\n" + indention;
            rv += lines[i];
        }
    } else {
        rv = lines.empty() ? "" : lines[0];
        for (std::size_t i = 1; i < lines.size(); ++i) {
            rv += "\n";
            if (!lines[i].empty()) rv += indention + lines[i];
        }
    }
    if (first) rv = indention + rv;
    return Value::string(std::move(rv));
}

Value f_wordcount(Renderer&, const Value& v, CallArgs&) {
    // Jinja counts \w+ matches.
    std::string s = soft_str(v);
    std::int64_t n = 0;
    bool in_word = false;
    for (unsigned char c : s) {
        bool w = std::isalnum(c) || c == '_' || c >= 0x80;
        if (w && !in_word) ++n;
        in_word = w;
    }
    return Value::integer(n);
}

Value f_center(Renderer& r, const Value& v, CallArgs& a) {
    CallArgs args;
    const Value* width = argument(a, 0, "width");
    args.positional.push_back(width ? *width : Value::integer(80));
    return call_method(r, Value::string(soft_str(v)), "center", args);
}

Value f_sum(Renderer& r, const Value& v, CallArgs& a) {
    const Value* attribute = argument(a, 0, "attribute");
    const Value* start = argument(a, 1, "start");
    Value total = start ? *start : Value::integer(0);
    for (const auto& item : iterate(v))
        total = binary_op(r, BinaryOp::Add, total,
                          attribute && !attribute->is_none() ? attribute_path(item, attribute->to_str()) : item);
    return total;
}

Value min_max(const Value& v, CallArgs& a, bool want_max) {
    bool case_sensitive = arg_bool(a, 0, "case_sensitive", false);
    const Value* attribute = argument(a, 1, "attribute");
    auto items = iterate(v);
    if (items.empty()) return Value::undefined_hint(std::string("No aggregated item, sequence was empty."));
    auto sorted = sorted_copy(items, false, case_sensitive, attribute);
    return want_max ? sorted.back() : sorted.front();
}
Value f_min(Renderer&, const Value& v, CallArgs& a) { return min_max(v, a, false); }
Value f_max(Renderer&, const Value& v, CallArgs& a) { return min_max(v, a, true); }

Value f_batch(Renderer& r, const Value& v, CallArgs& a) {
    const Value* size = argument(a, 0, "linecount");
    const Value* fill = argument(a, 1, "fill_with");
    std::int64_t n = size ? size->as_int() : 1;
    if (n <= 0) throw TemplateError("ValueError", "batch size must be positive");
    if (fill && !fill->is_none() && static_cast<std::uint64_t>(n) > r.limits.max_range_length)
        throw TemplateError("SandboxError",
                            "batch() would fill more than " + std::to_string(r.limits.max_range_length) + " items");
    std::vector<Value> out, cur;
    for (const auto& item : iterate(v)) {
        cur.push_back(item);
        if (static_cast<std::int64_t>(cur.size()) == n) {
            out.push_back(Value::list(std::move(cur)));
            cur.clear();
        }
    }
    if (!cur.empty()) {
        if (fill && !fill->is_none())
            while (static_cast<std::int64_t>(cur.size()) < n) cur.push_back(*fill);
        out.push_back(Value::list(std::move(cur)));
    }
    return Value::generator(std::move(out), "generator object do_batch");
}

Value f_format(Renderer& r, const Value& v, CallArgs& a) {
    // soft_str(value) % (kwargs or args)
    if (!a.positional.empty() && !a.keyword.empty())
        throw TemplateError("FilterArgumentError", "can't handle positional and keyword arguments at the same time");
    Value args;
    if (!a.keyword.empty()) {
        auto d = std::make_shared<DictData>();
        for (const auto& [k, x] : a.keyword) d->set(Value::string(k), x);
        args = Value::dict(std::move(d));
    } else {
        args = Value::list(a.positional, true);
    }
    return Value::string(percent_format(soft_str(v), args, r.limits.max_output_bytes));
}

Value f_truncate(Renderer&, const Value& v, CallArgs& a) {
    std::string s = soft_str(v);
    const Value* length = argument(a, 0, "length");
    bool killwords = arg_bool(a, 1, "killwords", false);
    const Value* end_v = argument(a, 2, "end");
    const Value* leeway_v = argument(a, 3, "leeway");
    std::int64_t len = length ? length->as_int() : 255;
    std::string end = end_v ? end_v->to_str() : "...";
    std::int64_t leeway = leeway_v ? leeway_v->as_int() : 5;
    auto offsets = utf8_offsets(s);
    auto n = static_cast<std::int64_t>(offsets.size() - 1);
    if (n <= len + leeway) return Value::string(s);
    auto cut = static_cast<std::int64_t>(len - static_cast<std::int64_t>(utf8_length(end)));
    if (cut < 0) cut = 0;
    std::string head = s.substr(0, offsets[static_cast<std::size_t>(cut)]);
    if (killwords) return Value::string(head + end);
    auto space = head.rfind(' ');
    if (space != std::string::npos) head = head.substr(0, space);
    return Value::string(head + end);
}

Value f_attr(Renderer&, const Value& v, CallArgs& a) {
    const Value* name = argument(a, 0, "name");
    if (!name) type_error("attr() needs a name");
    return get_attribute(v, name->to_str());
}

Value f_count(Renderer& r, const Value& v, CallArgs& a) { return f_length(r, v, a); }

Value f_random(Renderer&, const Value& v, CallArgs&) {
    // random.choice(seq): needs len() and indexing.
    if (v.is_undefined()) v.raise_undefined();
    std::vector<Value> items = v.is_string() ? iterate(v) : std::vector<Value>();
    const std::vector<Value>& pool = v.is_string() ? items : v.is_sequence() || v.is_view() ? v.items() : items;
    if (!v.is_string() && !v.is_sequence() && !v.is_view())
        type_error("object of type '" + v.python_type() + "' has no len()");
    if (pool.empty()) return Value::undefined_hint("No random item, sequence was empty.");
    thread_local std::mt19937_64 generator{std::random_device{}()};
    return pool[std::uniform_int_distribution<std::size_t>(0, pool.size() - 1)(generator)];
}

// make_attrgetter: an attribute name with dots ("a.b", "0") or an integer index.
Value attribute_or_index(const Value& item, const Value& attribute) {
    if (attribute.is_int() || attribute.is_bool()) return get_item(item, Value::integer(attribute.as_int()));
    return attribute_path(item, attribute.to_str());
}

Value f_groupby(Renderer&, const Value& v, CallArgs& a) {
    const Value* attribute = argument(a, 0, "attribute");
    if (!attribute) type_error("sync_do_groupby() missing 1 required positional argument: 'attribute'");
    const Value* fallback = argument(a, 1, "default");
    bool case_sensitive = arg_bool(a, 2, "case_sensitive", false);
    auto key_of = [&](const Value& item) {
        Value k = attribute_or_index(item, *attribute);
        if (fallback && !fallback->is_none() && k.is_undefined()) k = *fallback;
        return k;
    };
    std::vector<Value> items = iterate(v);
    std::vector<Value> keys;
    keys.reserve(items.size());
    for (const auto& item : items) keys.push_back(sort_key(key_of(item), case_sensitive));
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return compare_values(keys[x], keys[y], "<") < 0; });
    std::vector<Value> groups;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        std::vector<Value> members;
        while (j < order.size() && values_equal(keys[order[j]], keys[order[i]])) members.push_back(items[order[j++]]);
        // Without case sensitivity the group shows the first member's real key, not the lowered one.
        Value grouper = case_sensitive ? keys[order[i]] : key_of(members.front());
        Value group = Value::list({grouper, Value::list(std::move(members))}, true);
        const_cast<ListData&>(group.list_data()).group_tuple = true;
        groups.push_back(std::move(group));
        i = j;
    }
    return Value::list(std::move(groups));
}

Value f_slice(Renderer& r, const Value& v, CallArgs& a) {
    const Value* slices_v = argument(a, 0, "slices");
    if (!slices_v) type_error("sync_do_slice() missing 1 required positional argument: 'slices'");
    if (!slices_v->is_int() && !slices_v->is_bool())
        type_error("'" + slices_v->python_type() + "' object cannot be interpreted as an integer");
    const Value* fill = argument(a, 1, "fill_with");
    std::int64_t slices = slices_v->as_int();
    if (slices == 0) throw TemplateError("ZeroDivisionError", "integer division or modulo by zero");
    if (slices > static_cast<std::int64_t>(r.limits.max_range_length))
        throw TemplateError("SandboxError",
                            "slice() would make more than " + std::to_string(r.limits.max_range_length) + " slices");
    std::vector<Value> seq = iterate(v);
    auto length = static_cast<std::int64_t>(seq.size());
    // Python's floor division and modulo (slices may be negative: then no slice at all).
    std::int64_t per_slice = length / slices - ((length % slices != 0) && ((length < 0) != (slices < 0)));
    std::int64_t with_extra = length - per_slice * slices;
    std::vector<Value> out;
    std::int64_t offset = 0;
    for (std::int64_t n = 0; n < slices; ++n) {
        std::int64_t start = offset + n * per_slice;
        if (n < with_extra) ++offset;
        std::int64_t end = offset + (n + 1) * per_slice;
        start = std::clamp<std::int64_t>(start, 0, length);
        end = std::clamp<std::int64_t>(end, 0, length);
        std::vector<Value> part;
        for (std::int64_t i = start; i < end; ++i) part.push_back(seq[static_cast<std::size_t>(i)]);
        if (fill && !fill->is_none() && n >= with_extra) part.push_back(*fill);
        out.push_back(Value::list(std::move(part)));
    }
    return Value::generator(std::move(out), "generator object sync_do_slice");
}

const std::unordered_map<std::string_view, FilterFunction>& filter_table() {
    static const std::unordered_map<std::string_view, FilterFunction> table = {
        {"tojson", f_tojson},
        {"trim", f_trim},
        {"length", f_length},
        {"count", f_count},
        {"first", f_first},
        {"last", f_last},
        {"join", f_join},
        {"default", f_default},
        {"d", f_default},
        {"upper", f_upper},
        {"lower", f_lower},
        {"title", filter_title},
        {"capitalize", f_capitalize},
        {"replace", f_replace},
        {"list", f_list},
        {"string", f_string},
        {"map", f_map},
        {"select", f_select},
        {"reject", f_reject},
        {"selectattr", f_selectattr},
        {"rejectattr", f_rejectattr},
        {"items", f_items},
        {"int", f_int},
        {"float", f_float},
        {"abs", f_abs},
        {"round", f_round},
        {"safe", f_safe},
        {"escape", f_escape},
        {"e", f_escape},
        {"forceescape", f_forceescape},
        {"dictsort", f_dictsort},
        {"sort", f_sort},
        {"unique", f_unique},
        {"reverse", f_reverse},
        {"indent", f_indent},
        {"wordcount", f_wordcount},
        {"center", f_center},
        {"sum", f_sum},
        {"min", f_min},
        {"max", f_max},
        {"batch", f_batch},
        {"format", f_format},
        {"truncate", f_truncate},
        {"attr", f_attr},
        {"pprint", filter_pprint},
        {"striptags", filter_striptags},
        {"wordwrap", filter_wordwrap},
        {"urlize", filter_urlize},
        {"urlencode", filter_urlencode},
        {"filesizeformat", filter_filesizeformat},
        {"xmlattr", filter_xmlattr},
        {"groupby", f_groupby},
        {"slice", f_slice},
        {"random", f_random},
    };
    return table;
}

}  // namespace

FilterFunction find_filter(std::string_view name) {
    const auto& t = filter_table();
    auto it = t.find(name);
    return it == t.end() ? nullptr : it->second;
}

}  // namespace tb::jinja
