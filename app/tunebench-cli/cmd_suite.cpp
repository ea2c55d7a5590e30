// tunebench-cli suite: regression suites stored in the project (core/eval/regression_suite.h):
// which golden sets (and whether the general set) are evaluated on demand
// (`eval --suite NAME`) and after every training run (`train`, unless --no-suite).
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/eval/eval_sets.h"
#include "core/eval/regression_suite.h"
#include "core/project/project_file.h"

namespace {

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty()) parts.push_back(part);
    return parts;
}

std::string suite_names(const std::vector<tb::RegressionSuite>& suites) {
    std::string names;
    for (const auto& s : suites) names += (names.empty() ? "" : ", ") + s.name;
    return names.empty() ? "none yet: create one with `suite PROJECT set NAME --golden SET`" : names;
}

// The stored suite, or a tb::Error naming the suites there are (main exits 2).
tb::RegressionSuite require_suite(const tb::ProjectFile& project, const std::string& name) {
    auto suite = tb::load_regression_suite(project, name);
    if (!suite)
        throw tb::Error("no regression suite named '" + name +
                        "' in the project (suites: " + suite_names(tb::list_regression_suites(project)) + ")");
    return *suite;
}

std::string describe(const tb::RegressionSuite& s) {
    std::string sets;
    for (const auto& g : s.golden_sets) sets += (sets.empty() ? "" : ", ") + g;
    if (s.include_general) sets += std::string(sets.empty() ? "" : ", ") + "general (forgetting)";
    return s.name + ": " + sets + (s.run_after_training ? "; runs after every training run" : "; on demand only");
}

// Each set of the suite as it resolves now: its item count, or why it cannot be evaluated
// (a golden set deleted since, no general set chosen).
nlohmann::json resolved_sets(const tb::ProjectFile& project, const tb::RegressionSuite& suite) {
    auto names = suite.golden_sets;
    if (suite.include_general) names.push_back(tb::kGeneralSetName);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& name : names) {
        nlohmann::json j{{"name", name}};
        try {
            const auto set = tb::resolve_eval_set(project, name);
            j["items"] = set.items.size();
            j["source"] = set.source;
        } catch (const tb::Error& e) {
            j["error"] = e.what();
        }
        out.push_back(std::move(j));
    }
    return out;
}

int suite_set(tb::ProjectFile& project, const tbcli::Args& args, bool json) {
    if (args.positionals().size() != 3) throw tbcli::UsageError("suite set needs PROJECT set NAME");
    tb::RegressionSuite suite;
    suite.name = args.positional(2, "NAME");
    if (auto golden = args.value("golden")) suite.golden_sets = split_commas(*golden);
    suite.include_general = args.flag("general");
    suite.run_after_training = !args.flag("no-after-training");
    if (suite.golden_sets.empty() && !suite.include_general)
        throw tbcli::UsageError("suite set needs --golden SET[,SET...] and/or --general");
    const bool replaced = tb::load_regression_suite(project, suite.name).has_value();
    tb::save_regression_suite(project, suite);  // tb::Error for an unknown golden set
    if (json) {
        auto j = suite.to_json();
        j["replaced"] = replaced;
        std::cout << j.dump(2) << "\n";
    } else {
        std::cout << (replaced ? "replaced suite " : "saved suite ") << describe(suite) << "\n";
    }
    return tbcli::kExitOk;
}

int suite_list(const tb::ProjectFile& project, const tbcli::Args& args, bool json) {
    if (args.positionals().size() != 2) throw tbcli::UsageError("suite list needs PROJECT list");
    const auto suites = tb::list_regression_suites(project);
    if (json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& s : suites) out.push_back(s.to_json());
        std::cout << out.dump(2) << "\n";
        return tbcli::kExitOk;
    }
    if (suites.empty()) std::cout << "no regression suites\n";
    for (const auto& s : suites) std::cout << describe(s) << "\n";
    return tbcli::kExitOk;
}

int suite_show(const tb::ProjectFile& project, const tbcli::Args& args, bool json) {
    if (args.positionals().size() != 3) throw tbcli::UsageError("suite show needs PROJECT show NAME");
    const auto suite = require_suite(project, args.positional(2, "NAME"));
    const auto sets = resolved_sets(project, suite);
    if (json) {
        auto j = suite.to_json();
        j["sets"] = sets;
        std::cout << j.dump(2) << "\n";
        return tbcli::kExitOk;
    }
    std::cout << describe(suite) << "\n";
    for (const auto& s : sets) {
        std::cout << "  " << s["name"].get<std::string>() << ": ";
        if (s.contains("error"))
            std::cout << "cannot be evaluated: " << s["error"].get<std::string>() << "\n";
        else
            std::cout << s["items"].get<std::size_t>() << " item(s)\n";
    }
    return tbcli::kExitOk;
}

int suite_delete(tb::ProjectFile& project, const tbcli::Args& args, bool json) {
    if (args.positionals().size() != 3) throw tbcli::UsageError("suite delete needs PROJECT delete NAME");
    const auto name = args.positional(2, "NAME");
    require_suite(project, name);
    tb::delete_regression_suite(project, name);
    if (json)
        std::cout << nlohmann::json{{"deleted", name}}.dump(2) << "\n";
    else
        std::cout << "deleted suite " << name << "\n";
    return tbcli::kExitOk;
}

int run_suite_command(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"golden"}, {"general", "no-after-training", "json"});
    const std::string project_path = args.positional(0, "PROJECT");
    const std::string action = args.positional(1, "set|list|show|delete");
    const bool json = args.flag("json");
    if (action != "set" && (args.value("golden") || args.flag("general") || args.flag("no-after-training")))
        throw tbcli::UsageError("--golden, --general and --no-after-training apply to `suite set`");
    if (action != "set" && action != "list" && action != "show" && action != "delete")
        throw tbcli::UsageError("unknown suite action '" + action + "' (set, list, show, delete)");
    auto project = tb::ProjectFile::open(project_path);
    if (action == "set") return suite_set(project, args, json);
    if (action == "list") return suite_list(project, args, json);
    if (action == "show") return suite_show(project, args, json);
    return suite_delete(project, args, json);
}

tbcli::CommandRegistration suite_registration(
    {"suite",
     "suite PROJECT (set NAME [--golden A[,B...]] [--general] [--no-after-training] | list | show NAME | delete NAME) "
     "[--json]",
     "Regression suites: golden sets (and the general set, for forgetting) evaluated by `eval --suite NAME` and "
     "after every `train` run, compared with the base model and the previous run.",
     run_suite_command});

}  // namespace
