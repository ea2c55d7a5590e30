#include "core/text/jinja/parser.h"

#include <algorithm>
#include <unordered_map>

#include "core/text/jinja/lexer.h"
#include "core/text/jinja/template_error.h"

namespace tb::jinja {

int ParsedTemplate::symbol_of(std::string_view name) const {
    for (std::size_t i = 0; i < symbols.size(); ++i)
        if (symbols[i] == name) return static_cast<int>(i);
    return -1;
}

namespace {

// Deep nesting would overflow the C++ stack in the parser or the evaluator.
constexpr int kMaxNesting = 200;
// Left-deep chains (a + b + c ..., x.a.b.c ..., x|f|g ...) evaluate recursively too.
constexpr int kMaxChain = 1000;

class Parser {
public:
    Parser(std::vector<Token> tokens, ParsedTemplate& out) : tokens_(std::move(tokens)), out_(out) {}

    void run() {
        out_.body = parse_body({});
        if (cur().type != TokenType::End) fail("unexpected '" + describe(cur()) + "'");
        // Jinja2 reports these when it compiles the parsed template, so after any syntax error.
        for (const auto& e : compile_errors_)
            if (!e.soft) throw TemplateError("TemplateAssertionError", e.message, e.line);
        // -1 when the template never names them: the renderer then skips building them.
        out_.loop_symbol = out_.symbol_of("loop");
        out_.caller_symbol = out_.symbol_of("caller");
        out_.varargs_symbol = out_.symbol_of("varargs");
        out_.kwargs_symbol = out_.symbol_of("kwargs");
    }

private:
    struct DepthGuard {
        explicit DepthGuard(Parser& p) : parser(p) {
            if (++parser.depth_ > kMaxNesting) parser.fail("template is nested too deeply (more than 200 levels)");
        }
        ~DepthGuard() { --parser.depth_; }
        Parser& parser;
    };

    // Jinja2's compiler frames: an {% if %} (test and bodies) and an inline if-expression are
    // "soft", where an unknown filter or test is an error only when evaluated. Loop, macro, call,
    // filter, set and with bodies are inner frames, hard again.
    struct InnerFrame {
        explicit InnerFrame(Parser& p, bool soft = false) : parser(p), saved(p.soft_) { parser.soft_ = soft; }
        ~InnerFrame() { parser.soft_ = saved; }
        Parser& parser;
        bool saved;
    };

    void chain_step(int& links) const {
        if (++links > kMaxChain) fail("expression chain is too long (more than 1000 operators)");
    }

    const Token& cur() const { return tokens_[pos_]; }
    const Token& peek(std::size_t n = 1) const { return tokens_[std::min(pos_ + n, tokens_.size() - 1)]; }
    void next() {
        if (pos_ + 1 < tokens_.size()) ++pos_;
    }
    [[noreturn]] void fail(const std::string& message) const {
        throw TemplateError("TemplateSyntaxError", message, cur().line);
    }
    static std::string describe(const Token& t) {
        switch (t.type) {
            case TokenType::VarEnd:
                return "end of print statement";
            case TokenType::BlockEnd:
                return "end of statement block";
            case TokenType::End:
                return "end of template";
            case TokenType::Text:
                return "template data";
            default:
                return t.value;
        }
    }
    bool is_op(const char* op) const { return cur().type == TokenType::Operator && cur().value == op; }
    bool is_name(const char* name) const { return cur().type == TokenType::Name && cur().value == name; }
    void expect_op(const char* op) {
        if (!is_op(op)) fail(std::string("expected token '") + op + "', got '" + describe(cur()) + "'");
        next();
    }
    void expect_block_end() {
        if (cur().type != TokenType::BlockEnd)
            fail("expected token 'end of statement block', got '" + describe(cur()) + "'");
        next();
    }
    std::string expect_name() {
        if (cur().type != TokenType::Name) fail("expected name, got '" + describe(cur()) + "'");
        std::string n = cur().value;
        next();
        return n;
    }

