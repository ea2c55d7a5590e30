#pragma once
// tunebench-cli subcommands: one file per subcommand (cmd_<name>.cpp), each registering
// itself with a static CommandRegistration, so adding a command edits no shared file.
//
// Exit codes (documented in --help): 0 success, 1 findings/regressions over a threshold,
// 2 bad input or usage, 3 template error (render-template), 130 cancelled.
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/common/output_file.h"

namespace tbcli {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitTemplateError = 3;
constexpr int kExitCancelled = 130;

// Thrown for a usage mistake; main prints the message and the command's usage, exits 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Thrown by Args for --help or -h in place of an option (not as an option's value): main
// prints the command's usage and exits 0.
struct HelpRequested {};

// Minimal argument parser: positionals, --flag, --key value, --key=value; --help and -h
// throw HelpRequested.
class Args {
public:
    Args(std::vector<std::string> argv, std::vector<std::string> value_options, std::vector<std::string> flag_options);
    const std::vector<std::string>& positionals() const { return positionals_; }
    std::string positional(std::size_t i, const std::string& what) const;  // UsageError if absent
    bool flag(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    std::string value_or(const std::string& name, const std::string& fallback) const;
    double number_or(const std::string& name, double fallback) const;
    long long integer_or(const std::string& name, long long fallback) const;
    // --force: replace an existing output (core/common/output_file.h).
    tb::Overwrite overwrite() const { return flag("force") ? tb::Overwrite::replace : tb::Overwrite::refuse; }

private:
    std::vector<std::string> positionals_;
    std::map<std::string, std::string> values_;
    std::map<std::string, bool> flags_;
};

struct Command {
    std::string name;     // "import", "golden" (subcommands of subcommands parse their own)
    std::string usage;    // one line: "import PROJECT FILE [--format ...] [--skip-invalid] [--json]"
    std::string summary;  // one sentence for --help
    std::function<int(const std::vector<std::string>& args)> run;  // args after the name
};

std::map<std::string, Command>& registry();

struct CommandRegistration {
    explicit CommandRegistration(Command command) { registry()[command.name] = std::move(command); }
};

}  // namespace tbcli
