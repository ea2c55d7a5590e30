#pragma once
// A project at a glance, gathered in one call for the GUI's overview (computable off the GUI
// thread). Every count comes from the core stage that owns it: reviews (imported vs accepted),
// splits, staleness, tag coverage, golden sets, the advisor's latest decision and the latest
// runs (core/project/runs). Its own stage, as it reads from curation and the advisor alike.
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

struct OverviewSummary {
    std::string path;
    ReviewSummary reviews;                       // examples imported, accepted, ...
    std::map<std::string, std::int64_t> splits;  // split -> examples (kUnassignedSplit included)
    StalenessSummary staleness;
    std::vector<TagCoverage> tags;
    std::vector<std::string> coverage_gaps;  // tags below their target
    std::vector<GoldenSet> golden_sets;
    std::optional<StoredDecision> decision;  // the advisor's latest
    std::int64_t runs_total = 0;
    std::vector<Run> latest_runs;  // training and eval runs, newest first
};

// Throws Error when the project cannot be read.
OverviewSummary gather_overview(const ProjectFile& project, int max_runs = 5);

}  // namespace tb
