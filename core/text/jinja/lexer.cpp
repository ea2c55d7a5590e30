#include "core/text/jinja/lexer.h"

#include <cctype>
#include <cstdlib>

#include "core/text/jinja/template_error.h"
#include "core/text/jinja/utf8_util.h"

namespace tb::jinja {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

class Lexer {
public:
    Lexer(std::string_view src, const LexerOptions& options) : src_(src), options_(options) {}

    std::vector<Token> run() {
        bool line_starting = true;
        while (pos_ < src_.size()) {
            std::size_t tag = find_tag(pos_);
            std::string_view text = src_.substr(pos_, (tag == std::string_view::npos ? src_.size() : tag) - pos_);
            if (tag == std::string_view::npos) {
                emit_text(text, line_);
                advance_to(src_.size());
                break;
            }
            char kind = src_[tag + 1];  // '{', '%' or '#'
            char sign = tag + 2 < src_.size() ? src_[tag + 2] : '\0';
            std::string_view kept = text;
            if (sign == '-') {
                std::size_t end = kept.size();
                while (end > 0 && is_space(kept[end - 1])) --end;
                kept = kept.substr(0, end);
            } else if (sign != '+' && options_.lstrip_blocks && kind != '{') {
                std::size_t nl = kept.rfind('\n');
                std::size_t l_pos = nl == std::string_view::npos ? 0 : nl + 1;
                if (l_pos > 0 || line_starting) {
                    bool only_space = l_pos < kept.size();
                    for (std::size_t i = l_pos; i < kept.size(); ++i)
                        if (!is_space(kept[i])) only_space = false;
                    if (only_space) kept = kept.substr(0, l_pos);
                }
            }
            emit_text(kept, line_);
            advance_to(tag);
            std::size_t tag_line = line_;
            std::size_t body = tag + 2 + ((sign == '-' || sign == '+') ? 1 : 0);
            if (kind == '#') {
                std::size_t close = src_.find("#}", body);
                if (close == std::string_view::npos) fail(tag_line, "Missing end of comment tag");
                char end_sign = close > body ? src_[close - 1] : '\0';
                line_starting = finish_tag(close + 2, end_sign, true);
                continue;
            }
            if (kind == '%' && try_raw(body, tag_line, line_starting)) continue;
            tokens_.push_back({kind == '{' ? TokenType::VarBegin : TokenType::BlockBegin, "", tag_line});
            advance_to(body);
            line_starting = lex_tag_body(kind == '{' ? '}' : '%');
        }
        tokens_.push_back({TokenType::End, "", line_});
        return std::move(tokens_);
    }

private:
    [[noreturn]] void fail(std::size_t line, const std::string& message) {
        throw TemplateError("TemplateSyntaxError", message, line);
    }

    std::size_t find_tag(std::size_t from) const {
        while (true) {
            std::size_t p = src_.find('{', from);
            if (p == std::string_view::npos || p + 1 >= src_.size()) return std::string_view::npos;
            char c = src_[p + 1];
            if (c == '{' || c == '%' || c == '#') return p;
            from = p + 1;
        }
    }

    void advance_to(std::size_t p) {
        for (std::size_t i = pos_; i < p; ++i) line_ += src_[i] == '\n';
        pos_ = p;
    }

    void emit_text(std::string_view text, std::size_t line) {
        if (text.empty()) return;
        if (!tokens_.empty() && tokens_.back().type == TokenType::Text) {
            tokens_.back().value += text;
            return;
        }
        tokens_.push_back({TokenType::Text, std::string(text), line});
    }

    // After a closing delimiter ending at `after`: apply "-" (strip all following whitespace)
    // or trim_blocks (drop one newline). Returns whether the consumed text ended a line.
    bool finish_tag(std::size_t after, char end_sign, bool is_block) {
        std::size_t p = after;
        if (end_sign == '-') {
            while (p < src_.size() && is_space(src_[p])) ++p;
        } else if (end_sign != '+' && is_block && options_.trim_blocks && p < src_.size() && src_[p] == '\n') {
            ++p;
        }
        advance_to(p);
        return p > 0 && src_[p - 1] == '\n';
    }

