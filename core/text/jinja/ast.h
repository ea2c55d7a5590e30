#pragma once
// The parsed template: expression and statement nodes. Each node evaluates or renders
// itself against a Renderer (evaluator.cpp, statements.cpp); the tree is immutable after
// parsing, so one parsed template renders many times, from several threads too.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/text/jinja/value.h"

namespace tb::jinja {

class Renderer;

using FilterFunction = Value (*)(Renderer&, const Value& input, CallArgs& args);
using TestFunction = bool (*)(Renderer&, const Value& input, CallArgs& args);

struct Expr {
    explicit Expr(std::size_t l) : line(l) {}
    virtual ~Expr() = default;
    virtual Value eval(Renderer& r) const = 0;
    std::size_t line;
};
using ExprPtr = std::unique_ptr<Expr>;

struct Argument {
    enum class Kind : std::uint8_t { Plain, Star, DoubleStar };  // f(x) / f(k=x), f(*x), f(**x)
    std::string name;                                            // empty for a positional argument
    ExprPtr value;
    Kind kind = Kind::Plain;
};

struct Literal final : Expr {
    Literal(std::size_t l, Value v) : Expr(l), value(std::move(v)) {}
    Value eval(Renderer&) const override { return value; }
    Value value;
};

const Value* find_global(const std::string& name);  // globals.cpp
int method_mask(const std::string& name);           // methods.cpp: which of str/dict/list have it

struct NameExpr final : Expr {
    NameExpr(std::size_t l, std::string n, int s) : Expr(l), name(std::move(n)), symbol(s), global(find_global(name)) {}
    Value eval(Renderer& r) const override;
    std::string name;
    int symbol;
    const Value* global;  // the builtin of that name, resolved once
};

struct ListExpr final : Expr {
    ListExpr(std::size_t l, bool t) : Expr(l), tuple(t) {}
    Value eval(Renderer& r) const override;
    std::vector<ExprPtr> items;
    bool tuple;
};

struct DictExpr final : Expr {
    using Expr::Expr;
    Value eval(Renderer& r) const override;
    std::vector<std::pair<ExprPtr, ExprPtr>> items;
};

struct GetAttrExpr final : Expr {
    GetAttrExpr(std::size_t l, ExprPtr o, std::string a)
        : Expr(l), object(std::move(o)), attribute(std::move(a)), methods(method_mask(attribute)) {}
    Value eval(Renderer& r) const override;
    ExprPtr object;
    std::string attribute;
    int methods;  // method_mask(attribute): lets dict key access skip the method lookup
};

struct GetItemExpr final : Expr {
    GetItemExpr(std::size_t l, ExprPtr o, ExprPtr k) : Expr(l), object(std::move(o)), key(std::move(k)) {}
    Value eval(Renderer& r) const override;
    ExprPtr object, key;
};

struct SliceExpr final : Expr {
    using Expr::Expr;
    Value eval(Renderer& r) const override;
    ExprPtr object, start, stop, step;  // any may be null but object
};

struct CallExpr final : Expr {
    using Expr::Expr;
    Value eval(Renderer& r) const override;
    ExprPtr callee;
    std::vector<Argument> args;
};

struct FilterCall {
    std::string name;
    FilterFunction function = nullptr;  // null: unknown filter, an error when evaluated
    std::vector<Argument> args;
    std::size_t line = 0;
    Value apply(Renderer& r, const Value& input) const;
};

struct FilterExpr final : Expr {
    using Expr::Expr;
    Value eval(Renderer& r) const override;
    ExprPtr input;
    FilterCall filter;
};

struct TestExpr final : Expr {
    using Expr::Expr;
    Value eval(Renderer& r) const override;
    ExprPtr input;
    std::string name;
    TestFunction function = nullptr;
    std::vector<Argument> args;
    bool negated = false;
};

enum class UnaryOp { Not, Neg, Pos };
struct UnaryExpr final : Expr {
    UnaryExpr(std::size_t l, UnaryOp o, ExprPtr e) : Expr(l), op(o), operand(std::move(e)) {}
    Value eval(Renderer& r) const override;
    UnaryOp op;
    ExprPtr operand;
};

enum class BinaryOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, Concat, And, Or };
struct BinaryExpr final : Expr {
    BinaryExpr(std::size_t l, BinaryOp o, ExprPtr a, ExprPtr b)
        : Expr(l), op(o), left(std::move(a)), right(std::move(b)) {}
    Value eval(Renderer& r) const override;
    BinaryOp op;
    ExprPtr left, right;
};

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge, In, NotIn };
struct CompareExpr final : Expr {
    using Expr::Expr;
    Value eval(Renderer& r) const override;
    ExprPtr first;
    std::vector<std::pair<CompareOp, ExprPtr>> rest;
};

