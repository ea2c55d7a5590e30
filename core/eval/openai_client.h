#pragma once
// A minimal OpenAI-compatible chat client (POST {base_url}/chat/completions) over libcurl,
// for judge models and for evaluating models served elsewhere (vLLM, llama.cpp server,
// Ollama, OpenAI itself).
//
// The API key is never stored in the project or the options, so a saved eval config holds
// no secret: it is read from the environment variable named in the options at each
// request, or, when none is named, from the OS keychain entry for the base URL (looked up
// once per client; core/eval/api_key.h gives the order). A server that answers 401/403 to a
// request sent without a key gets an error naming both ways to give one.
// Deterministic by default: temperature 0. Transient failures (HTTP 429 and 5xx,
// connection errors and timeouts) are retried with exponential backoff
// (initial_backoff_ms · 2^attempt, capped by max_backoff_ms); other HTTP errors and
// malformed bodies fail at once, since repeating them gives the same answer.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset/example.h"

namespace tb {

struct OpenAiClientOptions {
    std::string base_url = "https://api.openai.com/v1";  // without the trailing /chat/completions
    std::string model;
    std::string api_key_env = "OPENAI_API_KEY";  // empty: the keychain entry for base_url, if any
    // With api_key_env empty: look up default_keychain() (core/eval/api_key.h); false or no
    // entry: send no Authorization header (local servers).
    bool use_keychain = true;
    double temperature = 0.0;
    int max_tokens = 0;      // 0: leave to the server
    int timeout_ms = 60000;  // whole request, per attempt
    int connect_timeout_ms = 10000;
    int max_retries = 4;  // attempts = 1 + max_retries
    int initial_backoff_ms = 500;
    int max_backoff_ms = 30000;
};

struct ChatResponse {
    std::string content;  // choices[0].message.content
    std::string finish_reason;
    nlohmann::json usage;  // as the server sent it, null when absent
    int attempts = 0;      // how many requests it took
};

class OpenAiClient {
public:
    explicit OpenAiClient(OpenAiClientOptions options);
    // Throws tb::Error naming the URL and the status or curl error on failure.
    ChatResponse chat(const std::vector<Message>& messages) const;
    // The request body chat() sends (tests, and the "show request" of the GUI).
    nlohmann::json request_body(const std::vector<Message>& messages) const;
    const OpenAiClientOptions& options() const { return options_; }

private:
    struct KeychainKey;  // the keychain lookup, made once and shared by copies and threads
    std::string api_key(std::string* keychain_problem) const;

    OpenAiClientOptions options_;
    std::shared_ptr<KeychainKey> keychain_key_;
};

// choices[0].message.content of a response body; throws tb::Error when malformed.
ChatResponse parse_chat_response(const std::string& body);

}  // namespace tb
