// tunebench-cli judge: the LLM judge. `judge run` grades the judge criteria of an eval run;
// `judge validate` measures the judge against the human grades of a golden set (kappa with
// CI, confusion matrix) and probes it for position/verbosity bias and reward hacking.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/common/error.h"
#include "core/curation/golden_sets.h"
#include "core/eval/api_key.h"
#include "core/eval/judge.h"
#include "core/eval/judge_validation.h"
#include "core/eval/pairwise_agreement.h"
#include "core/project/project_file.h"

namespace {

const std::vector<std::string> kJudgeOptions = {"judge-url",    "judge-model", "api-key-env",  "concurrency",
                                                "max-attempts", "timeout",     "price-prompt", "price-completion"};

tb::JudgeConfig judge_config(const tbcli::Args& args) {
    tb::JudgeConfig c;
    auto url = args.value("judge-url");
    auto model = args.value("judge-model");
    if (!url)
        throw tbcli::UsageError(
            "--judge-url URL is required (an OpenAI-compatible base URL, e.g. http://localhost:8000/v1)");
    if (!model) throw tbcli::UsageError("--judge-model M is required");
    c.base_url = *url;
    c.model = *model;
    if (auto env = args.value("api-key-env")) {
        c.api_key_env = *env;
    } else if (!std::getenv(c.api_key_env.c_str())) {
        c.api_key_env.clear();  // the default variable is unset: a local server without a key
    }
    c.concurrency = static_cast<int>(args.integer_or("concurrency", c.concurrency));
    c.max_attempts = static_cast<int>(args.integer_or("max-attempts", c.max_attempts));
    c.timeout_s = args.number_or("timeout", c.timeout_s);
    c.price_per_1k_prompt = args.number_or("price-prompt", 0);
    c.price_per_1k_completion = args.number_or("price-completion", 0);
    if (c.concurrency < 1 || c.max_attempts < 1 || c.timeout_s <= 0)
        throw tbcli::UsageError("--concurrency and --max-attempts must be >= 1 and --timeout positive");
    // The key's origin (core/eval/api_key.h: the variable, else the keychain entry for the
    // URL, else none) on stderr; a named variable that is not set fails here, before any work.
    const auto keychain = c.api_key_env.empty() ? tb::default_keychain() : nullptr;
    std::cerr << "judge API key: " << tb::resolve_api_key({c.base_url, c.api_key_env, false}, keychain.get()).origin
              << "\n";
    return c;
}

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::string fixed(double v, int digits = 3) {
    if (std::isnan(v)) return "n/a";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
    return buffer;
}

std::string percent(double v) { return fixed(100.0 * v, 1) + "%"; }

std::int64_t run_number(const tbcli::Args& args, std::size_t index, const std::string& what) {
    try {
        return std::stoll(args.positional(index, what));
    } catch (const std::invalid_argument&) {
        throw tbcli::UsageError(what + " must be a number");
    } catch (const std::out_of_range&) {
        throw tbcli::UsageError(what + " must be a number");
    }
}

void print_agreement(const tb::AgreementStats& a, const std::string& indent) {
    std::cout << indent << a.criterion << ": " << a.items << " output(s), " << a.judgements
              << " judgement(s), agreement " << percent(a.raw_agreement) << ", kappa " << fixed(a.kappa.kappa) << " ["
              << fixed(a.kappa.ci_low) << ", " << fixed(a.kappa.ci_high) << "]\n";
    if (a.kappa.confusion.size() == 2)
        std::cout << indent << "  confusion (rows human, columns judge; fail, pass): [" << a.kappa.confusion[0][0]
                  << " " << a.kappa.confusion[0][1] << "] [" << a.kappa.confusion[1][0] << " "
                  << a.kappa.confusion[1][1] << "]\n";
}

int judge_validate(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, with(kJudgeOptions, {"set", "grader", "threshold", "min-items"}), {"json", "no-probes"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("judge validate needs PROJECT");
    const auto config = judge_config(args);
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    std::int64_t set_id = 0;
    std::string set_name;
    if (auto name = args.value("set")) {
        auto set = tb::find_golden_set(project, *name);
        if (!set) throw tb::Error("no golden set named '" + *name + "' (see: tunebench-cli golden list)");
        set_id = set->id;
        set_name = set->name;
    } else {
        auto sets = tb::list_golden_sets(project);
        if (sets.size() != 1)
            throw tbcli::UsageError("the project has " + std::to_string(sets.size()) +
                                    " golden sets: choose one with --set NAME");
        set_id = sets[0].id;
        set_name = sets[0].name;
    }
    tb::JudgeValidationOptions options;
    options.grader = args.value_or("grader", "");
    options.kappa_threshold = args.number_or("threshold", options.kappa_threshold);
    options.min_items = args.integer_or("min-items", options.min_items);
    options.run_probes = !args.flag("no-probes");
    const auto report = tb::validate_judge(project, set_id, config, options);
    const bool ok = report.validated && report.probes_ok();
    if (args.flag("json")) {
        auto j = report.to_json();
        j["set"] = set_name;
        std::cout << j.dump(2) << "\n";
        return ok ? tbcli::kExitOk : tbcli::kExitFindings;
    }
    std::cout << "judge " << config.model << " on golden set '" << set_name << "' (config " << report.config_key
              << "): " << (report.validated ? "VALIDATED" : "NOT VALIDATED") << ": " << report.reason << "\n";
    for (std::size_t i = 0; i < report.agreement.size(); ++i) print_agreement(report.agreement[i], i ? "    " : "  ");
    if (report.unscorable)
        std::cout << "  " << report.unscorable << " human-graded judgement(s) the judge could not score\n";
    if (report.bias) {
        const auto& b = *report.bias;
        std::cout << "bias: position consistency " << percent(b.position_consistency) << " of " << b.pairs
                  << " pair(s); padded copy won " << b.padded_wins << "/" << b.verbosity_trials << " -> "
                  << (b.ok ? "ok" : "FLAGGED") << "\n";
    }
    if (report.reward_hacking) {
        std::cout << "reward hacking: " << (report.reward_hacking->ok ? "ok" : "FLAGGED") << "\n";
        for (const auto& p : report.reward_hacking->probes)
            std::cout << "  " << p.name << ": judge passed " << p.fooled << "/" << p.trials
                      << (p.unscorable ? " (" + std::to_string(p.unscorable) + " unscorable)" : std::string()) << " -> "
                      << (p.ok ? "ok" : "FLAGGED") << "\n";
    }
    std::cout << "requests " << report.cost.requests << " (" << report.cost.cached << " cached), tokens "
              << report.cost.prompt_tokens << " + " << report.cost.completion_tokens << ", cost "
              << fixed(report.cost.cost, 4) << "\n";
    if (!report.cost.first_error.empty()) std::cerr << "first judge error: " << report.cost.first_error << "\n";
    return ok ? tbcli::kExitOk : tbcli::kExitFindings;
}

int judge_run(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, kJudgeOptions, {"json"});
    if (args.positionals().size() != 2) throw tbcli::UsageError("judge run needs PROJECT RUN_ID");
    const auto config = judge_config(args);
    const std::int64_t run_id = run_number(args, 1, "RUN_ID");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    const auto s = tb::judge_eval_run(project, run_id, config);
    if (args.flag("json")) {
        nlohmann::json j{{"run_id", run_id},
                         {"judge_model", config.model},
                         {"judged", s.judged},
                         {"unscorable", s.unscorable},
                         {"cached", s.cached},
                         {"requests", s.requests},
                         {"outputs", s.outputs},
                         {"prompt_tokens", s.prompt_tokens},
                         {"completion_tokens", s.completion_tokens},
                         {"cost", s.cost},
                         {"validated", s.validated},
                         {"config_key", s.config_key}};
        if (!s.first_error.empty()) j["first_error"] = s.first_error;
        std::cout << j.dump(2) << "\n";
    } else {
        std::cout << "judged " << s.judged << " criterion(s) on " << s.outputs << " output(s) of run " << run_id << " ("
                  << s.cached << " from cache, " << s.requests << " request(s)), " << s.unscorable << " unscorable\n"
                  << "tokens " << s.prompt_tokens << " + " << s.completion_tokens << ", cost " << fixed(s.cost, 4)
                  << "\n";
        if (!s.validated)
            std::cout << "note: judge config " << s.config_key
                      << " is not validated against human grades: its scores are unvalidated (see: tunebench-cli judge "
                         "validate)\n";
        if (!s.first_error.empty()) std::cerr << "first judge error: " << s.first_error << "\n";
    }
    return s.unscorable > 0 ? tbcli::kExitFindings : tbcli::kExitOk;
}

int judge_pairwise(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, kJudgeOptions, {"json"});
    if (args.positionals().size() != 3) throw tbcli::UsageError("judge pairwise needs PROJECT RUN_A RUN_B");
    const auto config = judge_config(args);
    const auto run_a = run_number(args, 1, "RUN_A");
    const auto run_b = run_number(args, 2, "RUN_B");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    const auto s = tb::judge_pairwise_runs(project, run_a, run_b, config);
    if (args.flag("json")) {
        nlohmann::json j{{"run_a", run_a},
                         {"run_b", run_b},
                         {"judge_model", config.model},
                         {"pairs", s.pairs},
                         {"a_wins", s.a_wins},
                         {"b_wins", s.b_wins},
                         {"ties", s.ties},
                         {"inconsistent", s.inconsistent},
                         {"unscorable", s.unscorable},
                         {"requests", s.requests},
                         {"cached", s.cached},
                         {"prompt_tokens", s.prompt_tokens},
                         {"completion_tokens", s.completion_tokens},
                         {"cost", s.cost}};
        if (!s.first_error.empty()) j["first_error"] = s.first_error;
        std::cout << j.dump(2) << "\n";
    } else {
        std::cout << s.pairs << " pair(s): run " << run_a << " better on " << s.a_wins << ", run " << run_b
                  << " better on " << s.b_wins << ", " << s.ties << " tie(s) (" << s.inconsistent
                  << " because the verdict flipped with the order)";
        if (s.unscorable) std::cout << ", " << s.unscorable << " unscorable";
        std::cout << "\nrequests " << s.requests << " (" << s.cached << " cached), tokens " << s.prompt_tokens << " + "
                  << s.completion_tokens << ", cost " << fixed(s.cost, 4) << "\n";
        if (!s.first_error.empty()) std::cerr << "first judge error: " << s.first_error << "\n";
    }
    return s.unscorable > 0 ? tbcli::kExitFindings : tbcli::kExitOk;
}

