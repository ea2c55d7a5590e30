// tunebench-cli split: assign train / validation splits (stable, seeded, optionally
// stratified by a tag group) and print the counts per split as JSON.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/curation/settings.h"
#include "core/curation/splits.h"
#include "core/project/project_file.h"

namespace {

int run_split(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"validation", "seed", "stratify-by", "near-threshold"}, {"no-near"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("expected exactly one PROJECT");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));

    tb::SplitOptions options;
    options.validation_fraction = args.number_or("validation", tb::validation_fraction(project));
    if (options.validation_fraction < tb::kMinValidationFraction ||
        options.validation_fraction > tb::kMaxValidationFraction)
        throw tbcli::UsageError("--validation must be between 0.10 and 0.15");
    // The seed of the previous split by default, so re-running after an import keeps going the same way.
    long long stored_seed = std::stoll(project.meta("curation.split_seed").value_or("0"));
    long long seed = args.integer_or("seed", stored_seed);
    if (seed < 0) throw tbcli::UsageError("--seed must be 0 or more");
    options.seed = static_cast<std::uint64_t>(seed);
    options.stratify_by = args.value_or("stratify-by", "");
    options.group_near_duplicates = !args.flag("no-near");
    options.near_options.threshold = args.number_or("near-threshold", options.near_options.threshold);

    tb::SplitResult result = tb::assign_splits(project, options);
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [split, count] : result.counts) out[split] = count;
    out["newly_assigned"] = result.newly_assigned;
    out["kept"] = result.kept;
    out["seed"] = options.seed;
    out["validation_fraction"] = options.validation_fraction;
    if (!options.stratify_by.empty()) {
        out["stratify_by"] = options.stratify_by;
        nlohmann::json strata = nlohmann::json::object();
        for (const auto& [stratum, counts] : result.by_stratum) strata[stratum.empty() ? "(none)" : stratum] = counts;
        out["strata"] = strata;
    }
    std::cout << out.dump(2) << "\n";
    return tbcli::kExitOk;
}

tbcli::CommandRegistration split_command({
    "split",
    "split PROJECT [--validation 0.12] [--seed N] [--stratify-by TAG] [--no-near] [--near-threshold 0.8]",
    "Assign unassigned examples to train / validation (10-15%, default 12%), deterministic for a seed, stratified "
    "by the tag group TAG (tags TAG:value); assigned examples never move; duplicate and near-duplicate prompts "
    "share a split. Prints the counts per split as JSON.",
    run_split,
});

}  // namespace
