// Secrets stay out of messages (core/eval/api_key.h): a key given to --api-key-env by
// mistake is not echoed, and an endpoint echoing the Authorization header in an error body
// has the key redacted. Regression suites follow the one name rule (core/curation/names.h).
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>

#include "common/loopback_http_server.h"
#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/eval/api_key.h"
#include "core/eval/api_key_redaction.h"
#include "core/eval/openai_client.h"
#include "core/eval/regression_suite.h"
#include "core/project/project_file.h"

namespace tb {
namespace {

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

EnvironmentLookup empty_environment() {
    return [](const std::string&) { return std::optional<std::string>(); };
}

TEST(Secrets, VariableNamesThatMayBeKeys) {
    for (const char* name : {"OPENAI_API_KEY", "TUNEBENCH_JUDGE_API_KEY", "my_key", "KEY2", "_X"})
        EXPECT_FALSE(may_be_api_key(name)) << name;
    for (const char* name : {"sk-proj-abc", "sk-ant-api03-abc", "hf_AbCdEf1234567890xyz",
                             "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", "0123abcd", "key with space"})
        EXPECT_TRUE(may_be_api_key(name)) << name;
}

TEST(Secrets, AKeyGivenAsTheVariableNameIsNotEchoed) {
    const std::string key = "sk-proj-Zq3xT9bV1mN8kL2pR7wY4cH6";
    const auto message = error_of([&] {
        resolve_api_key({"https://api.example.com/v1", key, false}, nullptr, empty_environment());
    });
    EXPECT_NE(message.find("looks like an API key itself"), std::string::npos) << message;
    EXPECT_EQ(message.find(key), std::string::npos) << message;
    EXPECT_EQ(message.find("Zq3xT9"), std::string::npos) << message;
    // An ordinary name is still named, so a typo can be seen.
    EXPECT_NE(error_of([&] {
                  resolve_api_key({"https://api.example.com/v1", "OPENAI_KEY", false}, nullptr, empty_environment());
              }).find("the API key variable OPENAI_KEY is not set"),
              std::string::npos);
}

TEST(Secrets, RedactsTheKeyAndBearerTokens) {
    EXPECT_EQ(redact_api_key(R"({"error": "bad key sk-abc123 in Authorization: Bearer sk-abc123"})", "sk-abc123"),
              R"({"error": "bad key [redacted] in Authorization: Bearer [redacted]"})");
    EXPECT_EQ(redact_api_key(R"({"headers": {"authorization": "Bearer other-token"}})", "sk-abc123"),
              R"({"headers": {"authorization": "Bearer [redacted]"}})");
    EXPECT_EQ(redact_api_key("no secret here", ""), "no secret here");
}

class EchoingEndpoint : public ::testing::Test {
protected:
    void SetUp() override { ::setenv("TB_SECRETS_TEST_KEY", key_.c_str(), 1); }
    void TearDown() override { ::unsetenv("TB_SECRETS_TEST_KEY"); }
    // A client of a server that answers `status` with the whole request (headers included)
    // as its body, as some proxies' error pages do.
    std::string error_from_echo(int status) {
        tbtest::LoopbackHttpServer server([status](const std::string& request) {
            return tbtest::LoopbackHttpServer::Reply{status, "{\"echo\": \"" + request.substr(0, 2000) + "\"}"};
        });
        OpenAiClientOptions options;
        options.base_url = server.url();
        options.api_key_env = "TB_SECRETS_TEST_KEY";
        options.max_retries = 0;
        options.timeout_ms = 2000;
        OpenAiClient client(options);
        return error_of([&] { client.chat({Message{"user", "hi", "", nullptr, "", std::nullopt}}); });
    }
    // Long enough that the 300-byte snippet of the body would include it.
    const std::string key_ = "sk-secret-0123456789abcdef";
};

TEST_F(EchoingEndpoint, AnErrorBodyEchoingAuthorizationIsRedacted) {
    for (int status : {400, 401, 500, 200}) {  // 200: a body that is not a chat completion
        const auto message = error_from_echo(status);
        EXPECT_NE(message.find("[redacted]"), std::string::npos) << status << ": " << message;
        EXPECT_EQ(message.find(key_), std::string::npos) << status << ": " << message;
        EXPECT_EQ(message.find("sk-secret"), std::string::npos) << status << ": " << message;
    }
}

TEST(SuiteNames, FollowTheOneNameRule) {
    tbtest::TempDir dir("tb_suite_names_");
    auto project = ProjectFile::create(dir.file("p.tunebench"));
    RegressionSuite suite;
    suite.include_general = true;
    suite.name = "night\nly";
    EXPECT_EQ(error_of([&] { save_regression_suite(project, suite); }),
              "regression suite name 'night?ly' contains a control character (a newline, a tab, ...)");
    suite.name = std::string(100 * 1024, 's');
    EXPECT_EQ(
        error_of([&] { save_regression_suite(project, suite); }),
        "regression suite name '" + std::string(40, 's') + "...' is 102400 bytes long: names are limited to 200 bytes");
    EXPECT_TRUE(list_regression_suites(project).empty());
    suite.name = "nightly";
    EXPECT_EQ(error_of([&] { save_regression_suite(project, suite); }), "(no error)");
}

}  // namespace
}  // namespace tb
