#include "core/eval/judge.h"

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/curation/golden_sets.h"
#include "core/eval/eval_store.h"
#include "core/eval/judge_cache.h"
#include "core/eval/judge_prompts.h"
#include "core/eval/judge_validation.h"
#include "core/eval/openai_client.h"
#include "core/eval/scorers.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"

namespace tb {
namespace {

OpenAiClientOptions client_options(const JudgeConfig& config) {
    OpenAiClientOptions o;
    o.base_url = config.base_url;
    o.model = config.model;
    o.api_key_env = config.api_key_env;
    // The default variable unset: a local judge server without a key (a remote API then
    // answers 401, which names the problem). A variable the user named must be set.
    if (o.api_key_env == JudgeConfig{}.api_key_env && !std::getenv(o.api_key_env.c_str())) o.api_key_env.clear();
    o.temperature = 0.0;
    o.timeout_ms = static_cast<int>(config.timeout_s * 1000.0);
    o.connect_timeout_ms = std::min(o.timeout_ms, 10000);
    o.max_retries = config.http_retries;
    o.initial_backoff_ms = config.initial_backoff_ms;
    return o;
}

std::int64_t usage_count(const nlohmann::json& usage, const char* key) {
    if (!usage.is_object()) return 0;
    auto it = usage.find(key);
    return it != usage.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

// Fills `verdict` from a reply; false when the reply is malformed.
bool read_reply(JudgeTaskKind kind, const std::string& reply, JudgeVerdict& verdict) {
    if (kind == JudgeTaskKind::single) {
        auto v = parse_single_verdict(reply);
        if (!v) return false;
        verdict.score = v->pass ? 1.0 : 0.0;
        verdict.reason = v->reason;
    } else {
        auto v = parse_pairwise_verdict(reply);
        if (!v) return false;
        verdict.preference = v->preference;
        verdict.reason = v->reason;
    }
    verdict.scorable = true;
    return true;
}

struct WorkerResult {
    std::size_t index = 0;
    JudgeVerdict verdict;
    std::string response;                                             // the reply that parsed (cached)
    std::int64_t prompt_tokens = 0, completion_tokens = 0;            // every request for this task
    std::int64_t last_prompt_tokens = 0, last_completion_tokens = 0;  // the reply that parsed
};

// One task over HTTP: malformed replies are asked again with a correction, up to max_attempts.
WorkerResult judge_one(const OpenAiClient& client, const JudgeConfig& config, const JudgeTask& task) {
    WorkerResult r;
    std::vector<Message> prompt = task.prompt;
    for (int attempt = 1; attempt <= std::max(1, config.max_attempts); ++attempt) {
        ChatResponse reply;
        try {
            reply = client.chat(prompt);
        } catch (const std::exception& e) {
            // The client already retried transient failures; what is left (a refused request,
            // a body that cannot be sent) will not pass by asking again. Nothing may escape a
            // worker thread.
            r.verdict.attempts = attempt;
            r.verdict.error = e.what();
            return r;
        }
        r.verdict.attempts = attempt;
        r.last_prompt_tokens = usage_count(reply.usage, "prompt_tokens");
        r.last_completion_tokens = usage_count(reply.usage, "completion_tokens");
        r.prompt_tokens += r.last_prompt_tokens;
        r.completion_tokens += r.last_completion_tokens;
        if (read_reply(task.kind, reply.content, r.verdict)) {
            r.response = reply.content;
            return r;
        }
        r.verdict.error =
            "malformed judge reply after " + std::to_string(attempt) + " attempt(s): " + reply.content.substr(0, 200);
        prompt = with_correction(task.prompt, reply.content, task.kind == JudgeTaskKind::pairwise);
    }
    return r;
}

}  // namespace

std::string judge_scorer_name(const JudgeConfig& config) { return "judge:" + config.model; }

std::string judge_metric_name(const JudgeConfig& config, const std::string& what) {
    return judge_scorer_name(config) + "/" + what;
}

namespace {

// Adds this judge run's spend to the run's metrics (inside the caller's transaction).
void add_judge_metrics(ProjectFile& project, std::int64_t run_id, const JudgeConfig& config,
                       const JudgeBatchStats& stats) {
    add_to_run_metrics(project, run_id, 0,
                       {{judge_metric_name(config, "prompt_tokens"), static_cast<double>(stats.prompt_tokens)},
                        {judge_metric_name(config, "completion_tokens"), static_cast<double>(stats.completion_tokens)},
                        {judge_metric_name(config, "requests"), static_cast<double>(stats.requests)},
                        {judge_metric_name(config, "cost"), stats.cost}});
}

}  // namespace

std::vector<JudgeVerdict> run_judge_tasks(ProjectFile& project, const JudgeConfig& config,
                                          const std::vector<JudgeTask>& tasks, JudgeBatchStats* stats_out,
                                          const JobContext& ctx) {
    if (config.base_url.empty()) throw Error("judge: no base URL given (--judge-url)");
    if (config.model.empty()) throw Error("judge: no judge model given (--judge-model)");
    if (config.concurrency < 1) throw Error("judge: concurrency must be at least 1");
    JudgeBatchStats stats;
    std::vector<JudgeVerdict> verdicts(tasks.size());
    std::vector<std::string> keys(tasks.size());
    // Identical prompts in one batch are asked once: the others copy the first's verdict.
    std::map<std::string, std::size_t> first_with_key;
    std::vector<std::size_t> pending;
    std::vector<std::pair<std::size_t, std::size_t>> copies;  // (task, the task it copies)
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        keys[i] = judge_cache_key(config.model, tasks[i].prompt);
        auto [it, inserted] = first_with_key.emplace(keys[i], i);
        if (!inserted) {
            copies.emplace_back(i, it->second);
            continue;
        }
        if (auto cached = judge_cache_get(project, keys[i])) {
            JudgeVerdict v;
            if (read_reply(tasks[i].kind, cached->response, v)) {
                v.cached = true;
                verdicts[i] = std::move(v);
                ++stats.cached;
                continue;
            }
        }
        pending.push_back(i);
    }
    const std::int64_t total = static_cast<std::int64_t>(tasks.size());
    std::int64_t done = total - static_cast<std::int64_t>(pending.size());
    ctx.report(done, total, "judging");