    bool try_raw(std::size_t body, std::size_t tag_line, bool& line_starting) {
        std::size_t p = body;
        while (p < src_.size() && is_space(src_[p])) ++p;
        if (src_.substr(p, 3) != "raw") return false;
        p += 3;
        if (p < src_.size() && (std::isalnum(static_cast<unsigned char>(src_[p])) || src_[p] == '_')) return false;
        while (p < src_.size() && is_space(src_[p])) ++p;
        char end_sign = '\0';
        if (p < src_.size() && (src_[p] == '-' || src_[p] == '+')) end_sign = src_[p++];
        if (src_.substr(p, 2) != "%}") fail(tag_line, "expected '%}' after raw");
        p += 2;
        if (end_sign == '-')
            while (p < src_.size() && is_space(src_[p])) ++p;
        // Find {% endraw %}.
        std::size_t search = p;
        while (true) {
            std::size_t open = src_.find("{%", search);
            if (open == std::string_view::npos) fail(tag_line, "Missing end of raw directive");
            std::size_t q = open + 2;
            char open_sign = '\0';
            if (q < src_.size() && (src_[q] == '-' || src_[q] == '+')) open_sign = src_[q++];
            while (q < src_.size() && is_space(src_[q])) ++q;
            if (src_.substr(q, 6) != "endraw") {
                search = open + 2;
                continue;
            }
            q += 6;
            while (q < src_.size() && is_space(src_[q])) ++q;
            char close_sign = '\0';
            if (q < src_.size() && (src_[q] == '-' || src_[q] == '+')) close_sign = src_[q++];
            if (src_.substr(q, 2) != "%}") fail(line_, "expected '%}' after endraw");
            std::string_view content = src_.substr(p, open - p);
            if (open_sign == '-') {
                std::size_t end = content.size();
                while (end > 0 && is_space(content[end - 1])) --end;
                content = content.substr(0, end);
            }
            advance_to(p);
            emit_text(content, line_);
            advance_to(q);
            line_starting = finish_tag(q + 2, close_sign, true);
            return true;
        }
    }

    // Lexes expression tokens until the closing "}}" or "%}".
    bool lex_tag_body(char closer) {
        // Open brackets, as Jinja2's balancing stack: while one is open, "}}" / "%}" is no end
        // tag, so "{{ {'a': 1}}}" closes the dict first.
        std::string open_brackets;
        while (true) {
            while (pos_ < src_.size() && is_space(src_[pos_])) advance_to(pos_ + 1);
            if (pos_ >= src_.size())
                fail(line_, closer == '}' ? "unexpected end of template, expected '}}'"
                                          : "unexpected end of template, expected '%}'");
            char c = src_[pos_];
            auto at = [&](std::string_view s) { return src_.substr(pos_, s.size()) == s; };
            std::string close = closer == '}' ? "}}" : "%}";
            if (open_brackets.empty() && (c == '-' || c == '+') && src_.substr(pos_ + 1, 2) == close) {
                tokens_.push_back({closer == '}' ? TokenType::VarEnd : TokenType::BlockEnd, "", line_});
                return finish_tag(pos_ + 3, c, closer == '%');
            }
            if (open_brackets.empty() && at(close)) {
                tokens_.push_back({closer == '}' ? TokenType::VarEnd : TokenType::BlockEnd, "", line_});
                return finish_tag(pos_ + 2, '\0', closer == '%');
            }
            if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
                std::size_t e = pos_;
                while (e < src_.size() && (std::isalnum(static_cast<unsigned char>(src_[e])) || src_[e] == '_')) ++e;
                tokens_.push_back({TokenType::Name, std::string(src_.substr(pos_, e - pos_)), line_});
                advance_to(e);
            } else if (std::isdigit(static_cast<unsigned char>(c))) {
                lex_number();
            } else if (c == '\'' || c == '"') {
                lex_string(c);
            } else {
                static const char* const two[] = {"//", "**", "==", "!=", "<=", ">="};
                std::string op;
                for (const char* t : two)
                    if (at(t)) op = t;
                if (op.empty()) {
                    if (std::string_view("+-*/%~<>=.,:|()[]{};!").find(c) == std::string_view::npos)
                        fail(line_, std::string("unexpected char '") + c + "'");
                    op = std::string(1, c);
                    if (c == '(' || c == '[' || c == '{') {
                        open_brackets += c == '(' ? ')' : c == '[' ? ']' : '}';
                    } else if (c == ')' || c == ']' || c == '}') {
                        if (open_brackets.empty()) fail(line_, std::string("unexpected '") + c + "'");
                        if (open_brackets.back() != c)
                            fail(line_, std::string("unexpected '") + c + "', expected '" + open_brackets.back() + "'");
                        open_brackets.pop_back();
                    }
                }
                tokens_.push_back({TokenType::Operator, op, line_});
                advance_to(pos_ + op.size());
            }
        }
    }