    int symbol(const std::string& name) {
        auto it = symbols_.find(name);
        if (it != symbols_.end()) return it->second;
        int id = static_cast<int>(out_.symbols.size());
        out_.symbols.push_back(name);
        symbols_.emplace(name, id);
        return id;
    }

    // Parses statements until a block tag whose keyword is in `end_tags` (left unconsumed,
    // positioned on the keyword), or the end of the template when end_tags is empty.
    // Jinja2's _fail_ut_eof wording, for an unknown tag (name) or the end of the template.
    [[noreturn]] void fail_eof(const std::string& name) const {
        std::string message = name.empty() ? "Unexpected end of template." : "Encountered unknown tag '" + name + "'.";
        if (!end_stack_.empty()) {
            std::string looking;
            for (const auto& e : end_stack_.back()) looking += (looking.empty() ? "'" : " or '") + e + "'";
            bool expected_somewhere = false;
            for (const auto& level : end_stack_)
                for (const auto& e : level) expected_somewhere = expected_somewhere || e == name;
            if (!name.empty() && expected_somewhere)
                message +=
                    " You probably made a nesting mistake. Jinja is expecting this tag, but currently looking for " +
                    looking + ".";
            else
                message += " Jinja was looking for the following tags: " + looking + ".";
        }
        if (!tag_stack_.empty())
            message += " The innermost block that needs to be closed is '" + tag_stack_.back() + "'.";
        fail(message);
    }

    struct EndScope {
        EndScope(Parser& p, const std::vector<std::string>& tags) : parser(p), active(!tags.empty()) {
            if (active) parser.end_stack_.push_back(tags);
        }
        ~EndScope() {
            if (active) parser.end_stack_.pop_back();
        }
        Parser& parser;
        bool active;
    };

    Body parse_body(const std::vector<std::string>& end_tags) {
        DepthGuard guard(*this);
        EndScope end_scope(*this, end_tags);
        Body body;
        while (true) {
            const Token& t = cur();
            if (t.type == TokenType::End) {
                if (!end_tags.empty()) fail_eof("");
                return body;
            }
            if (t.type == TokenType::Text) {
                body.push_back(std::make_unique<TextStmt>(t.line, t.value));
                next();
            } else if (t.type == TokenType::VarBegin) {
                next();
                std::size_t line = cur().line;
                auto e = parse_tuple(false, true, {});
                if (cur().type != TokenType::VarEnd)
                    fail("expected token 'end of print statement', got '" + describe(cur()) + "'");
                next();
                body.push_back(std::make_unique<OutputStmt>(line, std::move(e)));
            } else if (t.type == TokenType::BlockBegin) {
                next();
                if (cur().type == TokenType::Name) {
                    for (const auto& e : end_tags)
                        if (cur().value == e) return body;
                }
                body.push_back(parse_statement());
            } else {
                fail("unexpected '" + describe(t) + "'");
            }
        }
    }

    StmtPtr parse_statement() {
        if (cur().type != TokenType::Name) fail("tag name expected");
        std::string kw = cur().value;
        std::size_t line = cur().line;
        struct TagScope {
            TagScope(Parser& p, std::string tag) : parser(p) { parser.tag_stack_.push_back(std::move(tag)); }
            ~TagScope() { parser.tag_stack_.pop_back(); }
            Parser& parser;
        };
        static const char* const known[] = {"if",         "for",   "set",      "macro", "call", "filter",
                                            "generation", "break", "continue", "with",  "block"};
        bool is_known = false;
        for (const char* k : known) is_known = is_known || kw == k;
        if (!is_known) {
            if (kw == "include" || kw == "import" || kw == "from" || kw == "extends")
                fail("'" + kw + "' is not available: chat templates cannot load other templates");
            fail_eof(kw);
        }
        TagScope tag_scope(*this, kw);
        if (kw == "if") return parse_if();
        if (kw == "for") return parse_for();
        if (kw == "set") return parse_set();
        if (kw == "macro") return parse_macro();
        if (kw == "call") return parse_call_block();
        if (kw == "filter") return parse_filter_block();
        if (kw == "with") return parse_with();
        if (kw == "block") return parse_block();
        if (kw == "generation") {
            next();
            expect_block_end();
            auto s = std::make_unique<GenerationStmt>(line);
            InnerFrame generation_frame(*this);
            s->body = parse_body({"endgeneration"});
            next();
            expect_block_end();
            out_.has_generation = true;
            return s;
        }
        if (kw == "break" || kw == "continue") {
            if (loop_depth_ == 0) fail("'" + kw + "' outside of a loop");
            next();
            expect_block_end();
            return std::make_unique<LoopControlStmt>(line, kw == "break" ? LoopControl::Break : LoopControl::Continue);
        }
        if (kw == "include" || kw == "import" || kw == "from" || kw == "extends")
            fail("'" + kw + "' is not available: chat templates cannot load other templates");
        fail("Encountered unknown tag '" + kw + "'.");
    }

