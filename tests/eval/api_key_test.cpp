// Where an endpoint's API key comes from (core/eval/api_key.h): the resolution order with a
// fake keychain, URL normalisation, the OpenAI client using the keychain (Authorization
// header on a loopback server, one lookup per client, the 401 hint), the libsecret store on
// a machine without a Secret Service, and a real round trip through GNOME Keyring started by
// the test in its own D-Bus session (skipped when dbus-run-session or gnome-keyring-daemon
// is missing).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <thread>

#include "common/loopback_http_server.h"
#include "common/temp_dir.h"
#include "core/eval/api_key.h"
#include "core/eval/openai_client.h"

namespace tb {
namespace {

// An in-memory keychain that counts its calls and can play an unreachable one.
class FakeKeychain : public SecretStore {
public:
    std::string describe() const override { return "the fake keychain"; }
    std::optional<std::string> lookup(const std::string& base_url) override {
        ++lookups;
        if (unavailable) throw KeychainUnavailable("no Secret Service on the session bus");
        auto it = keys.find(base_url);
        if (it == keys.end()) return std::nullopt;
        return it->second;
    }
    void store(const std::string& base_url, const std::string& key) override {
        if (unavailable) throw KeychainUnavailable("no Secret Service on the session bus");
        keys[base_url] = key;
    }
    bool remove(const std::string& base_url) override {
        if (unavailable) throw KeychainUnavailable("no Secret Service on the session bus");
        return keys.erase(base_url) > 0;
    }
    std::map<std::string, std::string> keys;
    bool unavailable = false;
    std::atomic<int> lookups{0};
};

EnvironmentLookup fake_environment(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

struct ResolutionCase {
    std::string name;
    std::string env_var;  // named by the user
    std::map<std::string, std::string> environment;
    std::map<std::string, std::string> keychain;  // stored under normalised URLs
    bool keychain_unavailable = false;
    bool required = false;
    // Expected: either an error whose message holds every `error_parts`, or a key and source.
    std::vector<std::string> error_parts;
    std::string key;
    ApiKeySource source = ApiKeySource::none;
    int keychain_lookups = 0;
};

const std::string kUrl = "HTTPS://API.Example.com/v1/";  // as a user might type it
const std::string kStored = "https://api.example.com/v1";

TEST(ApiKeyResolution, FollowsTheDocumentedOrder) {
    const std::vector<ResolutionCase> cases = {
        {"named variable wins over the keychain",
         "MY_KEY",
         {{"MY_KEY", "sk-env"}},
         {{kStored, "sk-chain"}},
         false,
         false,
         {},
         "sk-env",
         ApiKeySource::environment,
         0},
        {"named variable unset is an error, not a silent fallback",
         "MY_KEY",
         {},
         {{kStored, "sk-chain"}},
         false,
         false,
         {"MY_KEY", "not set", "keychain set --url"},
         "",
         ApiKeySource::none,
         0},
        {"named variable empty is an error",
         "MY_KEY",
         {{"MY_KEY", ""}},
         {},
         false,
         false,
         {"MY_KEY", "empty"},
         "",
         ApiKeySource::none,
         0},
        {"no variable: the keychain entry of the normalised URL",
         "",
         {{"OPENAI_API_KEY", "sk-ignored"}},
         {{kStored, "sk-chain"}},
         false,
         true,
         {},
         "sk-chain",
         ApiKeySource::keychain,
         1},
        {"no variable, no entry: no key for a local server",
         "",
         {},
         {{"https://other.example.com/v1", "sk-other"}},
         false,
         false,
         {},
         "",
         ApiKeySource::none,
         1},
        {"no variable, no entry, key required: the error names both ways",
         "",
         {},
         {},
         false,
         true,
         {"--api-key-env VAR", "keychain set --url"},
         "",
         ApiKeySource::none,
         1},
        {"keychain unreachable, not required: no key", "", {}, {}, true, false, {}, "", ApiKeySource::none, 1},
        {"keychain unreachable, required: its problem is in the error",
         "",
         {},
         {},
         true,
         true,
         {"--api-key-env VAR", "no Secret Service on the session bus"},
         "",
         ApiKeySource::none,
         1},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        FakeKeychain keychain;
        keychain.keys = c.keychain;
        keychain.unavailable = c.keychain_unavailable;
        const ApiKeyRequest request{kUrl, c.env_var, c.required};
        if (!c.error_parts.empty()) {
            try {
                resolve_api_key(request, &keychain, fake_environment(c.environment));
                ADD_FAILURE() << "expected an error";
            } catch (const Error& e) {
                for (const auto& part : c.error_parts) EXPECT_TRUE(contains(e.what(), part)) << e.what();
            }
        } else {
            const auto r = resolve_api_key(request, &keychain, fake_environment(c.environment));
            EXPECT_EQ(r.key, c.key);
            EXPECT_EQ(r.source, c.source);
            if (c.source == ApiKeySource::keychain) {
                EXPECT_TRUE(contains(r.origin, kStored)) << r.origin;
            }
            if (c.source == ApiKeySource::environment) {
                EXPECT_TRUE(contains(r.origin, c.env_var)) << r.origin;
            }
            EXPECT_EQ(r.keychain_problem.empty(), !c.keychain_unavailable) << r.keychain_problem;
            // The origin says where the key came from, never the key.
            if (!c.key.empty()) {
                EXPECT_FALSE(contains(r.origin, c.key)) << r.origin;
            }
        }
        EXPECT_EQ(keychain.lookups.load(), c.keychain_lookups);
    }
}

TEST(ApiKeyResolution, NoKeychainMeansNoKeyOrAnError) {
    const auto none = resolve_api_key({kUrl, "", false}, nullptr, fake_environment({}));
    EXPECT_EQ(none.source, ApiKeySource::none);
    EXPECT_TRUE(none.key.empty());
    EXPECT_THROW(resolve_api_key({kUrl, "", true}, nullptr, fake_environment({})), Error);
}

TEST(ApiKeyResolution, EndpointUrlsNormaliseToOneEntry) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"https://api.openai.com/v1", "https://api.openai.com/v1"},
        {"  HTTPS://API.OpenAI.com/v1/ ", "https://api.openai.com/v1"},
        {"https://api.openai.com/v1/chat/completions", "https://api.openai.com/v1"},
        {"http://LOCALHOST:8000/V1//", "http://localhost:8000/V1"},  // the path keeps its case
        {"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
    };
    for (const auto& [raw, expected] : cases) EXPECT_EQ(normalise_endpoint_url(raw), expected) << raw;
    for (const std::string bad : {"", "   ", "api.openai.com/v1", "https://", "://host"})
        EXPECT_THROW(normalise_endpoint_url(bad), Error) << bad;
}

// A loopback HTTP server answering every request with `status` and a chat completion,
// keeping the raw requests (headers included).
class CapturingServer : public tbtest::LoopbackHttpServer {
public:
    explicit CapturingServer(int status)
        : LoopbackHttpServer([status](const std::string&) {
              return Reply{status, status == 200
                                       ? R"({"choices": [{"message": {"role": "assistant", "content": "ok"}}]})"
                                       : R"({"error": {"message": "missing API key"}})"};
          }) {}
};

std::vector<Message> hello() {
    Message m;
    m.role = "user";
    m.content = "hello";
    return {m};
}

// Installs a fake default keychain for one test and puts the real default back after.
class ClientKeychainTest : public ::testing::Test {
protected:
    void SetUp() override { set_default_keychain(keychain_); }
    void TearDown() override { reset_default_keychain(); }
    OpenAiClientOptions options(const std::string& url) const {
        OpenAiClientOptions o;
        o.base_url = url;
        o.model = "m";
        o.api_key_env = "";
        o.timeout_ms = 5000;
        o.max_retries = 0;
        return o;
    }
    std::shared_ptr<FakeKeychain> keychain_ = std::make_shared<FakeKeychain>();
};

TEST_F(ClientKeychainTest, SendsTheKeychainKeyAndLooksItUpOncePerClient) {
    CapturingServer server(200);
    keychain_->keys[normalise_endpoint_url(server.url())] = "sk-from-keychain-42";
    OpenAiClient client(options(server.url() + "/"));
    for (int i = 0; i < 3; ++i) EXPECT_EQ(client.chat(hello()).content, "ok");
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 3u);
    for (const auto& r : requests) EXPECT_TRUE(contains(r, "Authorization: Bearer sk-from-keychain-42")) << r;
    EXPECT_EQ(keychain_->lookups.load(), 1);

