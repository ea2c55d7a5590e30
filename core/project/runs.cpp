#include "core/project/runs.h"

#include <algorithm>
#include <array>

#include "core/common/error.h"
#include "core/common/version.h"
#include "core/project/project_file.h"

namespace tb {
namespace {

// Each enum's stored words, in enumerator order: the one table both directions read.
constexpr std::array<std::pair<RunKind, const char*>, 2> kKinds{{{RunKind::Train, "train"}, {RunKind::Eval, "eval"}}};
constexpr std::array<std::pair<RunStatus, const char*>, 5> kStatuses{{{RunStatus::Pending, "pending"},
                                                                      {RunStatus::Running, "running"},
                                                                      {RunStatus::Completed, "completed"},
                                                                      {RunStatus::Failed, "failed"},
                                                                      {RunStatus::Cancelled, "cancelled"}}};
constexpr std::array<std::pair<RunStopReason, const char*>, 6> kStopReasons{
    {{RunStopReason::AllSteps, "all_steps"},
     {RunStopReason::EarlyStopping, "early_stopping"},
     {RunStopReason::NonFiniteLoss, "non_finite_loss"},
     {RunStopReason::NonFiniteGradNorm, "non_finite_grad_norm"},
     {RunStopReason::Error, "error"},
     {RunStopReason::Cancelled, "cancelled"}}};

template <typename Enum, std::size_t N>
const char* word_of(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [e, word] : table)
        if (e == value) return word;
    throw Error("unknown run enumerator " + std::to_string(static_cast<int>(value)));
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_word(const std::array<std::pair<Enum, const char*>, N>& table, std::string_view text) {
    for (const auto& [e, word] : table)
        if (text == word) return e;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string known_words(const std::array<std::pair<Enum, const char*>, N>& table) {
    std::string out;
    for (const auto& [e, word] : table) out += (out.empty() ? "" : ", ") + std::string(word);
    return out;
}

template <typename Enum, std::size_t N>
Enum parse_or_throw(const std::array<std::pair<Enum, const char*>, N>& table, std::string_view text, const char* what) {
    if (auto e = parse_word(table, text)) return *e;
    throw Error("unknown " + std::string(what) + " '" + std::string(text) + "' (known: " + known_words(table) + ")");
}

constexpr const char* kRunColumns =
    "SELECT id, kind, name, parent_run_id, config, status, app_version, created_at, "
    "COALESCE(started_at, ''), COALESCE(ended_at, ''), COALESCE(stop_reason, '') FROM runs";

Run read_run(const Statement& s) {
    Run run;
    run.id = s.column_int64(0);
    run.kind = run_kind_from_string(s.column_text(1));  // CHECKed: train or eval
    run.name = s.column_text(2);
    run.parent_run_id = s.column_optional_int64(3);
    // The column is CHECKed json_valid, but an older file may hold anything: never throw here.
    run.config = nlohmann::json::parse(s.column_text(4), nullptr, false);
    if (run.config.is_discarded()) run.config = nlohmann::json::object();
    run.status = run_status_from_string(s.column_text(5));  // CHECKed: one of the five
    run.app_version = s.column_text(6);
    run.created_at = s.column_text(7);
    run.started_at = s.column_text(8);
    run.ended_at = s.column_text(9);
    // Not CHECKed: a word this build does not know reads as no reason rather than hiding the run.
    run.stop_reason = parse_word(kStopReasons, s.column_text(10));
    return run;
}

void set_end(ProjectFile& project, std::int64_t run_id, RunStatus status, std::optional<RunStopReason> reason) {
    project.transaction([&] {
        auto st = project.prepare("UPDATE runs SET status = ?2, stop_reason = ?3, ended_at = ?4 WHERE id = ?1");
        st.bind(1, run_id)
            .bind(2, to_string(status))
            .bind(3, reason ? std::optional<std::string>(to_string(*reason)) : std::nullopt)
            .bind(4, utc_now_iso8601())
            .run();
    });
}

}  // namespace

const char* to_string(RunKind kind) { return word_of(kKinds, kind); }
const char* to_string(RunStatus status) { return word_of(kStatuses, status); }
const char* to_string(RunStopReason reason) { return word_of(kStopReasons, reason); }
RunKind run_kind_from_string(std::string_view text) { return parse_or_throw(kKinds, text, "run kind"); }
RunStatus run_status_from_string(std::string_view text) { return parse_or_throw(kStatuses, text, "run status"); }
RunStopReason run_stop_reason_from_string(std::string_view text) {
    return parse_or_throw(kStopReasons, text, "reason for the end of a run");
}

RunStatus status_for(RunStopReason reason) {
    switch (reason) {
        case RunStopReason::AllSteps:
        case RunStopReason::EarlyStopping:
            return RunStatus::Completed;
        case RunStopReason::Cancelled:
            return RunStatus::Cancelled;
        case RunStopReason::NonFiniteLoss:
        case RunStopReason::NonFiniteGradNorm:
        case RunStopReason::Error:
            return RunStatus::Failed;
    }
    return RunStatus::Failed;
}

std::int64_t create_run(ProjectFile& project, RunKind kind, const std::string& name, const nlohmann::json& config,
                        std::optional<std::int64_t> parent_run_id) {
    if (!config.is_object()) throw Error(std::string(to_string(kind)) + " run config must be a JSON object");
    return project.transaction([&] {
        auto st = project.prepare(
            "INSERT INTO runs(kind, name, parent_run_id, config, status, app_version, started_at) "
            "VALUES (?1, ?2, ?3, ?4, 'running', ?5, ?6) RETURNING id");
        st.bind(1, to_string(kind))
            .bind(2, name)
            .bind(3, parent_run_id)
            .bind(4, config.dump())
            .bind(5, version_string())
            .bind(6, utc_now_iso8601());
        if (!st.step()) throw Error("could not create the run row in " + project.path());
        return st.column_int64(0);
    });
}

void restart_run(ProjectFile& project, std::int64_t run_id) {
    project.transaction([&] {
        auto st =
            project.prepare("UPDATE runs SET status = 'running', stop_reason = NULL, ended_at = NULL WHERE id = ?1");
        st.bind(1, run_id).run();
    });
}

void finish_run(ProjectFile& project, std::int64_t run_id, RunStopReason reason) {
    project.transaction([&] {
        require_run(project, run_id, RunKind::Train);
        set_end(project, run_id, status_for(reason), reason);
    });
}

void finish_run(ProjectFile& project, std::int64_t run_id, RunStatus status) {
    if (status != RunStatus::Completed && status != RunStatus::Failed && status != RunStatus::Cancelled)
        throw Error(std::string("a run finishes as completed, failed or cancelled, not ") + to_string(status));
    project.transaction([&] {
        require_run(project, run_id, RunKind::Eval);
        set_end(project, run_id, status, std::nullopt);
    });
}

std::vector<Run> list_runs(const ProjectFile& project, std::optional<RunKind> kind) {
    std::string sql = kRunColumns;
    if (kind) sql += " WHERE kind = ?";
    sql += " ORDER BY id";
    auto s = project.prepare(sql);
    if (kind) s.bind(1, to_string(*kind));
    std::vector<Run> runs;
    while (s.step()) runs.push_back(read_run(s));
    return runs;
}

std::optional<Run> find_run(const ProjectFile& project, std::int64_t run_id) {
    auto s = project.prepare(std::string(kRunColumns) + " WHERE id = ?");
    s.bind(1, run_id);
    if (!s.step()) return std::nullopt;
    return read_run(s);
}

Run require_run(const ProjectFile& project, std::int64_t run_id, RunKind kind) {
    auto run = find_run(project, run_id);
    if (!run) throw Error(std::string(to_string(kind)) + " run " + std::to_string(run_id) + " does not exist");
    if (run->kind != kind)
        throw Error("run " + std::to_string(run_id) + " is a " + to_string(run->kind) + " run, not a" +
                    (kind == RunKind::Eval ? "n " : " ") + to_string(kind) + " run");
    return std::move(*run);
}

std::int64_t count_runs(const ProjectFile& project) {
    return query_int64(project.handle(), "SELECT count(*) FROM runs").value_or(0);
}

void record_run_metrics(ProjectFile& project, std::int64_t run_id, std::int64_t step,
                        const std::vector<std::pair<std::string, double>>& values) {
    project.transaction([&] {
        auto st =
            project.prepare("INSERT OR REPLACE INTO run_metrics(run_id, name, step, value) VALUES(?1, ?2, ?3, ?4)");
        for (const auto& [name, value] : values) {
            st.reset();
            st.bind(1, run_id).bind(2, name).bind(3, step).bind(4, value).run();
        }
    });
}

void add_to_run_metrics(ProjectFile& project, std::int64_t run_id, std::int64_t step,
                        const std::vector<std::pair<std::string, double>>& values) {
    project.transaction([&] {
        auto st = project.prepare(
            "INSERT INTO run_metrics(run_id, name, step, value) VALUES (?1, ?2, ?3, ?4) "
            "ON CONFLICT(run_id, name, step) DO UPDATE SET value = value + excluded.value");
        for (const auto& [name, value] : values) {
            st.reset();
            st.bind(1, run_id).bind(2, name).bind(3, step).bind(4, value).run();
        }
    });
}

std::map<std::string, MetricSeries> run_metrics(const ProjectFile& project, std::int64_t run_id) {
    auto s = project.prepare("SELECT name, step, value FROM run_metrics WHERE run_id = ? ORDER BY name, step");
    s.bind(1, run_id);
    std::map<std::string, MetricSeries> metrics;
    while (s.step()) metrics[s.column_text(0)].emplace_back(s.column_int64(1), s.column_double(2));
    return metrics;
}

MetricSeries run_metric(const ProjectFile& project, std::int64_t run_id, const std::string& name) {
    auto s = project.prepare("SELECT step, value FROM run_metrics WHERE run_id = ?1 AND name = ?2 ORDER BY step");
    s.bind(1, run_id).bind(2, name);
    MetricSeries out;
    while (s.step()) out.emplace_back(s.column_int64(0), s.column_double(1));
    return out;
}

void append_run_log(ProjectFile& project, std::int64_t run_id, const std::string& line) {
    project.transaction([&] {
        auto st = project.prepare("UPDATE runs SET log = log || ?2 || char(10) WHERE id = ?1");
        st.bind(1, run_id).bind(2, line).run();
    });
}

std::string run_log(const ProjectFile& project, std::int64_t run_id) {
    auto s = project.prepare("SELECT log FROM runs WHERE id = ?");
    s.bind(1, run_id);
    return s.step() ? s.column_text(0) : std::string();
}

TrainRunProgress train_run_progress(const std::map<std::string, MetricSeries>& metrics) {
    TrainRunProgress progress;
    if (auto loss = metrics.find(kMetricTrainLoss); loss != metrics.end() && !loss->second.empty()) {
        progress.last_step = loss->second.back().first;
        progress.final_loss = loss->second.back().second;
    }
    if (auto val = metrics.find(kMetricValLoss); val != metrics.end() && !val->second.empty()) {
        const auto best = std::min_element(val->second.begin(), val->second.end(),
                                           [](const auto& a, const auto& b) { return a.second < b.second; });
        progress.best_val_loss = best->second;
    }
    return progress;
}

}  // namespace tb