struct CondExpr final : Expr {
    using Expr::Expr;
    Value eval(Renderer& r) const override;
    ExprPtr condition, then_value, else_value;  // else_value may be null (undefined)
};

// ---- statements ----

struct Stmt {
    explicit Stmt(std::size_t l) : line(l) {}
    virtual ~Stmt() = default;
    virtual void render(Renderer& r) const = 0;
    std::size_t line;
};
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

void render_body(Renderer& r, const Body& body);

struct TextStmt final : Stmt {
    TextStmt(std::size_t l, std::string t) : Stmt(l), text(std::move(t)) {}
    void render(Renderer& r) const override;
    std::string text;
};

struct OutputStmt final : Stmt {
    OutputStmt(std::size_t l, ExprPtr e);
    void render(Renderer& r) const override;
    ExprPtr expr;
    // {{ a + b + c }} / {{ a ~ b ~ c }}: the operands, left to right, so plain strings can be
    // written straight to the output instead of building the intermediate strings.
    std::vector<const Expr*> chain;
    BinaryOp chain_op = BinaryOp::Add;
};

struct IfStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    std::vector<std::pair<ExprPtr, Body>> branches;
    Body else_body;
};

// An assignment target: a name, a tuple of targets, or namespace.attribute.
struct Target {
    int symbol = -1;
    std::string name;
    std::string attribute;  // non-empty: {% set ns.attribute = ... %}
    std::vector<Target> tuple;
    bool is_tuple = false;
};

struct ForStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    void render_loop(Renderer& r, const Value& iterable, int depth) const;
    Target target;
    ExprPtr iterable;
    ExprPtr condition;  // {% for x in xs if cond %}
    Body body, else_body;
    bool recursive = false;
};

// {% with a=1, b=x %}: the values are evaluated in the outer scope, the names live only
// inside the block.
struct WithStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    std::vector<std::pair<Target, ExprPtr>> assignments;
    Body body;
};

// {% block name [scoped] [required] %} in a template that extends nothing: rendered in
// place, seeing only the template's variables unless scoped.
struct BlockStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    std::string name;
    bool scoped = false, required = false;
    Body body;
};

struct SetStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    Target target;
    ExprPtr value;
};

struct SetBlockStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    Target target;
    std::vector<FilterCall> filters;
    Body body;
};

struct MacroParam {
    std::string name;
    int symbol;
    ExprPtr default_value;
};

struct MacroStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    std::string name;
    int symbol;
    std::vector<MacroParam> params;
    Body body;
    bool uses_caller = false, uses_varargs = false, uses_kwargs = false;
};

struct CallBlockStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    std::unique_ptr<CallExpr> call;
    std::vector<MacroParam> caller_params;
    Body body;
};

struct FilterBlockStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    std::vector<FilterCall> filters;
    Body body;
};

struct GenerationStmt final : Stmt {
    using Stmt::Stmt;
    void render(Renderer& r) const override;
    Body body;
};

enum class LoopControl { None, Break, Continue };
struct LoopControlStmt final : Stmt {
    LoopControlStmt(std::size_t l, LoopControl k) : Stmt(l), kind(k) {}
    void render(Renderer& r) const override;
    LoopControl kind;
};

}  // namespace tb::jinja