// Human pairwise preferences vs the judge's pairwise verdicts (core/eval/pairwise_agreement.h).
int judge_pairwise_agreement(const std::vector<std::string>& rest) {
    tbcli::Args args(rest, {"grader", "judge-model"}, {"json"});
    if (args.positionals().size() != 1) throw tbcli::UsageError("judge pairwise-agreement needs PROJECT");
    const auto grader = args.value("grader");
    const auto model = args.value("judge-model");
    if (!grader) throw tbcli::UsageError("--grader NAME is required (the human whose pairwise preferences to use)");
    if (!model) throw tbcli::UsageError("--judge-model M is required");
    auto project = tb::ProjectFile::open(args.positional(0, "PROJECT"));
    const auto r = tb::pairwise_agreement(project, *grader, *model);
    if (args.flag("json")) {
        std::cout << r.to_json().dump(2) << "\n";
        return tbcli::kExitOk;
    }
    std::cout << r.human_grader << " vs " << r.judge_grader << ": " << r.pairs << " pair(s) graded by both (human "
              << r.human_pairs << ", judge " << r.judge_pairs << ")\n";
    if (r.pairs) {
        std::cout << "  agreement " << percent(r.raw_agreement) << ", kappa " << fixed(r.kappa.kappa) << " ["
                  << fixed(r.kappa.ci_low) << ", " << fixed(r.kappa.ci_high) << "] over {a, b, tie}\n"
                  << "  confusion (rows human, columns judge; a, b, tie):";
        for (const auto& row : r.kappa.confusion) std::cout << " [" << row[0] << " " << row[1] << " " << row[2] << "]";
        std::cout << "\n";
    } else {
        std::cout << "  no pair was graded by both: grade the same runs' pairs as the judge compared\n";
    }
    std::cout << "  judge position consistency "
              << (std::isnan(r.position_consistency) ? std::string("n/a") : percent(r.position_consistency)) << " of "
              << r.judge_pairs_both_orders << " pair(s) seen in both orders; the answer shown first won "
              << r.judge_first_shown_wins << "/" << r.judge_decisive_verdicts << " decisive verdict(s)\n";
    return tbcli::kExitOk;
}

