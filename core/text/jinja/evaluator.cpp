// Expression evaluation with Python / Jinja2 sandbox semantics.
#include <cmath>
#include <limits>

#include "core/text/jinja/objects.h"
#include "core/text/jinja/utf8_util.h"

namespace tb::jinja {

namespace {

[[noreturn]] void type_error(const std::string& m) { throw TemplateError("TypeError", m); }

Value unsafe_attribute(const Value& obj, const std::string& name) {
    return Value::undefined_hint("access to attribute '" + name + "' of '" + obj.python_type() + "' object is unsafe.",
                                 "SecurityError");
}

// Python's getattr(obj, name) under the immutable sandbox; nullopt-like: returns false if
// Python would raise AttributeError.
bool python_getattr(const Value& obj, const std::string& name, Value& out) {
    if (!name.empty() && name[0] == '_') {
        // Dunder attributes exist on every Python object but the sandbox forbids them.
        if (name.size() > 4 && name.rfind("__", 0) == 0 && name.compare(name.size() - 2, 2, "__") == 0) {
            out = unsafe_attribute(obj, name);
            return true;
        }
        return false;
    }
    if (obj.is_string() || obj.is_dict() || obj.is_list()) {
        if (!is_method(obj, name)) return false;
        out = is_unsafe_method(obj, name) ? unsafe_attribute(obj, name)
                                          : Value::object(std::make_shared<BoundMethod>(obj, name));
        return true;
    }
    return false;
}

std::int64_t checked_index(const Value& v) {
    if (v.is_int() || v.is_bool()) return v.as_int();
    type_error("slice indices must be integers or None or have an __index__ method");
}

}  // namespace

const Value* argument(const CallArgs& args, std::size_t index, std::string_view name) {
    if (index < args.positional.size()) return &args.positional[index];
    return args.keyword_arg(name);
}

Value get_attribute(const Value& obj, const std::string& name) {
    switch (obj.kind()) {
        case Value::Kind::Undefined:
            obj.raise_undefined();
        case Value::Kind::Object:
            return obj.object_ref().get_attr(name);
        default:
            break;
    }
    if (obj.is_list() && obj.list_data().group_tuple && (name == "grouper" || name == "list"))
        return obj.items()[name == "grouper" ? 0 : 1];
    Value out;
    if (python_getattr(obj, name, out)) return out;
    if (obj.is_dict()) {
        if (const Value* v = obj.dict_data().find(name)) return *v;
    }
    return Value::undefined_attribute(obj, name);
}

Value get_item(const Value& obj, const Value& key) {
    switch (obj.kind()) {
        case Value::Kind::Undefined:
            obj.raise_undefined();
        case Value::Kind::Dict:
            if (const Value* v = obj.dict_data().find(key)) return *v;
            break;
        case Value::Kind::List:
            // dict views and generators are not subscriptable (Jinja then tries an attribute).
            if ((key.is_int() || key.is_bool()) && !obj.is_generator() &&
                (!obj.is_view() || obj.list_data().view == ListData::View::Range)) {
                auto n = static_cast<std::int64_t>(obj.items().size());
                std::int64_t i = key.as_int();
                if (i < 0) i += n;
                if (i >= 0 && i < n) return obj.items()[static_cast<std::size_t>(i)];
            }
            break;
        case Value::Kind::String:
            if (key.is_int() || key.is_bool()) {
                const std::string& s = obj.str();
                std::int64_t n = obj.length();
                std::int64_t i = key.as_int();
                if (i < 0) i += n;
                if (i >= 0 && i < n) {
                    if (static_cast<std::size_t>(n) == s.size())
                        return Value::string(std::string(1, s[static_cast<std::size_t>(i)]));
                    auto offsets = utf8_offsets(s);
                    return Value::string(s.substr(offsets[i], offsets[i + 1] - offsets[i]));
                }
            }
            break;
        case Value::Kind::Object:
            if (key.is_string()) return obj.object_ref().get_attr(key.str());
            break;
        default:
            break;
    }
    if (key.is_string()) {
        Value out;
        if (python_getattr(obj, key.str(), out)) return out;
    }
    return Value::undefined_element(obj, key);
}

Value call_value(Renderer& r, const Value& callee, CallArgs& args) {
    if (callee.is_undefined()) callee.raise_undefined();
    if (callee.is_object() && callee.object_ref().callable()) return callee.object_ref().call(r, args);
    type_error("'" + callee.python_type() + "' object is not callable");
}

std::vector<Value> iterate(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Undefined:
            return {};
        case Value::Kind::List:
            return v.items();
        case Value::Kind::Dict: {
            std::vector<Value> keys;
            keys.reserve(v.dict_data().items.size());
            for (const auto& [k, _] : v.dict_data().items) keys.push_back(k);
            return keys;
        }
        case Value::Kind::String: {
            std::vector<Value> chars;
            const std::string& s = v.str();
            std::size_t pos = 0;
            while (pos < s.size()) {
                std::size_t start = pos;
                utf8_decode(s, pos);
                chars.push_back(Value::string(s.substr(start, pos - start)));
            }
            return chars;
        }
        default:
            type_error("'" + v.python_type() + "' object is not iterable");
    }
}