    StmtPtr parse_if() {
        auto s = std::make_unique<IfStmt>(cur().line);
        next();
        InnerFrame soft_frame(*this, true);
        while (true) {
            auto cond = parse_tuple(false, true, {});
            expect_block_end();
            Body body = parse_body({"elif", "else", "endif"});
            s->branches.emplace_back(std::move(cond), std::move(body));
            std::string kw = cur().value;
            next();
            if (kw == "elif") continue;
            if (kw == "else") {
                expect_block_end();
                s->else_body = parse_body({"endif"});
                next();
            }
            expect_block_end();
            break;
        }
        return s;
    }

    // `store`: a for or set target (not a with or macro parameter), where "loop" is refused
    // inside a for loop.
    Target parse_target(bool allow_namespace, const std::vector<std::string>& end_names, bool store = true) {
        Target t;
        std::vector<Target> items;
        bool is_tuple = false;
        bool parens = is_op("(");
        if (parens) next();
        while (true) {
            Target one;
            std::size_t line = cur().line;
            one.name = expect_name();
            one.symbol = symbol(one.name);
            if (allow_namespace && is_op(".")) {
                next();
                one.attribute = expect_name();
            }
            if (store && one.name == "loop" && one.attribute.empty()) loop_store_lines_.push_back(line);
            items.push_back(std::move(one));
            if (!is_op(",")) break;
            is_tuple = true;
            next();
            bool end = (parens && is_op(")")) || cur().type == TokenType::BlockEnd || is_op("=");
            for (const auto& n : end_names) end = end || (cur().type == TokenType::Name && cur().value == n);
            if (end) break;
        }
        if (parens) {
            expect_op(")");
            is_tuple = is_tuple || items.size() > 1;
        }
        if (!is_tuple) return std::move(items[0]);
        t.is_tuple = true;
        t.tuple = std::move(items);
        return t;
    }

    StmtPtr parse_for() {
        auto s = std::make_unique<ForStmt>(cur().line);
        next();
        std::size_t errors_mark = compile_errors_.size(), loop_stores_mark = loop_store_lines_.size();
        s->target = parse_target(false, {"in"});
        if (!is_name("in")) fail("expected 'in' in for loop");
        next();
        s->iterable = parse_tuple(false, false, {"recursive"});
        {
            InnerFrame loop_frame(*this);
            if (is_name("if")) {
                next();
                s->condition = parse_expression(true);
            }
            if (is_name("recursive")) {
                next();
                s->recursive = true;
            }
            expect_block_end();
            ++loop_depth_;
            s->body = parse_body({"endfor", "else"});
            --loop_depth_;
            if (cur().value == "else") {
                next();
                expect_block_end();
                s->else_body = parse_body({"endfor"});
            }
        }
        next();
        expect_block_end();
        // Jinja2 refuses any assignment to "loop" within the loop, target or body.
        if (loop_store_lines_.size() > loop_stores_mark)
            compile_errors_.insert(compile_errors_.begin() + static_cast<std::ptrdiff_t>(errors_mark),
                                   {"Can't assign to special loop variable in for-loop target",
                                    loop_store_lines_[loop_stores_mark], false});
        return s;
    }

