#include "core/eval/api_key.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>

#include "core/eval/api_key_redaction.h"

namespace tb {
namespace {

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

bool keychain_disabled_by_environment() {
    const char* value = std::getenv("TUNEBENCH_NO_KEYCHAIN");
    return value && *value && std::string(value) != "0";
}

struct DefaultKeychain {
    std::mutex mutex;
    bool chosen = false;  // false: decide on first use (the OS keychain or none)
    std::shared_ptr<SecretStore> store;
};

DefaultKeychain& default_keychain_state() {
    static DefaultKeychain state;
    return state;
}

}  // namespace

std::shared_ptr<SecretStore> default_keychain() {
    auto& state = default_keychain_state();
    std::lock_guard lock(state.mutex);
    if (!state.chosen) {
        state.chosen = true;
        if (!keychain_disabled_by_environment()) state.store = make_os_keychain();
    }
    return state.store;
}

void set_default_keychain(std::shared_ptr<SecretStore> store) {
    auto& state = default_keychain_state();
    std::lock_guard lock(state.mutex);
    state.chosen = true;
    state.store = std::move(store);
}

void reset_default_keychain() {
    auto& state = default_keychain_state();
    std::lock_guard lock(state.mutex);
    state.chosen = false;
    state.store.reset();
}

std::string normalise_endpoint_url(const std::string& base_url) {
    std::string url = trim(base_url);
    if (url.empty()) throw Error("the endpoint URL is empty");
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string::npos || scheme_end == 0 || scheme_end + 3 >= url.size())
        throw Error("'" + base_url +
                    "' is not an endpoint URL: expected scheme://host[/path], e.g. "
                    "https://api.openai.com/v1");
    // A pasted full endpoint still names the same server and key.
    const std::string suffix = "/chat/completions";
    while (!url.empty() && url.back() == '/') url.pop_back();
    if (url.size() > suffix.size() && url.compare(url.size() - suffix.size(), suffix.size(), suffix) == 0)
        url.resize(url.size() - suffix.size());
    while (!url.empty() && url.back() == '/') url.pop_back();
    // Scheme and host are case-insensitive; the path is not.
    const auto path_start = url.find('/', scheme_end + 3);
    const auto authority_end = path_start == std::string::npos ? url.size() : path_start;
    return lowercase(url.substr(0, authority_end)) + url.substr(authority_end);
}

const char* to_string(ApiKeySource source) {
    switch (source) {
        case ApiKeySource::environment:
            return "environment";
        case ApiKeySource::keychain:
            return "keychain";
        case ApiKeySource::none:
            break;
    }
    return "none";
}

std::optional<std::string> process_environment(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
}

std::string missing_api_key_message(const std::string& base_url, const std::string& keychain_problem) {
    std::string message = base_url +
                          " needs an API key: name an environment variable that holds it (--api-key-env VAR), "
                          "or store it in the OS keychain (tunebench-cli keychain set --url " +
                          base_url + ", the key read from standard input)";
    if (!keychain_problem.empty()) message += ". The keychain could not be read: " + keychain_problem;
    return message;
}

bool may_be_api_key(const std::string& name) {
    if (name.empty()) return false;
    if (name.size() > 32 || std::isdigit(static_cast<unsigned char>(name[0]))) return true;
    bool lower = false, digit = false;
    for (unsigned char c : name) {
        if (!std::isalnum(c) && c != '_') return true;  // "sk-...": no variable is named like that
        lower = lower || std::islower(c);
        digit = digit || std::isdigit(c);
    }
    return lower && digit;
}

std::string redact_api_key(std::string text, const std::string& key) {
    static const std::string kRedacted = "[redacted]";
    if (!key.empty()) {
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + kRedacted.size()))
            text.replace(at, key.size(), kRedacted);
    }
    // A bearer token other than our key (a proxy adding its own) is a secret too.
    static const std::string kBearer = "Bearer ";
    for (auto at = text.find(kBearer); at != std::string::npos; at = text.find(kBearer, at + 1)) {
        const auto begin = at + kBearer.size();
        auto end = begin;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '"' &&
               text[end] != '\'' && text[end] != ',' && text[end] != '}')
            ++end;
        if (text.compare(begin, end - begin, kRedacted) != 0) text.replace(begin, end - begin, kRedacted);
    }
    return text;
}

ResolvedApiKey resolve_api_key(const ApiKeyRequest& request, SecretStore* keychain,
                               const EnvironmentLookup& environment) {
    ResolvedApiKey resolved;
    // 1. A variable the user named must hold the key: silently falling back to the keychain
    // would hide a typo in the variable's name.
    if (!request.env_var.empty()) {
        const auto value = environment(request.env_var);
        if ((!value || value->empty()) && may_be_api_key(request.env_var))
            throw Error("the API key variable named for " + request.base_url +
                        " is not set, and its name looks like an API key itself (not shown here): give "
                        "--api-key-env the name of the variable that holds the key (export OPENAI_API_KEY=...; "
                        "--api-key-env OPENAI_API_KEY), or store the key in the OS keychain (tunebench-cli "
                        "keychain set --url " +
                        request.base_url + ")");
        if (!value || value->empty())
            throw Error("the API key variable " + request.env_var + " is " + (value ? "empty" : "not set") +
                        " (needed for " + request.base_url + "): set it, or drop the variable and store the key " +
                        "in the OS keychain (tunebench-cli keychain set --url " + request.base_url + ")");
        resolved.key = *value;
        resolved.source = ApiKeySource::environment;
        resolved.origin = "environment variable " + request.env_var;
        return resolved;
    }
    // 2. The keychain entry for the endpoint.
    if (keychain) {
        const std::string url = normalise_endpoint_url(request.base_url);
        try {
            if (auto key = keychain->lookup(url); key && !key->empty()) {
                resolved.key = std::move(*key);
                resolved.source = ApiKeySource::keychain;
                resolved.origin = keychain->describe() + " entry for " + url;
                return resolved;
            }
        } catch (const KeychainUnavailable& e) {
            resolved.keychain_problem = e.what();
        }
    } else {
        resolved.keychain_problem = request.required ? "keychain lookups are turned off (TUNEBENCH_NO_KEYCHAIN)" : "";
    }
    // 3. No key.
    if (request.required) throw Error(missing_api_key_message(request.base_url, resolved.keychain_problem));
    resolved.origin = "no key";
    return resolved;
}

}  // namespace tb
