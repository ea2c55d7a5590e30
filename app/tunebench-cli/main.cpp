// tunebench-cli: the headless client of tunebench_core. Every subcommand lives in its
// own cmd_<name>.cpp; this file only dispatches and turns exceptions into exit codes. The
// commands that run a model live in the torch plugin (torch_plugin.h), opened only when one
// of them is asked for, so the others start without loading libtorch.
#include <iostream>

#include "app/tunebench-cli/command.h"
#include "app/tunebench-cli/torch_plugin.h"
#include "core/common/error.h"
#include "core/common/version.h"

namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 success, 1 findings or regressions over the threshold, 2 bad input or usage,\n"
    "3 chat template error, 130 cancelled.\n";

void print_help() {
    std::map<std::string, tbcli::Command> commands = tbcli::registry();
    std::string plugin_error;
    try {
        for (const auto& [name, cmd] : *tbcli::torch_plugin().commands) commands.emplace(name, cmd);
    } catch (const std::exception& e) {
        plugin_error = e.what();
    }
    std::cout << "tunebench-cli: fine-tuning workbench, headless\n\nUsage: tunebench-cli COMMAND [ARGS]\n"
                 "       tunebench-cli COMMAND --help\n\nCommands:\n";
    for (const auto& [name, cmd] : commands) std::cout << "  " << cmd.usage << "\n      " << cmd.summary << "\n";
    if (!plugin_error.empty()) std::cout << "\n(commands that run a model are unavailable: " << plugin_error << ")\n";
    std::cout << "\n" << kExitCodes;
}

void print_command_help(const tbcli::Command& cmd) {
    std::cout << "usage: tunebench-cli " << cmd.usage << "\n\n" << cmd.summary << "\n\n" << kExitCodes;
}

// The command named `name`: the executable's own, else the torch plugin's (opening it).
// nullptr when neither has it; throws tb::Error when the plugin cannot be opened.
const tbcli::Command* find_command(const std::string& name) {
    const auto& own = tbcli::registry();
    if (auto it = own.find(name); it != own.end()) return &it->second;
    const auto& plugin = *tbcli::torch_plugin().commands;
    if (auto it = plugin.find(name); it != plugin.end()) return &it->second;
    return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_help();
        return args.empty() ? tbcli::kExitBadInput : tbcli::kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "tunebench-cli " << tb::version_string() << "\n";
        return 0;
    }
    const tbcli::Command* cmd = nullptr;
    try {
        cmd = find_command(args[0]);
    } catch (const std::exception& e) {
        std::cerr << "tunebench-cli: '" << args[0] << "' is not a command of its own, and " << e.what() << "\n";
        return tbcli::kExitBadInput;
    }
    if (!cmd) {
        std::cerr << "tunebench-cli: unknown command '" << args[0] << "' (see tunebench-cli --help)\n";
        return tbcli::kExitBadInput;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    // Subcommand groups (golden, review, keychain, ...) read their first argument themselves.
    if (!rest.empty() && (rest[0] == "--help" || rest[0] == "-h")) {
        print_command_help(*cmd);
        return tbcli::kExitOk;
    }
    try {
        return cmd->run(rest);
    } catch (const tbcli::HelpRequested&) {
        print_command_help(*cmd);
        return tbcli::kExitOk;
    } catch (const tbcli::UsageError& e) {
        std::cerr << "tunebench-cli " << cmd->name << ": " << e.what() << "\nusage: tunebench-cli " << cmd->usage
                  << "\n";
        return tbcli::kExitBadInput;
    } catch (const tb::Cancelled&) {
        std::cerr << "tunebench-cli: cancelled\n";
        return tbcli::kExitCancelled;
    } catch (const std::exception& e) {
        std::cerr << "tunebench-cli " << cmd->name << ": error: " << e.what() << "\n";
        return tbcli::kExitBadInput;
    } catch (...) {
        std::cerr << "tunebench-cli " << cmd->name << ": error: an unknown exception\n";
        return tbcli::kExitBadInput;
    }
}