    // A named variable is used instead, and the keychain is not asked.
    ::setenv("TB_API_KEY_TEST_VAR", "sk-from-env", 1);
    auto named = options(server.url());
    named.api_key_env = "TB_API_KEY_TEST_VAR";
    OpenAiClient(named).chat(hello());
    ::unsetenv("TB_API_KEY_TEST_VAR");
    EXPECT_TRUE(contains(server.requests().back(), "Authorization: Bearer sk-from-env"));
    EXPECT_EQ(keychain_->lookups.load(), 1);

    // use_keychain off: no header at all.
    auto off = options(server.url());
    off.use_keychain = false;
    OpenAiClient(off).chat(hello());
    EXPECT_FALSE(contains(server.requests().back(), "Authorization"));
    EXPECT_EQ(keychain_->lookups.load(), 1);
}

TEST_F(ClientKeychainTest, NoKeyAndAnUnreachableKeychainStillReachLocalServers) {
    CapturingServer server(200);
    keychain_->unavailable = true;
    EXPECT_EQ(OpenAiClient(options(server.url())).chat(hello()).content, "ok");
    EXPECT_FALSE(contains(server.requests().at(0), "Authorization"));
}

TEST_F(ClientKeychainTest, A401WithoutAKeyNamesBothWaysToGiveOne) {
    CapturingServer server(401);
    keychain_->unavailable = true;
    try {
        OpenAiClient(options(server.url())).chat(hello());
        FAIL() << "expected an error";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_TRUE(contains(what, "401")) << what;
        EXPECT_TRUE(contains(what, "--api-key-env VAR")) << what;
        EXPECT_TRUE(contains(what, "keychain set --url")) << what;
        EXPECT_TRUE(contains(what, "no Secret Service on the session bus")) << what;
    }
}

