#pragma once
// An HTTP server on 127.0.0.1 (an ephemeral port) for tests of HTTP clients: one request at a
// time, each answered by `respond(raw request)` and closed; every raw request (headers and
// body) is kept for the test to inspect. A reply may be delayed (to make a client time out):
// it is then sent from a thread of its own, so the next connection (the client's retry) is
// answered meanwhile.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace tbtest {

// A listening socket on 127.0.0.1 at an ephemeral port (written to `port`).
inline int listen_on_loopback(int backlog, int& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, backlog) != 0) {
        ::close(fd);
        throw std::runtime_error("test server: bind/listen on 127.0.0.1 failed");
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
    return fd;
}

// One HTTP request from a connected socket: the headers, then as many body bytes as
// Content-Length says (the header name in any case).
inline std::string read_http_request(int client) {
    std::string data;
    char buffer[8192];
    std::size_t needed = std::string::npos;
    for (;;) {
        auto header_end = data.find("\r\n\r\n");
        if (header_end != std::string::npos && needed == std::string::npos) {
            std::string lower = data.substr(0, header_end);
            std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
            auto pos = lower.find("content-length: ");
            needed = (pos == std::string::npos ? 0 : std::stoul(lower.substr(pos + 16))) + header_end + 4;
        }
        if (needed != std::string::npos && data.size() >= needed) break;
        auto got = ::recv(client, buffer, sizeof buffer, 0);
        if (got <= 0) break;
        data.append(buffer, static_cast<std::size_t>(got));
    }
    return data;
}

// A whole HTTP/1.1 response with a JSON body, closing the connection.
inline std::string http_json_response(int status, const std::string& body) {
    return "HTTP/1.1 " + std::to_string(status) +
           " X\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

inline void send_and_close(int client, const std::string& response) {
    (void)!::send(client, response.data(), response.size(), MSG_NOSIGNAL);
    ::close(client);
}

class LoopbackHttpServer {
public:
    struct Reply {
        int status = 200;
        std::string body;  // sent as application/json
        int delay_ms = 0;  // > 0: wait that long before sending (the client may give up first)
    };
    using Responder = std::function<Reply(const std::string& request)>;

    explicit LoopbackHttpServer(Responder respond) : respond_(std::move(respond)) {
        fd_ = listen_on_loopback(8, port_);
        thread_ = std::thread([this] { serve(); });
    }
    ~LoopbackHttpServer() {
        ::shutdown(fd_, SHUT_RDWR);
        ::close(fd_);
        thread_.join();
        for (auto& sender : delayed_senders_) sender.join();
    }
    LoopbackHttpServer(const LoopbackHttpServer&) = delete;
    LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
    std::vector<std::string> requests() {
        std::lock_guard lock(mutex_);
        return requests_;
    }

    // The JSON body of a raw request ("" when it has none).
    static std::string body_of(const std::string& request) {
        auto at = request.find("\r\n\r\n");
        return at == std::string::npos ? "" : request.substr(at + 4);
    }

private:
    void serve() {
        for (;;) {
            int client = ::accept(fd_, nullptr, nullptr);
            if (client < 0) break;
            const std::string request = read_http_request(client);
            {
                std::lock_guard lock(mutex_);
                requests_.push_back(request);
            }
            const Reply reply = respond_(request);
            if (reply.delay_ms > 0) {
                delayed_senders_.emplace_back([client, reply] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(reply.delay_ms));
                    send_and_close(client, http_json_response(reply.status, reply.body));
                });
            } else {
                send_and_close(client, http_json_response(reply.status, reply.body));
            }
        }
    }
    Responder respond_;
    int fd_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::vector<std::thread> delayed_senders_;  // touched by the serving thread only, joined after it
    std::mutex mutex_;
    std::vector<std::string> requests_;
};

}  // namespace tbtest
