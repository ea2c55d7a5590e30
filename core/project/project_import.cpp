#include "core/project/project_import.h"

#include <sqlite3.h>

#include "core/project/examples.h"

namespace tb {
namespace {

std::string rejected_summary(const std::string& file, const std::vector<RejectedRecord>& rejects) {
    std::string text = file + ": " + std::to_string(rejects.size()) + " bad record" + (rejects.size() == 1 ? "" : "s") +
                       ", nothing imported (fix them, or import with --skip-invalid to leave them out)";
    for (std::size_t i = 0; i < rejects.size() && i < 5; ++i) text += "\n" + rejects[i].message();
    if (rejects.size() > 5) text += "\n...";
    return text;
}

RejectReason reason_from_string(const std::string& text) {
    for (int value = static_cast<int>(RejectReason::InvalidJson); value <= static_cast<int>(RejectReason::BadField);
         ++value) {
        auto reason = static_cast<RejectReason>(value);
        if (to_string(reason) == text) return reason;
    }
    return RejectReason::BadField;
}

nlohmann::json options_json(const ImportOptions& options, bool skip_invalid) {
    nlohmann::json j = {{"format", to_string(options.format)}, {"skip_invalid", skip_invalid}};
    if (options.format == DatasetFormat::Csv || options.format == DatasetFormat::Auto) {
        j["csv"] = {{"system", options.csv.system},
                    {"user", options.csv.user},
                    {"assistant", options.csv.assistant},
                    {"input", options.csv.input}};
    }
    return j;
}

}  // namespace

ImportRejected::ImportRejected(std::string file, std::vector<RejectedRecord> rejects)
    : Error(rejected_summary(file, rejects)), rejects_(std::move(rejects)) {}

nlohmann::json ImportResult::to_json() const {
    nlohmann::json rejects = nlohmann::json::array();
    for (const auto& reject : rejected) {
        rejects.push_back(
            {{"line", reject.line}, {"reason", tb::to_string(reject.reason)}, {"message", reject.message()}});
    }
    return {{"import_id", import_id},
            {"file", file},
            {"format", tb::to_string(summary.detected)},
            {"records", summary.records},
            {"accepted", summary.accepted},
            {"rejected", summary.rejected},
            {"inserted", inserted},
            {"duplicates", duplicates},
            {"rejects", rejects}};
}

ImportResult import_file(ProjectFile& project, const std::string& path, const ImportOptions& options, bool skip_invalid,
                         const JobContext& ctx) {
    // A large import touches the examples table, its unique hash index and the FTS index all
    // over: with the default 32 MiB page cache SQLite spills and re-reads pages (a pwrite +
    // pread per page, ~15% of the import's CPU at 100k examples). A bounded larger cache for
    // the import only; memory stays constant in the file size beyond it.
    struct ImportCache {
        ProjectFile& project;
        explicit ImportCache(ProjectFile& p) : project(p) { exec_sql(project.handle(), "PRAGMA cache_size = -262144"); }
        ~ImportCache() {
            try {
                exec_sql(project.handle(), "PRAGMA cache_size = -32768");
            } catch (...) {
            }
        }
    } cache(project);
    return project.transaction([&] {
        // Everything below is local to one attempt: a retried transaction starts afresh.
        ImportResult result;
        result.file = path;
        project
            .prepare(
                "INSERT INTO import_reports(source_file, format, options, records, accepted, rejected, inserted, "
                "duplicates, created_at) VALUES (?, ?, ?, 0, 0, 0, 0, 0, ?)")
            .bind(1, path)
            .bind(2, to_string(options.format))
            .bind(3, options_json(options, skip_invalid).dump())
            .bind(4, utc_now_iso8601())
            .run();
        result.import_id = sqlite3_last_insert_rowid(project.handle());

        ExampleInserter inserter(project);
        auto store_reject =
            project.prepare("INSERT INTO import_rejects(import_id, line, reason, detail, raw) VALUES (?, ?, ?, ?, ?)");
        result.summary = read_dataset(
            path, options,
            [&](Example&& example) {
                // After a bad record an all-or-nothing import is lost anyway: only keep reading
                // to report every bad record.
                if (!skip_invalid && !result.rejected.empty()) return;
                if (inserter.insert(example, result.import_id)) {
                    ++result.inserted;
                } else {
                    ++result.duplicates;
                }
            },
            [&](RejectedRecord&& reject) {
                if (skip_invalid) {
                    store_reject.bind(1, result.import_id)
                        .bind(2, reject.line)
                        .bind(3, to_string(reject.reason))
                        .bind(4, reject.detail)
                        .bind(5, reject.raw)
                        .run();
                }
                reject.raw.clear();  // the caller gets messages; the raw text stays in the project
                result.rejected.push_back(std::move(reject));
            },
            ctx);

        if (!skip_invalid && !result.rejected.empty()) throw ImportRejected(path, std::move(result.rejected));

        project
            .prepare(
                "UPDATE import_reports SET format = ?, records = ?, accepted = ?, rejected = ?, inserted = ?, "
                "duplicates = ? WHERE id = ?")
            .bind(1, to_string(result.summary.detected))
            .bind(2, result.summary.records)
            .bind(3, result.summary.accepted)
            .bind(4, result.summary.rejected)
            .bind(5, result.inserted)
            .bind(6, result.duplicates)
            .bind(7, result.import_id)
            .run();
        return result;
    });
}

std::vector<ImportReport> list_import_reports(const ProjectFile& project) {
    auto statement = project.prepare(
        "SELECT id, source_file, format, records, accepted, rejected, inserted, duplicates, created_at "
        "FROM import_reports ORDER BY id DESC");
    std::vector<ImportReport> reports;
    while (statement.step()) {
        ImportReport report;
        report.id = statement.column_int64(0);
        report.source_file = statement.column_text(1);
        report.format = statement.column_text(2);
        report.records = static_cast<std::size_t>(statement.column_int64(3));
        report.accepted = static_cast<std::size_t>(statement.column_int64(4));
        report.rejected = static_cast<std::size_t>(statement.column_int64(5));
        report.inserted = static_cast<std::size_t>(statement.column_int64(6));
        report.duplicates = static_cast<std::size_t>(statement.column_int64(7));
        report.created_at = statement.column_text(8);
        reports.push_back(std::move(report));
    }
    return reports;
}

std::vector<RejectedRecord> import_rejects(const ProjectFile& project, std::int64_t import_id) {
    auto statement = project.prepare(
        "SELECT r.line, r.reason, r.detail, r.raw, i.source_file FROM import_rejects AS r "
        "JOIN import_reports AS i ON i.id = r.import_id WHERE r.import_id = ? ORDER BY r.line, r.id");
    statement.bind(1, import_id);
    std::vector<RejectedRecord> rejects;
    while (statement.step()) {
        RejectedRecord reject;
        reject.line = static_cast<std::size_t>(statement.column_int64(0));
        reject.reason = reason_from_string(statement.column_text(1));
        reject.detail = statement.column_text(2);
        reject.raw = statement.column_text(3);
        reject.file = statement.column_text(4);
        rejects.push_back(std::move(reject));
    }
    return rejects;
}

}  // namespace tb
