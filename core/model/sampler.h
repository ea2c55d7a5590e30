#pragma once
// Picks the next token from one row of logits: greedy, or temperature / top-k / top-p
// sampling from a seeded generator. Torch-free, and deterministic across platforms: the
// generator is std::mt19937_64 (fully specified) turned into doubles by hand.
#include <cstdint>
#include <random>
#include <span>

namespace tb {

struct SamplingOptions {
    bool greedy = false;  // argmax (also when temperature <= 0)
    double temperature = 1.0;
    double top_p = 1.0;      // nucleus: smallest set of tokens whose probability reaches top_p
    std::int64_t top_k = 0;  // 0: no limit
    std::uint64_t seed = 0;
};

class Sampler {
public:
    explicit Sampler(SamplingOptions options);
    // logits [vocab] -> token id. Throws tb::Error on an empty row or NaN logits.
    std::int64_t next(std::span<const float> logits);
    const SamplingOptions& options() const { return options_; }

private:
    SamplingOptions options_;
    std::mt19937_64 rng_;
};

// Index of the largest logit (the first one on ties, as torch.argmax).
std::int64_t argmax(std::span<const float> logits);

}  // namespace tb
