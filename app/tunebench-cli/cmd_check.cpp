// tunebench-cli check PROJECT: the data report (duplicates, empty turns, PII, ...), stored
// in the project as its latest check. Exit 1 when a --fail-on threshold is passed.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>

#include "app/tunebench-cli/command.h"
#include "core/project/project_checks.h"
#include "core/train/token_counter.h"

namespace {

const std::set<std::string> kKinds = {
    "exact_duplicate", "near_duplicate", "empty_turn", "missing_assistant",     "role_order",
    "refusal",         "short_answer",   "pii",        "system_prompt_mismatch"};

// "pii=0,near_duplicate=5" (or "pii", meaning pii=0; "any" counts every finding):
// the most findings of that kind that still pass.
std::map<std::string, std::size_t> parse_fail_on(const std::string& text) {
    std::map<std::string, std::size_t> limits;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        std::string item = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? text.size() + 1 : end + 1;
        if (item.empty()) continue;
        std::string kind = item;
        std::size_t limit = 0;
        if (auto eq = item.find('='); eq != std::string::npos) {
            kind = item.substr(0, eq);
            std::string number = item.substr(eq + 1);
            char* stop = nullptr;
            long long value = std::strtoll(number.c_str(), &stop, 10);
            if (number.empty() || *stop != '\0' || value < 0) {
                throw tbcli::UsageError("--fail-on " + item + ": the threshold must be a whole number >= 0");
            }
            limit = static_cast<std::size_t>(value);
        }
        if (kind != "any" && !kKinds.count(kind)) {
            std::string known;
            for (const auto& k : kKinds) known += " " + k;
            throw tbcli::UsageError("--fail-on: unknown finding kind '" + kind + "' (known: any" + known + ")");
        }
        limits[kind] = limit;
    }
    return limits;
}

tb::JobContext terminal_progress() {
    tb::JobContext ctx;
    if (!::isatty(STDERR_FILENO)) return ctx;
    auto last = std::make_shared<std::chrono::steady_clock::time_point>();
    ctx.progress = [last](const tb::Progress& p) {
        auto now = std::chrono::steady_clock::now();
        if (now - *last < std::chrono::milliseconds(100)) return;
        *last = now;
        std::fprintf(stderr, "\r\033[K%s: %lld/%lld", p.stage.c_str(), static_cast<long long>(p.done),
                     static_cast<long long>(p.total));
        std::fflush(stderr);
    };
    return ctx;
}

int run_check(const std::vector<std::string>& argv) {
    tbcli::Args args(argv, {"near-dup-threshold", "short-answer-chars", "fail-on", "tokenizer"}, {"json"});
    std::string project_path = args.positional(0, "PROJECT");
    if (args.positionals().size() > 1) throw tbcli::UsageError("unexpected argument '" + args.positionals()[1] + "'");
    tb::CheckOptions options;
    options.near_dup_threshold = args.number_or("near-dup-threshold", options.near_dup_threshold);
    if (options.near_dup_threshold <= 0 || options.near_dup_threshold > 1) {
        throw tbcli::UsageError("--near-dup-threshold must be in (0, 1]");
    }
    long long short_chars = args.integer_or("short-answer-chars", static_cast<long long>(options.short_answer_chars));
    if (short_chars < 0) throw tbcli::UsageError("--short-answer-chars must be >= 0");
    options.short_answer_chars = static_cast<std::size_t>(short_chars);
    auto limits = parse_fail_on(args.value_or("fail-on", ""));
    if (auto tokenizer = args.value("tokenizer")) {
        tb::TokenCounter counter = tb::make_token_counter(*tokenizer);
        options.token_counter = counter.count;
        options.tokenizer_name = counter.name;
    }

    auto project = tb::ProjectFile::open(project_path);
    tb::CheckReport report = tb::run_checks(project, options, terminal_progress());
    if (::isatty(STDERR_FILENO)) std::fprintf(stderr, "\r\033[K");

    auto counts = report.counts_by_kind();
    std::size_t total = report.findings.size();
    std::vector<std::string> over;
    for (const auto& [kind, limit] : limits) {
        std::size_t count = kind == "any" ? total : (counts.count(kind) ? counts.at(kind) : 0);
        if (count > limit) {
            over.push_back(kind + ": " + std::to_string(count) + " > " + std::to_string(limit));
        }
    }

    if (args.flag("json")) {
        nlohmann::json out = report.to_json();
        out["failed_thresholds"] = over;
        std::cout << out.dump() << "\n";
    } else {
        std::cout << "Checked " << report.stats.examples << " examples: " << total << " finding"
                  << (total == 1 ? "" : "s") << "\n";
        nlohmann::json stats = report.stats.to_json();
        if (stats.contains("tokens_per_example")) {
            const auto& t = stats["tokens_per_example"];
            std::cout << "  tokens per example (" << t["tokenizer"].get<std::string>() << "): min " << t["min"]
                      << ", median " << t["p50"] << ", p95 " << t["p95"] << ", max " << t["max"] << "\n";
        }
        for (const auto& [kind, count] : counts) std::cout << "  " << kind << ": " << count << "\n";
        std::size_t shown = 0;
        for (const auto& finding : report.findings) {
            if (shown++ == 20) {
                std::cout << "  ... (" << total - 20 << " more; --json lists all)\n";
                break;
            }
            std::cout << "  [" << finding.kind << "] examples";
            for (std::size_t i = 0; i < finding.examples.size() && i < 8; ++i) std::cout << " " << finding.examples[i];
            if (finding.examples.size() > 8) std::cout << " ...";
            if (!finding.detail.empty()) std::cout << ": " << finding.detail;
            std::cout << "\n";
        }
    }
    for (const auto& line : over) std::cerr << "tunebench-cli check: over the --fail-on threshold: " << line << "\n";
    return over.empty() ? tbcli::kExitOk : tbcli::kExitFindings;
}

const tbcli::CommandRegistration registration{
    {"check",
     "check PROJECT [--near-dup-threshold X] [--short-answer-chars N] [--tokenizer DIR] [--fail-on KIND=N[,KIND=N...]] "
     "[--json]",
     "Check the examples (duplicates, empty turns, role order, refusals, PII, ...; token lengths with --tokenizer); "
     "the report is kept in the project. Exit 1 when a kind has more findings than its --fail-on threshold.",
     run_check}};

}  // namespace
