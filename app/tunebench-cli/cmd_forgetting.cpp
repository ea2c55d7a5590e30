// tunebench-cli forgetting: catastrophic forgetting between two stored eval runs of the
// general-purpose set (the base model's and the tuned one's): the paired difference of item
// scores with its bootstrap CI, flagged past a threshold (core/eval/forgetting.h).
// --gate exits 1 when flagged, as `compare --gate` does for regressions.
#include <cstdlib>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/eval/eval_sets.h"
#include "core/eval/eval_store.h"
#include "core/eval/forgetting.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"

namespace {

std::int64_t run_id_arg(const tbcli::Args& args, std::size_t index, const std::string& what) {
    const auto text = args.positional(index, what);
    char* end = nullptr;
    const long long id = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || id <= 0)
        throw tbcli::UsageError(what + " must be a run id, got '" + text + "'");
    return id;
}

// The set a stored eval run answered; a tb::Error when the run is missing or not an eval run.
std::string run_set(const tb::ProjectFile& project, std::int64_t run_id) {
    const auto run = tb::find_run(project, run_id);
    if (!run || run->kind != tb::RunKind::Eval)
        throw tb::Error("eval run " + std::to_string(run_id) + " does not exist in the project");
    if (run->status != tb::RunStatus::Completed)
        throw tb::Error("eval run " + std::to_string(run_id) + " is " + tb::to_string(run->status) + ", not completed");
    return run->config.value("set", "");
}

int run_forgetting(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"max-drop", "resamples"}, {"json", "gate"});
    const std::string project_path = args.positional(0, "PROJECT");
    const auto base_run = run_id_arg(args, 1, "BASE_RUN");
    const auto tuned_run = run_id_arg(args, 2, "TUNED_RUN");
    if (args.positionals().size() > 3) throw tbcli::UsageError("forgetting takes PROJECT BASE_RUN TUNED_RUN");
    tb::ForgettingOptions options;
    options.max_mean_drop = args.number_or("max-drop", options.max_mean_drop);
    if (options.max_mean_drop < 0 || options.max_mean_drop > 1) throw tbcli::UsageError("--max-drop must be in [0, 1]");
    const auto resamples = args.integer_or("resamples", static_cast<long long>(options.bootstrap.resamples));
    if (resamples < 100) throw tbcli::UsageError("--resamples must be at least 100");
    options.bootstrap.resamples = static_cast<std::size_t>(resamples);

    auto project = tb::ProjectFile::open(project_path);
    const auto base_set = run_set(project, base_run);
    const auto tuned_set = run_set(project, tuned_run);
    if (base_set != tuned_set)
        throw tb::Error("runs " + std::to_string(base_run) + " and " + std::to_string(tuned_run) +
                        " answered different sets ('" + base_set + "' and '" + tuned_set +
                        "'): forgetting compares two runs of the general set");
    if (base_set != tb::kGeneralSetName)
        std::cerr << "note: the runs answered '" << base_set << "', not the general set; forgetting is measured on "
                  << "general-purpose items (eval --set general)\n";
    const auto report = tb::assess_forgetting(project, base_run, tuned_run, options);  // tb::Error: nothing paired

    if (args.flag("json")) {
        auto j = report.to_json();
        j["set"] = base_set;
        std::cout << j.dump(2) << "\n";
    } else {
        std::cout << "forgetting on '" << base_set << "': base run " << base_run << " -> tuned run " << tuned_run
                  << ", " << report.items << " paired item(s)";
        if (report.unpaired) std::cout << " (" << report.unpaired << " in one run only, left out)";
        std::cout << "\n  mean score " << std::fixed << std::setprecision(3) << report.base_mean_score << " -> "
                  << report.tuned_mean_score << ", pass rate " << std::setprecision(1) << report.base_pass_rate * 100.0
                  << "% -> " << report.tuned_pass_rate * 100.0 << "%\n"
                  << "  score difference " << std::showpos << std::setprecision(3) << report.score_diff.estimate << " ("
                  << std::noshowpos << std::setprecision(0) << report.score_diff.confidence * 100.0 << "% CI "
                  << std::showpos << std::setprecision(3) << report.score_diff.low << " .. " << report.score_diff.high
                  << ")\n"
                  << std::noshowpos;
        std::cout << (report.flagged ? "FORGETTING: " + report.reason : std::string("no forgetting flagged")) << "\n";
    }
    return args.flag("gate") && report.flagged ? tbcli::kExitFindings : tbcli::kExitOk;
}

tbcli::CommandRegistration forgetting_registration(
    {"forgetting", "forgetting PROJECT BASE_RUN TUNED_RUN [--max-drop X] [--resamples N] [--gate] [--json]",
     "Catastrophic forgetting between two eval runs of the general set (base, then tuned): paired score "
     "difference with its bootstrap CI, flagged past --max-drop (default 0.05) or when the CI lies below 0; "
     "--gate exits 1 when flagged.",
     run_forgetting});

}  // namespace