int run_judge(const std::vector<std::string>& argv) {
    if (argv.empty()) throw tbcli::UsageError("expected a subcommand: run, pairwise, validate or pairwise-agreement");
    std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "run") return judge_run(rest);
    if (argv[0] == "validate") return judge_validate(rest);
    if (argv[0] == "pairwise") return judge_pairwise(rest);
    if (argv[0] == "pairwise-agreement") return judge_pairwise_agreement(rest);
    throw tbcli::UsageError("unknown judge subcommand '" + argv[0] + "' (run, pairwise, validate, pairwise-agreement)");
}

const tbcli::CommandRegistration registration({
    "judge",
    "judge run PROJECT RUN_ID --judge-url URL --judge-model M [--json] | judge pairwise PROJECT RUN_A RUN_B "
    "--judge-url URL --judge-model M [--json] | judge validate PROJECT --judge-url URL "
    "--judge-model M [--set NAME] [--grader NAME] [--threshold 0.6] [--min-items 30] [--no-probes] [--json] "
    "(both: [--api-key-env VAR] [--concurrency 4] [--max-attempts 3] [--timeout S] [--price-prompt USD/1k] "
    "[--price-completion USD/1k]) | judge pairwise-agreement PROJECT --grader NAME --judge-model M [--json]",
    "LLM judge: grade an eval run's judge criteria, compare two runs pairwise (both orders), or validate the judge "
    "against human grades (kappa, bias and "
    "reward-hacking probes), or measure a human's pairwise preferences against the judge's (kappa, confusion, "
    "position consistency); exit 1 when not validated, a probe is flagged, or a criterion stayed unscorable. "
    "API key: --api-key-env VAR, else TUNEBENCH_JUDGE_API_KEY when set, else the OS keychain entry for the URL",
    run_judge,
});

}  // namespace
