#include "core/eval/regression_suite.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "core/common/error.h"
#include "core/curation/golden_sets.h"
#include "core/curation/names.h"
#include "core/eval/eval_store.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"

namespace tb {
namespace {

constexpr const char* kSuitePrefix = "eval.suite.";

void require_keys(const nlohmann::json& j) {
    static const std::set<std::string> allowed{"name", "golden_sets", "include_general", "run_after_training"};
    for (auto& [key, _] : j.items())
        if (!allowed.count(key))
            throw Error("regression suite: unknown key '" + key +
                        "' (keys: name, golden_sets, include_general, run_after_training)");
}

// All the sets a suite evaluates, in order: its golden sets, then "general".
std::vector<std::string> suite_sets(const RegressionSuite& suite) {
    auto sets = suite.golden_sets;
    if (suite.include_general) sets.push_back(kGeneralSetName);
    return sets;
}

std::string describe_group(const GroupComparison& g) { return g.tag.empty() ? "overall" : "tag " + g.tag; }

void collect_regressions(const std::string& set, const std::string& against, std::int64_t against_run,
                         const Comparison& c, std::vector<std::string>& out) {
    auto add = [&](const GroupComparison& g) {
        if (!g.regression) return;
        out.push_back(set + " vs " + against + " (run " + std::to_string(against_run) + "): " + describe_group(g) +
                      ": " + g.reason);
    };
    add(c.overall);
    for (const auto& g : c.per_tag) add(g);
}

// The base model with the tuned run's template, so both answer the same prompts.
EvalTarget base_of(const EvalTarget& target) {
    auto base = EvalTarget::local(target.model_dir, std::nullopt, target.chat_template_file);
    if (!base.chat_template_file && target.adapter_dir &&
        std::filesystem::exists(*target.adapter_dir / "chat_template.jinja"))
        base.chat_template_file = *target.adapter_dir / "chat_template.jinja";
    return base;
}

}  // namespace

nlohmann::json RegressionSuite::to_json() const {
    return {{"name", name},
            {"golden_sets", golden_sets},
            {"include_general", include_general},
            {"run_after_training", run_after_training}};
}

RegressionSuite RegressionSuite::from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw Error("regression suite: expected a JSON object");
    require_keys(j);
    RegressionSuite s;
    try {
        s.name = j.at("name").get<std::string>();
        if (j.contains("golden_sets")) s.golden_sets = j["golden_sets"].get<std::vector<std::string>>();
        s.include_general = j.value("include_general", false);
        s.run_after_training = j.value("run_after_training", true);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("regression suite: ") + e.what());
    }
    return s;
}

void save_regression_suite(ProjectFile& project, const RegressionSuite& suite) {
    validate_name(suite.name, "regression suite");
    if (suite.golden_sets.empty() && !suite.include_general)
        throw Error("regression suite '" + suite.name + "' has no set: name golden sets or include the general set");
    for (const auto& set : suite.golden_sets)
        if (set != kValidationSetName && set != kGeneralSetName && !find_golden_set(project, set))
            throw Error("regression suite '" + suite.name + "': no golden set named '" + set + "'");
    project.set_meta(kSuitePrefix + suite.name, suite.to_json().dump());
}

std::optional<RegressionSuite> load_regression_suite(const ProjectFile& project, const std::string& name) {
    auto text = project.meta(kSuitePrefix + name);
    if (!text) return std::nullopt;
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded()) throw Error("regression suite '" + name + "' is damaged in the project (invalid JSON)");
    return RegressionSuite::from_json(j);
}

std::vector<RegressionSuite> list_regression_suites(const ProjectFile& project) {
    auto s = project.prepare("SELECT key FROM project_meta WHERE key LIKE 'eval.suite.%' ORDER BY key");
    std::vector<RegressionSuite> out;
    while (s.step())
        if (auto suite = load_regression_suite(project, s.column_text(0).substr(std::string(kSuitePrefix).size())))
            out.push_back(std::move(*suite));
    return out;
}

bool delete_regression_suite(ProjectFile& project, const std::string& name) {
    if (!project.meta(kSuitePrefix + name)) return false;
    project.transaction([&] {
        auto s = project.prepare("DELETE FROM project_meta WHERE key = ?");
        s.bind(1, std::string(kSuitePrefix) + name).run();
    });
    return true;
}

std::vector<RegressionSuite> suites_to_run_after_training(const ProjectFile& project) {
    auto all = list_regression_suites(project);
    std::erase_if(all, [](const RegressionSuite& s) { return !s.run_after_training; });
    return all;
}

namespace {

// config["a"]["b"]... or nullptr where a key is missing (what SQLite's json_extract reads as NULL).
const nlohmann::json* config_at(const nlohmann::json& config, std::initializer_list<const char*> path) {
    const nlohmann::json* at = &config;
    for (const char* key : path) {
        if (!at->is_object()) return nullptr;
        auto it = at->find(key);
        if (it == at->end()) return nullptr;
        at = &*it;
    }
    return at;
}
bool config_is_null(const nlohmann::json& config, std::initializer_list<const char*> path) {
    const auto* at = config_at(config, path);
    return !at || at->is_null();
}
bool config_equals(const nlohmann::json& config, std::initializer_list<const char*> path, const std::string& text) {
    const auto* at = config_at(config, path);
    return at && at->is_string() && at->get_ref<const std::string&>() == text;
}

// Completed eval runs on `set` that are not probes, newest first.
std::vector<Run> completed_runs_on_set_newest_first(const ProjectFile& project, const std::string& set) {
    auto runs = list_runs(project, RunKind::Eval);
    std::erase_if(runs, [&](const Run& run) {
        return run.status != RunStatus::Completed || !config_equals(run.config, {"set"}, set) ||
               !config_is_null(run.config, {"probe"});
    });
    std::reverse(runs.begin(), runs.end());
    return runs;
}

}  // namespace

