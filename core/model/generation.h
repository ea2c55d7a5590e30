#pragma once
// Text generation with a KV cache: greedy or sampled, stopping on any EOS id or stop string,
// single or batched (left padding + attention mask + position ids, each row stopping on
// its own), streaming through a token callback, cancellable through a JobContext.
// Torch-free header: the model is forward-declared (pass *model for a tb::CausalLM).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/jobs/job.h"
#include "core/model/sampler.h"

namespace tb {

class CausalLMImpl;

struct GenerationOptions {
    std::int64_t max_new_tokens = 256;
    SamplingOptions sampling;                 // each batch row gets its own sampler, same seed
    std::vector<std::int64_t> eos_token_ids;  // stop (and drop the token) on any of these
    std::vector<std::string> stop_strings;    // stop once the decoded text contains one
    // ids -> text; needed for stop_strings and to fill GenerationResult::text.
    std::function<std::string(const std::vector<std::int64_t>&)> detokenize;
    // Streaming: called for every kept token (row index in the batch, token id).
    std::function<void(std::size_t row, std::int64_t token)> on_token;
    bool use_cache = true;          // false: re-run the whole sequence every step (baseline)
    std::int64_t pad_token_id = 0;  // fills left padding (masked out, never attended)
};

enum class StopReason { Eos, StopString, MaxNewTokens };
std::string to_string(StopReason reason);

struct GenerationResult {
    std::vector<std::int64_t> tokens;  // generated ids, without the prompt and the EOS
    StopReason stop_reason = StopReason::MaxNewTokens;
    std::string text;  // detokenize(tokens), cut before the stop string; "" without detokenize
};

// Throws tb::Error for an empty prompt, tb::Cancelled when ctx's token is cancelled.
GenerationResult generate(CausalLMImpl& model, const std::vector<std::int64_t>& prompt,
                          const GenerationOptions& options, const JobContext& ctx = {});
std::vector<GenerationResult> generate_batch(CausalLMImpl& model, const std::vector<std::vector<std::int64_t>>& prompts,
                                             const GenerationOptions& options, const JobContext& ctx = {});

}  // namespace tb
