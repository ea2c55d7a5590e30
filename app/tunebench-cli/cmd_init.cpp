// tunebench-cli init PROJECT: creates an empty project file.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/project/project_file.h"

namespace {

int run_init(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {}, {"json"});
    std::string path = args.positional(0, "PROJECT");
    if (args.positionals().size() > 1) throw tbcli::UsageError("unexpected argument '" + args.positionals()[1] + "'");
    auto project = tb::ProjectFile::create(path);
    if (args.flag("json")) {
        std::cout << nlohmann::json{{"project", path}, {"schema_version", project.schema_version()}}.dump() << "\n";
    } else {
        std::cout << "Created " << path << " (project schema " << project.schema_version() << ")\n";
    }
    return tbcli::kExitOk;
}

const tbcli::CommandRegistration registration{
    {"init", "init PROJECT [--json]", "Create an empty project file (*.tunebench).", run_init}};

}  // namespace
