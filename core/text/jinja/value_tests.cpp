// Jinja2's builtin tests (`x is defined`, `x is string`, ...), jinja2/tests.py semantics.
#include <cmath>
#include <unordered_map>

#include "core/text/jinja/renderer.h"

namespace tb::jinja {

namespace {

const Value& arg0(const CallArgs& a, const char* test) {
    const Value* v = argument(a, 0, "");
    if (!v) throw TemplateError("TypeError", std::string(test) + "() missing 1 required positional argument");
    return *v;
}

bool t_defined(Renderer&, const Value& v, CallArgs&) { return !v.is_undefined(); }
bool t_undefined(Renderer&, const Value& v, CallArgs&) { return v.is_undefined(); }
bool t_none(Renderer&, const Value& v, CallArgs&) { return v.is_none(); }
bool t_boolean(Renderer&, const Value& v, CallArgs&) { return v.is_bool(); }
bool t_true(Renderer&, const Value& v, CallArgs&) { return v.is_bool() && v.as_bool(); }
bool t_false(Renderer&, const Value& v, CallArgs&) { return v.is_bool() && !v.as_bool(); }
bool t_integer(Renderer&, const Value& v, CallArgs&) { return v.is_int(); }
bool t_float(Renderer&, const Value& v, CallArgs&) { return v.is_float(); }
bool t_number(Renderer&, const Value& v, CallArgs&) { return v.is_number(); }
bool t_string(Renderer&, const Value& v, CallArgs&) { return v.is_string(); }
bool t_mapping(Renderer&, const Value& v, CallArgs&) { return v.is_dict(); }
// Undefined has __iter__ and __len__/__getitem__, so Jinja calls it iterable and a sequence.
bool t_iterable(Renderer&, const Value& v, CallArgs&) {
    return v.is_undefined() || v.is_string() || v.is_list() || v.is_dict();
}
bool t_sequence(Renderer&, const Value& v, CallArgs&) {
    // len() and indexing: dict views have no __getitem__.
    return v.is_undefined() || v.is_string() || v.is_dict() ||
           (v.is_list() && !v.is_generator() && (!v.is_view() || v.list_data().view == ListData::View::Range));
}
bool t_callable(Renderer&, const Value& v, CallArgs&) { return v.is_object() && v.object_ref().callable(); }
bool t_odd(Renderer&, const Value& v, CallArgs&) {
    if (!v.is_number() || v.is_float()) throw TemplateError("TypeError", "odd test needs an integer");
    return (v.as_int() % 2) != 0;
}
bool t_even(Renderer&, const Value& v, CallArgs&) {
    if (!v.is_number() || v.is_float()) throw TemplateError("TypeError", "even test needs an integer");
    return (v.as_int() % 2) == 0;
}
bool t_divisibleby(Renderer&, const Value& v, CallArgs& a) {
    const Value& n = arg0(a, "divisibleby");
    if (!n.is_number() || !v.is_number()) throw TemplateError("TypeError", "divisibleby needs numbers");
    if (n.as_int() == 0) throw TemplateError("ZeroDivisionError", "integer division or modulo by zero");
    if (v.is_float() || n.is_float()) return std::fmod(v.as_double(), n.as_double()) == 0;
    return v.as_int() % n.as_int() == 0;
}
bool t_eq(Renderer&, const Value& v, CallArgs& a) { return values_equal(v, arg0(a, "eq")); }
bool t_ne(Renderer&, const Value& v, CallArgs& a) { return !values_equal(v, arg0(a, "ne")); }
bool t_lt(Renderer&, const Value& v, CallArgs& a) { return compare_values(v, arg0(a, "lt"), "<") < 0; }
bool t_le(Renderer&, const Value& v, CallArgs& a) { return compare_values(v, arg0(a, "le"), "<=") <= 0; }
bool t_gt(Renderer&, const Value& v, CallArgs& a) { return compare_values(v, arg0(a, "gt"), ">") > 0; }
bool t_ge(Renderer&, const Value& v, CallArgs& a) { return compare_values(v, arg0(a, "ge"), ">=") >= 0; }
bool t_in(Renderer&, const Value& v, CallArgs& a) { return contains(arg0(a, "in"), v); }
bool t_sameas(Renderer&, const Value& v, CallArgs& a) {
    const Value& o = arg0(a, "sameas");
    if (v.kind() != o.kind()) return false;
    switch (v.kind()) {
        case Value::Kind::None:
        case Value::Kind::Undefined:
            return true;
        case Value::Kind::Bool:
        case Value::Kind::Int:
            return v.as_int() == o.as_int();
        default:
            return v.same_object(o);
    }
}
bool t_lower(Renderer&, const Value& v, CallArgs&) {
    std::string s = v.to_str();
    bool cased = false;
    for (unsigned char c : s) {
        if (c >= 'A' && c <= 'Z') return false;
        cased = cased || (c >= 'a' && c <= 'z');
    }
    return cased;
}
bool t_upper(Renderer&, const Value& v, CallArgs&) {
    std::string s = v.to_str();
    bool cased = false;
    for (unsigned char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        cased = cased || (c >= 'A' && c <= 'Z');
    }
    return cased;
}
bool t_escaped(Renderer&, const Value&, CallArgs&) { return false; }
bool t_filter(Renderer&, const Value& v, CallArgs&) { return v.is_string() && find_filter(v.str()) != nullptr; }
bool t_test(Renderer&, const Value& v, CallArgs&) { return v.is_string() && find_test(v.str()) != nullptr; }

const std::unordered_map<std::string_view, TestFunction>& test_table() {
    static const std::unordered_map<std::string_view, TestFunction> table = {
        {"defined", t_defined},
        {"undefined", t_undefined},
        {"none", t_none},
        {"boolean", t_boolean},
        {"true", t_true},
        {"false", t_false},
        {"integer", t_integer},
        {"float", t_float},
        {"number", t_number},
        {"string", t_string},
        {"mapping", t_mapping},
        {"iterable", t_iterable},
        {"sequence", t_sequence},
        {"callable", t_callable},
        {"odd", t_odd},
        {"even", t_even},
        {"divisibleby", t_divisibleby},
        {"eq", t_eq},
        {"equalto", t_eq},
        {"==", t_eq},
        {"ne", t_ne},
        {"!=", t_ne},
        {"lt", t_lt},
        {"lessthan", t_lt},
        {"<", t_lt},
        {"le", t_le},
        {"<=", t_le},
        {"gt", t_gt},
        {"greaterthan", t_gt},
        {">", t_gt},
        {"ge", t_ge},
        {">=", t_ge},
        {"in", t_in},
        {"sameas", t_sameas},
        {"lower", t_lower},
        {"upper", t_upper},
        {"escaped", t_escaped},
        {"filter", t_filter},
        {"test", t_test},
    };
    return table;
}

}  // namespace

TestFunction find_test(std::string_view name) {
    const auto& t = test_table();
    auto it = t.find(name);
    return it == t.end() ? nullptr : it->second;
}

}  // namespace tb::jinja
