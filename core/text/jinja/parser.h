#pragma once
// Recursive-descent parser for the Jinja2 statement and expression grammar (same
// precedence as jinja2/parser.py). Names are interned to integer symbols at parse time.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/jinja/ast.h"

namespace tb::jinja {

struct ParsedTemplate {
    Body body;
    std::vector<std::string> symbols;            // symbol id -> name
    int symbol_of(std::string_view name) const;  // -1 when the template never mentions it
    int loop_symbol = -1;
    int caller_symbol = -1;
    int varargs_symbol = -1;
    int kwargs_symbol = -1;
    bool has_generation = false;
};

// Throws tb::TemplateError("TemplateSyntaxError", ..., line).
std::unique_ptr<ParsedTemplate> parse_template(std::string_view source);

// Builtin lookup (filters.cpp, value_tests.cpp): null when unknown.
FilterFunction find_filter(std::string_view name);
TestFunction find_test(std::string_view name);

}  // namespace tb::jinja
