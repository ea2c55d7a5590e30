// tunebench-cli golden: golden test sets in and out as JSONL (one item per line:
// messages, reference, rubric [, author]).
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/curation/golden_sets.h"
#include "core/curation/reviewer_identity.h"
#include "core/project/project_file.h"

namespace {

int golden_import(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {"author"}, {"general", "json"});
    if (args.positionals().size() != 3) throw tbcli::UsageError("golden import needs PROJECT NAME FILE.jsonl");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    std::string name = args.positional(1, "NAME");
    std::string author = args.value_or("author", tb::machine_reviewer().value_or(""));
    auto kind = args.flag("general") ? tb::GoldenKind::general : tb::GoldenKind::task;
    auto result = tb::import_golden_jsonl(project, name, args.positional(2, "FILE.jsonl"), kind, author);
    auto set = tb::find_golden_set(project, name);
    std::int64_t items = set ? set->items : 0;
    auto advice = tb::golden_size_advice(items);
    if (args.flag("json")) {
        nlohmann::json out = {{"set", name},           {"kind", tb::to_string(kind)},     {"created", result.created},
                              {"added", result.added}, {"duplicates", result.duplicates}, {"items", items}};
        if (advice) out["advice"] = *advice;
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << "golden set '" << name << "' (" << tb::to_string(kind) << "): " << result.added
                  << " item(s) added, " << result.duplicates << " duplicate(s) skipped, " << items << " in total\n";
        if (advice) std::cerr << "note: " << *advice << "\n";
    }
    return tbcli::kExitOk;
}

int golden_export(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {"out"}, {"force"});
    if (args.positionals().size() != 2) throw tbcli::UsageError("golden export needs PROJECT NAME --out FILE.jsonl");
    auto out = args.value("out");
    if (!out) throw tbcli::UsageError("--out FILE.jsonl is required");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    auto count = tb::export_golden_jsonl(project, args.positional(1, "NAME"), *out, args.overwrite());
    std::cerr << "wrote " << count << " golden item(s) to " << *out << "\n";
    return tbcli::kExitOk;
}

int golden_list(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {}, {"json"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("golden list needs PROJECT");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    auto sets = tb::list_golden_sets(project);
    if (args.flag("json")) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : sets) {
            nlohmann::json j = {{"name", s.name},
                                {"kind", tb::to_string(s.kind)},
                                {"items", s.items},
                                {"description", s.description},
                                {"created_at", s.created_at}};
            if (auto advice = tb::golden_size_advice(s.items)) j["advice"] = *advice;
            out.push_back(j);
        }
        std::cout << out.dump(2) << "\n";
    } else {
        if (sets.empty()) std::cout << "no golden sets\n";
        for (const auto& s : sets) {
            std::cout << s.name << "  " << tb::to_string(s.kind) << "  " << s.items << " item(s)";
            if (auto advice = tb::golden_size_advice(s.items)) std::cout << "  (" << *advice << ")";
            std::cout << "\n";
        }
    }
    return tbcli::kExitOk;
}

int run_golden(const std::vector<std::string>& argv) {
    if (argv.empty()) throw tbcli::UsageError("expected a subcommand: import, export or list");
    std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "import") return golden_import(rest);
    if (argv[0] == "export") return golden_export(rest);
    if (argv[0] == "list") return golden_list(rest);
    throw tbcli::UsageError("unknown golden subcommand '" + argv[0] + "' (import, export, list)");
}

tbcli::CommandRegistration golden_command({
    "golden",
    "golden import PROJECT NAME FILE.jsonl [--general] [--author NAME] [--json] | golden export PROJECT NAME --out "
    "FILE.jsonl [--force] | golden list PROJECT [--json]",
    "Golden test sets as JSONL: one item per line with messages, reference, rubric (criteria: exact, contains, regex, "
    "json_field, numeric, judge) and optionally author. Import is one transaction; an unknown key or bad rubric "
    "is FILE:LINE: reason, exit 2. --general marks a general-purpose set (forgetting).",
    run_golden,
});

}  // namespace