    if (!pending.empty()) {
        const OpenAiClient client(client_options(config));
        std::atomic<std::size_t> next{0};
        std::atomic<bool> stop{false};
        std::mutex mutex;
        std::condition_variable ready;
        std::deque<WorkerResult> results;
        const std::size_t workers = std::min<std::size_t>(static_cast<std::size_t>(config.concurrency), pending.size());
        std::vector<std::thread> threads;
        threads.reserve(workers);
        for (std::size_t w = 0; w < workers; ++w) {
            threads.emplace_back([&] {
                while (!stop.load()) {
                    const std::size_t n = next.fetch_add(1);
                    if (n >= pending.size()) break;
                    WorkerResult r = judge_one(client, config, tasks[pending[n]]);
                    r.index = pending[n];
                    std::lock_guard lock(mutex);
                    results.push_back(std::move(r));
                    ready.notify_one();
                }
            });
        }
        // The calling thread owns the project: it stores replies in the cache as they come,
        // so a cancelled or crashed run keeps what it already paid for.
        std::size_t received = 0;
        bool cancelled = false;
        while (received < pending.size()) {
            std::deque<WorkerResult> batch;
            {
                std::unique_lock lock(mutex);
                ready.wait_for(lock, std::chrono::milliseconds(200), [&] { return !results.empty(); });
                batch.swap(results);
            }
            for (auto& r : batch) {
                ++received;
                stats.requests += r.verdict.attempts;
                stats.prompt_tokens += r.prompt_tokens;
                stats.completion_tokens += r.completion_tokens;
                if (r.verdict.scorable) {
                    judge_cache_put(project, keys[r.index], config.model,
                                    CachedJudgeReply{r.response, r.last_prompt_tokens, r.last_completion_tokens});
                } else if (stats.first_error.empty()) {
                    stats.first_error = r.verdict.error;
                }
                verdicts[r.index] = std::move(r.verdict);
                ctx.report(++done, total, "judging");
            }
            if (ctx.cancel && ctx.cancel->cancelled()) {
                cancelled = true;
                stop = true;
                break;
            }
        }
        stop = true;
        for (auto& t : threads) t.join();
        if (cancelled) throw Cancelled();
    }
    for (auto [i, from] : copies) {
        verdicts[i] = verdicts[from];
        verdicts[i].attempts = 0;
        verdicts[i].cached = true;
    }
    for (const auto& v : verdicts)
        if (!v.scorable) ++stats.unscorable;
    stats.cost = static_cast<double>(stats.prompt_tokens) / 1000.0 * config.price_per_1k_prompt +
                 static_cast<double>(stats.completion_tokens) / 1000.0 * config.price_per_1k_completion;
    if (stats_out) *stats_out = stats;
    return verdicts;
}

PairwiseResult combine_pairwise(const JudgeVerdict& a_first, const JudgeVerdict& b_first) {
    PairwiseResult r;
    r.scorable = a_first.scorable && b_first.scorable;
    if (!r.scorable) return r;
    r.first_order = a_first.preference;  // A shown first: positions are argument names
    // B shown first: the first position ('A') holds answer B.
    r.second_order = b_first.preference == 'A' ? 'B' : b_first.preference == 'B' ? 'A' : 'T';
    r.preference = r.first_order == r.second_order ? r.first_order : 'T';
    return r;
}

JudgeRunSummary judge_eval_run(ProjectFile& project, std::int64_t run_id, const JudgeConfig& config,
                               const JobContext& ctx) {
    const nlohmann::json run_config = require_run(project, run_id, RunKind::Eval).config;
    ScoreOptions score_options;
    if (run_config.is_object() && run_config.contains("pass_threshold") && run_config["pass_threshold"].is_number())
        score_options.pass_threshold = run_config["pass_threshold"].get<double>();

    struct Output {
        std::int64_t id;
        std::int64_t item_id;
        std::string text;
    };
    std::vector<Output> outputs;
    {
        auto s = project.prepare(
            "SELECT id, golden_item_id, output FROM eval_outputs WHERE run_id = ? AND golden_item_id IS NOT NULL "
            "ORDER BY id");
        s.bind(1, run_id);
        while (s.step()) outputs.push_back({s.column_int64(0), s.column_int64(1), s.column_text(2)});
    }
    std::map<std::int64_t, GoldenItem> items;
    std::set<std::int64_t> set_ids;
    for (const auto& o : outputs) {
        if (items.count(o.item_id)) continue;
        if (auto item = get_golden_item(project, o.item_id)) {
            set_ids.insert(item->set_id);
            items.emplace(o.item_id, std::move(*item));
        }
    }

    // One task per (output, judge criterion).
    struct Slot {
        std::size_t output;
        std::size_t criterion;  // index into the rubric
    };
    std::vector<JudgeTask> tasks;
    std::vector<Slot> slots;
    for (std::size_t o = 0; o < outputs.size(); ++o) {
        auto it = items.find(outputs[o].item_id);
        if (it == items.end()) continue;
        const auto& item = it->second;
        for (std::size_t c = 0; c < item.rubric.criteria.size(); ++c) {
            const auto& criterion = item.rubric.criteria[c];
            if (criterion.kind != CriterionKind::judge) continue;
            tasks.push_back({JudgeTaskKind::single,
                             single_answer_prompt(item.messages, item.reference, criterion.pass, outputs[o].text)});
            slots.push_back({o, c});
        }
    }

    JudgeRunSummary summary;
    std::vector<std::string> keys;
    summary.validated = !set_ids.empty();
    for (auto set_id : set_ids) {
        keys.push_back(judge_config_key(config, rubric_version(project, set_id)));
        summary.validated = summary.validated && is_judge_validated(project, config, set_id);
    }
    for (std::size_t i = 0; i < keys.size(); ++i) summary.config_key += (i ? "," : "") + keys[i];
    if (tasks.empty()) return summary;

    JudgeBatchStats stats;
    const auto verdicts = run_judge_tasks(project, config, tasks, &stats, ctx);
    summary.requests = stats.requests;
    summary.cached = stats.cached;
    summary.prompt_tokens = stats.prompt_tokens;
    summary.completion_tokens = stats.completion_tokens;
    summary.cost = stats.cost;
    summary.first_error = stats.first_error;
    summary.unscorable = stats.unscorable;
    summary.judged = static_cast<std::int64_t>(verdicts.size()) - stats.unscorable;

    const std::string scorer = judge_scorer_name(config);
    std::map<std::size_t, std::vector<std::size_t>> by_output;  // output -> task indexes
    for (std::size_t t = 0; t < slots.size(); ++t) by_output[slots[t].output].push_back(t);

    project.transaction([&] {
        auto upsert = project.prepare(
            "INSERT OR REPLACE INTO eval_scores(output_id, criterion, score, scorer, detail, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        auto automatic = project.prepare(
            "SELECT criterion, score, detail FROM eval_scores WHERE output_id = ? AND criterion <> ? "
            "AND scorer NOT LIKE 'judge:%' AND scorer NOT LIKE 'human:%' ORDER BY id");
        auto stale = project.prepare("DELETE FROM eval_scores WHERE output_id = ? AND criterion = ? AND scorer = ?");
        const std::string now = utc_now_iso8601();
        for (const auto& [o, task_indexes] : by_output) {
            const auto& output = outputs[o];
            const auto& item = items.at(output.item_id);
            std::map<std::string, CriterionScore> criteria;  // by name: a re-scored row replaces
            automatic.reset();
            automatic.bind(1, output.id).bind(2, kItemCriterion);
            while (automatic.step()) {
                CriterionScore c;
                c.name = automatic.column_text(0);
                c.score = automatic.column_double(1);
                auto detail = nlohmann::json::parse(automatic.column_text(2), nullptr, false);
                if (detail.is_object()) {
                    c.weight = detail.value("weight", 1.0);
                    c.critical = detail.value("critical", false);
                    c.detail = detail.value("detail", std::string());
                }
                criteria[c.name] = c;
            }
            std::int64_t unscorable = 0;
            for (auto t : task_indexes) {
                const auto& criterion = item.rubric.criteria[slots[t].criterion];
                const auto& v = verdicts[t];
                CriterionScore c;
                c.name = criterion_name(criterion, slots[t].criterion + 1);
                c.kind = CriterionKind::judge;
                c.weight = criterion.weight;
                c.critical = criterion.critical;
                if (v.scorable) {
                    c.score = v.score;
                    c.detail = v.reason;
                    nlohmann::json detail{{"weight", c.weight},
                                          {"critical", c.critical},
                                          {"detail", v.reason},
                                          {"judge_config", summary.config_key},
                                          {"validated", summary.validated}};
                    upsert.reset();
                    upsert.bind(1, output.id).bind(2, c.name).bind(3, v.score).bind(4, scorer).bind(5, detail.dump());
                    upsert.bind(6, now);
                    upsert.run();
                } else {
                    // A verdict from an earlier judge run of another prompt must not linger as this one's.
                    stale.reset();
                    stale.bind(1, output.id).bind(2, c.name).bind(3, scorer);
                    stale.run();
                    ++unscorable;
                    c.detail = "unscorable: " + v.error;
                }
                criteria[c.name] = c;
            }
            std::vector<CriterionScore> list;
            for (auto& [name, c] : criteria) list.push_back(std::move(c));
            const ItemScore combined = combine_scores(std::move(list), score_options);
            nlohmann::json detail{{"passed", combined.passed},           {"critical_failed", combined.critical_failed},
                                  {"needs_judge", combined.needs_judge}, {"unscorable", unscorable},
                                  {"judge_config", summary.config_key},  {"validated", summary.validated}};
            upsert.reset();
            upsert.bind(1, output.id).bind(2, kItemCriterion).bind(3, combined.score).bind(4, scorer);
            upsert.bind(5, detail.dump()).bind(6, now);
            upsert.run();
            ++summary.outputs;
        }
        add_judge_metrics(project, run_id, config, stats);
    });
    return summary;
}

PairwiseRunSummary judge_pairwise_runs(ProjectFile& project, std::int64_t run_a, std::int64_t run_b,
                                       const JudgeConfig& config, const JobContext& ctx) {
    if (run_a == run_b) throw Error("a pairwise comparison needs two different runs");
    struct First {
        std::int64_t id;
        std::string text;
    };
    auto first_outputs = [&](std::int64_t run) {
        require_run(project, run, RunKind::Eval);
        std::map<std::int64_t, First> out;  // golden item -> its first output
        auto s = project.prepare(
            "SELECT id, golden_item_id, output FROM eval_outputs WHERE run_id = ? AND golden_item_id IS NOT NULL "
            "ORDER BY id");
        s.bind(1, run);
        while (s.step()) out.emplace(s.column_int64(1), First{s.column_int64(0), s.column_text(2)});
        return out;
    };
    const auto outputs_a = first_outputs(run_a);
    const auto outputs_b = first_outputs(run_b);
    struct Pair {
        const First* a;
        const First* b;
    };
    std::vector<Pair> pairs;
    std::vector<JudgeTask> tasks;
    for (const auto& [item_id, a] : outputs_a) {
        auto b = outputs_b.find(item_id);
        if (b == outputs_b.end()) continue;
        auto item = get_golden_item(project, item_id);
        if (!item) continue;
        // The rubric's judge criteria say what matters; without any, overall quality.
        std::string criterion;
        for (const auto& c : item->rubric.criteria)
            if (c.kind == CriterionKind::judge) criterion += (criterion.empty() ? "" : "; ") + c.pass;
        tasks.push_back({JudgeTaskKind::pairwise,
                         pairwise_prompt(item->messages, item->reference, criterion, a.text, b->second.text)});
        tasks.push_back({JudgeTaskKind::pairwise,
                         pairwise_prompt(item->messages, item->reference, criterion, b->second.text, a.text)});
        pairs.push_back({&a, &b->second});
    }
    PairwiseRunSummary summary;
    JudgeBatchStats stats;
    const auto verdicts = run_judge_tasks(project, config, tasks, &stats, ctx);
    summary.requests = stats.requests;
    summary.cached = stats.cached;
    summary.prompt_tokens = stats.prompt_tokens;
    summary.completion_tokens = stats.completion_tokens;
    summary.cost = stats.cost;
    summary.first_error = stats.first_error;
    const std::string grader = judge_scorer_name(config);
    project.transaction([&] {
        auto insert = project.prepare(
            "INSERT INTO pairwise_grades(output_a, output_b, grader, left_output, preference, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        const std::string now = utc_now_iso8601();
        auto store = [&](const Pair& p, std::int64_t left, char preference) {
            insert.reset();
            insert.bind(1, p.a->id).bind(2, p.b->id).bind(3, grader).bind(4, left);
            insert.bind(5, preference == 'A' ? "a" : preference == 'B' ? "b" : "tie").bind(6, now);
            insert.run();
        };
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            const auto r = combine_pairwise(verdicts[2 * i], verdicts[2 * i + 1]);
            if (!r.scorable) {
                ++summary.unscorable;
                continue;
            }
            ++summary.pairs;
            store(pairs[i], pairs[i].a->id, r.first_order);
            store(pairs[i], pairs[i].b->id, r.second_order);
            if (!r.consistent()) ++summary.inconsistent;
            if (r.preference == 'A')
                ++summary.a_wins;
            else if (r.preference == 'B')
                ++summary.b_wins;
            else
                ++summary.ties;
        }
    });
    return summary;
}

}  // namespace tb
