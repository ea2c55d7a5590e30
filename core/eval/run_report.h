#pragma once
// A self-contained HTML report of one eval run that a reviewer can send around: the run's
// settings, pass rate and mean score, a per-tag table, the per-item table with the model's
// outputs, and, given a baseline run, the comparison (pass rates, McNemar exact p, paired
// bootstrap CI of the mean score difference, regressions flagged, per-item changes).
// Qt-free so the CLI writes the same report as the GUI. Every text from the project
// (outputs, names, tags, config) is HTML-escaped: model outputs are untrusted.
//
//     tb::write_run_report(project, tuned_run, base_run, "report.html");
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/eval/compare.h"
#include "core/eval/run_history.h"

namespace tb {

class ProjectFile;

struct RunReportData {
    Run run;
    std::vector<EvalItemDetail> items;
    std::optional<Run> baseline;           // set together with comparison
    std::optional<Comparison> comparison;  // baseline = A, this run = B
};

// Reads both runs and compares them (tags attached). Throws tb::Error for a missing run or a
// run that is not an eval run.
RunReportData load_run_report_data(const ProjectFile& project, std::int64_t run_id,
                                   std::optional<std::int64_t> baseline_run_id = std::nullopt,
                                   const CompareOptions& options = {});

// A complete HTML document (inline CSS, no scripts, no external resources).
std::string render_run_report_html(const RunReportData& data);

// load + render + write (replacing an existing file, never a file of the project: refused with
// tb::OutputRefused); throws tb::Error when the file cannot be written.
void write_run_report(const ProjectFile& project, std::int64_t run_id, std::optional<std::int64_t> baseline_run_id,
                      const std::filesystem::path& out_path);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

}  // namespace tb
