// The OS keychain behind tb::SecretStore: the freedesktop Secret Service over D-Bus, through
// libsecret's synchronous password API. Kept apart from api_key.cpp so GLib stays in one
// file. Built without libsecret (TUNEBENCH_HAVE_LIBSECRET undefined), the store says so.
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/eval/api_key.h"

#ifdef TUNEBENCH_HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

namespace tb {
namespace {

const char* const kAdvice =
    "; on a machine without a desktop keychain, pass the key in an environment variable instead (--api-key-env VAR)";

#ifdef TUNEBENCH_HAVE_LIBSECRET

const SecretSchema* api_key_schema() {
    // Built at run time: the struct has reserved fields that an aggregate initialiser would
    // have to spell out.
    static const SecretSchema schema = [] {
        SecretSchema s{};
        s.name = "org.tunebench.ApiKey";
        s.flags = SECRET_SCHEMA_NONE;
        s.attributes[0].name = "base_url";
        s.attributes[0].type = SECRET_SCHEMA_ATTRIBUTE_STRING;
        s.attributes[1].name = nullptr;
        return s;
    }();
    return &schema;
}

// Cancels a GCancellable when the deadline passes first: libsecret's sync calls may wait on
// a Secret Service that never replies, or on an unlock prompt nobody can answer.
class Deadline {
public:
    explicit Deadline(std::chrono::milliseconds timeout) : cancellable_(g_cancellable_new()) {
        timer_ = std::thread([this, timeout] {
            std::unique_lock lock(mutex_);
            if (!done_.wait_for(lock, timeout, [this] { return finished_; })) {
                expired_ = true;
                g_cancellable_cancel(cancellable_);
            }
        });
    }
    ~Deadline() {
        {
            std::lock_guard lock(mutex_);
            finished_ = true;
        }
        done_.notify_all();
        timer_.join();
        g_object_unref(cancellable_);
    }
    Deadline(const Deadline&) = delete;
    Deadline& operator=(const Deadline&) = delete;

    GCancellable* cancellable() const { return cancellable_; }
    bool expired() {
        std::lock_guard lock(mutex_);
        return expired_;
    }

private:
    GCancellable* cancellable_;
    std::mutex mutex_;
    std::condition_variable done_;
    bool finished_ = false;
    bool expired_ = false;
    std::thread timer_;
};

class LibsecretStore : public SecretStore {
public:
    explicit LibsecretStore(std::chrono::milliseconds timeout) : timeout_(timeout) {}

    std::string describe() const override { return "the OS keychain (Secret Service)"; }

    std::optional<std::string> lookup(const std::string& base_url) override {
        Deadline deadline(timeout_);
        GError* error = nullptr;
        gchar* password = secret_password_lookup_sync(api_key_schema(), deadline.cancellable(), &error, "base_url",
                                                      base_url.c_str(), nullptr);
        fail_on(error, deadline, "read the key for " + base_url);
        if (!password) return std::nullopt;
        std::string key(password);
        secret_password_free(password);  // wipes the copy libsecret made
        return key;
    }

    void store(const std::string& base_url, const std::string& key) override {
        Deadline deadline(timeout_);
        GError* error = nullptr;
        const std::string label = "Tunebench API key for " + base_url;
        const gboolean stored =
            secret_password_store_sync(api_key_schema(), SECRET_COLLECTION_DEFAULT, label.c_str(), key.c_str(),
                                       deadline.cancellable(), &error, "base_url", base_url.c_str(), nullptr);
        fail_on(error, deadline, "store the key for " + base_url);
        if (!stored) throw KeychainUnavailable("the OS keychain refused to store the key for " + base_url + kAdvice);
    }

    bool remove(const std::string& base_url) override {
        Deadline deadline(timeout_);
        GError* error = nullptr;
        const gboolean removed = secret_password_clear_sync(api_key_schema(), deadline.cancellable(), &error,
                                                            "base_url", base_url.c_str(), nullptr);
        fail_on(error, deadline, "delete the key for " + base_url);
        return removed;
    }

private:
    // Turns a GError (no session bus, no Secret Service, locked, cancelled at the deadline)
    // into KeychainUnavailable with what the user can do.
    void fail_on(GError* error, Deadline& deadline, const std::string& action) const {
        if (!error && !deadline.expired()) return;
        std::string why;
        if (deadline.expired()) {
            why = "the Secret Service did not answer within " + std::to_string(timeout_.count()) +
                  " ms (is the keychain locked and waiting for a password prompt?)";
        } else {
            why = error->message ? error->message : "unknown D-Bus error";
        }
        if (error) g_error_free(error);
        throw KeychainUnavailable("could not " + action + " in the OS keychain: " + why + kAdvice);
    }

    std::chrono::milliseconds timeout_;
};

#else  // !TUNEBENCH_HAVE_LIBSECRET

class UnavailableStore : public SecretStore {
public:
    std::string describe() const override { return "the OS keychain (not built in)"; }
    std::optional<std::string> lookup(const std::string&) override { fail(); }
    void store(const std::string&, const std::string&) override { fail(); }
    bool remove(const std::string&) override { fail(); }

private:
    [[noreturn]] static void fail() {
        throw KeychainUnavailable(std::string("this build of Tunebench has no keychain support (libsecret was "
                                              "missing when it was built)") +
                                  kAdvice);
    }
};

#endif

}  // namespace

std::unique_ptr<SecretStore> make_os_keychain(std::chrono::milliseconds timeout) {
#ifdef TUNEBENCH_HAVE_LIBSECRET
    return std::make_unique<LibsecretStore>(timeout);
#else
    (void)timeout;
    return std::make_unique<UnavailableStore>();
#endif
}

}  // namespace tb
