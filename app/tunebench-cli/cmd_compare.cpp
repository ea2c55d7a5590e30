// tunebench-cli compare: two eval runs item by item (RUN_A the baseline), with McNemar's
// test, a paired bootstrap CI and per-tag groups (core/eval/compare.h); --gate makes a
// flagged regression exit 1 for CI, --junit writes JUnit XML.
#include <fstream>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/eval/compare.h"
#include "core/eval/eval_store.h"
#include "core/project/project_file.h"
#include "core/project/project_files.h"

namespace {

std::int64_t run_id_arg(const tbcli::Args& args, std::size_t index, const std::string& what) {
    const auto text = args.positional(index, what);
    char* end = nullptr;
    const long long id = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || id <= 0)
        throw tbcli::UsageError(what + " must be a run id, got '" + text + "'");
    return id;
}

void print_group(const tb::GroupComparison& g) {
    std::cout << "  " << std::left << std::setw(24) << (g.tag.empty() ? "overall" : g.tag) << std::right << std::setw(5)
              << g.items << " items  pass " << std::fixed << std::setprecision(1) << g.pass_rate_a * 100.0 << "% -> "
              << g.pass_rate_b * 100.0 << "%  McNemar p=" << std::setprecision(3) << g.mcnemar.p_value
              << "  score diff " << g.score_diff.estimate << " [" << g.score_diff.low << ", " << g.score_diff.high
              << "]" << (g.regression ? "  REGRESSION: " + g.reason : "") << "\n";
}

int run_compare(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"junit", "alpha", "max-drop"}, {"json", "gate", "force"});
    const std::string project_path = args.positional(0, "PROJECT");
    const auto run_a = run_id_arg(args, 1, "RUN_A");
    const auto run_b = run_id_arg(args, 2, "RUN_B");
    if (args.positionals().size() > 3) throw tbcli::UsageError("compare takes PROJECT RUN_A RUN_B");
    tb::CompareOptions options;
    options.alpha = args.number_or("alpha", options.alpha);
    options.max_pass_rate_drop = args.number_or("max-drop", options.max_pass_rate_drop);
    if (options.alpha <= 0 || options.alpha >= 1) throw tbcli::UsageError("--alpha must be in (0, 1)");
    if (options.max_pass_rate_drop < 0 || options.max_pass_rate_drop > 1)
        throw tbcli::UsageError("--max-drop must be in [0, 1]");

    auto project = tb::ProjectFile::open(project_path);
    const auto junit = args.value("junit");
    if (junit) tb::check_output_file(*junit, tb::project_files(project), args.overwrite(), "--junit");
    const auto a = tb::load_tagged_eval_results(project, run_a);
    const auto b = tb::load_tagged_eval_results(project, run_b);
    if (a.empty()) throw tb::Error("eval run " + std::to_string(run_a) + " has no scored outputs");
    if (b.empty()) throw tb::Error("eval run " + std::to_string(run_b) + " has no scored outputs");
    const auto comparison = tb::compare_runs(a, b, options);
    if (comparison.overall.items == 0)
        throw tb::Error("runs " + std::to_string(run_a) + " and " + std::to_string(run_b) +
                        " share no item: compare runs on the same set");

    if (junit)
        tb::write_output_file(
            *junit, comparison.to_junit_xml("tunebench-eval-" + std::to_string(run_a) + "-vs-" + std::to_string(run_b)),
            tb::project_files(project), args.overwrite(), "--junit");
    const bool regression = comparison.has_regression();
    if (args.flag("json")) {
        auto j = comparison.to_json();
        j["run_a"] = run_a;
        j["run_b"] = run_b;
        j["has_regression"] = regression;
        std::cout << j.dump(2) << "\n";
    } else {
        std::size_t improved = 0, regressed = 0, unchanged = 0, unpaired = 0;
        for (const auto& item : comparison.items) {
            switch (item.change) {
                case tb::ItemChange::improved:
                    ++improved;
                    break;
                case tb::ItemChange::regressed:
                    ++regressed;
                    break;
                case tb::ItemChange::unchanged:
                    ++unchanged;
                    break;
                default:
                    ++unpaired;
                    break;
            }
        }
        std::cout << "run " << run_a << " (baseline) vs run " << run_b << ": " << improved << " improved, " << regressed
                  << " regressed, " << unchanged << " unchanged";
        if (unpaired) std::cout << ", " << unpaired << " in one run only";
        std::cout << "\n";
        print_group(comparison.overall);
        for (const auto& g : comparison.per_tag) print_group(g);
        for (const auto& item : comparison.items)
            if (item.change == tb::ItemChange::regressed)
                std::cout << "  regressed: " << item.id << " (" << item.a_score << " -> " << item.b_score << ")\n";
        std::cout << (regression ? "regression flagged\n" : "no regression flagged\n");
    }
    return args.flag("gate") && regression ? tbcli::kExitFindings : tbcli::kExitOk;
}

tbcli::CommandRegistration compare_registration(
    {"compare", "compare PROJECT RUN_A RUN_B [--json] [--gate] [--junit FILE [--force]] [--alpha P] [--max-drop X]",
     "Compare two eval runs item by item (RUN_A is the baseline); --gate exits 1 when a regression is flagged.",
     run_compare});

}  // namespace
