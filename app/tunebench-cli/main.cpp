// tunebench-cli: the headless client of tunebench_core. Every subcommand lives in its
// own cmd_<name>.cpp; this file only dispatches and turns exceptions into exit codes.
#include <iostream>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/common/version.h"
#include "core/model/runtime.h"

namespace {

void print_help() {
    std::cout << "tunebench-cli: fine-tuning workbench, headless\n\nUsage: tunebench-cli COMMAND [ARGS]\n\nCommands:\n";
    for (const auto& [name, cmd] : tbcli::registry()) {
        std::cout << "  " << cmd.usage << "\n      " << cmd.summary << "\n";
    }
    std::cout << "\nExit codes: 0 success, 1 findings or regressions over the threshold, 2 bad input or usage,\n"
                 "3 chat template error, 130 cancelled.\n";
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
    auto& reg = tbcli::registry();
    auto it = reg.find(args[0]);
    if (it == reg.end()) {
        std::cerr << "tunebench-cli: unknown command '" << args[0] << "' (see tunebench-cli --help)\n";
        return tbcli::kExitBadInput;
    }
    tb::configure_runtime();
    std::vector<std::string> rest(args.begin() + 1, args.end());
    try {
        return it->second.run(rest);
    } catch (const tbcli::UsageError& e) {
        std::cerr << "tunebench-cli " << it->first << ": " << e.what() << "\nusage: tunebench-cli " << it->second.usage
                  << "\n";
        return tbcli::kExitBadInput;
    } catch (const tb::Cancelled&) {
        std::cerr << "tunebench-cli: cancelled\n";
        return tbcli::kExitCancelled;
    } catch (const std::exception& e) {
        std::cerr << "tunebench-cli " << it->first << ": error: " << e.what() << "\n";
        return tbcli::kExitBadInput;
    }
}
