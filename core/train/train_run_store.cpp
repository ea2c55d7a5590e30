#include "core/train/train_run_store.h"

#include "core/common/error.h"

namespace tb {

std::int64_t create_train_run(ProjectFile& project, const std::string& name, const nlohmann::json& config) {
    return project.transaction([&] {
        auto st = project.prepare(
            "INSERT INTO runs(kind, name, config, status, started_at) VALUES('train', ?1, ?2, 'running', ?3) RETURNING "
            "id");
        st.bind(1, name).bind(2, config.dump()).bind(3, utc_now_iso8601());
        if (!st.step()) throw Error("could not create the run row in " + project.path());
        return st.column_int64(0);
    });
}

void mark_train_run_running(ProjectFile& project, std::int64_t run_id) {
    project.transaction([&] {
        auto st =
            project.prepare("UPDATE runs SET status = 'running', stop_reason = NULL, ended_at = NULL WHERE id = ?1");
        st.bind(1, run_id).run();
    });
}

bool train_run_exists(const ProjectFile& project, std::int64_t run_id) {
    auto st = project.prepare("SELECT 1 FROM runs WHERE id = ?1 AND kind = 'train'");
    st.bind(1, run_id);
    return st.step();
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

void append_run_log(ProjectFile& project, std::int64_t run_id, const std::string& line) {
    project.transaction([&] {
        auto st = project.prepare("UPDATE runs SET log = log || ?2 || char(10) WHERE id = ?1");
        st.bind(1, run_id).bind(2, line).run();
    });
}

std::string train_run_status_for(const std::string& stop_reason) {
    if (stop_reason == kStopAllSteps || stop_reason == kStopEarlyStopping) return "completed";
    if (stop_reason == kStopNonFiniteLoss || stop_reason == kStopNonFiniteGradNorm || stop_reason == kStopError)
        return "failed";
    if (stop_reason == kStopCancelled) return "cancelled";
    throw Error("unknown reason for the end of a training run: '" + stop_reason + "'");
}

void finish_train_run(ProjectFile& project, std::int64_t run_id, const std::string& stop_reason) {
    const std::string status = train_run_status_for(stop_reason);
    project.transaction([&] {
        auto st = project.prepare("UPDATE runs SET status = ?2, stop_reason = ?3, ended_at = ?4 WHERE id = ?1");
        st.bind(1, run_id).bind(2, status).bind(3, stop_reason).bind(4, utc_now_iso8601()).run();
    });
}

bool train_run_wrote_output(const std::string& status) { return status == "completed" || status == "stopped_early"; }

std::vector<RunMetricPoint> load_run_metric(const ProjectFile& project, std::int64_t run_id, const std::string& name) {
    auto st = project.prepare("SELECT step, value FROM run_metrics WHERE run_id = ?1 AND name = ?2 ORDER BY step");
    st.bind(1, run_id).bind(2, name);
    std::vector<RunMetricPoint> out;
    while (st.step()) out.push_back({st.column_int64(0), st.column_double(1)});
    return out;
}

std::optional<TrainRunRow> load_train_run(const ProjectFile& project, std::int64_t run_id) {
    auto st = project.prepare(
        "SELECT id, name, status, stop_reason, started_at, ended_at, log, config FROM runs WHERE id = ?1");
    st.bind(1, run_id);
    if (!st.step()) return std::nullopt;
    TrainRunRow r;
    r.id = st.column_int64(0);
    r.name = st.column_text(1);
    r.status = st.column_text(2);
    r.stop_reason = st.column_text(3);
    r.started_at = st.column_text(4);
    r.ended_at = st.column_text(5);
    r.log = st.column_text(6);
    r.config = nlohmann::json::parse(st.column_text(7), nullptr, false);
    if (r.status == "completed" && r.stop_reason == kStopEarlyStopping) r.status = "stopped_early";
    return r;
}

}  // namespace tb
