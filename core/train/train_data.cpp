#include "core/train/train_data.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_set>

#include "core/common/error.h"
#include "core/curation/training_set.h"
#include "core/project/examples.h"

namespace tb {

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::vector<std::int64_t> general_tagged_ids(const ProjectFile& project) {
    auto st = project.prepare(
        "SELECT et.example_id FROM example_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = 'general' "
        "ORDER BY et.example_id");
    std::vector<std::int64_t> ids;
    while (st.step()) ids.push_back(st.column_int64(0));
    return ids;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return !prefix.empty() && text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::optional<FormattedSample> format_all_tokens(const SampleFormatter& formatter, const Example& example,
                                                 FormatReport* report) {
    const Tokenizer& tok = formatter.tokenizer();
    nlohmann::json vars;
    vars["messages"] = to_json(example)["messages"];
    vars["tools"] = example.tools.is_null() ? nlohmann::json() : example.tools;
    vars["add_generation_prompt"] = false;
    vars["bos_token"] = tok.bos_token();
    vars["eos_token"] = tok.eos_token();
    const std::string text = formatter.chat_template().render(vars).text;
    // As SampleFormatter: no second BOS when the template writes one.
    FormattedSample s;
    s.example_id = example.id;
    s.input_ids = tok.encode(text, !starts_with(text, tok.bos_token()));
    const std::size_t max_length = formatter.options().max_length;
    if (max_length && s.input_ids.size() > max_length) {
        if (!formatter.options().truncate) {
            if (report) ++report->dropped_too_long;
            return std::nullopt;
        }
        s.input_ids.resize(max_length);
        s.truncated = true;
    }
    s.loss_weights.assign(s.input_ids.size(), 1.0f);
    if (!s.loss_weights.empty()) s.loss_weights[0] = 0.0f;  // nothing predicts the first token
    if (s.trained_tokens() == 0) {
        if (report) ++report->dropped_untrained;
        return std::nullopt;
    }
    if (report) {
        if (s.truncated) ++report->truncated;
        ++report->formatted;
    }
    return s;
}

PreparedData prepare_training_data(const ProjectFile& project, const TrainConfig& config,
                                   const SampleFormatter& formatter, const JobContext& ctx) {
    PreparedData out;
    TrainingPolicy policy = stored_training_policy(project);
    policy.accepted_only = config.accepted_only;
    const TrainingSelection selection = select_training_examples(project, policy, ctx);
    out.selected_examples = static_cast<std::int64_t>(selection.example_ids.size());
    if (selection.example_ids.empty())
        throw Error("no training examples in " + project.path() + " (" + std::to_string(selection.examples) +
                    " stored, " + std::to_string(selection.excluded_held_out) + " held out, " +
                    std::to_string(selection.excluded_unassigned) + " not split, " +
                    std::to_string(selection.excluded_not_accepted) + " not accepted, " +
                    std::to_string(selection.excluded_golden) + " in golden sets): import data and run the split");

    // The general-purpose mix: examples tagged "general" make up general_mix_share of the
    // training set (a deterministic subset by seed; never repeated, so the share can fall
    // short when there are too few). Share 0 leaves the selection as it is.
    std::vector<std::int64_t> ids = selection.example_ids;
    {
        const auto tagged = general_tagged_ids(project);
        std::unordered_set<std::int64_t> tagged_set(tagged.begin(), tagged.end());
        std::vector<std::int64_t> general, task;
        for (auto id : ids) (tagged_set.count(id) ? general : task).push_back(id);
        out.general_available = static_cast<std::int64_t>(general.size());
        out.general_used = out.general_available;
        if (config.general_mix_share > 0.0 && config.general_mix_share < 1.0) {
            const double share = config.general_mix_share;
            auto wanted = static_cast<std::size_t>(std::llround(share / (1.0 - share) * double(task.size())));
            if (wanted < general.size()) {
                std::uint64_t state = config.seed ^ 0x67656E6572616Cull;  // "general"
                for (std::size_t i = general.size(); i > 1; --i)
                    std::swap(general[i - 1], general[splitmix64(state) % i]);
                general.resize(wanted);
            } else if (wanted > general.size()) {
                out.warnings.push_back("only " + std::to_string(general.size()) +
                                       " examples tagged \"general\" for a " + std::to_string(int(share * 100)) +
                                       "% share (" + std::to_string(wanted) + " wanted)");
            }
            out.general_used = static_cast<std::int64_t>(general.size());
            ids = task;
            ids.insert(ids.end(), general.begin(), general.end());
            std::sort(ids.begin(), ids.end());
        } else if (config.general_mix_share > 0.0 && general.empty()) {
            out.warnings.push_back("general_mix_share is set but no training example is tagged \"general\"");
        }
    }

    auto format_one = [&](const Example& e, std::vector<FormattedSample>& into, FormatReport& report) {
        try {
            auto s = config.loss_on == LossOn::AllTokens ? format_all_tokens(formatter, e, &report)
                                                         : formatter.format(e, &report);
            if (s) into.push_back(std::move(*s));
        } catch (const std::exception& ex) {
            ++report.failed;
            if (report.errors.size() < 5) report.errors.push_back("example " + std::to_string(e.id) + ": " + ex.what());
        }
    };

    std::vector<std::int64_t> sorted_ids = ids;
    std::sort(sorted_ids.begin(), sorted_ids.end());
    std::int64_t seen = 0;
    const auto total = static_cast<std::int64_t>(sorted_ids.size());
    // One pass over the stored examples (in id order), keeping the selected ones.
    for_each_example(project, "", [&](Example&& e) {
        if (std::binary_search(sorted_ids.begin(), sorted_ids.end(), e.id)) {
            format_one(e, out.train, out.train_report);
            if (++seen % 64 == 0) {
                ctx.check_cancel();
                ctx.report(seen, total, "formatting training examples");
            }
        }
    });
    for_each_example(project, "validation", [&](Example&& e) { format_one(e, out.validation, out.validation_report); });
    ctx.check_cancel();

    if (out.train.empty())
        throw Error("none of the " + std::to_string(total) + " training examples could be formatted (" +
                    std::to_string(out.train_report.dropped_too_long) + " too long, " +
                    std::to_string(out.train_report.dropped_untrained) + " with no assistant turn to train, " +
                    std::to_string(out.train_report.failed) + " failed to render" +
                    (out.train_report.errors.empty() ? std::string() : ": " + out.train_report.errors.front()) + ")");
    if (out.train.size() < 50)
        out.warnings.push_back(
            "only " + std::to_string(out.train.size()) +
            " training examples: expect overfitting (a few hundred curated examples is a usual start)");
    if (out.validation.empty())
        out.warnings.push_back("the validation split is empty: no validation loss, no early stopping (run the split)");
    if (out.train_report.dropped_too_long > 0)
        out.warnings.push_back(std::to_string(out.train_report.dropped_too_long) + " examples longer than max_length " +
                               std::to_string(config.max_length) + " tokens are dropped");
    if (out.train_report.failed > 0)
        out.warnings.push_back(std::to_string(out.train_report.failed) +
                               " examples failed to render with the template");
    return out;
}

RowSet::RowSet(const std::vector<FormattedSample>& samples, std::int64_t max_length, bool pack, std::int32_t pad_id) {
    if (samples.empty()) return;
    PackingOptions options;
    options.length = max_length;
    options.pack = pack;
    options.pad_id = pad_id;
    const PackedBatch packed = pack_samples(samples, options);
    all_ = to_tensors(packed);
    for (const auto& row : packed.samples_per_row) {
        std::int64_t n = 0;
        for (std::size_t i : row) n += static_cast<std::int64_t>(samples[i].input_ids.size());
        real_length_.push_back(n);
    }
}

BatchTensors RowSet::batch(const std::vector<std::int64_t>& indices) const {
    std::int64_t longest = 1;
    for (auto r : indices) longest = std::max(longest, real_length_.at(static_cast<std::size_t>(r)));
    auto index = torch::tensor(indices, torch::kInt64);
    // Padding sits at the end of every row and is its own sequence: cutting it off changes
    // no real token's attention or loss.
    auto take = [&](const torch::Tensor& t) { return t.index_select(0, index).slice(1, 0, longest).contiguous(); };
    return BatchTensors{take(all_.input_ids), take(all_.sequence_ids), take(all_.position_ids),
                        take(all_.loss_weights)};
}

std::int64_t RowSet::real_tokens(const std::vector<std::int64_t>& indices) const {
    std::int64_t n = 0;
    for (auto r : indices) n += real_length_.at(static_cast<std::size_t>(r));
    return n;
}

std::int64_t RowSet::total_real_tokens() const {
    std::int64_t n = 0;
    for (auto l : real_length_) n += l;
    return n;
}

std::vector<std::int64_t> epoch_row_order(std::int64_t rows, std::uint64_t seed, std::int64_t epoch) {
    std::vector<std::int64_t> order(static_cast<std::size_t>(rows));
    for (std::int64_t i = 0; i < rows; ++i) order[static_cast<std::size_t>(i)] = i;
    std::uint64_t state = seed * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(epoch) + 1;
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix64(state) % i]);
    return order;
}

}  // namespace tb
