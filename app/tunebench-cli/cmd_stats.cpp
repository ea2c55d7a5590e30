// tunebench-cli stats PROJECT: counts, roles, turns, lengths, splits, tags, latest check.
#include <iomanip>
#include <iostream>

#include "app/tunebench-cli/command.h"
#include "core/project/project_stats.h"

namespace {

void print_counts(const char* title, const std::map<std::string, std::size_t>& counts) {
    std::cout << title << ":";
    if (counts.empty()) std::cout << " none";
    for (const auto& [name, count] : counts) std::cout << "  " << name << " " << count;
    std::cout << "\n";
}

int run_stats(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {}, {"json"});
    std::string project_path = args.positional(0, "PROJECT");
    if (args.positionals().size() > 1) throw tbcli::UsageError("unexpected argument '" + args.positionals()[1] + "'");
    auto project = tb::ProjectFile::open(project_path);
    tb::ProjectStats stats = tb::compute_project_stats(project);
    if (args.flag("json")) {
        std::cout << stats.to_json().dump() << "\n";
        return tbcli::kExitOk;
    }
    nlohmann::json data = stats.data.to_json();
    std::cout << project_path << "\n";
    std::cout << "examples: " << stats.data.examples << "  messages: " << stats.data.messages << "\n";
    print_counts("messages by role", stats.data.messages_by_role);
    std::cout << "turns per example:";
    for (const auto& [turns, count] : stats.data.turns_histogram) std::cout << "  " << turns << ": " << count;
    std::cout << "\n";
    if (data.contains("chars_per_example")) {
        const auto& lengths = data["chars_per_example"];
        std::cout << std::fixed << std::setprecision(0) << "characters per example:";
        for (const char* key : {"min", "mean", "p50", "p95", "max"}) {
            if (lengths.contains(key)) std::cout << "  " << key << " " << lengths[key].get<double>();
        }
        std::cout << "\n";
    }
    print_counts("splits", stats.splits);
    print_counts("tags", stats.tags);
    std::cout << "imports: " << stats.imports << "  reviews: " << stats.reviews
              << "  golden sets: " << stats.golden_sets << "  runs: " << stats.runs << "\n";
    if (stats.latest_check_at) {
        std::cout << "latest check (" << *stats.latest_check_at << ")";
        print_counts("", stats.findings);
    } else {
        std::cout << "latest check: never (run `tunebench-cli check " << project_path << "`)\n";
    }
    return tbcli::kExitOk;
}

const tbcli::CommandRegistration registration{
    {"stats", "stats PROJECT [--json]", "Show what the project holds: examples, roles, turns, lengths, splits, tags.",
     run_stats}};

}  // namespace
