#pragma once
// Splits template source into tokens the way Jinja2's lexer does for transformers'
// environment: {{ }}, {% %}, {# #}, whitespace control (-, +), trim_blocks, lstrip_blocks,
// and {% raw %} blocks.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tb::jinja {

enum class TokenType : std::uint8_t {
    Text,        // literal template data
    VarBegin,    // {{
    VarEnd,      // }}
    BlockBegin,  // {%
    BlockEnd,    // %}
    Name,
    String,  // value holds the decoded text
    Integer,
    Float,
    Operator,  // value holds the operator: "+", "//", "==", "(", ...
    End,
};

struct Token {
    TokenType type;
    std::string value;
    std::size_t line;
    std::int64_t int_value = 0;
    double float_value = 0;
};

struct LexerOptions {
    bool trim_blocks = true;
    bool lstrip_blocks = true;
};

// Jinja2's source preparation: "\r\n" and "\r" become "\n", and one trailing newline is
// dropped (keep_trailing_newline=False), so a chat_template.jinja that ends with a newline, as
// most files do, renders no extra "\n" after the generation prompt.
std::string normalize_newlines(std::string_view source);

// Throws tb::TemplateError (TemplateSyntaxError) with the line on malformed input.
std::vector<Token> tokenize(std::string_view source, const LexerOptions& options = {});

}  // namespace tb::jinja
