#include "core/advisor/decision_store.h"

#include "core/common/error.h"
#include "core/project/project_file.h"

namespace tb {

std::int64_t store_decision(ProjectFile& project, const Decision& decision) {
    return project.transaction([&] {
        project.prepare("INSERT INTO decisions (answers, recommendation, rationale, created_at) VALUES (?, ?, ?, ?)")
            .bind(1, decision.answers.dump())
            .bind(2, to_string(decision.chosen()))
            .bind(3, to_json(decision).dump())
            .bind(4, decision.decided_at)
            .run();
        return *query_int64(project.handle(), "SELECT last_insert_rowid()");
    });
}

std::vector<StoredDecision> list_decisions(const ProjectFile& project) {
    std::vector<StoredDecision> out;
    Statement select = project.prepare("SELECT id, rationale, created_at FROM decisions ORDER BY id");
    while (select.step()) {
        StoredDecision stored;
        stored.id = select.column_int64(0);
        stored.created_at = select.column_text(2);
        try {
            stored.decision = decision_from_json(nlohmann::json::parse(select.column_text(1)));
        } catch (const std::exception& e) {
            throw Error(project.path() + ": decision " + std::to_string(stored.id) + " cannot be read: " + e.what());
        }
        out.push_back(std::move(stored));
    }
    return out;
}

std::optional<StoredDecision> latest_decision(const ProjectFile& project) {
    std::vector<StoredDecision> all = list_decisions(project);
    if (all.empty()) return std::nullopt;
    return all.back();
}

}  // namespace tb