bool contains(const Value& container, const Value& item) {
    switch (container.kind()) {
        case Value::Kind::Undefined:
            return false;
        case Value::Kind::String:
            if (!item.is_string())
                type_error("'in <string>' requires string as left operand, not " + item.python_type());
            return container.str().find(item.str()) != std::string::npos;
        case Value::Kind::List:
            for (const auto& v : container.items())
                if (values_equal(v, item)) return true;
            return false;
        case Value::Kind::Dict:
            return container.dict_data().find(item) != nullptr;
        case Value::Kind::Object:
            if (auto* ns = container.object_as<Namespace>()) return ns->attributes.find(item) != nullptr;
            [[fallthrough]];
        default:
            type_error("argument of type '" + container.python_type() + "' is not iterable");
    }
}

Value slice_value(const Value& v, const Value& start_v, const Value& stop_v, const Value& step_v) {
    if (v.is_undefined()) v.raise_undefined();
    auto missing = [](const Value& x) { return x.is_none() || x.is_undefined(); };
    std::int64_t step = missing(step_v) ? 1 : checked_index(step_v);
    if (step == 0) throw TemplateError("ValueError", "slice step cannot be zero");
    std::int64_t n;
    std::vector<std::size_t> offsets;
    bool ascii = true;
    if (v.is_string()) {
        n = v.length();
        ascii = static_cast<std::size_t>(n) == v.str().size();
        if (!ascii) offsets = utf8_offsets(v.str());
    } else if (v.is_list()) {
        n = static_cast<std::int64_t>(v.items().size());
    } else {
        type_error("'" + v.python_type() + "' object is not subscriptable");
    }
    std::int64_t start, stop;
    if (step > 0) {
        start = missing(start_v) ? 0 : checked_index(start_v);
        stop = missing(stop_v) ? n : checked_index(stop_v);
        if (start < 0) start = std::max<std::int64_t>(0, start + n);
        if (stop < 0) stop = std::max<std::int64_t>(0, stop + n);
        start = std::min(start, n);
        stop = std::min(stop, n);
    } else {
        start = missing(start_v) ? n - 1 : checked_index(start_v);
        stop = missing(stop_v) ? -1 : checked_index(stop_v);
        if (!missing(start_v)) {
            if (start < 0) start = std::max<std::int64_t>(-1, start + n);
            start = std::min(start, n - 1);
        }
        if (!missing(stop_v)) {
            if (stop < 0) stop = std::max<std::int64_t>(-1, stop + n);
            stop = std::min(stop, n - 1);
        }
    }
    std::vector<std::int64_t> indices;
    if (step > 0)
        for (std::int64_t i = start; i < stop; i += step) indices.push_back(i);
    else
        for (std::int64_t i = start; i > stop; i += step) indices.push_back(i);
    if (v.is_string()) {
        const std::string& s = v.str();
        if (step == 1) {
            if (indices.empty()) return Value::string("");
            if (ascii)
                return Value::string(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(stop - start)));
            return Value::string(s.substr(offsets[start], offsets[stop] - offsets[start]));
        }
        std::string out;
        for (auto i : indices) {
            if (ascii)
                out += s[static_cast<std::size_t>(i)];
            else
                out.append(s, offsets[i], offsets[i + 1] - offsets[i]);
        }
        return Value::string(std::move(out));
    }
    std::vector<Value> out;
    out.reserve(indices.size());
    for (auto i : indices) out.push_back(v.items()[static_cast<std::size_t>(i)]);
    if (v.is_view() && v.list_data().view == ListData::View::Range) {  // a slice of a range is a range
        const auto& r = v.list_data();
        return Value::range(r.range_start + start * r.range_step, r.range_start + stop * r.range_step,
                            r.range_step * step, std::move(out));
    }
    return Value::list(std::move(out), v.is_tuple());
}

