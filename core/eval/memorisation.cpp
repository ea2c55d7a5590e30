#include "core/eval/memorisation.h"

#include <algorithm>
#include <map>
#include <optional>
#include <sstream>

#include "core/common/error.h"
#include "core/eval/eval_runner.h"
#include "core/eval/eval_sets.h"
#include "core/project/project_file.h"
#include "core/text/tokenizer.h"

namespace tb {

std::size_t longest_common_run(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b) {
    if (a.empty() || b.empty()) return 0;
    // run[j] = length of the common run ending at a[i-1], b[j-1]; one row suffices.
    std::vector<std::size_t> run(b.size() + 1, 0);
    std::size_t best = 0;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = b.size(); j >= 1; --j) {
            run[j] = a[i - 1] == b[j - 1] ? run[j - 1] + 1 : 0;
            best = std::max(best, run[j]);
        }
    }
    return best;
}

MemorisationItem measure_item(const std::string& key, const std::vector<std::int32_t>& output,
                              const std::vector<std::int32_t>& answer, double score, std::size_t min_run_tokens) {
    MemorisationItem m;
    m.key = key;
    m.answer_tokens = answer.size();
    m.output_tokens = output.size();
    m.longest_run = longest_common_run(output, answer);
    const std::size_t threshold = std::min(std::max<std::size_t>(1, min_run_tokens), answer.size());
    m.verbatim = !answer.empty() && m.longest_run >= threshold;
    m.exact_copy = !answer.empty() && output == answer;
    m.score = score;
    return m;
}

MemorisationGroup summarise_memorisation(const std::string& name, std::vector<MemorisationItem> items) {
    MemorisationGroup g;
    g.name = name;
    g.items = items.size();
    double score = 0.0, share = 0.0;
    for (const auto& m : items) {
        g.verbatim += m.verbatim ? 1 : 0;
        g.exact_copies += m.exact_copy ? 1 : 0;
        score += m.score;
        if (m.answer_tokens) share += static_cast<double>(m.longest_run) / static_cast<double>(m.answer_tokens);
    }
    if (g.items) {
        const double n = static_cast<double>(g.items);
        g.verbatim_rate = static_cast<double>(g.verbatim) / n;
        g.exact_copy_rate = static_cast<double>(g.exact_copies) / n;
        g.mean_score = score / n;
        g.mean_run_share = share / n;
    }
    g.details = std::move(items);
    return g;
}

nlohmann::json MemorisationGroup::to_json() const {
    nlohmann::json items_json = nlohmann::json::array();
    for (const auto& m : details)
        items_json.push_back({{"id", m.key},
                              {"answer_tokens", m.answer_tokens},
                              {"output_tokens", m.output_tokens},
                              {"longest_run", m.longest_run},
                              {"verbatim", m.verbatim},
                              {"exact_copy", m.exact_copy},
                              {"score", m.score}});
    return {{"name", name},
            {"run_id", run_id},
            {"items", this->items},
            {"verbatim", verbatim},
            {"exact_copies", exact_copies},
            {"verbatim_rate", verbatim_rate},
            {"exact_copy_rate", exact_copy_rate},
            {"mean_score", mean_score},
            {"mean_run_share", mean_run_share},
            {"details", items_json}};
}

MemorisationReport compare_memorisation(MemorisationGroup train, MemorisationGroup held_out, double max_verbatim_gap) {
    MemorisationReport r;
    r.verbatim_rate_gap = train.verbatim_rate - held_out.verbatim_rate;
    r.exact_copy_rate_gap = train.exact_copy_rate - held_out.exact_copy_rate;
    r.score_gap = train.mean_score - held_out.mean_score;
    r.run_share_gap = train.mean_run_share - held_out.mean_run_share;
    r.flagged = train.items > 0 && held_out.items > 0 && r.verbatim_rate_gap > max_verbatim_gap;
    if (r.flagged) {
        std::ostringstream why;
        why << "the model reproduces " << train.verbatim << " of " << train.items << " training answers verbatim ("
            << train.verbatim_rate * 100.0 << "%) against " << held_out.verbatim_rate * 100.0
            << "% on held-out items: it memorises its training data (fewer epochs, more data or a lower rank)";
        r.reason = why.str();
    }
    r.train = std::move(train);
    r.held_out = std::move(held_out);
    return r;
}

