#include "core/eval/run_report.h"
#include "core/common/output_file.h"
#include "core/project/project_files.h"

#include "core/common/markup_escape.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "core/common/error.h"
#include "core/common/version.h"
#include "core/project/project_file.h"

namespace tb {
namespace {

std::string percent(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100.0);
    return buffer;
}

std::string fixed(double value, int decimals = 3) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string p_value(double p) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, p < 0.001 ? "%.2e" : "%.4f", p);
    return buffer;
}

std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& tag : tags) {
        if (!out.empty()) out += ", ";
        out += tag;
    }
    return out;
}

std::string run_label(const Run& run) {
    std::string label = "#" + std::to_string(run.id);
    if (!run.name.empty()) label += " " + run.name;
    return label;
}

const char* kStyle = R"CSS(
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { white-space: pre-wrap; margin: 0; max-width: 60em; font-size: 0.9em; }
tr.improved td { background: #e3f4e1; } tr.regressed td { background: #fbe2e0; }
.flag { color: #b00020; font-weight: bold; } .ok { color: #1b7a1b; }
)CSS";

void write_run_info(std::ostringstream& html, const Run& run) {
    html << "<h2>Run</h2>\n<table>\n";
    auto row = [&](const char* key, const std::string& value) {
        html << "<tr><th>" << key << "</th><td>" << html_escape(value) << "</td></tr>\n";
    };
    row("Run", run_label(run));
    row("Status", to_string(run.status));
    row("Started", run.started_at);
    row("Ended", run.ended_at);
    if (run.parent_run_id) row("Evaluates training run", "#" + std::to_string(*run.parent_run_id));
    row("Tunebench", run.app_version);
    html << "<tr><th>Settings</th><td><pre>" << html_escape(run.config.dump(2)) << "</pre></td></tr>\n</table>\n";
}

void write_summary(std::ostringstream& html, const EvalRunStats& stats) {
    html << "<h2>Scores</h2>\n<table>\n<tr><th>Group</th><th>Items</th><th>Passed</th><th>Pass rate</th>"
            "<th>Mean score</th></tr>\n";
    auto row = [&](const std::string& group, const ScoreStats& s) {
        html << "<tr><td>" << html_escape(group) << "</td><td class=num>" << s.items << "</td><td class=num>"
             << s.passed << "</td><td class=num>" << percent(s.pass_rate) << "</td><td class=num>"
             << fixed(s.mean_score) << "</td></tr>\n";
    };
    row("all items", stats.overall);
    for (const auto& [tag, s] : stats.per_tag) row("tag: " + tag, s);
    html << "</table>\n";
}

void write_group_row(std::ostringstream& html, const GroupComparison& g) {
    html << "<tr><td>" << html_escape(g.tag.empty() ? std::string("all paired items") : "tag: " + g.tag)
         << "</td><td class=num>" << g.items << "</td><td class=num>" << percent(g.pass_rate_a) << "</td><td class=num>"
         << percent(g.pass_rate_b) << "</td><td class=num>" << g.mcnemar.only_a_passes << "</td><td class=num>"
         << g.mcnemar.only_b_passes << "</td><td class=num>" << p_value(g.mcnemar.p_value) << "</td><td class=num>"
         << fixed(g.score_diff.estimate) << " [" << fixed(g.score_diff.low) << ", " << fixed(g.score_diff.high)
         << "]</td><td>"
         << (g.regression ? "<span class=flag>regression: " + html_escape(g.reason) + "</span>"
                          : std::string("<span class=ok>no</span>"))
         << "</td></tr>\n";
}

void write_comparison(std::ostringstream& html, const Run& baseline, const Comparison& c) {
    html << "<h2>Against baseline " << html_escape(run_label(baseline)) << "</h2>\n";
    html << "<p>"
         << (c.has_regression() ? "<span class=flag>Regression flagged.</span>"
                                : std::string("<span class=ok>No regression flagged.</span>"))
         << " McNemar exact p = " << p_value(c.overall.mcnemar.p_value)
         << "; mean score difference (this run &minus; baseline) " << fixed(c.overall.score_diff.estimate) << ", "
         << fixed(c.overall.score_diff.confidence * 100.0, 0) << "% bootstrap CI [" << fixed(c.overall.score_diff.low)
         << ", " << fixed(c.overall.score_diff.high) << "].</p>\n";
    html << "<table>\n<tr><th>Group</th><th>Paired items</th><th>Baseline pass rate</th><th>This run pass rate</th>"
            "<th>Pass&rarr;fail</th><th>Fail&rarr;pass</th><th>McNemar p</th><th>Score diff [CI]</th>"
            "<th>Regression</th></tr>\n";
    write_group_row(html, c.overall);
    for (const auto& g : c.per_tag) write_group_row(html, g);
    html << "</table>\n";
}

void write_items(std::ostringstream& html, const RunReportData& data) {
    std::map<std::string, const ItemComparison*> changes;
    if (data.comparison)
        for (const auto& item : data.comparison->items) changes[item.id] = &item;
    html << "<h2>Items</h2>\n<table>\n<tr><th>Item</th><th>Tags</th><th>Passed</th><th>Score</th>";
    if (data.comparison) html << "<th>Baseline score</th><th>Change</th>";
    html << "<th>Output</th><th>Reference</th></tr>\n";
    for (const auto& item : data.items) {
        const ItemComparison* change = nullptr;
        if (auto it = changes.find(item.id); it != changes.end()) change = it->second;
        std::string row_class;
        if (change && change->change == ItemChange::improved) row_class = " class=improved";
        if (change && change->change == ItemChange::regressed) row_class = " class=regressed";
        html << "<tr" << row_class << "><td>" << html_escape(item.id) << "</td><td>"
             << html_escape(join_tags(item.tags)) << "</td><td>" << (item.passed ? "yes" : "no")
             << "</td><td class=num>" << fixed(item.score) << "</td>";
        if (data.comparison) {
            if (change && change->change != ItemChange::only_in_b)
                html << "<td class=num>" << fixed(change->a_score) << "</td>";
            else
                html << "<td></td>";
            html << "<td>" << (change ? to_string(change->change) : "") << "</td>";
        }
        html << "<td><pre>" << html_escape(item.output) << "</pre></td><td><pre>" << html_escape(item.reference)
             << "</pre></td></tr>\n";
    }
    html << "</table>\n";
}

}  // namespace

