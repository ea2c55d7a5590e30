// tunebench-cli import PROJECT FILE: stores a dataset file's records as examples, all or
// nothing (or --skip-invalid). Exit 2 with one FILE:LINE: reason line per bad record.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "app/tunebench-cli/command.h"
#include "core/project/project_import.h"

namespace {

// A progress line on stderr, only for a person watching a terminal.
tb::JobContext terminal_progress() {
    tb::JobContext ctx;
    if (!::isatty(STDERR_FILENO)) return ctx;
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    ctx.progress = [last](const tb::Progress& p) {
        auto now = std::chrono::steady_clock::now();
        if (now - *last < std::chrono::milliseconds(100)) return;
        *last = now;
        if (p.total > 0) {
            std::fprintf(stderr, "\r%s: %3d%%", p.stage.c_str(), static_cast<int>(100 * p.done / p.total));
        } else {
            std::fprintf(stderr, "\r%s: %lld", p.stage.c_str(), static_cast<long long>(p.done));
        }
        std::fflush(stderr);
    };
    return ctx;
}

void clear_progress() {
    if (::isatty(STDERR_FILENO)) std::fprintf(stderr, "\r\033[K");
}

int run_import(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"format", "csv-user", "csv-assistant", "csv-system", "csv-input"},
                     {"skip-invalid", "json"});
    std::string project_path = args.positional(0, "PROJECT");
    std::string file = args.positional(1, "FILE");
    if (args.positionals().size() > 2) throw tbcli::UsageError("unexpected argument '" + args.positionals()[2] + "'");

    tb::ImportOptions options;
    try {
        options.format = tb::parse_dataset_format(args.value_or("format", "auto"));
    } catch (const tb::Error& e) {
        throw tbcli::UsageError(e.what());
    }
    options.csv.user = args.value_or("csv-user", options.csv.user);
    options.csv.assistant = args.value_or("csv-assistant", options.csv.assistant);
    options.csv.system = args.value_or("csv-system", options.csv.system);
    options.csv.input = args.value_or("csv-input", options.csv.input);
    bool skip_invalid = args.flag("skip-invalid");
    bool json = args.flag("json");

    auto project = tb::ProjectFile::open(project_path);
    tb::ImportResult result;
    try {
        result = tb::import_file(project, file, options, skip_invalid, terminal_progress());
        clear_progress();
    } catch (const tb::ImportRejected& rejected) {
        clear_progress();
        for (const auto& reject : rejected.rejects()) std::cerr << reject.message() << "\n";
        std::cerr << "tunebench-cli import: " << rejected.rejects().size() << " bad record"
                  << (rejected.rejects().size() == 1 ? "" : "s")
                  << ", nothing imported (fix them, or use --skip-invalid to leave them out)\n";
        if (json) {
            nlohmann::json lines = nlohmann::json::array();
            for (const auto& reject : rejected.rejects()) lines.push_back(reject.message());
            std::cout << nlohmann::json{{"imported", false}, {"file", file}, {"rejects", lines}}.dump() << "\n";
        }
        return tbcli::kExitBadInput;
    } catch (...) {
        clear_progress();
        throw;
    }

    // Left-out records are worth a look even when the import succeeded.
    for (const auto& reject : result.rejected) std::cerr << reject.message() << "\n";
    if (json) {
        nlohmann::json out = result.to_json();
        out["imported"] = true;
        std::cout << out.dump() << "\n";
    } else {
        std::cout << "Imported " << result.inserted << " new example" << (result.inserted == 1 ? "" : "s") << " from "
                  << file << " (" << tb::to_string(result.summary.detected) << "): " << result.summary.records
                  << " records, " << result.duplicates << " already in the project, " << result.summary.rejected
                  << " left out\n";
    }
    return tbcli::kExitOk;
}

const tbcli::CommandRegistration registration{
    {"import",
     "import PROJECT FILE [--format auto|chat|sharegpt|alpaca|csv] [--skip-invalid] [--json] [--csv-user COL] "
     "[--csv-assistant COL] [--csv-system COL] [--csv-input COL]",
     "Import a dataset file; one bad record rejects the file (exit 2) unless --skip-invalid.", run_import}};

}  // namespace
