// tunebench-cli leakage: prompts shared across train, validation/test and golden sets,
// exact (normalised prompt) and near (MinHash). Exit 1 when there is any.
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/curation/leakage.h"
#include "core/project/project_file.h"

namespace {

int run_leakage(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"threshold"}, {"json", "exact-only"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("expected exactly one PROJECT");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    tb::LeakageOptions options;
    options.near = !args.flag("exact-only");
    options.near_options.threshold = args.number_or("threshold", options.near_options.threshold);
    if (!(options.near_options.threshold > 0 && options.near_options.threshold <= 1))
        throw tbcli::UsageError("--threshold is a similarity in (0, 1]");

    tb::LeakageReport report = tb::check_leakage(project, options);
    if (args.flag("json")) {
        nlohmann::json pairs = nlohmann::json::array();
        for (const auto& p : report.pairs) {
            pairs.push_back({{"a", p.a.id},
                             {"b", p.b.id},
                             {"sets", {p.a.set, p.b.set}},
                             {"similarity", p.similarity},
                             {"kind", p.kind}});
        }
        nlohmann::json out = {{"pairs", pairs},
                              {"count", report.pairs.size()},
                              {"set_sizes", report.set_sizes},
                              {"by_sets", report.pairs_by_sets},
                              {"threshold", options.near_options.threshold}};
        std::cout << out.dump(2) << "\n";
    } else if (report.pairs.empty()) {
        std::cout << "no leakage between train, validation/test and golden sets\n";
    } else {
        std::cout << report.pairs.size() << " leaking pair(s) (golden ids are golden item ids):\n";
        for (const auto& p : report.pairs) {
            char similarity[16];
            std::snprintf(similarity, sizeof similarity, "%.2f", p.similarity);
            std::cout << "  " << p.a.set << " #" << p.a.id << "  ~  " << p.b.set << " #" << p.b.id << "  (" << p.kind
                      << ", " << similarity << ")\n";
        }
    }
    return report.pairs.empty() ? tbcli::kExitOk : tbcli::kExitFindings;
}

tbcli::CommandRegistration leakage_command({
    "leakage",
    "leakage PROJECT [--json] [--exact-only] [--threshold 0.8]",
    "List prompts shared across train, validation/test and golden sets: exact (same normalised prompt) and near "
    "duplicates (MinHash Jaccard >= threshold). Exit 1 when there is any leaking pair.",
    run_leakage,
});

}  // namespace
