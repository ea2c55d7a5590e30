#include "core/curation/staleness.h"

#include <cstdio>
#include <ctime>

#include "core/common/error.h"
#include "core/curation/names.h"
#include "core/curation/settings.h"
#include "core/curation/tags.h"

namespace tb {

std::string shift_iso8601_days(const std::string& iso, int days) {
    std::tm tm{};
    int millis = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int fields =
        std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d.%3d", &year, &month, &day, &hour, &minute, &second, &millis);
    if (fields < 6) throw Error("not an ISO 8601 time: '" + iso + "'");
    tm.tm_year = year - 1900;
    tm.tm_mon = month - 1;
    tm.tm_mday = day;
    tm.tm_hour = hour;
    tm.tm_min = minute;
    tm.tm_sec = second;
    std::time_t t = timegm(&tm) + static_cast<std::time_t>(days) * 86400;
    std::tm out{};
    gmtime_r(&t, &out);
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", out.tm_year + 1900, out.tm_mon + 1,
                  out.tm_mday, out.tm_hour, out.tm_min, out.tm_sec, millis);
    return buffer;
}

std::string stale_cutoff(const ProjectFile& project, const std::string& now) {
    return shift_iso8601_days(now.empty() ? utc_now_iso8601() : now, -rereview_interval_days(project));
}

QueueCursor stale_queue(const ProjectFile& project, const std::string& now) {
    QueueCursor cursor;
    cursor.queue = ReviewQueue::stale;
    cursor.stale_before = stale_cutoff(project, now);
    return cursor;
}

std::optional<std::string> last_reviewed_at(const ProjectFile& project, std::int64_t example_id) {
    auto s = project.prepare("SELECT max(created_at) FROM reviews WHERE example_id = ? AND verdict <> 'withdraw'");
    s.bind(1, example_id);
    if (!s.step()) return std::nullopt;
    return s.column_optional_text(0);
}

StalenessSummary staleness_summary(const ProjectFile& project, const std::string& now) {
    StalenessSummary summary;
    summary.interval_days = rereview_interval_days(project);
    summary.examples = query_int64(project.handle(), "SELECT count(*) FROM examples").value_or(0);
    summary.reviewed =
        query_int64(project.handle(), "SELECT count(DISTINCT example_id) FROM reviews WHERE verdict <> 'withdraw'")
            .value_or(0);
    summary.stale = queue_size(project, stale_queue(project, now));
    summary.stale_share = summary.reviewed ? static_cast<double>(summary.stale) / summary.reviewed : 0.0;
    return summary;
}

std::int64_t set_guideline_version(ProjectFile& project, const std::string& version, const RereviewScope& scope) {
    validate_name(version, "guideline version");
    return project.transaction([&]() -> std::int64_t {
        project.set_meta("curation.guideline_version", version);
        if (!scope.all_reviewed && scope.tags.empty()) return 0;
        std::int64_t mark_id = ensure_tag(project, kNeedsRereviewTag);
        std::string sql =
            "INSERT OR IGNORE INTO example_tags(example_id, tag_id) "
            "SELECT DISTINCT r.example_id, ? FROM reviews AS r WHERE r.verdict <> 'withdraw'";
        if (!scope.all_reviewed) {
            sql +=
                " AND EXISTS (SELECT 1 FROM example_tags AS et JOIN tags AS t ON t.id = et.tag_id "
                "WHERE et.example_id = r.example_id AND t.name IN (";
            for (std::size_t i = 0; i < scope.tags.size(); ++i) sql += i ? ", ?" : "?";
            sql += "))";
        }
        auto s = project.prepare(sql);
        s.bind(1, mark_id);
        if (!scope.all_reviewed) {
            for (std::size_t i = 0; i < scope.tags.size(); ++i) s.bind(static_cast<int>(i) + 2, scope.tags[i]);
        }
        return s.run();
    });
}

}  // namespace tb
