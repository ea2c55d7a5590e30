#pragma once
// Staleness: a review goes stale after the project's re-review interval (default 90 days),
// when the example is edited after it, or when a guideline change marks it for re-review.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/curation/reviews.h"
#include "core/project/project_file.h"

namespace tb {

// now minus the interval, as the ISO text stored in reviews.created_at. `now` defaults to
// the current time; tests pass a fixed one.
std::string stale_cutoff(const ProjectFile& project, const std::string& now = "");
// ISO 8601 UTC ("2026-11-28T15:53:59.123Z") shifted by whole days; throws tb::Error on bad text.
std::string shift_iso8601_days(const std::string& iso, int days);

// The stale queue of the review screen (keyset over the reviews index).
QueueCursor stale_queue(const ProjectFile& project, const std::string& now = "");

// When the example was last reviewed (withdrawals do not count); nullopt if never.
std::optional<std::string> last_reviewed_at(const ProjectFile& project, std::int64_t example_id);

struct StalenessSummary {
    std::int64_t examples = 0;
    std::int64_t reviewed = 0;
    std::int64_t stale = 0;
    double stale_share = 0.0;  // stale / reviewed (0 when nothing is reviewed)
    int interval_days = 0;
};
StalenessSummary staleness_summary(const ProjectFile& project, const std::string& now = "");

// Which reviewed examples a guideline change sends back for re-review.
struct RereviewScope {
    bool all_reviewed = false;      // every reviewed example
    std::vector<std::string> tags;  // or only reviewed examples with one of these tags
};
// Sets the guideline version stamped on new reviews and marks the affected examples with
// the needs-re-review tag, in one transaction. Returns how many examples were marked.
std::int64_t set_guideline_version(ProjectFile& project, const std::string& version, const RereviewScope& scope = {});

}  // namespace tb
