#include "core/model/sampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/common/error.h"

namespace tb {

Sampler::Sampler(SamplingOptions options) : options_(options), rng_(options.seed) {
    if (options_.top_p <= 0.0 || options_.top_p > 1.0) throw Error("top_p must be in (0, 1]");
    if (options_.top_k < 0) throw Error("top_k must be 0 (off) or positive");
}

std::int64_t argmax(std::span<const float> logits) {
    if (logits.empty()) throw Error("cannot pick a token from empty logits");
    std::size_t best = 0;
    bool nan = std::isnan(logits[0]);
    for (std::size_t i = 1; i < logits.size(); ++i) {
        if (logits[i] > logits[best]) best = i;
        nan |= std::isnan(logits[i]);
    }
    if (nan) throw Error("the model produced NaN logits (broken weights, or bf16/fp16 overflow)");
    return static_cast<std::int64_t>(best);
}

std::int64_t Sampler::next(std::span<const float> logits) {
    if (options_.greedy || options_.temperature <= 0.0) return argmax(logits);
    if (logits.empty()) throw Error("cannot pick a token from empty logits");

    std::vector<std::int32_t> candidates(logits.size());
    std::iota(candidates.begin(), candidates.end(), 0);
    auto by_logit = [&](std::int32_t a, std::int32_t b) {
        return logits[a] > logits[b] || (logits[a] == logits[b] && a < b);
    };
    std::size_t keep = candidates.size();
    if (options_.top_k > 0 && static_cast<std::size_t>(options_.top_k) < keep) {
        keep = static_cast<std::size_t>(options_.top_k);
        std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep), candidates.end(),
                          by_logit);
        candidates.resize(keep);
    } else if (options_.top_p < 1.0) {
        std::sort(candidates.begin(), candidates.end(), by_logit);
    }

    // Softmax with temperature over the candidates, in double.
    float max_logit = -INFINITY;
    for (auto c : candidates) {
        if (std::isnan(logits[c])) throw Error("the model produced NaN logits (broken weights, or bf16/fp16 overflow)");
        max_logit = std::max(max_logit, logits[c]);
    }
    std::vector<double> weights(candidates.size());
    double total = 0.0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        weights[i] = std::exp((static_cast<double>(logits[candidates[i]]) - max_logit) / options_.temperature);
        total += weights[i];
    }
    if (options_.top_p < 1.0) {
        // candidates are sorted by probability: keep the shortest prefix reaching top_p.
        double cumulative = 0.0;
        std::size_t n = 0;
        while (n < weights.size()) {
            cumulative += weights[n] / total;
            ++n;
            if (cumulative >= options_.top_p) break;
        }
        weights.resize(n);
        total = std::accumulate(weights.begin(), weights.end(), 0.0);
    }
    // 53 random bits -> a double in [0, 1): the same on every platform, unlike std distributions.
    const double u = static_cast<double>(rng_() >> 11) * 0x1.0p-53;
    double target = u * total, running = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        running += weights[i];
        if (target < running) return candidates[i];
    }
    return candidates[weights.size() - 1];
}

}  // namespace tb
