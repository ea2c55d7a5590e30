// tunebench-cli review: offline grading through CSV, the review summary (accepted against
// imported, agreement, staleness) and the review settings of a project.
#include <cmath>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/curation/agreement.h"
#include "core/curation/review_csv.h"
#include "core/curation/reviewer_identity.h"
#include "core/curation/reviews.h"
#include "core/curation/settings.h"
#include "core/curation/staleness.h"
#include "core/project/project_file.h"

namespace {

nlohmann::json number_or_null(double value) {
    return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
}

int review_export(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {"out", "reviewer", "queue"}, {"force"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("review export needs PROJECT --out FILE.csv");
    auto out = args.value("out");
    if (!out) throw tbcli::UsageError("--out FILE.csv is required");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    tb::ReviewCsvExportOptions options;
    options.reviewer = args.value_or("reviewer", tb::machine_reviewer().value_or(""));
    auto queue = tb::parse_review_queue(args.value_or("queue", "all"));
    if (!queue) throw tbcli::UsageError("--queue is all, to_review, stale or disagreements");
    options.queue = *queue;
    options.overwrite = args.overwrite();
    if (options.queue == tb::ReviewQueue::to_review && options.reviewer.empty())
        throw tbcli::UsageError("--queue to_review needs --reviewer NAME (or a reviewer identity on this machine)");
    auto rows = tb::export_review_csv(project, *out, options);
    std::cerr << "wrote " << rows << " example(s) to " << *out << "\n";
    return tbcli::kExitOk;
}

int review_import(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {}, {"json"});
    if (args.positionals().size() != 2) throw tbcli::UsageError("review import needs PROJECT FILE.csv");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    auto result = tb::import_review_csv(project, args.positional(1, "FILE.csv"));
    if (args.flag("json")) {
        std::cout << nlohmann::json{{"rows", result.rows},
                                    {"recorded", result.recorded},
                                    {"ungraded", result.ungraded},
                                    {"unchanged", result.unchanged}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << result.rows << " row(s): " << result.recorded << " review(s) recorded, " << result.ungraded
                  << " ungraded, " << result.unchanged << " unchanged\n";
    }
    return tbcli::kExitOk;
}

int review_summary(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {}, {"json"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("review summary needs PROJECT");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    auto summary = tb::review_summary(project);
    auto agreement = tb::reviewer_agreement(project);
    auto staleness = tb::staleness_summary(project);
    nlohmann::json out = {
        {"examples", summary.examples},
        {"reviewed", summary.reviewed},
        {"accepted", summary.accepted},
        {"rejected", summary.rejected},
        {"needs_edit", summary.needs_edit},
        {"disputed", summary.disputed},
        {"reviewers", summary.reviews_by_reviewer},
        {"agreement",
         {{"method", agreement.method},
          {"value", number_or_null(agreement.value)},
          {"items", agreement.items},
          {"reviewers", agreement.reviewers}}},
        {"stale", staleness.stale},
        {"stale_share", staleness.stale_share},
        {"rereview_interval_days", staleness.interval_days},
        {"review_overlap", tb::review_overlap(project)},
        {"guideline_version", tb::guideline_version(project)},
    };
    if (agreement.kappa) {
        out["agreement"]["ci_low"] = agreement.kappa->ci_low;
        out["agreement"]["ci_high"] = agreement.kappa->ci_high;
    }
    if (args.flag("json")) {
        std::cout << out.dump(2) << "\n";
        return tbcli::kExitOk;
    }
    std::cout << summary.accepted << " accepted of " << summary.examples << " imported (" << summary.reviewed
              << " reviewed: " << summary.rejected << " rejected, " << summary.needs_edit << " need edits, "
              << summary.disputed << " disputed)\n";
    if (agreement.method == "none") {
        std::cout << "agreement: fewer than 2 examples reviewed by several reviewers\n";
    } else {
        std::cout << "agreement: " << (agreement.method == "cohen_kappa" ? "Cohen's kappa " : "Krippendorff's alpha ")
                  << agreement.value << " over " << agreement.items << " example(s), " << agreement.reviewers.size()
                  << " reviewers\n";
    }
    std::cout << "stale: " << staleness.stale << " of " << staleness.reviewed << " reviewed (interval "
              << staleness.interval_days << " days)\n";
    return tbcli::kExitOk;
}

int review_settings(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {"overlap", "interval-days", "guideline-version", "rereview-tags"},
                     {"rereview-all", "json"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("review settings needs PROJECT");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    std::int64_t marked = 0;
    if (args.value("overlap")) tb::set_review_overlap(project, static_cast<int>(args.integer_or("overlap", 1)));
    if (args.value("interval-days"))
        tb::set_rereview_interval_days(project, static_cast<int>(args.integer_or("interval-days", 90)));
    if (auto version = args.value("guideline-version")) {
        tb::RereviewScope scope;
        scope.all_reviewed = args.flag("rereview-all");
        std::stringstream tags(args.value_or("rereview-tags", ""));
        for (std::string tag; std::getline(tags, tag, ',');) {
            if (!tag.empty()) scope.tags.push_back(tag);
        }
        marked = tb::set_guideline_version(project, *version, scope);
    } else if (args.flag("rereview-all") || args.value("rereview-tags")) {
        throw tbcli::UsageError("--rereview-all / --rereview-tags go with --guideline-version");
    }
    nlohmann::json out = {{"review_overlap", tb::review_overlap(project)},
                          {"rereview_interval_days", tb::rereview_interval_days(project)},
                          {"guideline_version", tb::guideline_version(project)},
                          {"marked_for_rereview", marked}};
    std::cout << out.dump(2) << "\n";
    return tbcli::kExitOk;
}

int review_whoami(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {"set"}, {});
    if (auto name = args.value("set")) tb::set_machine_reviewer(*name);
    auto name = tb::machine_reviewer();
    if (!name) {
        std::cerr << "no reviewer identity on this machine: tunebench-cli review whoami --set NAME\n";
        return tbcli::kExitFindings;
    }
    std::cout << *name << "\n";
    return tbcli::kExitOk;
}

int run_review(const std::vector<std::string>& argv) {
    if (argv.empty()) throw tbcli::UsageError("expected a subcommand: export, import, summary, settings or whoami");
    std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "export") return review_export(rest);
    if (argv[0] == "import") return review_import(rest);
    if (argv[0] == "summary") return review_summary(rest);
    if (argv[0] == "settings") return review_settings(rest);
    if (argv[0] == "whoami") return review_whoami(rest);
    throw tbcli::UsageError("unknown review subcommand '" + argv[0] + "'");
}

tbcli::CommandRegistration review_command({
    "review",
    "review export PROJECT --out FILE.csv [--force] [--reviewer NAME] [--queue all|to_review|stale|disagreements] | "
    "review "
    "import PROJECT FILE.csv [--json] | review summary PROJECT [--json] | review settings PROJECT [--overlap N] "
    "[--interval-days N] [--guideline-version V [--rereview-all | --rereview-tags a,b]] | review whoami [--set NAME]",
    "Grade offline through RFC 4180 CSV (example_id, conversation, verdict, note, reviewer; import validates each "
    "row, FILE:LINE errors, and appends reviews); accepted against imported, reviewer agreement (kappa / alpha) "
    "and staleness; review overlap, re-review interval and guideline version; this machine's reviewer identity.",
    run_review,
});

}  // namespace