    StmtPtr parse_set() {
        std::size_t line = cur().line;
        next();
        Target target = parse_target(true, {});
        if (is_op("=")) {
            next();
            auto s = std::make_unique<SetStmt>(line);
            s->target = std::move(target);
            s->value = parse_tuple(false, true, {});
            expect_block_end();
            return s;
        }
        auto s = std::make_unique<SetBlockStmt>(line);
        s->target = std::move(target);
        InnerFrame block_frame(*this);
        while (is_op("|")) {
            next();
            s->filters.push_back(parse_filter_call());
        }
        expect_block_end();
        s->body = parse_body({"endset"});
        next();
        expect_block_end();
        return s;
    }

    std::vector<MacroParam> parse_params() {
        std::vector<MacroParam> params;
        expect_op("(");
        while (!is_op(")")) {
            if (!params.empty()) expect_op(",");
            if (is_op(")")) break;
            MacroParam p;
            p.name = expect_name();
            p.symbol = symbol(p.name);
            if (is_op("=")) {
                next();
                p.default_value = parse_expression(true);
            } else if (!params.empty() && params.back().default_value) {
                fail("non-default argument follows default argument");
            }
            params.push_back(std::move(p));
        }
        next();
        return params;
    }

    StmtPtr parse_macro() {
        auto s = std::make_unique<MacroStmt>(cur().line);
        next();
        s->name = expect_name();
        s->symbol = symbol(s->name);
        s->params = parse_params();
        expect_block_end();
        macro_stack_.push_back(s.get());
        InnerFrame macro_frame(*this);
        int saved_loops = loop_depth_;
        loop_depth_ = 0;
        s->body = parse_body({"endmacro"});
        loop_depth_ = saved_loops;
        macro_stack_.pop_back();
        next();
        expect_block_end();
        if (s->uses_caller)
            for (const auto& p : s->params)
                if (p.name == "caller" && !p.default_value)
                    compile_errors_.push_back(
                        {"When defining macros or call blocks the special \"caller\" argument "
                         "must be omitted or be given a default.",
                         s->line, false});
        return s;
    }

    StmtPtr parse_call_block() {
        auto s = std::make_unique<CallBlockStmt>(cur().line);
        next();
        if (is_op("(")) s->caller_params = parse_params();
        auto e = parse_expression(true);
        auto* call = dynamic_cast<CallExpr*>(e.get());
        if (!call) fail("expected call");
        e.release();
        s->call.reset(call);
        expect_block_end();
        InnerFrame call_frame(*this);
        s->body = parse_body({"endcall"});
        next();
        expect_block_end();
        return s;
    }

    StmtPtr parse_block() {
        auto s = std::make_unique<BlockStmt>(cur().line);
        next();
        if (cur().type != TokenType::Name) fail("expected token 'name', got '" + describe(cur()) + "'");
        s->name = expect_name();
        if (is_name("scoped")) {
            s->scoped = true;
            next();
        }
        if (is_name("required")) {
            s->required = true;
            next();
        }
        if (is_op("-"))
            fail(
                "Block names in Jinja have to be valid Python identifiers and may not contain hyphens, use an "
                "underscore instead.");
        expect_block_end();
        for (const auto& n : block_names_)
            if (n == s->name) compile_errors_.push_back({"block '" + s->name + "' defined twice", s->line, false});
        block_names_.push_back(s->name);
        {
            InnerFrame block_frame(*this);
            s->body = parse_body({"endblock"});
        }
        next();
        if (cur().type == TokenType::Name && cur().value == s->name) next();
        expect_block_end();
        if (s->required)
            for (const auto& stmt : s->body) {
                auto* text = dynamic_cast<TextStmt*>(stmt.get());
                bool blank = text && std::all_of(text->text.begin(), text->text.end(), [](char c) {
                                 return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
                             });
                if (!blank) fail("Required blocks can only contain comments or whitespace");
            }
        return s;
    }

