#include "core/overview/project_overview.h"

#include <algorithm>
#include <iterator>

#include "core/curation/splits.h"
#include "core/project/project_file.h"

namespace tb {
namespace {

// Newest first, at most max_runs; list_runs gives both kinds (train and eval) oldest first.
// A project holds tens of runs, not thousands, so reading them all is cheap.
void take_latest_runs(const ProjectFile& project, int max_runs, OverviewSummary& summary) {
    std::vector<Run> runs = list_runs(project);
    summary.runs_total = static_cast<std::int64_t>(runs.size());
    const std::size_t keep = std::min(runs.size(), static_cast<std::size_t>(std::max(max_runs, 0)));
    summary.latest_runs.assign(std::make_move_iterator(runs.rbegin()),
                               std::make_move_iterator(runs.rbegin() + static_cast<std::ptrdiff_t>(keep)));
}

}  // namespace

OverviewSummary gather_overview(const ProjectFile& project, int max_runs) {
    OverviewSummary summary;
    summary.path = project.path();
    summary.reviews = review_summary(project);
    summary.splits = split_counts(project);
    summary.staleness = staleness_summary(project);
    summary.tags = tag_coverage(project);
    for (const TagCoverage& tag : summary.tags)
        if (tag.below_target) summary.coverage_gaps.push_back(tag.tag);
    summary.golden_sets = list_golden_sets(project);
    summary.decision = latest_decision(project);
    take_latest_runs(project, max_runs, summary);
    return summary;
}

}  // namespace tb
