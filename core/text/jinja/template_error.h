#pragma once
// The one exception a chat template raises, at parse time or at render time.
#include <cstddef>
#include <string>

#include "core/common/error.h"

namespace tb {

// what() reads "chat template line N: Kind: message". kind() is the Jinja2/Python exception
// name the reference renderer would report (TemplateSyntaxError, UndefinedError, TypeError,
// SecurityError, TemplateError for raise_exception, ...); python_style() is "Kind: message",
// the text transformers' reference prints, so the two can be compared.
class TemplateError : public Error {
public:
    TemplateError(std::string kind, std::string message, std::size_t line = 0)
        : Error(format(kind, message, line)), kind_(std::move(kind)), message_(std::move(message)), line_(line) {}
    const std::string& kind() const { return kind_; }
    const std::string& message() const { return message_; }
    std::size_t line() const { return line_; }
    std::string python_style() const { return kind_ + ": " + message_; }

    static std::string format(const std::string& kind, const std::string& message, std::size_t line) {
        std::string prefix = line ? "chat template line " + std::to_string(line) + ": " : "chat template: ";
        return prefix + kind + ": " + message;
    }

private:
    std::string kind_;
    std::string message_;
    std::size_t line_;
};

}  // namespace tb
