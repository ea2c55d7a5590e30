// tunebench-cli export PROJECT --split NAME|all --out FILE.jsonl: OpenAI chat JSONL.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/project/project_export.h"

namespace {

int run_export(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"split", "out"}, {"json", "force"});
    std::string project_path = args.positional(0, "PROJECT");
    if (args.positionals().size() > 1) throw tbcli::UsageError("unexpected argument '" + args.positionals()[1] + "'");
    auto split = args.value("split");
    auto out = args.value("out");
    if (!split) throw tbcli::UsageError("missing --split NAME|all");
    if (!out) throw tbcli::UsageError("missing --out FILE.jsonl");
    if (*split != "all" && *split != "train" && *split != "validation" && *split != "test") {
        throw tbcli::UsageError("unknown split '" + *split + "': use all, train, validation or test");
    }
    auto project = tb::ProjectFile::open(project_path);
    std::size_t written = tb::export_examples(project, *split, *out, args.overwrite());
    if (args.flag("json")) {
        std::cout << nlohmann::json{{"out", *out}, {"split", *split}, {"examples", written}}.dump() << "\n";
    } else {
        std::cout << "Exported " << written << " example" << (written == 1 ? "" : "s") << " (" << *split << ") to "
                  << *out << "\n";
    }
    return tbcli::kExitOk;
}

const tbcli::CommandRegistration registration{
    {"export", "export PROJECT --split NAME|all --out FILE.jsonl [--force] [--json]",
     "Write the examples of a split (train, validation, test) or all as OpenAI chat JSONL. An existing FILE is "
     "replaced only with --force; the project's own files never.",
     run_export}};

}  // namespace
