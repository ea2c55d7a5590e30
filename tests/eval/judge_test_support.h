#pragma once
// Shared by the judge tests: a scripted OpenAI-compatible judge on 127.0.0.1 whose reply is
// computed from each request by the test's handler, counting requests and the most
// connections open at once (a connection per thread, unlike LoopbackHttpServer, whose
// socket helpers it uses); and a project with a golden set whose items carry judge criteria.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/loopback_http_server.h"
#include "common/temp_dir.h"
#include "core/curation/golden_sets.h"
#include "core/eval/eval_store.h"
#include "core/eval/judge.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"

namespace tbtest {

struct JudgeReply {
    int status = 200;
    std::string body;
    int delay_ms = 0;
};

// An OpenAI chat completion body whose message content is `content`.
inline std::string completion(const std::string& content, int prompt_tokens = 100, int completion_tokens = 10) {
    nlohmann::json j{
        {"choices", {{{"message", {{"role", "assistant"}, {"content", content}}}, {"finish_reason", "stop"}}}},
        {"usage", {{"prompt_tokens", prompt_tokens}, {"completion_tokens", completion_tokens}}}};
    return j.dump();
}
inline std::string verdict(bool pass) {
    return completion(std::string(R"({"verdict": ")") + (pass ? "pass" : "fail") + R"(", "reason": "r"})");
}

// The last message's content, the text between two markers of it, and the request number.
struct JudgeRequest {
    nlohmann::json body;
    std::size_t number = 0;  // 0-based, in arrival order
    std::string last_content() const { return body["messages"].back()["content"].get<std::string>(); }
    std::string between(const std::string& open, const std::string& close) const {
        for (auto it = body["messages"].rbegin(); it != body["messages"].rend(); ++it) {
            const std::string text = (*it)["content"].get<std::string>();
            auto a = text.find(open);
            if (a == std::string::npos) continue;
            auto b = text.find(close, a + open.size());
            return text.substr(a + open.size(), b == std::string::npos ? std::string::npos : b - a - open.size());
        }
        return "";
    }
    std::string answer() const {
        std::string a = between("<answer>\n", "\n</answer>");
        return a;
    }
    bool is_pairwise() const { return last_content().find("<answer_a>") != std::string::npos; }
    std::string answer_a() const { return between("<answer_a>\n", "\n</answer_a>"); }
    std::string answer_b() const { return between("<answer_b>\n", "\n</answer_b>"); }
};

class ScriptedJudge {
public:
    using Handler = std::function<JudgeReply(const JudgeRequest&)>;

    explicit ScriptedJudge(Handler handler) : handler_(std::move(handler)) {
        fd_ = listen_on_loopback(64, port_);
        thread_ = std::thread([this] { serve(); });
    }
    ~ScriptedJudge() {
        stop_ = true;
        ::shutdown(fd_, SHUT_RDWR);
        ::close(fd_);
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }
    std::size_t requests() const { return count_.load(); }
    int max_concurrent() const { return max_active_.load(); }
    std::vector<nlohmann::json> bodies() {
        std::lock_guard lock(mutex_);
        return bodies_;
    }

private:
    void serve() {
        std::vector<std::thread> workers;
        while (!stop_) {
            int client = ::accept(fd_, nullptr, nullptr);
            if (client < 0) break;
            workers.emplace_back([this, client] { answer(client); });
        }
        for (auto& w : workers) w.join();
    }
    void answer(int client) {
        const int active = ++active_;
        int seen = max_active_.load();
        while (active > seen && !max_active_.compare_exchange_weak(seen, active)) {
        }
        JudgeRequest r;
        r.body = nlohmann::json::parse(LoopbackHttpServer::body_of(read_http_request(client)), nullptr, false);
        r.number = count_++;
        {
            std::lock_guard lock(mutex_);
            bodies_.push_back(r.body);
        }
        JudgeReply reply = r.body.is_discarded() ? JudgeReply{400, "{}"} : handler_(r);
        if (reply.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(reply.delay_ms));
        const std::string response = http_json_response(reply.status, reply.body);
        --active_;  // before the reply leaves: the client may start its next request at once
        send_and_close(client, response);
    }
    Handler handler_;
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<std::size_t> count_{0};
    std::atomic<int> active_{0}, max_active_{0};
    std::thread thread_;
    std::mutex mutex_;
    std::vector<nlohmann::json> bodies_;
};

inline tb::JudgeConfig judge_config(const std::string& url, const std::string& model = "judge-1") {
    tb::JudgeConfig c;
    c.base_url = url;
    c.model = model;
    c.api_key_env = "";  // a local server: no key
    c.timeout_s = 2;
    c.http_retries = 2;
    c.initial_backoff_ms = 5;
    c.concurrency = 2;
    return c;
}

// A project with golden set "qa": `n` items "What is N+N?" with reference "<2N>", each
// with one exact criterion and one judge criterion ("states the correct sum").
class JudgeProject {
public:
    explicit JudgeProject(int n = 4) : dir_("tb_judge_") {
        project_ = std::make_unique<tb::ProjectFile>(tb::ProjectFile::create(dir_.file("p.tunebench")));
        set_id_ = tb::create_golden_set(*project_, "qa", tb::GoldenKind::task);
        for (int i = 1; i <= n; ++i) {
            tb::GoldenItem item;
            item.set_id = set_id_;
            tb::Message m;
            m.role = "user";
            m.content = "What is " + std::to_string(i) + "+" + std::to_string(i) + "?";
            item.messages = {m};
            item.reference = std::to_string(2 * i);
            item.rubric = tb::parse_rubric(
                nlohmann::json::parse(R"([{"kind": "contains", "expected": ")" + std::to_string(2 * i) +
                                      R"("}, {"kind": "judge", "pass": "states the correct sum", "weight": 2}])"));
            item.id = tb::add_golden_item(*project_, item);
            items_.push_back(item);
        }
    }
    tb::ProjectFile& project() { return *project_; }
    std::int64_t set_id() const { return set_id_; }
    const std::vector<tb::GoldenItem>& items() const { return items_; }

    // An eval run answering item i with answers[i], scored by the automatic scorers.
    std::pair<std::int64_t, std::vector<std::int64_t>> add_run(const std::string& name,
                                                               const std::vector<std::string>& answers) {
        const auto run = tb::create_run(*project_, tb::RunKind::Eval, name, nlohmann::json::object());
        std::vector<tb::EvalOutputRecord> records;
        for (std::size_t i = 0; i < answers.size(); ++i) {
            tb::EvalOutputRecord r;
            r.golden_item_id = items_[i % items_.size()].id;
            r.output = answers[i];
            r.score = tb::score_item(items_[i % items_.size()].rubric, answers[i]);
            records.push_back(std::move(r));
        }
        auto ids = tb::store_eval_outputs(*project_, run, records);
        tb::finish_run(*project_, run, tb::RunStatus::Completed);
        return {run, ids};
    }

private:
    TempDir dir_;
    std::unique_ptr<tb::ProjectFile> project_;
    std::int64_t set_id_ = 0;
    std::vector<tb::GoldenItem> items_;
};

}  // namespace tbtest
