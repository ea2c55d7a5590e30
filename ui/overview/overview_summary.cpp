#include "ui/overview/overview_summary.h"

#include "core/curation/splits.h"
#include "core/project/project_file.h"

namespace tbui {
namespace {

// The runs table belongs to core/train and core/eval, which offer no listing yet: one
// read-only query here until they do (kind, name, status as the schema stores them).
std::vector<RunSummary> latest_runs(const tb::ProjectFile& project, int max_runs, std::int64_t& total) {
    {
        auto count = project.prepare("SELECT count(*) FROM runs");
        count.step();
        total = count.column_int64(0);
    }
    std::vector<RunSummary> runs;
    auto s = project.prepare("SELECT id, kind, name, status, created_at FROM runs ORDER BY id DESC LIMIT ?1");
    s.bind(1, max_runs);
    while (s.step()) {
        RunSummary run;
        run.id = s.column_int64(0);
        run.kind = s.column_text(1);
        run.name = s.column_text(2);
        run.status = s.column_text(3);
        run.created_at = s.column_text(4);
        runs.push_back(std::move(run));
    }
    return runs;
}

}  // namespace

OverviewSummary gather_overview(const tb::ProjectFile& project, int max_runs) {
    OverviewSummary summary;
    summary.path = project.path();
    summary.reviews = tb::review_summary(project);
    summary.splits = tb::split_counts(project);
    summary.staleness = tb::staleness_summary(project);
    summary.tags = tb::tag_coverage(project);
    for (const tb::TagCoverage& tag : summary.tags)
        if (tag.below_target) summary.coverage_gaps.push_back(tag.tag);
    summary.golden_sets = tb::list_golden_sets(project);
    summary.decision = tb::latest_decision(project);
    summary.latest_runs = latest_runs(project, max_runs, summary.runs_total);
    return summary;
}

}  // namespace tbui
