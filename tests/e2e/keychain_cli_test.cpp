// `tunebench-cli keychain` end to end, and the key it stores reaching a remote eval endpoint
// (core/eval/api_key.h): against a real Secret Service (GNOME Keyring in a private D-Bus
// session the test starts; skipped when dbus-run-session or gnome-keyring-daemon is
// missing), and on a machine without one (a clear message, exit 2, no hang).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/project/project_file.h"
#include "e2e/cli_runner.h"
#include "eval/eval_test_helpers.h"

namespace {

#define SKIP_WITHOUT_CLI() \
    if (!std::filesystem::exists(TUNEBENCH_CLI)) GTEST_SKIP() << "tunebench-cli not built"

bool program_exists(const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(KeychainCli, UsageErrorsExit2WithoutTouchingTheKeychain) {
    SKIP_WITHOUT_CLI();
    tbtest::CliDir dir;
    EXPECT_EQ(dir.run({"keychain"}, "none").exit_code, 2);
    EXPECT_EQ(dir.run({"keychain", "show", "--url", "http://x/v1"}, "show").exit_code, 2);
    EXPECT_EQ(dir.run({"keychain", "status"}, "nourl").exit_code, 2);
    EXPECT_EQ(dir.run({"keychain", "status", "--url", "not a url"}, "badurl").exit_code, 2);
    // The key never comes from the command line.
    const auto positional = dir.run({"keychain", "set", "--url", "http://x/v1", "sk-on-argv"}, "argv");
    EXPECT_EQ(positional.exit_code, 2);
    EXPECT_TRUE(contains(positional.err, "standard input")) << positional.err;
    EXPECT_EQ(dir.run({"keychain", "set", "--url", "http://x/v1", "--key", "sk-on-argv"}, "opt").exit_code, 2);
}

TEST(KeychainCli, WithoutASecretServiceSaysWhatToDoAndDoesNotHang) {
    SKIP_WITHOUT_CLI();
    tbtest::CliDir dir;
    // A session bus address that leads nowhere, as on a headless server or in a container.
    ::setenv("DBUS_SESSION_BUS_ADDRESS", ("unix:path=" + dir.file("no-bus")).c_str(), 1);
    const auto start = std::chrono::steady_clock::now();
    const auto status = dir.run({"keychain", "status", "--url", "https://api.example.com/v1"}, "status");
    ::unsetenv("DBUS_SESSION_BUS_ADDRESS");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(15));
    EXPECT_EQ(status.exit_code, 2);
    EXPECT_TRUE(contains(status.err, "keychain")) << status.err;
    EXPECT_TRUE(contains(status.err, "--api-key-env")) << status.err;
}

TEST(KeychainCli, StoredKeyReachesTheEndpointAndNeverTheProject) {
    SKIP_WITHOUT_CLI();
    for (const char* program : {"dbus-run-session", "gnome-keyring-daemon"})
        if (!program_exists(program))
            GTEST_SKIP() << program << " is not installed (Debian: dbus, gnome-keyring): no Secret Service to test";
    tbtest::CliDir dir;
    const std::string project_path = dir.file("p.tunebench");
    {
        auto project = tb::ProjectFile::create(project_path);
        tbeval::fill_project(project, 12, 4);
    }
    tbeval::EchoServer server;
    const std::string key = "sk-e2e-keychain-7f3a9c";
    ::unsetenv("TUNEBENCH_NO_KEYCHAIN");

    // Everything runs in one private D-Bus session with a keyring in the test's own folder.
    const std::string cli = tbtest::shell_quote(TUNEBENCH_CLI);
    const std::string url = tbtest::shell_quote(server.url());
    auto step = [&](const std::string& tag, const std::string& args, const std::string& input = "") {
        return (input.empty() ? "" : "printf '%s\\n' " + tbtest::shell_quote(input) + " | ") + cli + " " + args + " >" +
               tbtest::shell_quote(dir.file(tag + ".out")) + " 2>" + tbtest::shell_quote(dir.file(tag + ".err")) +
               (input.empty() ? " </dev/null" : "") + "; echo $? >" + tbtest::shell_quote(dir.file(tag + ".rc")) + "\n";
    };
    std::string script = "export HOME=" + tbtest::shell_quote(dir.file("home")) +
                         " XDG_DATA_HOME=" + tbtest::shell_quote(dir.file("home/data")) +
                         " XDG_CACHE_HOME=" + tbtest::shell_quote(dir.file("home/cache")) +
                         " XDG_CONFIG_HOME=" + tbtest::shell_quote(dir.file("home/config")) +
                         " XDG_RUNTIME_DIR=" + tbtest::shell_quote(dir.file("home/run")) + "\n" +
                         "mkdir -p \"$XDG_RUNTIME_DIR\" && chmod 700 \"$XDG_RUNTIME_DIR\"\n"
                         "printf test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null || "
                         "exit 90\n";
    script += step("status0", "keychain status --url " + url);
    script += step("set", "keychain set --url " + url + "/", key);  // trailing slash: the same entry
    script += step("status1", "keychain status --json --url " + url);
    script += step("eval", "eval " + tbtest::shell_quote(project_path) + " --endpoint " + url +
                               " --endpoint-model echo --set probe --max-new-tokens 8 --json");
    script += step("delete", "keychain delete --url " + url);
    script += step("status2", "keychain status --url " + url);
    script += step("delete2", "keychain delete --url " + url);
    const auto script_path = dir.write("session.sh", script);
    const int status = std::system(("timeout 120 dbus-run-session -- sh " + tbtest::shell_quote(script_path) + " 2>" +
                                    tbtest::shell_quote(dir.file("session.err")))
                                       .c_str());
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << tbtest::read_text(dir.file("session.err"));
    auto rc = [&](const std::string& tag) { return std::stoi(tbtest::read_text(dir.file(tag + ".rc"))); };
    auto out = [&](const std::string& tag) { return tbtest::read_text(dir.file(tag + ".out")); };
    auto err = [&](const std::string& tag) { return tbtest::read_text(dir.file(tag + ".err")); };

    EXPECT_EQ(rc("status0"), 1) << out("status0") << err("status0");  // nothing stored yet
    EXPECT_EQ(rc("set"), 0) << err("set");
    ASSERT_EQ(rc("status1"), 0) << err("status1");
    const auto stored = nlohmann::json::parse(out("status1"));
    EXPECT_TRUE(stored["stored"].get<bool>());
    EXPECT_EQ(stored["url"], server.url());

    // The eval found the key in the keychain (no --api-key-env) and sent it.
    ASSERT_EQ(rc("eval"), 0) << err("eval");
    EXPECT_TRUE(contains(err("eval"), "keychain")) << err("eval");
    const auto eval = nlohmann::json::parse(out("eval"));
    EXPECT_DOUBLE_EQ(eval["pass_rate"].get<double>(), 1.0);
    EXPECT_EQ(eval["target"]["api_key_env"], "");
    const auto requests = server.requests();
    ASSERT_EQ(requests.size(), 4u);
    for (const auto& r : requests) EXPECT_TRUE(contains(r, "Authorization: Bearer " + key)) << r;

    EXPECT_EQ(rc("delete"), 0) << err("delete");
    EXPECT_EQ(rc("status2"), 1) << out("status2");
    EXPECT_EQ(rc("delete2"), 1) << out("delete2");

    // The key is in no byte of the project (nor its WAL) and in nothing the CLI printed.
    for (const auto& path : {project_path, project_path + "-wal"})
        if (std::filesystem::exists(path)) {
            EXPECT_FALSE(contains(tbtest::read_text(path), key)) << path;
        }
    for (const auto& tag : {"status0", "set", "status1", "eval", "delete", "status2", "delete2"}) {
        EXPECT_FALSE(contains(out(tag), key)) << tag;
        EXPECT_FALSE(contains(err(tag), key)) << tag;
    }
}

}  // namespace
