#include "core/text/jinja/objects.h"

namespace tb::jinja {

std::string Namespace::repr() const {
    Value d = Value::dict(std::make_shared<DictData>(attributes));
    return "<Namespace " + d.repr() + ">";
}

Value Namespace::get_attr(const std::string& name) const {
    if (const Value* v = attributes.find(name)) return *v;
    auto data = std::make_shared<UndefinedData>();
    return Value::undefined_hint(python_string_repr(type_name()) + " has no attribute " + python_string_repr(name));
}

std::string LoopObject::repr() const {
    std::size_t n = items ? items->size() : 0;
    return "<LoopContext " + std::to_string(index + 1) + "/" + std::to_string(n) + ">";
}

Value LoopObject::get_attr(const std::string& name) const {
    std::int64_t n = items ? static_cast<std::int64_t>(items->size()) : 0;
    auto i = static_cast<std::int64_t>(index);
    if (name == "index") return Value::integer(i + 1);
    if (name == "index0") return Value::integer(i);
    if (name == "revindex") return Value::integer(n - i);
    if (name == "revindex0") return Value::integer(n - i - 1);
    if (name == "first") return Value::boolean(i == 0);
    if (name == "last") return Value::boolean(i == n - 1);
    if (name == "length") return Value::integer(n);
    if (name == "depth") return Value::integer(depth);
    if (name == "depth0") return Value::integer(depth - 1);
    if (name == "previtem") {
        if (i > 0 && items) return (*items)[static_cast<std::size_t>(i - 1)];
        return Value::undefined_hint("there is no previous item");
    }
    if (name == "nextitem") {
        if (i + 1 < n) return (*items)[static_cast<std::size_t>(i + 1)];
        return Value::undefined_hint("there is no next item");
    }
    if (name == "cycle") {
        return Value::object(std::make_shared<NativeCallable>("cycle", [i](Renderer&, CallArgs& args) {
            if (args.positional.empty()) throw TemplateError("TypeError", "no items for cycling given");
            return args.positional[static_cast<std::size_t>(i) % args.positional.size()];
        }));
    }
    if (name == "changed") {
        auto* self = const_cast<LoopObject*>(this);
        return Value::object(std::make_shared<NativeCallable>("changed", [self](Renderer&, CallArgs& args) {
            Value current = Value::list(args.positional);
            if (self->has_last_changed && values_equal(self->last_changed, current)) return Value::boolean(false);
            self->last_changed = current;
            self->has_last_changed = true;
            return Value::boolean(true);
        }));
    }
    return Value::undefined_hint(python_string_repr(type_name()) + " has no attribute " + python_string_repr(name));
}

Value LoopObject::call(Renderer& r, CallArgs& args) {
    if (!recursive) return Object::call(r, args);
    if (args.positional.size() != 1) throw TemplateError("TypeError", "loop() takes exactly one argument");
    Renderer::CallDepthGuard guard(r);
    std::string buffer;
    std::string* saved = r.out;
    r.out = &buffer;
    try {
        recursive->render_loop(r, args.positional[0], depth + 1);
    } catch (...) {
        r.out = saved;
        throw;
    }
    r.out = saved;
    return Value::string(std::move(buffer));
}

Value Macro::call(Renderer& r, CallArgs& args) {
    const MacroStmt& d = *definition;
    Renderer::CallDepthGuard guard(r);
    Frame* scope_frame = &r.root;
    if (closure) {
        if (!closure->frame)
            throw TemplateError("TemplateRuntimeError", "macro '" + d.name +
                                                            "' was called after the scope that defined it ended; "
                                                            "Tunebench does not keep such closures alive");
        scope_frame = closure->frame;
    }
    Frame frame(scope_frame);
    Renderer::FrameScope scope(r, &frame);
    std::size_t consumed_keywords = 0;
    for (std::size_t i = 0; i < d.params.size(); ++i) {
        const MacroParam& p = d.params[i];
        if (i < args.positional.size()) {
            frame.set(p.symbol, args.positional[i]);
        } else if (const Value* v = args.keyword_arg(p.name)) {
            frame.set(p.symbol, *v);
            ++consumed_keywords;
        } else if (p.default_value) {
            frame.set(p.symbol, p.default_value->eval(r));
        } else {
            frame.set(p.symbol, Value::undefined_hint("parameter '" + p.name + "' was not provided"));
        }
    }
    if (args.positional.size() > d.params.size()) {
        if (!d.uses_varargs)
            throw TemplateError("TypeError", "macro '" + d.name + "' takes not more than " +
                                                 std::to_string(d.params.size()) + " argument(s)");
    }
    if (d.uses_varargs && r.tmpl.varargs_symbol >= 0) {
        std::vector<Value> extra;
        for (std::size_t i = d.params.size(); i < args.positional.size(); ++i) extra.push_back(args.positional[i]);
        frame.set(r.tmpl.varargs_symbol, Value::list(std::move(extra), true));
    }
    auto kwargs = std::make_shared<DictData>();
    for (const auto& [k, v] : args.keyword) {
        // A keyword naming a parameter already filled by position is an extra keyword, as in Jinja2.
        bool is_param = false;
        for (std::size_t i = args.positional.size(); i < d.params.size(); ++i)
            is_param = is_param || d.params[i].name == k;
        if (is_param) continue;
        if (k == "caller") {
            if (!d.uses_caller)
                throw TemplateError(
                    "TypeError",
                    "macro '" + d.name +
                        "' was invoked with two values for the special caller argument. This is most likely a bug.");
            frame.set(r.tmpl.caller_symbol, v);
            continue;
        }
        if (!d.uses_kwargs)
            throw TemplateError("TypeError", "macro '" + d.name + "' takes no keyword argument '" + k + "'");
        kwargs->set(Value::string(k), v);
    }
    if (d.uses_kwargs && r.tmpl.kwargs_symbol >= 0) frame.set(r.tmpl.kwargs_symbol, Value::dict(std::move(kwargs)));
    if (d.uses_caller && r.tmpl.caller_symbol >= 0 && !frame.find(r.tmpl.caller_symbol))
        frame.set(r.tmpl.caller_symbol, Value::undefined_name("caller"));
    (void)consumed_keywords;
    return Value::string(r.capture(d.body));
}

Value Caller::call(Renderer& r, CallArgs& args) {
    Renderer::CallDepthGuard guard(r);
    Frame child(frame);
    Renderer::FrameScope scope(r, &child);
    for (std::size_t i = 0; i < block->caller_params.size(); ++i) {
        const MacroParam& p = block->caller_params[i];
        if (i < args.positional.size())
            child.set(p.symbol, args.positional[i]);
        else if (const Value* v = args.keyword_arg(p.name))
            child.set(p.symbol, *v);
        else if (p.default_value)
            child.set(p.symbol, p.default_value->eval(r));
        else
            child.set(p.symbol, Value::undefined_hint("parameter '" + p.name + "' was not provided"));
    }
    return Value::string(r.capture(block->body));
}

}  // namespace tb::jinja
