#pragma once
// What the project overview shows, gathered from core in one call (no Qt here, so it can be
// computed off the GUI thread later). Every count comes from the core stage that owns it:
// reviews (imported vs accepted), splits, staleness, tag coverage, golden sets, the advisor's
// latest decision and the latest runs (core/project/runs: the GUI writes no SQL).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/advisor/decision_store.h"
#include "core/curation/coverage.h"
#include "core/curation/golden_sets.h"
#include "core/curation/reviews.h"
#include "core/curation/staleness.h"
#include "core/project/runs.h"

namespace tb {
class ProjectFile;
}

namespace tbui {

struct OverviewSummary {
    std::string path;
    tb::ReviewSummary reviews;                   // examples imported, accepted, ...
    std::map<std::string, std::int64_t> splits;  // split -> examples ("unassigned" included)
    tb::StalenessSummary staleness;
    std::vector<tb::TagCoverage> tags;
    std::vector<std::string> coverage_gaps;  // tags below their target
    std::vector<tb::GoldenSet> golden_sets;
    std::optional<tb::StoredDecision> decision;  // the advisor's latest
    std::int64_t runs_total = 0;
    std::vector<tb::Run> latest_runs;  // training and eval runs, newest first
};

// Throws tb::Error when the project cannot be read.
OverviewSummary gather_overview(const tb::ProjectFile& project, int max_runs = 5);

}  // namespace tbui
