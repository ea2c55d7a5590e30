// Jinja2's builtin filters (jinja2/filters.py semantics) plus transformers' tojson.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

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
Value f_title(Renderer&, const Value& v, CallArgs&) { return same_flavour(v, py_title(soft_str(v))); }
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
    if (v.is_list() && !v.is_tuple() && !v.is_generator()) return v;
    if (v.is_undefined()) v.raise_undefined();
    return Value::list(iterate(v));
}

Value f_string(Renderer&, const Value& v, CallArgs&) { return v.is_string() ? v : Value::string(soft_str(v)); }

// map / select / reject / selectattr / rejectattr share Jinja's argument conventions.
Value f_map(Renderer& r, const Value& v, CallArgs& a) {
    std::vector<Value> out;
    if (!v.truthy()) return Value::generator({});  // Jinja: "if value:" before iterating
    if (const Value* attribute = a.keyword_arg("attribute")) {
        const Value* fallback = a.keyword_arg("default");
        for (const auto& item : iterate(v)) {
            Value x = attribute_path(item, attribute->to_str());
            if (x.is_undefined() && fallback) x = *fallback;
            out.push_back(x);
        }
        return Value::generator(std::move(out));
    }
    if (a.positional.empty()) return Value::generator(iterate(v));
    std::string name = a.positional[0].to_str();
    FilterFunction f = find_filter(name);
    if (!f) throw TemplateError("TemplateRuntimeError", "No filter named '" + name + "'.");
    CallArgs rest;
    rest.positional.assign(a.positional.begin() + 1, a.positional.end());
    rest.keyword = a.keyword;
    for (const auto& item : iterate(v)) out.push_back(f(r, item, rest));
    return Value::generator(std::move(out));
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
    if (!v.truthy()) return Value::generator({});  // Jinja: "if value:" before iterating
    for (const auto& item : iterate(v)) {
        Value subject = by_attribute ? attribute_path(item, attribute) : item;
        bool ok = test ? test(r, subject, test_args) : subject.truthy();
        if (ok == keep_when) out.push_back(item);
    }
    return Value::generator(std::move(out));
}

Value f_select(Renderer& r, const Value& v, CallArgs& a) { return select_impl(r, v, a, false, true); }
Value f_reject(Renderer& r, const Value& v, CallArgs& a) { return select_impl(r, v, a, false, false); }
Value f_selectattr(Renderer& r, const Value& v, CallArgs& a) { return select_impl(r, v, a, true, true); }
Value f_rejectattr(Renderer& r, const Value& v, CallArgs& a) { return select_impl(r, v, a, true, false); }

Value f_items(Renderer&, const Value& v, CallArgs&) {
    if (v.is_undefined()) return Value::generator({});
    if (!v.is_dict()) type_error("Can only get item pairs from a mapping.");
    std::vector<Value> out;
    for (const auto& [k, val] : v.dict_data().items) out.push_back(Value::list({k, val}, true));
    return Value::generator(std::move(out));
}

Value f_int(Renderer&, const Value& v, CallArgs& a) {
    const Value* d = argument(a, 0, "default");
    Value fallback = d ? *d : Value::integer(0);
    if (v.is_int() || v.is_bool()) return Value::integer(v.as_int());
    if (v.is_float())
        return std::isfinite(v.as_double()) ? Value::integer(static_cast<std::int64_t>(v.as_double())) : fallback;
    if (v.is_string()) {
        std::string s = py_strip(v.str(), std::nullopt, true, true);
        char* end = nullptr;
        errno = 0;
        long long n = std::strtoll(s.c_str(), &end, 10);
        if (!s.empty() && *end == '\0' && errno == 0) return Value::integer(n);
        double d2 = std::strtod(s.c_str(), &end);
        if (!s.empty() && *end == '\0' && std::isfinite(d2)) return Value::integer(static_cast<std::int64_t>(d2));
    }
    return fallback;
}

Value f_float(Renderer&, const Value& v, CallArgs& a) {
    const Value* d = argument(a, 0, "default");
    Value fallback = d ? *d : Value::number(0.0);
    if (v.is_number()) return Value::number(v.as_double());
    if (v.is_string()) {
        std::string s = py_strip(v.str(), std::nullopt, true, true);
        char* end = nullptr;
        double x = std::strtod(s.c_str(), &end);
        if (!s.empty() && *end == '\0') return Value::number(x);
    }
    return fallback;
}

Value f_abs(Renderer&, const Value& v, CallArgs&) {
    if (v.is_float()) return Value::number(std::fabs(v.as_double()));
    if (v.is_int() || v.is_bool()) return Value::integer(std::llabs(v.as_int()));
    if (v.is_undefined()) v.raise_undefined();
    type_error("bad operand type for abs(): '" + v.python_type() + "'");
}

Value f_round(Renderer&, const Value& v, CallArgs& a) {
    const Value* precision = argument(a, 0, "precision");
    const Value* method = argument(a, 1, "method");
    std::int64_t p = precision ? precision->as_int() : 0;
    std::string m = method ? method->to_str() : "common";
    if (!v.is_number()) type_error("type " + v.python_type() + " doesn't define __round__ method");
    double scale = std::pow(10.0, static_cast<double>(p));
    double x = v.as_double() * scale;
    if (m == "ceil")
        x = std::ceil(x);
    else if (m == "floor")
        x = std::floor(x);
    else if (m == "common")
        x = std::nearbyint(x);  // Python rounds half to even
    else
        throw TemplateError("FilterArgumentError", "method must be common, ceil or floor");
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
    return Value::generator(std::move(out));
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
    return Value::generator(std::move(items));
}

Value f_indent(Renderer& r, const Value& v, CallArgs& a) {
    const Value* width = argument(a, 0, "width");
    bool first = arg_bool(a, 1, "first", false);
    bool blank = arg_bool(a, 2, "blank", false);
    std::string indention =
        !width               ? "    "
        : width->is_string() ? width->str()
                             : std::string(static_cast<std::size_t>(std::max<std::int64_t>(0, width->as_int())), ' ');
    {
        std::string text = v.to_str();
        r.check_size(text.size() +
                     indention.size() * (2 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'))));
    }
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

Value f_batch(Renderer&, const Value& v, CallArgs& a) {
    const Value* size = argument(a, 0, "linecount");
    const Value* fill = argument(a, 1, "fill_with");
    std::int64_t n = size ? size->as_int() : 1;
    if (n <= 0) throw TemplateError("ValueError", "batch size must be positive");
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
    return Value::generator(std::move(out));
}

Value f_format(Renderer&, const Value& v, CallArgs& a) {
    if (a.positional.size() == 1)
        return Value::string(percent_format(
            soft_str(v), a.positional[0].is_tuple() ? a.positional[0] : Value::list({a.positional[0]}, true)));
    return Value::string(percent_format(soft_str(v), Value::list(a.positional, true)));
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

Value f_pprint(Renderer&, const Value& v, CallArgs&) { return Value::string(v.repr()); }

Value f_striptags(Renderer&, const Value& v, CallArgs&) {
    std::string s = soft_str(v), out;
    bool in_tag = false;
    for (char c : s) {
        if (c == '<')
            in_tag = true;
        else if (c == '>' && in_tag)
            in_tag = false;
        else if (!in_tag)
            out += c;
    }
    auto words = py_split(out, std::nullopt, -1);
    std::string joined;
    for (std::size_t i = 0; i < words.size(); ++i) joined += (i ? " " : "") + words[i];
    return Value::string(joined);
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
        {"title", f_title},
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
        {"pprint", f_pprint},
        {"striptags", f_striptags},
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
