#include "core/eval/eval_store.h"

#include <sqlite3.h>

#include "core/common/error.h"
#include "core/common/version.h"
#include "core/project/project_file.h"

namespace tb {
namespace {

void require_eval_run(const ProjectFile& project, std::int64_t run_id) {
    auto s = project.prepare("SELECT kind FROM runs WHERE id = ?");
    s.bind(1, run_id);
    if (!s.step()) throw Error("eval run " + std::to_string(run_id) + " does not exist");
    if (s.column_text(0) != "eval")
        throw Error("run " + std::to_string(run_id) + " is a " + s.column_text(0) + " run, not an eval run");
}

}  // namespace

std::int64_t create_eval_run(ProjectFile& project, const std::string& name, const nlohmann::json& config,
                             std::optional<std::int64_t> parent_run_id) {
    if (!config.is_object()) throw Error("eval run config must be a JSON object");
    return project.transaction([&] {
        auto s = project.prepare(
            "INSERT INTO runs(kind, name, parent_run_id, config, status, app_version, started_at) "
            "VALUES ('eval', ?, ?, ?, 'running', ?, ?)");
        s.bind(1, name).bind(2, parent_run_id).bind(3, config.dump()).bind(4, version_string()).bind(5, utc_now_iso8601());
        s.run();
        return static_cast<std::int64_t>(sqlite3_last_insert_rowid(project.handle()));
    });
}

void finish_eval_run(ProjectFile& project, std::int64_t run_id, const std::string& status) {
    if (status != "completed" && status != "failed" && status != "cancelled")
        throw Error("an eval run finishes as completed, failed or cancelled, not '" + status + "'");
    project.transaction([&] {
        require_eval_run(project, run_id);
        auto s = project.prepare("UPDATE runs SET status = ?, ended_at = ? WHERE id = ?");
        s.bind(1, status).bind(2, utc_now_iso8601()).bind(3, run_id).run();
    });
}

std::vector<std::int64_t> store_eval_outputs(ProjectFile& project, std::int64_t run_id,
                                             const std::vector<EvalOutputRecord>& records) {
    return project.transaction([&] {
        require_eval_run(project, run_id);
        std::vector<std::int64_t> ids;
        ids.reserve(records.size());
        auto output = project.prepare(
            "INSERT INTO eval_outputs(run_id, golden_item_id, example_id, output, settings) VALUES (?, ?, ?, ?, ?)");
        auto score = project.prepare(
            "INSERT INTO eval_scores(output_id, criterion, score, scorer, detail) VALUES (?, ?, ?, ?, ?)");
        for (const auto& r : records) {
            output.reset();
            output.bind(1, run_id)
                .bind(2, r.golden_item_id)
                .bind(3, r.example_id)
                .bind(4, r.output)
                .bind(5, r.settings.is_null() ? std::string("{}") : r.settings.dump());
            output.run();
            const std::int64_t output_id = sqlite3_last_insert_rowid(project.handle());
            ids.push_back(output_id);
            for (const auto& c : r.score.criteria) {
                if (c.needs_judge()) continue;
                nlohmann::json detail{{"weight", c.weight}, {"critical", c.critical}, {"detail", c.detail}};
                score.reset();
                score.bind(1, output_id).bind(2, c.name).bind(3, *c.score).bind(4, r.scorer).bind(5, detail.dump());
                score.run();
            }
            nlohmann::json summary{{"passed", r.score.passed},
                                   {"critical_failed", r.score.critical_failed},
                                   {"needs_judge", r.score.needs_judge}};
            score.reset();
            score.bind(1, output_id)
                .bind(2, kItemCriterion)
                .bind(3, r.score.score)
                .bind(4, r.scorer)
                .bind(5, summary.dump());
            score.run();
        }
        return ids;
    });
}

std::vector<ItemResult> load_eval_results(const ProjectFile& project, std::int64_t run_id) {
    require_eval_run(project, run_id);
    // The latest "item" row per output (a re-score or a judge may add another scorer's row).
    auto s = project.prepare(
        "SELECT o.id, o.golden_item_id, o.example_id, sc.score, sc.detail "
        "FROM eval_outputs o JOIN eval_scores sc ON sc.output_id = o.id AND sc.criterion = ? "
        "WHERE o.run_id = ? AND sc.id = (SELECT MAX(id) FROM eval_scores WHERE output_id = o.id AND criterion = ?) "
        "ORDER BY o.id");
    s.bind(1, kItemCriterion).bind(2, run_id).bind(3, kItemCriterion);
    std::vector<ItemResult> out;
    while (s.step()) {
        ItemResult r;
        if (auto golden = s.column_optional_int64(1)) r.id = "golden:" + std::to_string(*golden);
        else if (auto example = s.column_optional_int64(2)) r.id = "example:" + std::to_string(*example);
        else r.id = "output:" + std::to_string(s.column_int64(0));
        r.score = s.column_double(3);
        auto detail = nlohmann::json::parse(s.column_text(4), nullptr, false);
        r.passed = detail.is_object() && detail.value("passed", false);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace tb
