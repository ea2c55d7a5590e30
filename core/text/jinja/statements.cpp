// Statement rendering: output, if, for, set, macro, call, filter and generation blocks.
#include <algorithm>

#include "core/text/jinja/objects.h"
#include "core/text/jinja/utf8_util.h"

namespace tb::jinja {

void render_body(Renderer& r, const Body& body) {
    for (const auto& stmt : body) {
        r.step();
        try {
            stmt->render(r);
        } catch (const TemplateError& e) {
            if (e.line() != 0) throw;
            throw TemplateError(e.kind(), e.message(), stmt->line);
        }
        if (r.loop_control != LoopControl::None) return;
    }
}

std::string Renderer::capture(const Body& body) {
    std::string buffer;
    std::string* saved = out;
    out = &buffer;
    try {
        render_body(*this, body);
    } catch (...) {
        out = saved;
        throw;
    }
    out = saved;
    return buffer;
}

void assign_target(Renderer& r, const Target& target, const Value& value) {
    if (target.is_tuple) {
        std::vector<Value> items = iterate(value);
        if (items.size() < target.tuple.size())
            throw TemplateError("ValueError", "not enough values to unpack (expected " +
                                                  std::to_string(target.tuple.size()) + ", got " +
                                                  std::to_string(items.size()) + ")");
        if (items.size() > target.tuple.size())
            throw TemplateError("ValueError",
                                "too many values to unpack (expected " + std::to_string(target.tuple.size()) + ")");
        for (std::size_t i = 0; i < items.size(); ++i) assign_target(r, target.tuple[i], items[i]);
        return;
    }
    if (!target.attribute.empty()) {
        Value ns = r.lookup(target.symbol, target.name);
        auto* n = ns.object_as<Namespace>();
        if (!n) throw TemplateError("TemplateRuntimeError", "cannot assign attribute on non-namespace object");
        n->attributes.set(Value::string(target.attribute), value);
        return;
    }
    r.frame->set(target.symbol, value);
}

void TextStmt::render(Renderer& r) const { r.write(text); }

OutputStmt::OutputStmt(std::size_t l, ExprPtr e) : Stmt(l), expr(std::move(e)) {
    const auto* bin = dynamic_cast<const BinaryExpr*>(expr.get());
    if (!bin || (bin->op != BinaryOp::Add && bin->op != BinaryOp::Concat)) return;
    chain_op = bin->op;
    const Expr* node = bin;
    while (const auto* b = dynamic_cast<const BinaryExpr*>(node)) {
        if (b->op != chain_op) break;
        chain.push_back(b->right.get());
        node = b->left.get();
    }
    chain.push_back(node);
    std::reverse(chain.begin(), chain.end());
}

void OutputStmt::render(Renderer& r) const {
    if (!chain.empty()) {
        // Same evaluation order and errors as folding left to right: while every operand
        // is a plain string (or the operator is ~), append directly; at the first other
        // value fall back to Python's + on what was built so far.
        std::size_t mark = r.out->size();
        std::size_t i = 0;
        for (; i < chain.size(); ++i) {
            Value v = chain[i]->eval(r);
            if (chain_op == BinaryOp::Concat) {
                v.append_str(*r.out);
            } else if (v.is_string() && !v.is_markup()) {
                r.out->append(v.str());
            } else {
                Value acc = i == 0 ? v : binary_op(r, BinaryOp::Add, Value::string(r.out->substr(mark)), v);
                r.out->resize(mark);
                for (++i; i < chain.size(); ++i) acc = binary_op(r, BinaryOp::Add, acc, chain[i]->eval(r));
                acc.append_str(*r.out);
                break;
            }
            if (r.out->size() > r.limits.max_output_bytes) r.output_too_large();
        }
        r.write({});
        return;
    }
    Value v = expr->eval(r);
    if (v.is_string()) {
        r.write(v.str());
    } else {
        v.append_str(*r.out);
        r.write({});
    }
}

void IfStmt::render(Renderer& r) const {
    for (const auto& [cond, body] : branches) {
        if (cond->eval(r).truthy()) {
            render_body(r, body);
            return;
        }
    }
    render_body(r, else_body);
}

void ForStmt::render(Renderer& r) const { render_loop(r, iterable->eval(r), 1); }

void ForStmt::render_loop(Renderer& r, const Value& iterable_value, int depth) const {
    std::vector<Value> storage;
    const std::vector<Value>* items;
    if (iterable_value.is_list()) {
        items = &iterable_value.items();
    } else {
        storage = iterate(iterable_value);
        items = &storage;
    }
    bool iterated = false;
    {
        Frame loop_frame(r.frame);
        Renderer::FrameScope scope(r, &loop_frame);
        std::vector<Value> filtered;
        if (condition) {
            for (const auto& item : *items) {
                r.step();
                assign_target(r, target, item);
                if (condition->eval(r).truthy()) filtered.push_back(item);
            }
            items = &filtered;
        }
        std::shared_ptr<LoopObject> loop;
        if (r.tmpl.loop_symbol >= 0) {
            loop = std::make_shared<LoopObject>();
            loop->items = items;
            loop->depth = depth;
            loop->recursive = recursive ? this : nullptr;
            loop_frame.set(r.tmpl.loop_symbol, Value::object(loop));
        }
        for (std::size_t i = 0; i < items->size(); ++i) {
            r.step();
            iterated = true;
            // Jinja gives every iteration fresh locals: a name set in the body reads the
            // outer value again at the start of the next iteration.
            loop_frame.vars.clear();
            if (loop) loop_frame.set(r.tmpl.loop_symbol, Value::object(loop));
            assign_target(r, target, (*items)[i]);
            if (loop) loop->index = i;
            render_body(r, body);
            if (r.loop_control == LoopControl::Break) {
                r.loop_control = LoopControl::None;
                break;
            }
            r.loop_control = LoopControl::None;
        }
        if (loop) loop->items = nullptr;  // the loop object may outlive the items
    }
    if (!iterated) render_body(r, else_body);
}

void WithStmt::render(Renderer& r) const {
    std::vector<Value> values;
    values.reserve(assignments.size());
    for (const auto& [target, expr] : assignments) values.push_back(expr->eval(r));
    Frame with_frame(r.frame);
    Renderer::FrameScope scope(r, &with_frame);
    for (std::size_t i = 0; i < values.size(); ++i) assign_target(r, assignments[i].first, values[i]);
    render_body(r, body);
}

void BlockStmt::render(Renderer& r) const {
    if (required) throw TemplateError("TemplateRuntimeError", "Required block '" + name + "' not found");
    Frame block_frame(scoped ? r.frame : &r.root);
    Renderer::FrameScope scope(r, &block_frame);
    render_body(r, body);
}

void SetStmt::render(Renderer& r) const { assign_target(r, target, value->eval(r)); }

void SetBlockStmt::render(Renderer& r) const {
    Value v = Value::string(r.capture(body));
    for (const auto& f : filters) v = f.apply(r, v);
    assign_target(r, target, v);
}

void MacroStmt::render(Renderer& r) const {
    // A macro defined inside a macro, loop or with block sees that scope's names, later
    // assignments included (a Python closure); at the top level it sees the template's.
    std::shared_ptr<FrameLink> closure;
    if (r.frame != &r.root) closure = r.frame->link();
    r.frame->set(symbol, Value::object(std::make_shared<Macro>(this, std::move(closure))));
}

void CallBlockStmt::render(Renderer& r) const {
    Value fn = call->callee->eval(r);
    CallArgs args = evaluate_args(r, call->args);
    args.keyword.emplace_back("caller", Value::object(std::make_shared<Caller>(this, r.frame)));
    Value result = call_value(r, fn, args);
    result.append_str(*r.out);
    r.write({});
}

void FilterBlockStmt::render(Renderer& r) const {
    Value v = Value::string(r.capture(body));
    for (const auto& f : filters) v = f.apply(r, v);
    v.append_str(*r.out);
    r.write({});
}

void GenerationStmt::render(Renderer& r) const {
    // Like the reference: the span starts at the length of the top-level output so far
    // and is as long as the block's own rendering.
    std::string rendered = r.capture(body);
    std::size_t start_bytes = r.output.size();
    if (r.counted_bytes > start_bytes) r.counted_bytes = r.counted_chars = 0;
    r.counted_chars += utf8_length(std::string_view(r.output).substr(r.counted_bytes));
    r.counted_bytes = start_bytes;
    r.spans_bytes.push_back({start_bytes, start_bytes + rendered.size()});
    r.spans_chars.push_back({r.counted_chars, r.counted_chars + utf8_length(rendered)});
    r.write(rendered);
}

void LoopControlStmt::render(Renderer& r) const { r.loop_control = kind; }

}  // namespace tb::jinja
