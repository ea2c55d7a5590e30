#include "core/eval/openai_client.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/common/error.h"

namespace tb {
namespace {

// A scripted HTTP/1.1 server on 127.0.0.1: the n-th connection gets the n-th reply (the
// last one repeats). A reply with delay_ms > 0 waits that long before answering, to make
// the client time out. Requests are recorded for the test to inspect.
class ScriptedServer {
public:
    struct Reply {
        int status = 200;
        std::string body;
        int delay_ms = 0;
    };

    explicit ScriptedServer(std::vector<Reply> replies) : replies_(std::move(replies)) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd_, 8) != 0)
            throw std::runtime_error("test server: bind/listen failed");
        socklen_t len = sizeof addr;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~ScriptedServer() {
        stop_ = true;
        ::shutdown(fd_, SHUT_RDWR);
        ::close(fd_);
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
    std::vector<std::string> requests() {
        std::lock_guard lock(mutex_);
        return requests_;
    }

private:
    // One thread per connection, so a delayed reply does not hold up the client's retry.
    void serve() {
        std::size_t n = 0;
        while (!stop_) {
            int client = ::accept(fd_, nullptr, nullptr);
            if (client < 0) break;
            const Reply reply = replies_[std::min(n++, replies_.size() - 1)];
            workers_.emplace_back([this, client, reply] { answer(client, reply); });
        }
        for (auto& w : workers_) w.join();
    }
    void answer(int client, const Reply& reply) {
        std::string request = read_request(client);
        {
            std::lock_guard lock(mutex_);
            requests_.push_back(request);
        }
        if (reply.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(reply.delay_ms));
        std::string response = "HTTP/1.1 " + std::to_string(reply.status) +
                               " X\r\nContent-Type: application/json\r\n"
                               "Content-Length: " +
                               std::to_string(reply.body.size()) + "\r\nConnection: close\r\n\r\n" + reply.body;
        (void)!::send(client, response.data(), response.size(), MSG_NOSIGNAL);
        ::close(client);
    }
    static std::string read_request(int client) {
        std::string data;
        char buffer[4096];
        std::size_t body_needed = std::string::npos;
        for (;;) {
            auto header_end = data.find("\r\n\r\n");
            if (header_end != std::string::npos && body_needed == std::string::npos) {
                auto pos = data.find("Content-Length: ");
                body_needed = pos == std::string::npos ? 0 : std::stoul(data.substr(pos + 16));
                body_needed += header_end + 4;
            }
            if (body_needed != std::string::npos && data.size() >= body_needed) break;
            auto got = ::recv(client, buffer, sizeof buffer, 0);
            if (got <= 0) break;
            data.append(buffer, static_cast<std::size_t>(got));
        }
        return data;
    }

    std::vector<Reply> replies_;
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::vector<std::string> requests_;
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
    auto body = nlohmann::json::parse(requests[0].substr(requests[0].find("\r\n\r\n") + 4));
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
