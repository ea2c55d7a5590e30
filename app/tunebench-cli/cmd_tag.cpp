// tunebench-cli tag: list tags, tag or untag examples in bulk (from a search, a tag, a
// split or ids), coverage targets and the coverage report.
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/curation/coverage.h"
#include "core/curation/settings.h"
#include "core/curation/tags.h"
#include "core/project/project_file.h"

namespace {

tb::ExampleFilter filter_from(const tbcli::Args& args) {
    tb::ExampleFilter filter;
    filter.text = args.value_or("search", "");
    filter.tag = args.value_or("has-tag", "");
    filter.split = args.value_or("split", "");
    return filter;
}

std::vector<std::int64_t> ids_from(const std::string& text) {
    std::vector<std::int64_t> ids;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        try {
            ids.push_back(std::stoll(item));
        } catch (const std::exception&) {
            throw tbcli::UsageError("--ids needs comma-separated example ids, got '" + item + "'");
        }
    }
    return ids;
}

int tag_change(const std::vector<std::string>& rest, bool add) {
    tbcli::Args args(rest, {"search", "has-tag", "split", "ids"}, {"all"});
    if (args.positionals().size() != 2) throw tbcli::UsageError("expected PROJECT TAG");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    std::string tag = args.positional(1, "TAG");
    tb::ExampleFilter filter = filter_from(args);
    std::int64_t changed = 0;
    if (auto ids = args.value("ids")) {
        if (!filter.empty()) throw tbcli::UsageError("--ids cannot be combined with a filter");
        if (!add) {
            project.transaction([&] {
                for (auto id : ids_from(*ids)) changed += tb::remove_tag(project, id, tag) ? 1 : 0;
            });
        } else {
            changed = tb::tag_examples(project, ids_from(*ids), tag);
        }
    } else {
        if (filter.empty() && !args.flag("all"))
            throw tbcli::UsageError("say which examples: --search TEXT, --has-tag T, --split S, --ids 1,2 or --all");
        changed = add ? tb::tag_matching(project, filter, tag) : tb::untag_matching(project, filter, tag);
    }
    std::cout << nlohmann::json{{"tag", tag}, {add ? "tagged" : "untagged", changed}}.dump() << "\n";
    return tbcli::kExitOk;
}

int tag_list(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {}, {"json"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("expected PROJECT");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    tb::ensure_builtin_tags(project);
    auto tags = tb::list_tags(project);
    if (args.flag("json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& t : tags) out.push_back({{"name", t.name}, {"examples", t.examples}, {"builtin", t.builtin}});
        std::cout << out.dump(2) << "\n";
    } else {
        for (const auto& t : tags)
            std::cout << t.name << "  " << t.examples << (t.builtin ? "  (built-in)" : "") << "\n";
    }
    return tbcli::kExitOk;
}

int tag_target(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {}, {"remove"});
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    std::string tag = args.positional(1, "TAG");
    if (args.flag("remove")) {
        tb::remove_coverage_target(project, tag);
    } else {
        std::string share = args.positional(2, "SHARE (0.05 = 5%)");
        char* end = nullptr;
        double value = std::strtod(share.c_str(), &end);
        if (share.empty() || *end != '\0') throw tbcli::UsageError("SHARE must be a number such as 0.05");
        tb::set_coverage_target(project, tag, value);
    }
    std::cout << nlohmann::json(tb::coverage_targets(project)).dump() << "\n";
    return tbcli::kExitOk;
}

int tag_coverage(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {"split"}, {"json"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("expected PROJECT");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    auto report = tb::coverage_report(project, args.value_or("split", ""));
    bool gaps = false;
    nlohmann::json tags = nlohmann::json::array();
    for (const auto& t : report.tags) {
        nlohmann::json j = {{"tag", t.tag}, {"examples", t.examples}, {"share", t.share}};
        if (t.target) {
            j["target"] = *t.target;
            j["below_target"] = t.below_target;
            j["missing"] = t.missing;
        }
        gaps = gaps || t.below_target;
        tags.push_back(j);
    }
    if (args.flag("json")) {
        nlohmann::json turns = nlohmann::json::object();
        for (const auto& [n, count] : report.turns) turns[std::to_string(n)] = count;
        std::cout << nlohmann::json{{"examples", report.examples},
                                    {"tags", tags},
                                    {"turns", turns},
                                    {"characters",
                                     {{"p50", report.characters_p50},
                                      {"p95", report.characters_p95},
                                      {"max", report.characters_max},
                                      {"bucket_lower_bounds", report.characters.lower_bounds},
                                      {"counts", report.characters.counts}}}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << report.examples << " example(s)\n";
        for (const auto& t : report.tags) {
            std::cout << "  " << t.tag << ": " << t.examples << " (" << t.share * 100 << "%)";
            if (t.target)
                std::cout << " target " << *t.target * 100 << "%"
                          << (t.below_target ? "  GAP: add " + std::to_string(t.missing) : "");
            std::cout << "\n";
        }
    }
    return gaps ? tbcli::kExitFindings : tbcli::kExitOk;
}

int run_tag(const std::vector<std::string>& argv) {
    if (argv.empty()) throw tbcli::UsageError("expected a subcommand: list, add, remove, target or coverage");
    std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "list") return tag_list(rest);
    if (argv[0] == "add") return tag_change(rest, true);
    if (argv[0] == "remove") return tag_change(rest, false);
    if (argv[0] == "target") return tag_target(rest);
    if (argv[0] == "coverage") return tag_coverage(rest);
    throw tbcli::UsageError("unknown tag subcommand '" + argv[0] + "'");
}

tbcli::CommandRegistration tag_command({
    "tag",
    "tag list PROJECT [--json] | tag add|remove PROJECT TAG (--search TEXT | --has-tag T | --split S | --ids 1,2 | "
    "--all) | tag target PROJECT TAG SHARE [--remove] | tag coverage PROJECT [--split S] [--json]",
    "Tags (built-in: adversarial, ambiguous, out-of-domain, should-refuse; groups as topic:value), bulk tagging "
    "from a full-text search or filter, coverage targets (at least SHARE of examples) and the coverage report "
    "(exit 1 when a tag is below its target).",
    run_tag,
});

}  // namespace