    StmtPtr parse_with() {
        auto s = std::make_unique<WithStmt>(cur().line);
        next();
        while (cur().type != TokenType::BlockEnd) {
            if (!s->assignments.empty()) expect_op(",");
            Target target = parse_target(false, {}, false);
            expect_op("=");
            s->assignments.emplace_back(std::move(target), parse_expression(true));
        }
        next();
        InnerFrame frame(*this);
        s->body = parse_body({"endwith"});
        next();
        expect_block_end();
        return s;
    }

    StmtPtr parse_filter_block() {
        auto s = std::make_unique<FilterBlockStmt>(cur().line);
        next();
        InnerFrame filter_frame(*this);
        s->filters.push_back(parse_filter_call());
        while (is_op("|")) {
            next();
            s->filters.push_back(parse_filter_call());
        }
        expect_block_end();
        s->body = parse_body({"endfilter"});
        next();
        expect_block_end();
        return s;
    }

    // ---- expressions ----

    ExprPtr parse_expression(bool with_condexpr) {
        DepthGuard guard(*this);
        return with_condexpr ? parse_condexpr() : parse_or();
    }

    ExprPtr parse_condexpr() {
        std::size_t line = cur().line;
        std::size_t errors_mark = compile_errors_.size();
        ExprPtr expr1 = parse_or();
        int links = 0;
        while (is_name("if")) {
            chain_step(links);
            next();
            for (std::size_t i = errors_mark; i < compile_errors_.size(); ++i) compile_errors_[i].soft = true;
            InnerFrame soft_frame(*this, true);
            auto c = std::make_unique<CondExpr>(line);
            c->condition = parse_or();
            c->then_value = std::move(expr1);
            if (is_name("else")) {
                next();
                c->else_value = parse_condexpr();
            }
            expr1 = std::move(c);
        }
        return expr1;
    }

    ExprPtr parse_or() {
        ExprPtr left = parse_and();
        int links = 0;
        while (is_name("or")) {
            chain_step(links);
            std::size_t line = cur().line;
            next();
            left = std::make_unique<BinaryExpr>(line, BinaryOp::Or, std::move(left), parse_and());
        }
        return left;
    }

    ExprPtr parse_and() {
        ExprPtr left = parse_not();
        int links = 0;
        while (is_name("and")) {
            chain_step(links);
            std::size_t line = cur().line;
            next();
            left = std::make_unique<BinaryExpr>(line, BinaryOp::And, std::move(left), parse_not());
        }
        return left;
    }

    ExprPtr parse_not() {
        if (is_name("not")) {
            DepthGuard guard(*this);
            std::size_t line = cur().line;
            next();
            return std::make_unique<UnaryExpr>(line, UnaryOp::Not, parse_not());
        }
        return parse_compare();
    }

    ExprPtr parse_compare() {
        std::size_t line = cur().line;
        ExprPtr first = parse_math1();
        std::unique_ptr<CompareExpr> cmp;
        int links = 0;
        while (true) {
            chain_step(links);
            CompareOp op;
            if (cur().type == TokenType::Operator &&
                (cur().value == "==" || cur().value == "!=" || cur().value == "<" || cur().value == ">" ||
                 cur().value == "<=" || cur().value == ">=")) {
                const std::string& v = cur().value;
                op = v == "=="   ? CompareOp::Eq
                     : v == "!=" ? CompareOp::Ne
                     : v == "<"  ? CompareOp::Lt
                     : v == ">"  ? CompareOp::Gt
                     : v == "<=" ? CompareOp::Le
                                 : CompareOp::Ge;
                next();
            } else if (is_name("in")) {
                op = CompareOp::In;
                next();
            } else if (is_name("not") && peek().type == TokenType::Name && peek().value == "in") {
                op = CompareOp::NotIn;
                next();
                next();
            } else {
                break;
            }
            if (!cmp) {
                cmp = std::make_unique<CompareExpr>(line);
                cmp->first = std::move(first);
            }
            cmp->rest.emplace_back(op, parse_math1());
        }
        if (cmp) return cmp;
        return first;
    }