nlohmann::json MemorisationReport::to_json() const {
    return {{"train", train.to_json()},
            {"held_out", held_out.to_json()},
            {"verbatim_rate_gap", verbatim_rate_gap},
            {"exact_copy_rate_gap", exact_copy_rate_gap},
            {"score_gap", score_gap},
            {"run_share_gap", run_share_gap},
            {"flagged", flagged},
            {"reason", reason}};
}

std::vector<std::int32_t> word_tokens(const std::string& text, std::vector<std::string>& vocabulary) {
    std::vector<std::int32_t> out;
    std::istringstream in(text);
    std::string word;
    while (in >> word) {
        auto it = std::find(vocabulary.begin(), vocabulary.end(), word);
        if (it == vocabulary.end()) {
            vocabulary.push_back(word);
            it = vocabulary.end() - 1;
        }
        out.push_back(static_cast<std::int32_t>(it - vocabulary.begin()));
    }
    return out;
}

namespace {

MemorisationGroup measure_group(ProjectFile& project, AnswerGenerator& generator, const EvalTarget& target,
                                const EvalSet& set, const std::string& group, const MemorisationOptions& options,
                                const GenerationSettings& generation, const JobContext& ctx) {
    EvalRunOptions run_options;
    run_options.generation = generation;
    run_options.max_items = options.max_items;
    run_options.run_name = "memorisation probe (" + group + "): " + target.describe();
    run_options.extra_config = {{"probe", "memorisation"}, {"probe_group", group}};
    auto run = run_eval_set(project, generator, target, set, run_options, ctx);
    const Tokenizer* tokenizer = generator.tokenizer();
    std::vector<std::string> vocabulary;
    auto tokens = [&](const std::string& text) {
        return tokenizer ? tokenizer->encode(text, /*add_special_tokens=*/false) : word_tokens(text, vocabulary);
    };
    std::vector<MemorisationItem> items;
    for (const auto& o : run.items)
        items.push_back(
            measure_item(o.key, tokens(o.output), tokens(o.reference), o.score.score, options.min_run_tokens));
    auto g = summarise_memorisation(group, std::move(items));
    g.run_id = run.run_id;
    return g;
}

}  // namespace

MemorisationReport measure_memorisation(ProjectFile& project, const EvalTarget& target,
                                        const MemorisationOptions& options, const JobContext& ctx) {
    auto train = examples_eval_set(project, "memorisation:train", "train");
    auto held_out = examples_eval_set(project, "memorisation:validation", "validation");
    if (train.items.empty() || held_out.items.empty())
        throw Error("the memorisation probe needs training and validation examples: run `split` first");
    GenerationSettings settings = options.generation;
    settings.sampling.greedy = true;  // memorisation is about the most likely continuation
    if (settings.max_new_tokens <= 0) {
        // Long enough to recite the longest answer: counted with the model's tokenizer, or for
        // an endpoint in bytes (no tokenizer makes more tokens than bytes).
        std::optional<Tokenizer> tokenizer;
        if (target.kind == EvalTarget::Kind::local) tokenizer = Tokenizer::from_folder(target.model_dir.string());
        std::size_t longest = 0;
        for (const auto* set : {&train, &held_out})
            for (std::size_t i = 0; i < set->items.size() && (!options.max_items || i < options.max_items); ++i) {
                const auto& reference = set->items[i].reference;
                longest = std::max(longest, tokenizer ? tokenizer->encode(reference, false).size() : reference.size());
            }
        settings.max_new_tokens = static_cast<std::int64_t>(std::min<std::size_t>(longest, 2048)) + 16;
    }
    auto generator = make_answer_generator(target, settings);
    auto train_group = measure_group(project, *generator, target, train, "train", options, settings, ctx);
    auto held_group = measure_group(project, *generator, target, held_out, "held_out", options, settings, ctx);
    return compare_memorisation(std::move(train_group), std::move(held_group), options.max_verbatim_gap);
}

}  // namespace tb