// ---- The libsecret store -------------------------------------------------------------------

bool program_exists(const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

TEST(OsKeychain, WithoutASessionBusFailsFastWithAdvice) {
    // A bus address that leads nowhere: what a headless machine or a container looks like.
    tbtest::TempDir dir("tb_keychain_");
    ::setenv("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + dir.file("no-bus-here")).c_str(), 1);
    auto keychain = make_os_keychain(std::chrono::seconds(3));
    const auto start = std::chrono::steady_clock::now();
    try {
        keychain->lookup("https://api.example.com/v1");
        FAIL() << "expected KeychainUnavailable";
    } catch (const KeychainUnavailable& e) {
        EXPECT_TRUE(contains(e.what(), "--api-key-env")) << e.what();
    }
    EXPECT_THROW(keychain->store("https://api.example.com/v1", "sk-x"), KeychainUnavailable);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));  // no hang
    // Resolution turns it into "no key" with the reason kept for a later error.
    const auto r = resolve_api_key({"https://api.example.com/v1", "", false}, keychain.get());
    EXPECT_EQ(r.source, ApiKeySource::none);
    EXPECT_FALSE(r.keychain_problem.empty());
    ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
}

// Runs inside the D-Bus session the next test starts (skipped when run on its own).
TEST(OsKeychain, InsideKeyringSessionRoundTrip) {
    if (!std::getenv("TB_INSIDE_KEYRING_SESSION")) GTEST_SKIP() << "run by OsKeychain.StoreLookupDeleteInGnomeKeyring";
    auto keychain = make_os_keychain(std::chrono::seconds(10));
    const std::string url = "https://judge.example.com/v1";
    ASSERT_FALSE(keychain->lookup(url).has_value());
    keychain->store(url, "sk-keyring-round-trip");
    EXPECT_EQ(keychain->lookup(url).value_or(""), "sk-keyring-round-trip");
    keychain->store(url, "sk-keyring-replaced");  // replaces, does not add a second entry
    EXPECT_EQ(keychain->lookup(url).value_or(""), "sk-keyring-replaced");
    EXPECT_FALSE(keychain->lookup("https://other.example.com/v1").has_value());
    const auto r = resolve_api_key({"HTTPS://Judge.Example.com/v1/", "", true}, keychain.get());
    EXPECT_EQ(r.source, ApiKeySource::keychain);
    EXPECT_EQ(r.key, "sk-keyring-replaced");
    EXPECT_TRUE(keychain->remove(url));
    EXPECT_FALSE(keychain->remove(url));
    EXPECT_FALSE(keychain->lookup(url).has_value());
}