    ExprPtr parse_math1() {
        ExprPtr left = parse_concat();
        int links = 0;
        while (is_op("+") || is_op("-")) {
            chain_step(links);
            BinaryOp op = is_op("+") ? BinaryOp::Add : BinaryOp::Sub;
            std::size_t line = cur().line;
            next();
            left = std::make_unique<BinaryExpr>(line, op, std::move(left), parse_concat());
        }
        return left;
    }

    ExprPtr parse_concat() {
        ExprPtr left = parse_math2();
        int links = 0;
        while (is_op("~")) {
            chain_step(links);
            std::size_t line = cur().line;
            next();
            left = std::make_unique<BinaryExpr>(line, BinaryOp::Concat, std::move(left), parse_math2());
        }
        return left;
    }

    ExprPtr parse_math2() {
        ExprPtr left = parse_pow();
        int links = 0;
        while (is_op("*") || is_op("/") || is_op("//") || is_op("%")) {
            chain_step(links);
            BinaryOp op = is_op("*")    ? BinaryOp::Mul
                          : is_op("/")  ? BinaryOp::Div
                          : is_op("//") ? BinaryOp::FloorDiv
                                        : BinaryOp::Mod;
            std::size_t line = cur().line;
            next();
            left = std::make_unique<BinaryExpr>(line, op, std::move(left), parse_pow());
        }
        return left;
    }

    ExprPtr parse_pow() {
        ExprPtr left = parse_unary(true);
        int links = 0;
        while (is_op("**")) {
            chain_step(links);
            std::size_t line = cur().line;
            next();
            left = std::make_unique<BinaryExpr>(line, BinaryOp::Pow, std::move(left), parse_unary(true));
        }
        return left;
    }

    ExprPtr parse_unary(bool with_filter) {
        DepthGuard guard(*this);
        std::size_t line = cur().line;
        ExprPtr node;
        if (is_op("-")) {
            next();
            node = std::make_unique<UnaryExpr>(line, UnaryOp::Neg, parse_unary(false));
        } else if (is_op("+")) {
            next();
            node = std::make_unique<UnaryExpr>(line, UnaryOp::Pos, parse_unary(false));
        } else {
            node = parse_primary();
        }
        node = parse_postfix(std::move(node));
        if (with_filter) node = parse_filter_expr(std::move(node));
        return node;
    }

    ExprPtr parse_primary() {
        const Token& t = cur();
        std::size_t line = t.line;
        switch (t.type) {
            case TokenType::Name: {
                std::string n = t.value;
                next();
                if (n == "true" || n == "True") return std::make_unique<Literal>(line, Value::boolean(true));
                if (n == "false" || n == "False") return std::make_unique<Literal>(line, Value::boolean(false));
                if (n == "none" || n == "None") return std::make_unique<Literal>(line, Value::none());
                if (!macro_stack_.empty()) {
                    if (n == "caller") macro_stack_.back()->uses_caller = true;
                    if (n == "varargs") macro_stack_.back()->uses_varargs = true;
                    if (n == "kwargs") macro_stack_.back()->uses_kwargs = true;
                }
                return std::make_unique<NameExpr>(line, n, symbol(n));
            }
            case TokenType::String: {
                std::string s;
                while (cur().type == TokenType::String) {
                    s += cur().value;
                    next();
                }
                return std::make_unique<Literal>(line, Value::string(std::move(s)));
            }
            case TokenType::Integer: {
                auto v = Value::integer(t.int_value);
                next();
                return std::make_unique<Literal>(line, v);
            }
            case TokenType::Float: {
                auto v = Value::number(t.float_value);
                next();
                return std::make_unique<Literal>(line, v);
            }
            case TokenType::Operator:
                if (t.value == "(") {
                    next();
                    auto e = parse_tuple(false, true, {}, true);
                    expect_op(")");
                    return e;
                }
                if (t.value == "[") {
                    next();
                    auto list = std::make_unique<ListExpr>(line, false);
                    while (!is_op("]")) {
                        if (!list->items.empty()) expect_op(",");
                        if (is_op("]")) break;
                        list->items.push_back(parse_expression(true));
                    }
                    next();
                    return list;
                }
                if (t.value == "{") {
                    next();
                    auto dict = std::make_unique<DictExpr>(line);
                    while (!is_op("}")) {
                        if (!dict->items.empty()) expect_op(",");
                        if (is_op("}")) break;
                        auto key = parse_expression(true);
                        expect_op(":");
                        dict->items.emplace_back(std::move(key), parse_expression(true));
                    }
                    next();
                    return dict;
                }
                break;
            default:
                break;
        }
        fail("unexpected '" + describe(t) + "'");
    }

