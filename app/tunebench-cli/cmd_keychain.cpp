// tunebench-cli keychain: the API key of an OpenAI-compatible endpoint in the OS keychain
// (core/eval/api_key.h). The key is read from standard input, never from the command line
// (argv is visible to every user in ps and lands in shell history), and never printed.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/eval/api_key.h"

namespace {

// One line from stdin; on a terminal, prompted on stderr with the echo turned off.
std::string read_key_from_stdin(const std::string& url) {
    const bool terminal = ::isatty(0);
    termios saved{};
    if (terminal) {
        std::cerr << "API key for " << url << " (not echoed): " << std::flush;
        if (::tcgetattr(0, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            ::tcsetattr(0, TCSAFLUSH, &quiet);
        }
    }
    std::string key;
    std::getline(std::cin, key);
    if (terminal) {
        ::tcsetattr(0, TCSAFLUSH, &saved);
        std::cerr << "\n";
    }
    while (!key.empty() && (key.back() == '\r' || key.back() == '\n' || key.back() == ' ' || key.back() == '\t'))
        key.pop_back();
    const auto first = key.find_first_not_of(" \t");
    key.erase(0, first == std::string::npos ? key.size() : first);
    if (key.empty())
        throw tb::Error(
            "no API key on standard input: pipe it in (e.g. `pass show openai | tunebench-cli keychain set "
            "--url " +
            url + "`) or type it at the prompt");
    return key;
}

int run_keychain(const std::vector<std::string>& argv) {
    if (argv.empty()) throw tbcli::UsageError("expected a subcommand: set, delete or status");
    const std::string action = argv[0];
    if (action != "set" && action != "delete" && action != "status")
        throw tbcli::UsageError("unknown keychain subcommand '" + action + "' (set, delete, status)");
    tbcli::Args args(std::vector<std::string>(argv.begin() + 1, argv.end()), {"url", "timeout"}, {"json"});
    if (!args.positionals().empty())
        throw tbcli::UsageError("keychain " + action + " takes no positional argument" +
                                (action == "set" ? " (the key is read from standard input, never from the command "
                                                   "line)"
                                                 : ""));
    const auto raw_url = args.value("url");
    if (!raw_url)
        throw tbcli::UsageError("--url URL is required (the endpoint's base URL, e.g. https://api.openai.com/v1)");
    std::string url;
    try {
        url = tb::normalise_endpoint_url(*raw_url);
    } catch (const tb::Error& e) {
        throw tbcli::UsageError(e.what());
    }
    const double timeout_s = args.number_or("timeout", 5);
    if (timeout_s <= 0) throw tbcli::UsageError("--timeout must be positive (seconds)");
    auto keychain = tb::make_os_keychain(std::chrono::milliseconds(static_cast<long long>(timeout_s * 1000)));
    const bool json = args.flag("json");

    if (action == "set") {
        const std::string key = read_key_from_stdin(url);
        keychain->store(url, key);
        if (json)
            std::cout << nlohmann::json{{"url", url}, {"stored", true}}.dump() << "\n";
        else
            std::cout << "stored the API key for " << url << " in " << keychain->describe() << "\n";
        return tbcli::kExitOk;
    }
    if (action == "delete") {
        const bool removed = keychain->remove(url);
        if (json)
            std::cout << nlohmann::json{{"url", url}, {"deleted", removed}}.dump() << "\n";
        else
            std::cout << (removed ? "deleted the API key for " : "no API key was stored for ") << url << "\n";
        return removed ? tbcli::kExitOk : tbcli::kExitFindings;
    }
    // status: whether a key is stored, never the key.
    const bool stored = keychain->lookup(url).has_value();
    if (json)
        std::cout << nlohmann::json{{"url", url}, {"stored", stored}}.dump() << "\n";
    else
        std::cout << (stored ? "an API key is stored for " : "no API key is stored for ") << url << " in "
                  << keychain->describe() << "\n";
    return stored ? tbcli::kExitOk : tbcli::kExitFindings;
}

const tbcli::CommandRegistration registration({
    "keychain",
    "keychain set --url URL (key on standard input) | keychain delete --url URL | keychain status --url URL "
    "(all: [--timeout S] [--json])",
    "Store, delete or check the API key of an OpenAI-compatible endpoint in the OS keychain (Secret Service); eval "
    "and judge use it when no --api-key-env is given. status and delete exit 1 when no key is stored",
    run_keychain,
});

}  // namespace
