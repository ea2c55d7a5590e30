#include "core/eval/openai_client.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/loopback_http_server.h"
#include "core/common/error.h"

namespace tb {
namespace {

using Reply = tbtest::LoopbackHttpServer::Reply;

// The n-th request gets the n-th reply (the last one repeats); a reply with delay_ms > 0
// makes the client time out.
class ScriptedServer : public tbtest::LoopbackHttpServer {
public:
    explicit ScriptedServer(std::vector<Reply> replies)
        : LoopbackHttpServer([replies = std::move(replies), next = std::size_t{0}](const std::string&) mutable {
              return replies[std::min(next++, replies.size() - 1)];
          }) {}
};

const std::string kOk =
    R"({"choices": [{"message": {"role": "assistant", "content": "Paris"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 5, "completion_tokens": 1}})";

OpenAiClientOptions fast_options(const std::string& url) {
    OpenAiClientOptions o;
    o.base_url = url + "/";
    o.model = "tiny";
    o.api_key_env = "TB_TEST_OPENAI_KEY";
    o.timeout_ms = 2000;
    o.max_retries = 3;
    o.initial_backoff_ms = 10;
    o.max_backoff_ms = 40;
    return o;
}

std::vector<Message> question() { return {Message{"user", "Capital of France?", "", nullptr, "", std::nullopt}}; }

class OpenAiClientTest : public ::testing::Test {
protected:
    void SetUp() override { ::setenv("TB_TEST_OPENAI_KEY", "sk-test-123", 1); }
    void TearDown() override { ::unsetenv("TB_TEST_OPENAI_KEY"); }
};

TEST_F(OpenAiClientTest, SendsTheRequestAndParsesTheAnswer) {
    ScriptedServer server({{200, kOk}});
    OpenAiClient client(fast_options(server.url()));
    auto r = client.chat(question());
    EXPECT_EQ(r.content, "Paris");
    EXPECT_EQ(r.finish_reason, "stop");
    EXPECT_EQ(r.usage["completion_tokens"], 1);
    EXPECT_EQ(r.attempts, 1);
    auto requests = server.requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].rfind("POST /v1/chat/completions ", 0), 0u) << requests[0];
    EXPECT_NE(requests[0].find("Authorization: Bearer sk-test-123"), std::string::npos);
    auto body = nlohmann::json::parse(ScriptedServer::body_of(requests[0]));
    EXPECT_EQ(body["model"], "tiny");
    EXPECT_EQ(body["temperature"], 0.0);
    EXPECT_EQ(body["messages"][0]["content"], "Capital of France?");
}

TEST_F(OpenAiClientTest, RetriesA429ThenSucceeds) {
    ScriptedServer server({{429, R"({"error": "slow down"})"}, {503, "busy"}, {200, kOk}});
    auto r = OpenAiClient(fast_options(server.url())).chat(question());
    EXPECT_EQ(r.content, "Paris");
    EXPECT_EQ(r.attempts, 3);
    EXPECT_EQ(server.requests().size(), 3u);
}

TEST_F(OpenAiClientTest, GivesUpAfterTheRetries) {
    ScriptedServer server({{500, "down"}});
    try {
        OpenAiClient(fast_options(server.url())).chat(question());
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("HTTP 500 (after 4 attempts)"), std::string::npos) << e.what();
    }
    EXPECT_EQ(server.requests().size(), 4u);  // 1 + 3 retries
}

TEST_F(OpenAiClientTest, ClientErrorsAreNotRetried) {
    ScriptedServer server({{401, R"({"error": "bad key"})"}});
    EXPECT_THROW(OpenAiClient(fast_options(server.url())).chat(question()), Error);
    EXPECT_EQ(server.requests().size(), 1u);
}

TEST_F(OpenAiClientTest, MalformedBodyIsAnError) {
    const std::vector<std::string> bodies{"not json", R"({"choices": []})", R"({"choices": [{"message": {}}]})"};
    for (const auto& body : bodies) {
        ScriptedServer server({{200, body}});
        EXPECT_THROW(OpenAiClient(fast_options(server.url())).chat(question()), Error) << body;
        EXPECT_EQ(server.requests().size(), 1u) << body;
    }
}

TEST_F(OpenAiClientTest, TimeoutIsRetriedThenReported) {
    ScriptedServer server({{200, kOk, 1500}, {200, kOk}});
    auto options = fast_options(server.url());
    options.timeout_ms = 300;
    auto r = OpenAiClient(options).chat(question());  // first attempt times out, second answers
    EXPECT_EQ(r.attempts, 2);

    ScriptedServer slow({{200, kOk, 800}});
    options = fast_options(slow.url());
    options.timeout_ms = 200;
    options.max_retries = 0;
    try {
        OpenAiClient(options).chat(question());
        FAIL() << "expected a timeout";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("failed"), std::string::npos) << e.what();
    }
}

TEST_F(OpenAiClientTest, MissingKeyVariableIsAnErrorAndEmptyNameSendsNoKey) {
    ScriptedServer server({{200, kOk}});
    auto options = fast_options(server.url());
    options.api_key_env = "TB_TEST_NO_SUCH_VARIABLE";
    EXPECT_THROW(OpenAiClient(options).chat(question()), Error);
    EXPECT_TRUE(server.requests().empty());
    options.api_key_env = "";
    EXPECT_EQ(OpenAiClient(options).chat(question()).content, "Paris");
    EXPECT_EQ(server.requests().at(0).find("Authorization"), std::string::npos);
}

}  // namespace
}  // namespace tb