    // Jinja's parse_tuple: a bare comma list makes a tuple.
    ExprPtr parse_tuple(bool simplified, bool with_condexpr, const std::vector<std::string>& extra_end,
                        bool explicit_parens = false) {
        std::size_t line = cur().line;
        std::vector<ExprPtr> args;
        bool is_tuple = false;
        auto at_end = [&] {
            const Token& t = cur();
            if (t.type == TokenType::VarEnd || t.type == TokenType::BlockEnd ||
                (t.type == TokenType::Operator && t.value == ")"))
                return true;
            for (const auto& n : extra_end)
                if (t.type == TokenType::Name && t.value == n) return true;
            return false;
        };
        while (true) {
            if (!args.empty()) expect_op(",");
            if (at_end()) break;
            args.push_back(simplified ? parse_primary() : parse_expression(with_condexpr));
            if (is_op(","))
                is_tuple = true;
            else
                break;
        }
        if (!is_tuple) {
            if (!args.empty()) return std::move(args[0]);
            if (!explicit_parens) fail("Expected an expression, got '" + describe(cur()) + "'");
        }
        auto tuple = std::make_unique<ListExpr>(line, true);
        tuple->items = std::move(args);
        return tuple;
    }

    ExprPtr parse_postfix(ExprPtr node) {
        int links = 0;
        while (true) {
            chain_step(links);
            if (is_op(".") || is_op("["))
                node = parse_subscript(std::move(node));
            else if (is_op("("))
                node = parse_call(std::move(node));
            else
                return node;
        }
    }

    ExprPtr parse_filter_expr(ExprPtr node) {
        int links = 0;
        while (true) {
            chain_step(links);
            if (is_op("|")) {
                std::size_t line = cur().line;
                next();
                auto f = std::make_unique<FilterExpr>(line);
                f->input = std::move(node);
                f->filter = parse_filter_call();
                node = std::move(f);
            } else if (is_name("is")) {
                node = parse_test(std::move(node));
            } else if (is_op("(")) {
                node = parse_call(std::move(node));
            } else {
                return node;
            }
        }
    }

    ExprPtr parse_subscript(ExprPtr node) {
        DepthGuard guard(*this);
        std::size_t line = cur().line;
        if (is_op(".")) {
            next();
            if (cur().type == TokenType::Name) {
                std::string attr = cur().value;
                next();
                return std::make_unique<GetAttrExpr>(line, std::move(node), attr);
            }
            if (cur().type == TokenType::Integer) {
                auto key = std::make_unique<Literal>(line, Value::integer(cur().int_value));
                next();
                return std::make_unique<GetItemExpr>(line, std::move(node), std::move(key));
            }
            fail("expected name or number");
        }
        next();  // [
        ExprPtr start, stop, step;
        bool is_slice = false;
        if (!is_op(":")) start = parse_expression(true);
        if (is_op(":")) {
            is_slice = true;
            next();
            if (!is_op("]") && !is_op(":")) stop = parse_expression(true);
            if (is_op(":")) {
                next();
                if (!is_op("]")) step = parse_expression(true);
            }
        }
        expect_op("]");
        if (!is_slice) return std::make_unique<GetItemExpr>(line, std::move(node), std::move(start));
        auto s = std::make_unique<SliceExpr>(line);
        s->object = std::move(node);
        s->start = std::move(start);
        s->stop = std::move(stop);
        s->step = std::move(step);
        return s;
    }