std::string html_escape(std::string_view text) { return escape_markup(text, "&quot;", "&#39;"); }

RunReportData load_run_report_data(const ProjectFile& project, std::int64_t run_id,
                                   std::optional<std::int64_t> baseline_run_id, const CompareOptions& options) {
    RunReportData data;
    auto run = find_run(project, run_id);
    if (!run) throw Error("eval run " + std::to_string(run_id) + " does not exist");
    data.run = *run;
    data.items = eval_run_items(project, run_id);  // throws for a non-eval run
    if (baseline_run_id) {
        auto baseline = find_run(project, *baseline_run_id);
        if (!baseline) throw Error("baseline run " + std::to_string(*baseline_run_id) + " does not exist");
        auto baseline_items = eval_run_items(project, *baseline_run_id);
        data.baseline = *baseline;
        data.comparison = compare_runs(to_item_results(baseline_items), to_item_results(data.items), options);
    }
    return data;
}

std::string render_run_report_html(const RunReportData& data) {
    std::ostringstream html;
    const std::string title = "Eval run " + run_label(data.run);
    html << "<!DOCTYPE html>\n<html lang=en>\n<head>\n<meta charset=utf-8>\n<title>" << html_escape(title)
         << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
    html << "<h1>" << html_escape(title) << "</h1>\n";
    write_run_info(html, data.run);
    write_summary(html, summarize_eval_items(data.items));
    if (data.comparison && data.baseline) write_comparison(html, *data.baseline, *data.comparison);
    write_items(html, data);
    html << "<p><small>Written by Tunebench " << html_escape(version_string()) << " at "
         << html_escape(utc_now_iso8601()) << ".</small></p>\n</body>\n</html>\n";
    return html.str();
}

void write_run_report(const ProjectFile& project, std::int64_t run_id, std::optional<std::int64_t> baseline_run_id,
                      const std::filesystem::path& out_path) {
    const std::string html = render_run_report_html(load_run_report_data(project, run_id, baseline_run_id));
    // The GUI's save dialog has asked before replacing a file; never the project's own.
    write_output_file(out_path, html, project_files(project), Overwrite::replace, "the report");
}

}  // namespace tb