std::optional<std::int64_t> latest_base_run(const ProjectFile& project, const std::string& set,
                                            const std::string& model_dir_abs, std::optional<std::int64_t> except) {
    for (const Run& run : completed_runs_on_set_newest_first(project, set)) {
        if (run.id == except) continue;
        if (config_equals(run.config, {"target", "kind"}, "local") &&
            config_equals(run.config, {"target", "model"}, model_dir_abs) &&
            config_is_null(run.config, {"target", "adapter"}))
            return run.id;
    }
    return std::nullopt;
}

std::optional<std::int64_t> previous_run(const ProjectFile& project, const std::string& set, std::int64_t run_id) {
    const Run run = require_run(project, run_id, RunKind::Eval);
    const auto& target = run.config.contains("target") ? run.config["target"] : nlohmann::json::object();
    const std::string kind = target.value("kind", "");
    const bool with_adapter = !config_is_null(target, {"adapter"});
    for (const Run& earlier : completed_runs_on_set_newest_first(project, set)) {
        if (earlier.id >= run_id || !config_equals(earlier.config, {"target", "kind"}, kind)) continue;
        const bool same_target =
            kind == "remote" ? config_equals(earlier.config, {"target", "base_url"}, target.value("base_url", "")) &&
                                   config_equals(earlier.config, {"target", "model"}, target.value("model", ""))
                             : config_equals(earlier.config, {"target", "model"}, target.value("model", "")) &&
                                   config_is_null(earlier.config, {"target", "adapter"}) != with_adapter;
        if (same_target) return earlier.id;
    }
    return std::nullopt;
}

RegressionSuiteResult run_regression_suite(ProjectFile& project, const RegressionSuite& suite, const EvalTarget& target,
                                           const RegressionSuiteOptions& options, const JobContext& ctx) {
    const auto sets = suite_sets(suite);
    if (sets.empty()) throw Error("regression suite '" + suite.name + "' has no set");
    // Resolve every set before loading a model: a missing set fails fast.
    std::vector<EvalSet> resolved;
    for (const auto& name : sets) resolved.push_back(resolve_eval_set(project, name));

    RegressionSuiteResult result;
    result.suite = suite.name;
    auto generator = make_answer_generator(target, options.eval.generation);
    std::unique_ptr<AnswerGenerator> base_generator;  // loaded on first need
    const bool tuned_local = target.kind == EvalTarget::Kind::local && target.adapter_dir.has_value();
    const std::string model_abs =
        target.kind == EvalTarget::Kind::local ? target.to_json()["model"].get<std::string>() : "";

    for (const auto& set : resolved) {
        ctx.check_cancel();
        EvalRunOptions run_options = options.eval;
        run_options.extra_config["suite"] = suite.name;
        auto run = run_eval_set(project, *generator, target, set, run_options, ctx);
        SuiteSetResult r;
        r.set = set.name;
        r.run_id = run.run_id;
        r.pass_rate = run.pass_rate;
        r.mean_score = run.mean_score;
        const auto candidate = load_tagged_eval_results(project, run.run_id);

        if (tuned_local) {
            r.base_run_id = latest_base_run(project, set.name, model_abs, run.run_id);
            if (!r.base_run_id && options.evaluate_base_when_missing) {
                const auto base = base_of(target);
                if (!base_generator) base_generator = make_answer_generator(base, options.eval.generation);
                EvalRunOptions base_options = run_options;
                base_options.parent_run_id = std::nullopt;
                r.base_run_id = run_eval_set(project, *base_generator, base, set, base_options, ctx).run_id;
            }
            if (r.base_run_id) {
                r.vs_base = compare_runs(load_tagged_eval_results(project, *r.base_run_id), candidate, options.compare);
                collect_regressions(set.name, "base", *r.base_run_id, *r.vs_base, result.regressions);
                if (set.name == kGeneralSetName) {
                    result.forgetting = assess_forgetting(project, *r.base_run_id, run.run_id, options.forgetting);
                    if (result.forgetting->flagged)
                        result.regressions.push_back("general: forgetting: " + result.forgetting->reason);
                }
            }
        }
        r.previous_run_id = previous_run(project, set.name, run.run_id);
        if (r.previous_run_id && r.previous_run_id != r.base_run_id) {
            r.vs_previous =
                compare_runs(load_tagged_eval_results(project, *r.previous_run_id), candidate, options.compare);
            collect_regressions(set.name, "previous", *r.previous_run_id, *r.vs_previous, result.regressions);
        }
        result.sets.push_back(std::move(r));
    }
    return result;
}

nlohmann::json RegressionSuiteResult::to_json() const {
    nlohmann::json sets_json = nlohmann::json::array();
    for (const auto& s : sets) {
        nlohmann::json j{
            {"set", s.set}, {"run_id", s.run_id}, {"pass_rate", s.pass_rate}, {"mean_score", s.mean_score}};
        j["base_run_id"] = s.base_run_id ? nlohmann::json(*s.base_run_id) : nlohmann::json();
        j["previous_run_id"] = s.previous_run_id ? nlohmann::json(*s.previous_run_id) : nlohmann::json();
        j["vs_base"] = s.vs_base ? s.vs_base->to_json() : nlohmann::json();
        j["vs_previous"] = s.vs_previous ? s.vs_previous->to_json() : nlohmann::json();
        sets_json.push_back(std::move(j));
    }
    return {{"suite", suite},
            {"sets", sets_json},
            {"forgetting", forgetting ? forgetting->to_json() : nlohmann::json()},
            {"regressions", regressions},
            {"has_regression", has_regression()}};
}

}  // namespace tb