    void lex_number() {
        std::size_t e = pos_;
        auto digits = [&] {
            while (e < src_.size() && (std::isdigit(static_cast<unsigned char>(src_[e])) || src_[e] == '_')) ++e;
        };
        digits();
        bool is_float = false;
        bool after_dot = !tokens_.empty() && tokens_.back().type == TokenType::Operator && tokens_.back().value == ".";
        if (!after_dot && e + 1 < src_.size() && src_[e] == '.' &&
            std::isdigit(static_cast<unsigned char>(src_[e + 1]))) {
            ++e;
            digits();
            is_float = true;
        }
        if (!after_dot && e < src_.size() && (src_[e] == 'e' || src_[e] == 'E')) {
            std::size_t k = e + 1;
            if (k < src_.size() && (src_[k] == '+' || src_[k] == '-')) ++k;
            if (k < src_.size() && std::isdigit(static_cast<unsigned char>(src_[k]))) {
                e = k;
                digits();
                is_float = true;
            }
        }
        std::string text;
        for (char ch : src_.substr(pos_, e - pos_))
            if (ch != '_') text += ch;
        Token t{is_float ? TokenType::Float : TokenType::Integer, text, line_};
        if (is_float) {
            t.float_value = std::strtod(text.c_str(), nullptr);
        } else {
            errno = 0;
            t.int_value = std::strtoll(text.c_str(), nullptr, 10);
            if (errno == ERANGE) fail(line_, "integer literal too large: " + text);
        }
        tokens_.push_back(std::move(t));
        advance_to(e);
    }

    void lex_string(char quote) {
        std::size_t p = pos_ + 1;
        std::string out;
        while (true) {
            if (p >= src_.size()) fail(line_, "unexpected end of string");
            char c = src_[p];
            if (c == quote) break;
            if (c != '\\') {
                out += c;
                ++p;
                continue;
            }
            if (p + 1 >= src_.size()) fail(line_, "unexpected end of string");
            char n = src_[p + 1];
            p += 2;
            auto hex = [&](int count) {
                if (p + count > src_.size()) fail(line_, "truncated escape in string");
                std::uint32_t cp =
                    static_cast<std::uint32_t>(std::strtoul(std::string(src_.substr(p, count)).c_str(), nullptr, 16));
                p += count;
                utf8_append(out, cp);
            };
            switch (n) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '\'':
                    out += '\'';
                    break;
                case '"':
                    out += '"';
                    break;
                case 'a':
                    out += '\a';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'v':
                    out += '\v';
                    break;
                case '\n':
                    break;  // line continuation
                case 'x':
                    hex(2);
                    break;
                case 'u':
                    hex(4);
                    break;
                case 'U':
                    hex(8);
                    break;
                default:
                    if (n >= '0' && n <= '7') {
                        std::uint32_t cp = static_cast<std::uint32_t>(n - '0');
                        for (int k = 0; k < 2 && p < src_.size() && src_[p] >= '0' && src_[p] <= '7'; ++k)
                            cp = cp * 8 + static_cast<std::uint32_t>(src_[p++] - '0');
                        utf8_append(out, cp);
                    } else {
                        out += '\\';
                        out += n;
                    }
            }
        }
        tokens_.push_back({TokenType::String, std::move(out), line_});
        advance_to(p + 1);
    }

    std::string_view src_;
    LexerOptions options_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::vector<Token> tokens_;
};

}  // namespace

std::string normalize_newlines(std::string_view source) {
    std::string out;
    out.reserve(source.size());
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (source[i] != '\r') {
            out += source[i];
            continue;
        }
        out += '\n';
        if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    }
    // keep_trailing_newline=False: one final line break of the source is not template data.
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::vector<Token> tokenize(std::string_view source, const LexerOptions& options) {
    std::string normalized = normalize_newlines(source);
    return Lexer(normalized, options).run();
}

}  // namespace tb::jinja
