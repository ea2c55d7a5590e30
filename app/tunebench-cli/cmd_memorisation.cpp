// tunebench-cli memorisation: does the model (usually base + a tuned adapter) recite its
// training answers? Greedy answers to training prompts against their answers, and the same
// on held-out (validation) items: verbatim rate, exact copies, the train − held-out gaps
// (core/eval/memorisation.h). Both generation runs are stored in the project.
// --gate exits 1 when the probe flags memorisation.
#include <unistd.h>

#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/eval/memorisation.h"
#include "core/project/project_file.h"

namespace {

void print_group(const tb::MemorisationGroup& g) {
    std::cout << "  " << std::left << std::setw(9) << g.name << std::right << " run " << g.run_id << ": " << g.items
              << " item(s), verbatim " << g.verbatim << " (" << std::fixed << std::setprecision(1)
              << g.verbatim_rate * 100.0 << "%), exact copies " << g.exact_copies << " (" << g.exact_copy_rate * 100.0
              << "%), mean score " << std::setprecision(3) << g.mean_score << ", mean run share " << g.mean_run_share
              << "\n";
}

int run_memorisation(const std::vector<std::string>& argv) {
    tbcli::Args args(
        argv, {"model", "adapter", "chat-template", "max-items", "min-run", "max-gap", "max-new-tokens", "batch"},
        {"json", "gate"});
    const std::string project_path = args.positional(0, "PROJECT");
    if (args.positionals().size() > 1) throw tbcli::UsageError("memorisation takes one PROJECT");
    const auto model = args.value("model");
    if (!model) throw tbcli::UsageError("--model DIR is required");
    std::optional<std::filesystem::path> adapter, chat_template;
    if (auto a = args.value("adapter")) adapter = *a;
    if (auto t = args.value("chat-template")) chat_template = *t;
    const auto target = tb::EvalTarget::local(*model, adapter, chat_template);

    tb::MemorisationOptions options;
    const auto max_items = args.integer_or("max-items", static_cast<long long>(options.max_items));
    if (max_items < 1) throw tbcli::UsageError("--max-items must be at least 1");
    options.max_items = static_cast<std::size_t>(max_items);
    const auto min_run = args.integer_or("min-run", static_cast<long long>(options.min_run_tokens));
    if (min_run < 1) throw tbcli::UsageError("--min-run must be at least 1 token");
    options.min_run_tokens = static_cast<std::size_t>(min_run);
    options.max_verbatim_gap = args.number_or("max-gap", options.max_verbatim_gap);
    if (options.max_verbatim_gap < 0 || options.max_verbatim_gap > 1)
        throw tbcli::UsageError("--max-gap must be in [0, 1]");
    options.generation.max_new_tokens = args.integer_or("max-new-tokens", 0);  // 0: longest answer + 16
    if (options.generation.max_new_tokens < 0) throw tbcli::UsageError("--max-new-tokens must be 0 or more");
    options.generation.batch_size = args.integer_or("batch", options.generation.batch_size);
    if (options.generation.batch_size < 1) throw tbcli::UsageError("--batch must be at least 1");

    auto project = tb::ProjectFile::open(project_path);
    tb::JobContext ctx;
    if (::isatty(2)) {
        ctx.progress = [](const tb::Progress& p) {
            std::cerr << "\r" << p.stage << " " << p.done << "/" << p.total << std::flush;
            if (p.total && p.done == p.total) std::cerr << "\n";
        };
    }
    const auto report = tb::measure_memorisation(project, target, options, ctx);

    if (args.flag("json")) {
        auto j = report.to_json();
        j["target"] = target.to_json();
        j["min_run_tokens"] = options.min_run_tokens;
        j["max_verbatim_gap"] = options.max_verbatim_gap;
        std::cout << j.dump(2) << "\n";
    } else {
        std::cout << "memorisation of " << target.describe() << " (verbatim: a common run of at least "
                  << options.min_run_tokens << " tokens, or the whole answer when shorter)\n";
        print_group(report.train);
        print_group(report.held_out);
        std::cout << "  gaps (train - held-out): verbatim rate " << std::showpos << std::fixed << std::setprecision(3)
                  << report.verbatim_rate_gap << ", exact-copy rate " << report.exact_copy_rate_gap << ", score "
                  << report.score_gap << ", run share " << report.run_share_gap << std::noshowpos << "\n";
        std::cout << (report.flagged ? "MEMORISATION: " + report.reason : std::string("no memorisation flagged"))
                  << "\n";
    }
    return args.flag("gate") && report.flagged ? tbcli::kExitFindings : tbcli::kExitOk;
}

tbcli::CommandRegistration memorisation_registration(
    {"memorisation",
     "memorisation PROJECT --model DIR [--adapter DIR] [--chat-template FILE] [--max-items N] [--min-run TOKENS] "
     "[--max-gap X] [--max-new-tokens N] [--batch N] [--gate] [--json]",
     "Memorisation probe: greedy answers to training prompts vs their training answers, against held-out items "
     "(verbatim rate, exact copies, train - held-out gaps); --gate exits 1 when flagged.",
     run_memorisation});

}  // namespace
