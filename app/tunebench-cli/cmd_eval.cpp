// tunebench-cli eval: one eval run of a local model (+ adapter) or a remote endpoint on a
// golden set, the validation split or the general set, stored in the project; optionally
// graded by an LLM judge afterwards. The logic is core/eval/eval_runner.h.
#include <unistd.h>

#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "app/tunebench-cli/command.h"
#include "core/curation/golden_sets.h"
#include "core/eval/api_key.h"
#include "core/eval/eval_runner.h"
#include "core/eval/eval_sets.h"
#include "core/eval/eval_store.h"
#include "core/eval/judge.h"
#include "core/eval/regression_suite.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"

namespace {

tb::EvalTarget target_from(const tbcli::Args& args) {
    const auto endpoint = args.value("endpoint");
    const auto model = args.value("model");
    if (endpoint.has_value() == model.has_value())
        throw tbcli::UsageError("give either --model DIR (local) or --endpoint URL --endpoint-model M (remote)");
    if (endpoint) {
        if (args.value("adapter") || args.value("chat-template"))
            throw tbcli::UsageError("--adapter and --chat-template apply to a local --model only");
        const auto remote_model = args.value("endpoint-model");
        if (!remote_model) throw tbcli::UsageError("--endpoint needs --endpoint-model NAME");
        return tb::EvalTarget::remote(*endpoint, *remote_model, args.value_or("api-key-env", ""));
    }
    std::optional<std::filesystem::path> adapter, chat_template;
    if (auto a = args.value("adapter")) adapter = *a;
    if (auto t = args.value("chat-template")) chat_template = *t;
    return tb::EvalTarget::local(*model, adapter, chat_template);
}

// Where an endpoint's key will come from (core/eval/api_key.h: the variable named, else the
// keychain entry for the URL, else none), said on stderr before any work starts, so a
// variable that is not set fails at once rather than after the whole generation.
void announce_api_key(const std::string& what, const std::string& url, const std::string& env_var) {
    const auto keychain = env_var.empty() ? tb::default_keychain() : nullptr;
    const auto key = tb::resolve_api_key({url, env_var, false}, keychain.get());
    std::cerr << what << " API key: " << key.origin << "\n";
}

tb::EvalRunOptions options_from(const tbcli::Args& args) {
    tb::EvalRunOptions o;
    o.set_name = args.value_or("set", "");
    if (o.set_name.empty() == !args.value("suite").has_value())
        throw tbcli::UsageError("give --set NAME (a golden set, validation or general) or --suite NAME");
    o.generation.max_new_tokens = args.integer_or("max-new-tokens", 256);
    if (o.generation.max_new_tokens < 1) throw tbcli::UsageError("--max-new-tokens must be at least 1");
    o.generation.batch_size = args.integer_or("batch", 8);
    if (o.generation.batch_size < 1) throw tbcli::UsageError("--batch must be at least 1");
    const auto seed = args.integer_or("seed", 0);
    if (seed < 0) throw tbcli::UsageError("--seed must be 0 or more");
    o.generation.sampling.seed = static_cast<std::uint64_t>(seed);
    if (args.value("temperature")) {
        o.generation.sampling.greedy = false;
        o.generation.sampling.temperature = args.number_or("temperature", 1.0);
        if (o.generation.sampling.temperature <= 0) o.generation.sampling.greedy = true;
    }
    o.scoring.pass_threshold = args.number_or("pass-threshold", 1.0);
    if (o.scoring.pass_threshold < 0 || o.scoring.pass_threshold > 1)
        throw tbcli::UsageError("--pass-threshold must be in [0, 1]");
    if (auto name = args.value("name")) o.run_name = *name;
    return o;
}

nlohmann::json item_json(const tb::StoredEvalOutput& o) {
    nlohmann::json criteria = nlohmann::json::array();
    for (const auto& c : o.criteria) {
        nlohmann::json detail = c.detail.is_object() ? c.detail.value("detail", nlohmann::json("")) : c.detail;
        criteria.push_back({{"name", c.criterion}, {"score", c.score}, {"scorer", c.scorer}, {"detail", detail}});
    }
    nlohmann::json j{{"id", o.key},        {"output", o.output},           {"score", o.score},
                     {"passed", o.passed}, {"needs_judge", o.needs_judge}, {"criteria", criteria}};
    j["golden_item_id"] = o.golden_item_id ? nlohmann::json(*o.golden_item_id) : nlohmann::json();
    j["example_id"] = o.example_id ? nlohmann::json(*o.example_id) : nlohmann::json();
    j["tags"] = o.settings.value("tags", nlohmann::json::array());
    return j;
}

// --suite NAME: the stored regression suite, compared with the base model and the previous run.
int run_suite(tb::ProjectFile& project, const std::string& name, const tb::EvalTarget& target,
              const tb::EvalRunOptions& options, bool json, bool gate, const tb::JobContext& ctx) {
    auto suite = tb::load_regression_suite(project, name);
    if (!suite) throw tb::Error("no regression suite named '" + name + "' in the project");
    tb::RegressionSuiteOptions suite_options;
    suite_options.eval = options;
    const auto result = tb::run_regression_suite(project, *suite, target, suite_options, ctx);
    if (json) {
        std::cout << result.to_json().dump(2) << "\n";
    } else {
        for (const auto& s : result.sets)
            std::cout << "suite " << result.suite << ": " << s.set << ": run " << s.run_id << ", pass rate "
                      << std::fixed << std::setprecision(1) << s.pass_rate * 100.0 << "%, mean score "
                      << std::setprecision(3) << s.mean_score << "\n";
        if (result.forgetting)
            std::cout << "forgetting: general-set score diff " << result.forgetting->score_diff.estimate << " ["
                      << result.forgetting->score_diff.low << ", " << result.forgetting->score_diff.high << "]\n";
        for (const auto& line : result.regressions) std::cout << "REGRESSION: " << line << "\n";
        if (!result.has_regression()) std::cout << "no regression flagged\n";
    }
    return gate && result.has_regression() ? tbcli::kExitFindings : tbcli::kExitOk;
}

int run_eval_command(const std::vector<std::string>& argv) {
    tbcli::Args args(argv,
                     {"model", "adapter", "chat-template", "set", "max-new-tokens", "seed", "batch", "temperature",
                      "endpoint", "endpoint-model", "api-key-env", "judge-url", "judge-model", "judge-api-key-env",
                      "pass-threshold", "name", "suite"},
                     {"json", "gate"});
    const std::string project_path = args.positional(0, "PROJECT");
    const auto target = target_from(args);
    const auto options = options_from(args);
    if (args.value("judge-url") && !args.value("judge-model"))
        throw tbcli::UsageError("--judge-url needs --judge-model NAME");
    const bool json = args.flag("json");
    if (target.kind == tb::EvalTarget::Kind::remote) announce_api_key("endpoint", target.base_url, target.api_key_env);
    if (auto judge_url = args.value("judge-url")) {
        // As the judge resolves it: the conventional TUNEBENCH_JUDGE_API_KEY counts only when set.
        std::string env = args.value_or("judge-api-key-env", "");
        if (env.empty() && std::getenv(tb::JudgeConfig{}.api_key_env.c_str())) env = tb::JudgeConfig{}.api_key_env;
        announce_api_key("judge", *judge_url, env);
    }

    auto project = tb::ProjectFile::open(project_path);
    tb::JobContext ctx;
    if (::isatty(2)) {
        ctx.progress = [](const tb::Progress& p) {
            std::cerr << "\r" << p.stage << " " << p.done << "/" << p.total << std::flush;
            if (p.total && p.done == p.total) std::cerr << "\n";
        };
    }
    if (auto suite = args.value("suite")) {
        if (args.value("judge-url"))
            throw tbcli::UsageError("--judge-url applies to single runs (--set), not to --suite");
        return run_suite(project, *suite, target, options, json, args.flag("gate"), ctx);
    }
    if (args.flag("gate")) throw tbcli::UsageError("--gate applies to --suite");
    const auto result = tb::run_eval(project, target, options, ctx);

    nlohmann::json judge_json;
    if (auto judge_url = args.value("judge-url")) {
        tb::JudgeConfig config;
        config.base_url = *judge_url;
        config.model = *args.value("judge-model");
        if (auto env = args.value("judge-api-key-env")) config.api_key_env = *env;
        const auto summary = tb::judge_eval_run(project, result.run_id, config, ctx);
        judge_json = {{"model", config.model},
                      {"judged", summary.judged},
                      {"unscorable", summary.unscorable},
                      {"cached", summary.cached},
                      {"requests", summary.requests},
                      {"prompt_tokens", summary.prompt_tokens},
                      {"completion_tokens", summary.completion_tokens},
                      {"cost", summary.cost},
                      {"validated", summary.validated},
                      {"config_key", summary.config_key}};
        if (!summary.first_error.empty()) judge_json["first_error"] = summary.first_error;
    }

    // A golden set nobody has added to for months no longer measures what users ask.
    std::optional<tb::EvalSetAge> age;
    if (tb::find_golden_set(project, result.set_name)) age = tb::eval_set_age(project, result.set_name);
    if (age && age->stale) std::cerr << "warning: " << age->warning << "\n";

    // Figures from the stored rows: they include the judge's verdicts when it ran.
    const auto outputs = tb::load_eval_outputs(project, result.run_id);
    const auto summary = tb::summarise_eval_outputs(outputs);
    if (json) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& o : outputs) items.push_back(item_json(o));
        nlohmann::json out{{"run_id", result.run_id},
                           {"set", result.set_name},
                           {"target", result.config["target"]},
                           {"seed", options.generation.sampling.seed},
                           {"pass_rate", summary.pass_rate},
                           {"mean_score", summary.mean_score},
                           {"items_total", summary.items},
                           {"passed", summary.passed},
                           {"needs_judge", summary.needs_judge},
                           {"items", items}};
        out["parent_run_id"] = tb::require_run(project, result.run_id, tb::RunKind::Eval).parent_run_id.value_or(0);
        if (!judge_json.is_null()) out["judge"] = judge_json;
        if (age) out["set_age"] = {{"days", age->days}, {"last_added_at", age->last_added_at}, {"stale", age->stale}};
        std::cout << out.dump(2) << "\n";
        return tbcli::kExitOk;
    }
    std::cout << "eval run " << result.run_id << " on '" << result.set_name << "' (" << target.describe() << ")\n"
              << "  items " << summary.items << ", passed " << summary.passed << " (" << std::fixed
              << std::setprecision(1) << summary.pass_rate * 100.0 << "%), mean score " << std::setprecision(3)
              << summary.mean_score << "\n";
    if (age && !age->last_added_at.empty())
        std::cout << "  set age " << std::setprecision(0) << age->days << " day(s) since the last item was added"
                  << (age->stale ? " (stale: over 90)" : "") << "\n";
    if (summary.needs_judge)
        std::cout << "  " << summary.needs_judge
                  << " items have judge criteria pending (pass --judge-url URL --judge-model M)\n";
    if (!judge_json.is_null())
        std::cout << "  judge " << judge_json["model"].get<std::string>() << ": " << judge_json["judged"]
                  << " criteria judged, " << judge_json["unscorable"] << " unscorable"
                  << (judge_json["validated"].get<bool>() ? "" : " (judge not validated)") << "\n";
    return tbcli::kExitOk;
}

tbcli::CommandRegistration eval_registration(
    {"eval",
     "eval PROJECT (--model DIR [--adapter DIR] [--chat-template FILE] | --endpoint URL --endpoint-model M "
     "[--api-key-env VAR]) (--set NAME|validation|general | --suite NAME [--gate]) [--max-new-tokens N] [--seed S] "
     "[--batch N] "
     "[--temperature X] [--pass-threshold X] [--judge-url URL --judge-model M [--judge-api-key-env VAR]] [--json]",
     "Evaluate a model, adapter or endpoint on a golden set, the validation split or the general set; store every "
     "output. API keys: the variable named, else the OS keychain entry for the URL (see: keychain set).",
     run_eval_command});

}  // namespace
