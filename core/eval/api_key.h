#pragma once
// Where the API key of an OpenAI-compatible endpoint (remote eval target, LLM judge) comes
// from. A key is never stored in the project file nor in any saved config: only the name of
// an environment variable is, and the OS keychain holds the secret itself.
//
// Resolution order (resolve_api_key):
//   1. an environment variable named by the user (--api-key-env VAR, or the judge's
//      conventional TUNEBENCH_JUDGE_API_KEY when it is set): it must be set and non-empty;
//   2. otherwise the OS keychain entry stored for the endpoint's base URL
//      (`tunebench-cli keychain set --url URL`), URL normalised by normalise_endpoint_url;
//   3. otherwise no key: local servers (vLLM, llama.cpp, Ollama) need none. When a key is
//      required (request.required, or the server answers 401/403), the error names both ways.
//
// The keychain is the freedesktop Secret Service (GNOME Keyring, KWallet, KeePassXC) through
// libsecret, behind the SecretStore interface so the resolution is testable with a fake
// store. A machine without a Secret Service (headless, no session bus) gets a
// KeychainUnavailable error with a message saying what to do instead, never a hang: every
// libsecret call is cancelled after a timeout.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/common/error.h"

namespace tb {

// The keychain could not be reached or did not answer in time.
class KeychainUnavailable : public Error {
public:
    using Error::Error;
};

// A store of API keys, one per endpoint base URL (already normalised by the caller).
class SecretStore {
public:
    virtual ~SecretStore() = default;
    // For messages: "the OS keychain (Secret Service)".
    virtual std::string describe() const = 0;
    // The stored key, nullopt when there is none. Throws KeychainUnavailable.
    virtual std::optional<std::string> lookup(const std::string& base_url) = 0;
    // Creates or replaces the entry. Throws KeychainUnavailable.
    virtual void store(const std::string& base_url, const std::string& key) = 0;
    // True when an entry was deleted, false when there was none. Throws KeychainUnavailable.
    virtual bool remove(const std::string& base_url) = 0;
};

// The OS keychain through libsecret (collection "default", schema "org.tunebench.ApiKey",
// attribute base_url). Each call gives up after `timeout` (a locked keychain waiting for a
// prompt nobody can answer, a Secret Service that does not reply).
std::unique_ptr<SecretStore> make_os_keychain(std::chrono::milliseconds timeout = std::chrono::seconds(5));

// The keychain OpenAiClient consults when no variable is named: the OS keychain, unless the
// environment variable TUNEBENCH_NO_KEYCHAIN is set to a non-empty value other than 0, or a
// store was installed with set_default_keychain (tests, or an application's own store).
// Null: no keychain lookups at all. Thread-safe.
std::shared_ptr<SecretStore> default_keychain();
// Replaces the default for the whole process; nullptr turns keychain lookups off.
void set_default_keychain(std::shared_ptr<SecretStore> store);
// Back to the OS keychain (or none under TUNEBENCH_NO_KEYCHAIN).
void reset_default_keychain();

// The key a keychain entry is stored under: surrounding spaces and trailing slashes
// removed, a pasted "/chat/completions" suffix removed, scheme and host lowercased (the
// path keeps its case). "HTTPS://API.Example.com/v1/" -> "https://api.example.com/v1".
// Throws tb::Error for an empty URL or one without "scheme://host".
std::string normalise_endpoint_url(const std::string& base_url);

enum class ApiKeySource { environment, keychain, none };
const char* to_string(ApiKeySource source);

struct ApiKeyRequest {
    std::string base_url;
    std::string env_var;    // the variable named by the user; empty: none named
    bool required = false;  // true: finding no key is an error naming both ways
};

struct ResolvedApiKey {
    std::string key;  // empty when source is none
    ApiKeySource source = ApiKeySource::none;
    std::string origin;  // for the user: "environment variable X", "OS keychain entry for URL", "no key"
    // Why the keychain could not be read, when it was consulted and failed (source none).
    std::string keychain_problem;
};

// Reads one environment variable; nullopt when unset. Injectable for tests.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
std::optional<std::string> process_environment(const std::string& name);

// The documented order above. `keychain` may be null (no keychain lookups). Throws tb::Error
// when the named variable is unset or empty, and when request.required and no key is found
// (the message names both ways and, if any, the keychain's problem).
ResolvedApiKey resolve_api_key(const ApiKeyRequest& request, SecretStore* keychain,
                               const EnvironmentLookup& environment = process_environment);

// "<url> needs an API key: name an environment variable that holds it (--api-key-env VAR) or
// store it in the OS keychain (tunebench-cli keychain set --url URL)", plus the keychain's
// problem when there was one.
std::string missing_api_key_message(const std::string& base_url, const std::string& keychain_problem = "");

}  // namespace tb