// ---- expression nodes ----

Value Renderer::lookup(int symbol, const std::string& name, const Value* global) {
    for (Frame* f = frame; f; f = f->parent)
        if (Value* v = f->find(symbol)) return *v;
    if (frame != &root)
        if (Value* v = root.find(symbol)) return *v;
    if (global) return *global;
    if (const Value* g = find_global(name)) return *g;
    return Value::undefined_name(name);
}

Value NameExpr::eval(Renderer& r) const {
    if (!global) {
        // Common case first: a plain variable, no builtin behind it.
        for (Frame* f = r.frame; f; f = f->parent)
            if (Value* v = f->find(symbol)) return *v;
        if (r.frame != &r.root)
            if (Value* v = r.root.find(symbol)) return *v;
        return Value::undefined_name(name);
    }
    return r.lookup(symbol, name, global);
}

Value ListExpr::eval(Renderer& r) const {
    std::vector<Value> values;
    values.reserve(items.size());
    for (const auto& e : items) values.push_back(e->eval(r));
    return Value::list(std::move(values), tuple);
}

Value DictExpr::eval(Renderer& r) const {
    auto d = std::make_shared<DictData>();
    for (const auto& [k, v] : items) d->set(k->eval(r), v->eval(r));
    return Value::dict(std::move(d));
}

Value GetAttrExpr::eval(Renderer& r) const {
    Value obj = object->eval(r);
    // message.content on a dict: no dict method has that name, so it is a key lookup.
    if (obj.is_dict() && !(methods & 2) && !attribute.empty() && attribute[0] != '_') {
        if (const Value* v = obj.dict_data().find(attribute)) return *v;
        return Value::undefined_attribute(obj, attribute);
    }
    return get_attribute(obj, attribute);
}

Value GetItemExpr::eval(Renderer& r) const {
    Value obj = object->eval(r);
    return get_item(obj, key->eval(r));
}

Value SliceExpr::eval(Renderer& r) const {
    Value obj = object->eval(r);
    Value a = start ? start->eval(r) : Value::none();
    Value b = stop ? stop->eval(r) : Value::none();
    Value c = step ? step->eval(r) : Value::none();
    return slice_value(obj, a, b, c);
}

CallArgs evaluate_args(Renderer& r, const std::vector<Argument>& args) {
    CallArgs out;
    // Python evaluates f(a, k=b, *c, **d) as: positionals, then *c appended; keywords, then **d.
    const Argument* star = nullptr;
    const Argument* double_star = nullptr;
    for (const auto& a : args) {
        if (a.kind == Argument::Kind::Star)
            star = &a;
        else if (a.kind == Argument::Kind::DoubleStar)
            double_star = &a;
        else if (a.name.empty())
            out.positional.push_back(a.value->eval(r));
        else
            out.keyword.emplace_back(a.name, a.value->eval(r));
    }
    if (star) {
        Value v = star->value->eval(r);
        if (v.is_undefined()) v.raise_undefined();
        if (!v.is_list() && !v.is_dict() && !v.is_string())
            type_error("Value after * must be an iterable, not " + v.python_type());
        for (auto& item : iterate(v)) out.positional.push_back(std::move(item));
    }
    if (double_star) {
        Value v = double_star->value->eval(r);
        if (v.is_undefined()) v.raise_undefined();
        if (!v.is_dict()) type_error("argument after ** must be a mapping, not " + v.python_type());
        for (const auto& [k, x] : v.dict_data().items) {
            if (!k.is_string()) type_error("keywords must be strings");
            if (out.keyword_arg(k.str())) type_error("got multiple values for keyword argument '" + k.str() + "'");
            out.keyword.emplace_back(k.str(), x);
        }
    }
    return out;
}