    // Jinja2's parse_call_args: positionals, then keywords; *args after the positionals and
    // **kwargs last.
    std::vector<Argument> parse_call_args() {
        std::vector<Argument> args;
        std::size_t line = cur().line;
        expect_op("(");
        bool has_star = false, has_double_star = false, has_keyword = false;
        auto ensure = [&](bool ok) {
            if (!ok) throw TemplateError("TemplateSyntaxError", "invalid syntax for function call expression", line);
        };
        while (!is_op(")")) {
            if (!args.empty()) expect_op(",");
            if (is_op(")")) break;
            Argument a;
            if (is_op("*")) {
                ensure(!has_star && !has_double_star);
                next();
                a.kind = Argument::Kind::Star;
                has_star = true;
            } else if (is_op("**")) {
                ensure(!has_double_star);
                next();
                a.kind = Argument::Kind::DoubleStar;
                has_double_star = true;
            } else if (cur().type == TokenType::Name && peek().type == TokenType::Operator && peek().value == "=") {
                ensure(!has_double_star);
                a.name = cur().value;
                has_keyword = true;
                next();
                next();
            } else {
                ensure(!has_star && !has_double_star && !has_keyword);
            }
            a.value = parse_expression(true);
            args.push_back(std::move(a));
        }
        next();
        return args;
    }

    ExprPtr parse_call(ExprPtr node) {
        DepthGuard guard(*this);
        auto c = std::make_unique<CallExpr>(cur().line);
        c->callee = std::move(node);
        c->args = parse_call_args();
        return c;
    }

    FilterCall parse_filter_call() {
        FilterCall f;
        f.line = cur().line;
        f.name = expect_name();
        while (is_op(".")) {
            next();
            f.name += "." + expect_name();
        }
        f.function = find_filter(f.name);
        if (!f.function) compile_errors_.push_back({"No filter named '" + f.name + "'.", f.line, soft_});
        if (is_op("(")) f.args = parse_call_args();
        return f;
    }

    ExprPtr parse_test(ExprPtr node) {
        auto t = std::make_unique<TestExpr>(cur().line);
        next();  // is
        if (is_name("not")) {
            t->negated = true;
            next();
        }
        t->name = expect_name();
        t->function = find_test(t->name);
        if (!t->function) compile_errors_.push_back({"No test named '" + t->name + "'.", t->line, soft_});
        const Token& c = cur();
        if (is_op("(")) {
            t->args = parse_call_args();
        } else if ((c.type == TokenType::Name || c.type == TokenType::String || c.type == TokenType::Integer ||
                    c.type == TokenType::Float || is_op("[") || is_op("{")) &&
                   !(is_name("else") || is_name("or") || is_name("and"))) {
            if (is_name("is")) fail("You cannot chain multiple tests with is");
            Argument a;
            a.value = parse_postfix(parse_primary());
            t->args.push_back(std::move(a));
        }
        t->input = std::move(node);
        return t;
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    ParsedTemplate& out_;
    std::unordered_map<std::string, int> symbols_;
    std::vector<MacroStmt*> macro_stack_;
    std::vector<std::string> tag_stack_;
    std::vector<std::vector<std::string>> end_stack_;
    int depth_ = 0;
    int loop_depth_ = 0;
    bool soft_ = false;
    struct CompileError {
        std::string message;
        std::size_t line;
        bool soft;  // in a soft frame: raised only if evaluated, as the renderer does
    };
    std::vector<CompileError> compile_errors_;
    std::vector<std::size_t> loop_store_lines_;
    std::vector<std::string> block_names_;
};

}  // namespace

std::unique_ptr<ParsedTemplate> parse_template(std::string_view source) {
    auto out = std::make_unique<ParsedTemplate>();
    Parser(tokenize(source), *out).run();
    return out;
}

}  // namespace tb::jinja
