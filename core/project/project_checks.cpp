#include "core/project/project_checks.h"

#include <sqlite3.h>

#include "core/project/examples.h"

namespace tb {

CheckReport run_checks(ProjectFile& project, const CheckOptions& options, const JobContext& ctx) {
    DataChecker checker(options);
    for_each_example(
        project, "", [&](Example&& example) { checker.add(example); }, ctx);
    ctx.report(0, 0, "checking");
    CheckReport report = checker.finish();
    store_check_report(project, report, options);
    return report;
}

std::int64_t store_check_report(ProjectFile& project, const CheckReport& report, const CheckOptions& options) {
    nlohmann::json options_json = {{"near_dup_threshold", options.near_dup_threshold},
                                   {"short_answer_chars", options.short_answer_chars}};
    if (options.token_counter) options_json["tokenizer"] = options.tokenizer_name;
    return project.transaction([&] {
        project.prepare("INSERT INTO check_reports(options, report, examples, created_at) VALUES (?, ?, ?, ?)")
            .bind(1, options_json.dump())
            .bind(2, report.to_json().dump())
            .bind(3, report.stats.examples)
            .bind(4, utc_now_iso8601())
            .run();
        std::int64_t report_id = sqlite3_last_insert_rowid(project.handle());
        // Only the latest is kept; deleting after the insert keeps report ids increasing.
        project.prepare("DELETE FROM check_reports WHERE id <> ?").bind(1, report_id).run();  // cascades
        auto finding = project.prepare("INSERT INTO check_findings(report_id, kind, detail) VALUES (?, ?, ?)");
        auto member = project.prepare(
            "INSERT OR IGNORE INTO check_finding_examples(finding_id, example_id) "
            "SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM examples WHERE id = ?2)");
        for (const Finding& f : report.findings) {
            finding.bind(1, report_id).bind(2, f.kind).bind(3, f.detail).run();
            std::int64_t finding_id = sqlite3_last_insert_rowid(project.handle());
            for (std::int64_t example_id : f.examples) member.bind(1, finding_id).bind(2, example_id).run();
        }
        return report_id;
    });
}

std::optional<StoredCheckReport> latest_check_report(const ProjectFile& project) {
    auto head =
        project.prepare("SELECT id, created_at, examples, options, report FROM check_reports ORDER BY id DESC LIMIT 1");
    if (!head.step()) return std::nullopt;
    StoredCheckReport stored;
    stored.id = head.column_int64(0);
    stored.created_at = head.column_text(1);
    stored.examples = head.column_int64(2);
    stored.options = nlohmann::json::parse(head.column_text(3), nullptr, false);
    stored.report = nlohmann::json::parse(head.column_text(4), nullptr, false);
    auto rows = project.prepare(
        "SELECT f.id, f.kind, f.detail, fe.example_id FROM check_findings AS f "
        "LEFT JOIN check_finding_examples AS fe ON fe.finding_id = f.id WHERE f.report_id = ? "
        "ORDER BY f.id, fe.example_id");
    rows.bind(1, stored.id);
    std::int64_t current = 0;
    while (rows.step()) {
        if (rows.column_int64(0) != current) {
            current = rows.column_int64(0);
            stored.findings.push_back(Finding{rows.column_text(1), {}, rows.column_text(2)});
        }
        if (!rows.is_null(3)) stored.findings.back().examples.push_back(rows.column_int64(3));
    }
    return stored;
}

std::vector<std::string> latest_finding_kinds(const ProjectFile& project) {
    auto s = project.prepare(
        "SELECT DISTINCT kind FROM check_findings WHERE report_id = (SELECT max(id) FROM check_reports) ORDER BY kind");
    std::vector<std::string> kinds;
    while (s.step()) kinds.push_back(s.column_text(0));
    return kinds;
}

}  // namespace tb