TEST(OsKeychain, StoreLookupDeleteInGnomeKeyring) {
    for (const char* program : {"dbus-run-session", "gnome-keyring-daemon"})
        if (!program_exists(program))
            GTEST_SKIP() << program << " is not installed (Debian: dbus, gnome-keyring): no Secret Service to test";
    // A private home, so the test's keyring never touches the user's.
    tbtest::TempDir home("tb_keyring_home_");
    char self[4096];
    const auto n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    ASSERT_GT(n, 0);
    self[n] = '\0';
    const std::string script =
        "export HOME='" + home.file("") + "' XDG_DATA_HOME='" + home.file("data") + "' XDG_CACHE_HOME='" +
        home.file("cache") + "' XDG_CONFIG_HOME='" + home.file("config") + "' XDG_RUNTIME_DIR='" + home.file("run") +
        "'; mkdir -p \"$XDG_RUNTIME_DIR\" && chmod 700 \"$XDG_RUNTIME_DIR\" && "
        "printf test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "
        "TB_INSIDE_KEYRING_SESSION=1 '" +
        std::string(self) + "' --gtest_filter=OsKeychain.InsideKeyringSessionRoundTrip >'" + home.file("inner.log") +
        "' 2>&1";
    const std::string command =
        "timeout 60 dbus-run-session -- sh -c \"$TB_KEYRING_SCRIPT\" 2>'" + home.file("session.err") + "'";
    ::setenv("TB_KEYRING_SCRIPT", script.c_str(), 1);
    const int status = std::system(command.c_str());
    ::unsetenv("TB_KEYRING_SCRIPT");
    std::ifstream log(home.file("inner.log"));
    std::string inner((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "inner run failed:\n" << inner;
    EXPECT_TRUE(contains(inner, "[  PASSED  ] 1 test")) << inner;
    EXPECT_FALSE(contains(inner, "SKIPPED")) << inner;
}

// Runs inside the session the next test starts, where org.freedesktop.secrets is activatable
// but its program never claims the name: a Secret Service that does not answer.
TEST(OsKeychain, InsideHungServiceSessionTimesOut) {
    if (!std::getenv("TB_INSIDE_HUNG_SESSION"))
        GTEST_SKIP() << "run by OsKeychain.ASecretServiceThatNeverAnswersTimesOut";
    auto keychain = make_os_keychain(std::chrono::milliseconds(1500));
    const auto start = std::chrono::steady_clock::now();
    try {
        keychain->lookup("https://api.example.com/v1");
        FAIL() << "expected KeychainUnavailable";
    } catch (const KeychainUnavailable& e) {
        EXPECT_TRUE(contains(e.what(), "did not answer within 1500 ms")) << e.what();
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(6));
}

TEST(OsKeychain, ASecretServiceThatNeverAnswersTimesOut) {
    if (!program_exists("dbus-run-session")) GTEST_SKIP() << "dbus-run-session is not installed (Debian: dbus)";
    tbtest::TempDir dir("tb_hung_bus_");
    // A session bus whose only service is a "Secret Service" that sleeps instead of starting.
    std::filesystem::create_directories(dir.file("services"));
    dir.write("services/org.freedesktop.secrets.service",
              "[D-BUS Service]\nName=org.freedesktop.secrets\nExec=/bin/sleep 8\n");
    dir.write("session.conf",
              "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
              " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
              "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
              "<servicedir>" +
                  dir.file("services") +
                  "</servicedir>"
                  "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                  "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
    char self[4096];
    const auto n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    ASSERT_GT(n, 0);
    self[n] = '\0';
    const std::string command = "TB_INSIDE_HUNG_SESSION=1 timeout 60 dbus-run-session --config-file='" +
                                dir.file("session.conf") + "' -- '" + std::string(self) +
                                "' --gtest_filter=OsKeychain.InsideHungServiceSessionTimesOut >'" +
                                dir.file("inner.log") + "' 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream log(dir.file("inner.log"));
    std::string inner((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "inner run failed:\n" << inner;
    EXPECT_TRUE(contains(inner, "[  PASSED  ] 1 test")) << inner;
}

}  // namespace
}  // namespace tb
