#pragma once
// Errors inside core are exceptions carrying a message a user can act on. The CLI and the
// GUI catch them at their boundary and show them; core never swallows one.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace tb {

// Any failure a user can act on (bad input, missing file, broken model folder, ...).
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input with a location: what() reads "FILE:LINE: reason" (LINE omitted when 0).
class InputError : public Error {
public:
    InputError(std::string file, std::size_t line, std::string reason)
        : Error(format(file, line, reason)), file_(std::move(file)), line_(line), reason_(std::move(reason)) {}
    const std::string& file() const { return file_; }
    std::size_t line() const { return line_; }
    const std::string& reason() const { return reason_; }

    static std::string format(const std::string& file, std::size_t line, const std::string& reason) {
        return line ? file + ":" + std::to_string(line) + ": " + reason : file + ": " + reason;
    }

private:
    std::string file_;
    std::size_t line_;
    std::string reason_;
};

// Thrown when the user cancelled a long job; callers treat it as a clean stop, not a failure.
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled by the user") {}
};

}  // namespace tb
