#include "core/eval/eval_runner.h"

#include "core/common/error.h"
#include "core/eval/eval_store.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"

namespace tb {
namespace {

// The train run an adapter names, when this project holds it (an adapter trained in another
// project must not point at an unrelated run with the same id).
std::optional<std::int64_t> parent_of(const ProjectFile& project, const EvalTarget& target,
                                      const EvalRunOptions& options) {
    if (options.parent_run_id) return options.parent_run_id;
    if (target.kind != EvalTarget::Kind::local || !target.adapter_dir) return std::nullopt;
    auto id = adapter_train_run_id(*target.adapter_dir);
    if (!id) return std::nullopt;
    const auto run = find_run(project, *id);
    return run && run->kind == RunKind::Train ? id : std::nullopt;
}

}  // namespace

EvalRunResult run_eval(ProjectFile& project, const EvalTarget& target, const EvalRunOptions& options,
                       const JobContext& ctx) {
    // The set first: a typo in its name should not wait for a model to load.
    auto set = resolve_eval_set(project, options.set_name);
    auto generator = make_answer_generator(target, options.generation);
    return run_eval_set(project, *generator, target, set, options, ctx);
}

EvalRunResult run_eval_set(ProjectFile& project, AnswerGenerator& generator, const EvalTarget& target,
                           const EvalSet& set, const EvalRunOptions& options, const JobContext& ctx) {
    std::vector<const EvalItem*> items;
    for (const auto& item : set.items) {
        if (options.max_items && items.size() >= options.max_items) break;
        items.push_back(&item);
    }
    if (items.empty()) throw Error("eval set '" + set.name + "' has no items");

    EvalRunResult result;
    result.set_name = set.name;
    result.config = {{"set", set.name},
                     {"set_source", set.source},
                     {"golden_set", set.golden_set},
                     {"items", items.size()},
                     {"target", target.to_json()},
                     {"generation", options.generation.to_json()},
                     {"seed", options.generation.sampling.seed},
                     {"max_new_tokens", options.generation.max_new_tokens},
                     {"pass_threshold", options.scoring.pass_threshold},
                     {"evaluated_at", utc_now_iso8601()}};
    const auto details = generator.details();  // named: items() of a temporary would dangle
    for (auto& [key, value] : details.items()) result.config[key] = value;
    if (options.extra_config.is_object())
        for (auto& [key, value] : options.extra_config.items()) result.config[key] = value;
    const std::string name =
        options.run_name.empty() ? "eval " + set.name + ": " + target.describe() : options.run_name;
    result.run_id = create_run(project, RunKind::Eval, name, result.config, parent_of(project, target, options));

    try {
        std::vector<std::vector<Message>> prompts;
        prompts.reserve(items.size());
        for (const auto* item : items) prompts.push_back(item->prompt);
        auto answers = generator.generate(prompts, ctx);
        if (answers.size() != items.size()) throw Error("the generator returned a wrong number of answers");

        std::vector<EvalOutputRecord> records;
        records.reserve(items.size());
        double total = 0.0;
        std::size_t passed = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            ctx.check_cancel();
            const auto& item = *items[i];
            EvalItemOutcome o;
            o.key = item.key();
            o.golden_item_id = item.golden_item_id;
            o.example_id = item.example_id;
            o.tags = item.tags;
            o.reference = item.reference;
            o.output = std::move(answers[i].text);
            o.tokens = std::move(answers[i].tokens);
            o.score = score_item(item.rubric, o.output, options.scoring);
            total += o.score.score;
            if (o.score.passed) ++passed;
            if (o.score.needs_judge) ++result.needs_judge;

            EvalOutputRecord r;
            r.golden_item_id = item.golden_item_id;
            r.example_id = item.example_id;
            r.output = o.output;
            r.settings = {{"seed", options.generation.sampling.seed},
                          {"greedy", options.generation.sampling.greedy},
                          {"stop_reason", answers[i].stop_reason},
                          {"tags", item.tags}};
            if (target.kind == EvalTarget::Kind::local) r.settings["generated_tokens"] = o.tokens.size();
            if (!answers[i].usage.is_null()) r.settings["usage"] = answers[i].usage;
            if (target.adapter_dir) r.settings["adapter"] = target.to_json()["adapter"];
            r.score = o.score;
            records.push_back(std::move(r));
            result.items.push_back(std::move(o));
        }
        const auto ids = store_eval_outputs(project, result.run_id, records);
        for (std::size_t i = 0; i < ids.size(); ++i) result.items[i].output_id = ids[i];
        result.pass_rate = static_cast<double>(passed) / static_cast<double>(items.size());
        result.mean_score = total / static_cast<double>(items.size());
        finish_run(project, result.run_id, RunStatus::Completed);
    } catch (const Cancelled&) {
        finish_run(project, result.run_id, RunStatus::Cancelled);
        throw;
    } catch (...) {
        finish_run(project, result.run_id, RunStatus::Failed);
        throw;
    }
    return result;
}

}  // namespace tb
