#include "core/eval/openai_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <thread>

#include "core/common/error.h"
#include "core/eval/api_key.h"
#include "core/eval/api_key_redaction.h"

namespace tb {
namespace {

void global_init_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

struct CurlFree {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

struct Attempt {
    CURLcode curl = CURLE_OK;
    long status = 0;
    std::string body;
    std::string curl_error;
};

bool transient(const Attempt& a) {
    if (a.curl != CURLE_OK) {
        // Network trouble and timeouts may pass; a bad URL or unsupported protocol will not.
        return a.curl != CURLE_URL_MALFORMAT && a.curl != CURLE_UNSUPPORTED_PROTOCOL;
    }
    return a.status == 429 || a.status >= 500;
}

std::string snippet(const std::string& body) { return body.size() > 300 ? body.substr(0, 300) + "..." : body; }

}  // namespace

struct OpenAiClient::KeychainKey {
    std::once_flag once;
    ResolvedApiKey resolved;
};

OpenAiClient::OpenAiClient(OpenAiClientOptions options)
    : options_(std::move(options)), keychain_key_(std::make_shared<KeychainKey>()) {
    if (options_.base_url.empty()) throw Error("OpenAI-compatible client: the base URL is empty");
    while (!options_.base_url.empty() && options_.base_url.back() == '/') options_.base_url.pop_back();
    if (options_.max_retries < 0 || options_.timeout_ms <= 0)
        throw Error("OpenAI-compatible client: retries must be >= 0 and the timeout positive");
}

nlohmann::json OpenAiClient::request_body(const std::vector<Message>& messages) const {
    nlohmann::json msgs = nlohmann::json::array();
    for (const auto& m : messages) {
        nlohmann::json jm{{"role", m.role}, {"content", m.content}};
        if (!m.name.empty()) jm["name"] = m.name;
        msgs.push_back(std::move(jm));
    }
    nlohmann::json body{{"messages", msgs}, {"temperature", options_.temperature}};
    if (!options_.model.empty()) body["model"] = options_.model;
    if (options_.max_tokens > 0) body["max_tokens"] = options_.max_tokens;
    return body;
}

ChatResponse parse_chat_response(const std::string& body) {
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded()) throw Error("chat completion response is not JSON: " + snippet(body));
    if (!j.is_object() || !j.contains("choices") || !j["choices"].is_array() || j["choices"].empty())
        throw Error("chat completion response has no choices: " + snippet(body));
    const auto& choice = j["choices"][0];
    if (!choice.is_object() || !choice.contains("message") || !choice["message"].is_object())
        throw Error("chat completion response has no message: " + snippet(body));
    const auto& content = choice["message"].value("content", nlohmann::json());
    if (!content.is_string()) throw Error("chat completion message has no text content: " + snippet(body));
    ChatResponse r;
    r.content = content.get<std::string>();
    if (choice.contains("finish_reason") && choice["finish_reason"].is_string())
        r.finish_reason = choice["finish_reason"].get<std::string>();
    if (j.contains("usage")) r.usage = j["usage"];
    return r;
}

ChatResponse OpenAiClient::chat(const std::vector<Message>& messages) const {
    global_init_once();
    const std::string url = options_.base_url + "/chat/completions";
    std::string keychain_problem;
    const std::string key = api_key(&keychain_problem);
    const std::string payload = request_body(messages).dump();

    std::unique_ptr<curl_slist, SlistFree> headers;
    {
        curl_slist* list = curl_slist_append(nullptr, "Content-Type: application/json");
        if (!key.empty()) list = curl_slist_append(list, ("Authorization: Bearer " + key).c_str());
        headers.reset(list);
    }

    Attempt last;
    int attempts = 0;
    for (int attempt = 0; attempt <= options_.max_retries; ++attempt) {
        if (attempt > 0) {
            long long wait = static_cast<long long>(options_.initial_backoff_ms) << std::min(attempt - 1, 20);
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min<long long>(wait, options_.max_backoff_ms)));
        }
        std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
        if (!curl) throw Error("could not start a libcurl session");
        char error_buffer[CURL_ERROR_SIZE] = {0};
        last = Attempt{};
        ++attempts;
        curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, payload.c_str());
        curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload.size()));
        curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append_body);
        curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &last.body);
        curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
        curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout_ms));
        curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM: safe in worker threads
        curl_easy_setopt(curl.get(), CURLOPT_ERRORBUFFER, error_buffer);
        last.curl = curl_easy_perform(curl.get());
        if (last.curl == CURLE_OK) {
            curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &last.status);
            if (last.status >= 200 && last.status < 300) {
                ChatResponse r;
                try {
                    r = parse_chat_response(last.body);  // malformed: no retry
                } catch (const Error& e) {
                    throw Error(redact_api_key(e.what(), key));
                }
                r.attempts = attempt + 1;
                return r;
            }
        } else {
            last.curl_error = error_buffer[0] ? error_buffer : curl_easy_strerror(last.curl);
        }
        if (!transient(last)) break;
    }
    const std::string tries = attempts > 1 ? " (after " + std::to_string(attempts) + " attempts)" : "";
    if (last.curl == CURLE_OK && (last.status == 401 || last.status == 403) && key.empty())
        throw Error("request to " + url + " failed with HTTP " + std::to_string(last.status) + ": " +
                    missing_api_key_message(options_.base_url, keychain_problem));
    if (last.curl != CURLE_OK) throw Error("request to " + url + " failed" + tries + ": " + last.curl_error);
    // Redacted before the cut: a key that straddles it must not leave a prefix behind.
    throw Error("request to " + url + " failed with HTTP " + std::to_string(last.status) + tries + ": " +
                snippet(redact_api_key(last.body, key)));
}

// The variable named is read at each request (it may change between them); the keychain,
// a D-Bus round trip, once per client.
std::string OpenAiClient::api_key(std::string* keychain_problem) const {
    if (!options_.api_key_env.empty())
        return resolve_api_key({options_.base_url, options_.api_key_env, false}, nullptr).key;
    if (!options_.use_keychain) return "";
    std::call_once(keychain_key_->once, [this] {
        const auto keychain = default_keychain();
        keychain_key_->resolved = resolve_api_key({options_.base_url, "", false}, keychain.get());
    });
    *keychain_problem = keychain_key_->resolved.keychain_problem;
    return keychain_key_->resolved.key;
}

}  // namespace tb
