#pragma once
// Runtime state of one render: variable frames, the output buffers, sandbox limits,
// {% generation %} spans. One Renderer per render() call; the parsed template is shared.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/jinja/ast.h"
#include "core/text/jinja/parser.h"
#include "core/text/jinja/template_error.h"

namespace tb::jinja {

// Sandbox limits: a template that loops or recurses without end, or builds a huge
// string, stops with a TemplateError instead of hanging or exhausting memory.
struct RenderLimits {
    std::uint64_t max_steps = 20'000'000;       // statements + loop iterations + calls
    int max_call_depth = 200;                   // nested macro / caller / recursive loop calls
    std::size_t max_output_bytes = 64u << 20;   // any output buffer or string built
    std::size_t max_range_length = 10'000'000;  // range() and list repetition
};

struct Frame;
// Lets a macro defined in a scope (a Python closure) reach that scope's frame while it exists.
struct FrameLink {
    Frame* frame;
};

struct Frame {
    explicit Frame(Frame* p) : parent(p) {}
    ~Frame() {
        if (link_) link_->frame = nullptr;
    }
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;
    Frame* parent;
    std::vector<std::pair<int, Value>> vars;
    const std::shared_ptr<FrameLink>& link() {
        if (!link_) link_ = std::make_shared<FrameLink>(FrameLink{this});
        return link_;
    }
    Value* find(int symbol) {
        for (auto& [s, v] : vars)
            if (s == symbol) return &v;
        return nullptr;
    }
    void set(int symbol, Value value) {
        if (Value* v = find(symbol))
            *v = std::move(value);
        else
            vars.emplace_back(symbol, std::move(value));
    }

private:
    std::shared_ptr<FrameLink> link_;
};

struct Span {
    std::size_t start, end;
};

class Renderer {
public:
    Renderer(const ParsedTemplate& parsed, const RenderLimits& limits) : tmpl(parsed), limits(limits) {}

    const ParsedTemplate& tmpl;
    RenderLimits limits;
    Frame root{nullptr};
    Frame* frame = &root;
    std::string output;          // the top-level output (what the reference's generate() yields)
    std::string* out = &output;  // where text goes now (captures swap it)
    LoopControl loop_control = LoopControl::None;
    std::vector<Span> spans_bytes, spans_chars;
    std::uint64_t steps = 0;
    int call_depth = 0;
    std::size_t counted_bytes = 0, counted_chars = 0;  // incremental code point count of `output`

    Value lookup(int symbol, const std::string& name, const Value* global = nullptr);
    void step() {
        if (++steps > limits.max_steps)
            throw TemplateError("SandboxError", "the template ran more than " + std::to_string(limits.max_steps) +
                                                    " steps (endless loop?)");
    }
    void write(std::string_view s) {
        out->append(s);
        if (out->size() > limits.max_output_bytes) output_too_large();
    }
    void check_size(std::size_t bytes) const {
        if (bytes > limits.max_output_bytes) output_too_large();
    }
    [[noreturn]] void output_too_large() const {
        throw TemplateError("SandboxError", "the template built more than " + std::to_string(limits.max_output_bytes) +
                                                " bytes of text");
    }
    std::string capture(const Body& body);  // renders body into a fresh buffer

    struct CallDepthGuard {
        explicit CallDepthGuard(Renderer& r) : renderer(r) {
            if (++renderer.call_depth > renderer.limits.max_call_depth)
                throw TemplateError("SandboxError", "macro calls nested more than " +
                                                        std::to_string(renderer.limits.max_call_depth) +
                                                        " deep (endless recursion?)");
        }
        ~CallDepthGuard() { --renderer.call_depth; }
        Renderer& renderer;
    };

    struct FrameScope {
        FrameScope(Renderer& r, Frame* f) : renderer(r), saved(r.frame) { r.frame = f; }
        ~FrameScope() { renderer.frame = saved; }
        Renderer& renderer;
        Frame* saved;
    };
};

// ---- operations shared by the evaluator, filters and methods ----
Value get_attribute(const Value& obj, const std::string& name);  // obj.name (sandboxed)
Value get_item(const Value& obj, const Value& key);              // obj[key] (sandboxed)
Value call_value(Renderer& r, const Value& callee, CallArgs& args);
std::vector<Value> iterate(const Value& v);                // for x in v
bool contains(const Value& container, const Value& item);  // item in container
Value slice_value(const Value& v, const Value& start, const Value& stop, const Value& step);
Value binary_op(Renderer& r, BinaryOp op, const Value& a, const Value& b);

// Methods of str / dict / list (methods.cpp). Returns false when `name` is no method.
bool is_method(const Value& self, const std::string& name);
bool is_unsafe_method(const Value& self, const std::string& name);
Value call_method(Renderer& r, const Value& self, const std::string& name, CallArgs& args);

// Globals (globals.cpp): range, namespace, dict, raise_exception, strftime_now, ... are
// found with find_global (ast.h).
// Python printf-style "fmt % args" (globals.cpp).
// Refuses (SandboxError) to build more than max_bytes, before allocating a huge field width.
std::string percent_format(const std::string& fmt, const Value& args, std::size_t max_bytes);

// Python's json.dumps (json_dump.cpp).
struct JsonDumpOptions {
    bool ensure_ascii = false;
    std::string indent;       // indentation unit
    bool has_indent = false;  // indent=None vs indent=0
    std::string item_separator = ", ";
    std::string key_separator = ": ";
    bool sort_keys = false;
    std::size_t max_bytes = SIZE_MAX;  // SandboxError beyond this many bytes of output
};
std::string json_dumps(const Value& v, const JsonDumpOptions& options);

CallArgs evaluate_args(Renderer& r, const std::vector<Argument>& args);
// Binds a value to an assignment target in the current frame (or a namespace attribute).
void assign_target(Renderer& r, const Target& target, const Value& value);

// Argument helper for builtins: positional index or keyword name, else null.
const Value* argument(const CallArgs& args, std::size_t index, std::string_view name);

}  // namespace tb::jinja
