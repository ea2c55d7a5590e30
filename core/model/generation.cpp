#include "core/model/generation.h"

#include <algorithm>

#include "core/common/error.h"
#include "core/model/llama.h"

namespace tb {

std::string to_string(StopReason reason) {
    switch (reason) {
        case StopReason::Eos:
            return "eos";
        case StopReason::StopString:
            return "stop_string";
        case StopReason::MaxNewTokens:
            return "max_new_tokens";
    }
    return "unknown";
}

GenerationResult generate(CausalLMImpl& model, const std::vector<std::int64_t>& prompt,
                          const GenerationOptions& options, const JobContext& ctx) {
    return generate_batch(model, {prompt}, options, ctx).front();
}

std::vector<GenerationResult> generate_batch(CausalLMImpl& model, const std::vector<std::vector<std::int64_t>>& prompts,
                                             const GenerationOptions& options, const JobContext& ctx) {
    if (prompts.empty()) return {};
    if (!options.stop_strings.empty() && !options.detokenize) throw Error("stop strings need a detokenize function");
    const auto batch = static_cast<std::int64_t>(prompts.size());
    std::int64_t longest = 0;
    for (const auto& p : prompts) {
        if (p.empty()) throw Error("cannot generate from an empty prompt (start with the BOS token)");
        longest = std::max<std::int64_t>(longest, static_cast<std::int64_t>(p.size()));
    }
    const std::int64_t vocab = model.config().vocab_size;
    for (const auto& p : prompts)
        for (auto id : p)
            if (id < 0 || id >= vocab)
                throw Error("prompt token id " + std::to_string(id) + " is outside the vocabulary (" +
                            std::to_string(vocab) + ")");
    // The model was trained on at most max_position_embeddings positions: a longer prompt is an
    // error the user can act on (shorten it), and generation stops at the end of the context
    // (stop reason MaxNewTokens) instead of running on positions the model never saw.
    const std::int64_t context = model.config().max_position_embeddings;
    if (context > 0 && longest >= context)
        throw Error("the prompt has " + std::to_string(longest) + " tokens but the model's context is " +
                    std::to_string(context) + " (max_position_embeddings): shorten the prompt");
    std::int64_t max_new = std::max<std::int64_t>(0, options.max_new_tokens);
    if (context > 0) max_new = std::min(max_new, context - longest);

    c10::InferenceMode inference;
    const bool was_training = model.is_training();
    model.eval();

    // Left padding: every row's last prompt token sits in the same column.
    const std::int64_t capacity = longest + max_new;
    auto ids = torch::full({batch, longest}, options.pad_token_id, torch::kInt64);
    auto mask = torch::zeros({batch, capacity}, torch::kInt64);  // grows column by column
    for (std::int64_t b = 0; b < batch; ++b) {
        const auto& p = prompts[static_cast<std::size_t>(b)];
        const auto pad = longest - static_cast<std::int64_t>(p.size());
        auto* row = ids[b].data_ptr<std::int64_t>();
        std::copy(p.begin(), p.end(), row + pad);
        mask[b].narrow(0, pad, longest - pad).fill_(1);
    }
    const bool padded = std::any_of(prompts.begin(), prompts.end(),
                                    [&](const auto& p) { return static_cast<std::int64_t>(p.size()) != longest; });

    std::vector<GenerationResult> results(prompts.size());
    std::vector<Sampler> samplers(prompts.size(), Sampler(options.sampling));
    std::vector<bool> finished(prompts.size(), max_new == 0);
    auto is_eos = [&](std::int64_t id) {
        return std::find(options.eos_token_ids.begin(), options.eos_token_ids.end(), id) != options.eos_token_ids.end();
    };

    std::optional<KVCache> cache;
    if (options.use_cache) cache.emplace(model.make_cache(batch, capacity));
    torch::Tensor all_ids = ids;  // without cache: the whole sequence so far
    torch::Tensor step_ids = ids;
    std::int64_t length = longest;

    for (std::int64_t step = 0; step < max_new; ++step) {
        ctx.check_cancel();
        ForwardInputs in;
        if (cache) {
            in.input_ids = step_ids;
            in.cache = &*cache;
        } else {
            in.input_ids = all_ids;
        }
        if (padded) in.attention_mask = mask.narrow(1, 0, length);
        // Only the last position's logits matter: [B, V] in fp32 on the CPU.
        auto hidden = model.hidden_states(in);
        auto last = model.logits(hidden.narrow(1, hidden.size(1) - 1, 1)).squeeze(1).to(torch::kCPU).contiguous();
        const float* data = last.data_ptr<float>();

        auto next = torch::full({batch, 1}, options.pad_token_id, torch::kInt64);
        for (std::int64_t b = 0; b < batch; ++b) {
            const auto row = static_cast<std::size_t>(b);
            if (finished[row]) continue;
            const auto token =
                samplers[row].next(std::span<const float>(data + b * vocab, static_cast<std::size_t>(vocab)));
            auto& result = results[row];
            if (is_eos(token)) {
                finished[row] = true;
                result.stop_reason = StopReason::Eos;
                continue;
            }
            next[b][0] = token;
            result.tokens.push_back(token);
            if (options.on_token) options.on_token(row, token);
            if (!options.stop_strings.empty()) {
                const auto text = options.detokenize(result.tokens);
                for (const auto& stop : options.stop_strings) {
                    if (!stop.empty() && text.find(stop) != std::string::npos) {
                        finished[row] = true;
                        result.stop_reason = StopReason::StopString;
                        break;
                    }
                }
            }
            if (!finished[row] && static_cast<std::int64_t>(result.tokens.size()) >= max_new) {
                finished[row] = true;
                result.stop_reason = StopReason::MaxNewTokens;
            }
        }
        ctx.report(step + 1, max_new, "generating");
        if (std::all_of(finished.begin(), finished.end(), [](bool f) { return f; })) break;
        // Finished rows keep feeding padding; rows never attend to each other, so their
        // outputs are simply ignored.
        mask.narrow(1, length, 1).fill_(1);
        ++length;
        step_ids = next;
        if (!cache) all_ids = torch::cat({all_ids, next}, 1);
    }

    if (options.detokenize) {
        for (auto& result : results) {
            result.text = options.detokenize(result.tokens);
            if (result.stop_reason == StopReason::StopString) {
                std::size_t cut = std::string::npos;
                for (const auto& stop : options.stop_strings)
                    if (!stop.empty()) cut = std::min(cut, result.text.find(stop));
                if (cut != std::string::npos) result.text.resize(cut);
            }
        }
    }
    if (was_training) model.train();
    return results;
}

}  // namespace tb
