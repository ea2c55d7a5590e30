#pragma once
// Runtime objects: namespace(), the loop variable, macros and callers, builtin functions
// and bound methods of str/dict/list.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/text/jinja/renderer.h"

namespace tb::jinja {

class Namespace final : public Object {
public:
    std::string type_name() const override { return "jinja2.utils.Namespace object"; }
    std::string repr() const override;
    Value get_attr(const std::string& name) const override;
    DictData attributes;
};

class LoopObject final : public Object {
public:
    std::string type_name() const override { return "jinja2.runtime.LoopContext object"; }
    std::string repr() const override;
    Value get_attr(const std::string& name) const override;
    bool callable() const override { return recursive != nullptr; }
    Value call(Renderer& r, CallArgs& args) override;  // loop(children) of a recursive loop

    const std::vector<Value>* items = nullptr;
    std::size_t index = 0;
    int depth = 1;
    const ForStmt* recursive = nullptr;
    Value last_changed;  // loop.changed() state
    bool has_last_changed = false;
};

class Macro final : public Object {
public:
    Macro(const MacroStmt* d, std::shared_ptr<FrameLink> c) : definition(d), closure(std::move(c)) {}
    std::string type_name() const override { return "jinja2.runtime.Macro object"; }
    std::string repr() const override { return "<Macro '" + definition->name + "'>"; }
    bool callable() const override { return true; }
    Value call(Renderer& r, CallArgs& args) override;
    const MacroStmt* definition;
    std::shared_ptr<FrameLink> closure;  // null: defined at the top level
};

// The caller() of a {% call %} block: renders the block body in the call site's frame.
class Caller final : public Object {
public:
    Caller(const CallBlockStmt* b, Frame* f) : block(b), frame(f) {}
    std::string type_name() const override { return "jinja2.runtime.Macro object"; }
    std::string repr() const override { return "<Macro 'caller'>"; }
    bool callable() const override { return true; }
    Value call(Renderer& r, CallArgs& args) override;
    const CallBlockStmt* block;
    Frame* frame;
};

class BuiltinFunction final : public Object {
public:
    using Function = Value (*)(Renderer&, CallArgs&);
    BuiltinFunction(std::string n, Function f) : name(std::move(n)), function(f) {}
    std::string type_name() const override { return "function object"; }
    std::string repr() const override { return "<function " + name + ">"; }
    bool callable() const override { return true; }
    Value call(Renderer& r, CallArgs& args) override { return function(r, args); }
    std::string name;
    Function function;
};

class BoundMethod final : public Object {
public:
    BoundMethod(Value s, std::string n) : self(std::move(s)), name(std::move(n)) {}
    std::string type_name() const override { return "builtin_function_or_method object"; }
    std::string repr() const override { return "<built-in method " + name + " of " + self.python_type() + " object>"; }
    bool callable() const override { return true; }
    Value call(Renderer& r, CallArgs& args) override { return call_method(r, self, name, args); }
    Value self;
    std::string name;
};

// Small callables created at runtime (loop.cycle, cycler.next, joiner()).
class NativeCallable final : public Object {
public:
    NativeCallable(std::string n, std::function<Value(Renderer&, CallArgs&)> f)
        : name(std::move(n)), function(std::move(f)) {}
    std::string type_name() const override { return "function object"; }
    std::string repr() const override { return "<function " + name + ">"; }
    bool callable() const override { return true; }
    Value call(Renderer& r, CallArgs& args) override { return function(r, args); }
    std::string name;
    std::function<Value(Renderer&, CallArgs&)> function;
};

}  // namespace tb::jinja