Value CallExpr::eval(Renderer& r) const {
    // obj.method(...) on str/dict/list: call directly, without building a bound method.
    if (auto* attr = dynamic_cast<const GetAttrExpr*>(callee.get())) {
        Value obj = attr->object->eval(r);
        if ((obj.is_string() || obj.is_dict() || obj.is_list()) && is_method(obj, attr->attribute)) {
            if (is_unsafe_method(obj, attr->attribute))
                throw TemplateError(
                    "SecurityError",
                    "access to attribute '" + attr->attribute + "' of '" + obj.python_type() + "' object is unsafe.",
                    line);
            CallArgs args_v = evaluate_args(r, args);
            return call_method(r, obj, attr->attribute, args_v);
        }
        Value fn = get_attribute(obj, attr->attribute);
        CallArgs args_v = evaluate_args(r, args);
        return call_value(r, fn, args_v);
    }
    Value fn = callee->eval(r);
    CallArgs args_v = evaluate_args(r, args);
    return call_value(r, fn, args_v);
}

Value FilterCall::apply(Renderer& r, const Value& input) const {
    if (!function) throw TemplateError("TemplateRuntimeError", "No filter named '" + name + "' found.", line);
    CallArgs a = evaluate_args(r, args);
    return function(r, input, a);
}

Value FilterExpr::eval(Renderer& r) const { return filter.apply(r, input->eval(r)); }

Value TestExpr::eval(Renderer& r) const {
    if (!function) throw TemplateError("TemplateRuntimeError", "No test named '" + name + "' found.", line);
    Value v = input->eval(r);
    CallArgs a = evaluate_args(r, args);
    bool result = function(r, v, a);
    return Value::boolean(negated ? !result : result);
}

Value UnaryExpr::eval(Renderer& r) const {
    Value v = operand->eval(r);
    if (op == UnaryOp::Not) return Value::boolean(!v.truthy());
    if (v.is_undefined()) v.raise_undefined();
    if (!v.is_number())
        type_error(std::string("bad operand type for unary ") + (op == UnaryOp::Neg ? "-" : "+") + ": '" +
                   v.python_type() + "'");
    if (op == UnaryOp::Pos) return v.is_float() ? v : Value::integer(v.as_int());
    if (v.is_float()) return Value::number(-v.as_double());
    if (v.as_int() == std::numeric_limits<std::int64_t>::min())
        throw TemplateError("OverflowError",
                            "integer result does not fit in 64 bits (Tunebench's templates use 64-bit integers)");
    return Value::integer(-v.as_int());
}

Value BinaryExpr::eval(Renderer& r) const {
    if (op == BinaryOp::And) {
        Value a = left->eval(r);
        return a.truthy() ? right->eval(r) : a;
    }
    if (op == BinaryOp::Or) {
        Value a = left->eval(r);
        return a.truthy() ? a : right->eval(r);
    }
    Value a = left->eval(r);
    Value b = right->eval(r);
    if (op == BinaryOp::Concat || (op == BinaryOp::Add && b.is_string() && !b.is_markup())) {
        if (std::string* s = a.unique_plain_string()) {
            if (op == BinaryOp::Concat)
                b.append_str(*s);
            else
                s->append(b.str());
            r.check_size(s->size());
            return a;
        }
    }
    return binary_op(r, op, a, b);
}

Value CompareExpr::eval(Renderer& r) const {
    Value a = first->eval(r);
    for (const auto& [op, expr] : rest) {
        Value b = expr->eval(r);
        bool ok;
        switch (op) {
            case CompareOp::Eq:
                ok = values_equal(a, b);
                break;
            case CompareOp::Ne:
                ok = !values_equal(a, b);
                break;
            case CompareOp::Lt:
                ok = compare_values(a, b, "<") < 0;
                break;
            case CompareOp::Le:
                ok = compare_values(a, b, "<=") <= 0;
                break;
            case CompareOp::Gt:
                ok = compare_values(a, b, ">") > 0;
                break;
            case CompareOp::Ge:
                ok = compare_values(a, b, ">=") >= 0;
                break;
            case CompareOp::In:
                ok = contains(b, a);
                break;
            case CompareOp::NotIn:
                ok = !contains(b, a);
                break;
        }
        if (!ok) return Value::boolean(false);
        a = std::move(b);
    }
    return Value::boolean(true);
}

Value CondExpr::eval(Renderer& r) const {
    if (condition->eval(r).truthy()) return then_value->eval(r);
    if (else_value) return else_value->eval(r);
    return Value::undefined_hint("the inline if-expression on line " + std::to_string(line) +
                                 " evaluated to false and no else section was defined.");
}

}  // namespace tb::jinja
