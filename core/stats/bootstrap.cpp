#include "core/stats/bootstrap.h"

#include <algorithm>
#include <cmath>

#include "core/common/error.h"

namespace tb {
namespace {

// splitmix64 (Steele, Lea & Flood 2014): tiny, fast, and its output is fixed by the seed alone.
class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound), without modulo bias (rejects the short top slice).
    std::uint64_t below(std::uint64_t bound) {
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
        std::uint64_t x;
        do x = next();
        while (x >= limit);
        return x % bound;
    }

private:
    std::uint64_t state_;
};

void check_options(const BootstrapOptions& options, std::size_t n) {
    if (n == 0) throw Error("a bootstrap interval needs at least one value");
    if (options.resamples < 1) throw Error("a bootstrap interval needs at least one resample");
    if (!(options.confidence > 0.0 && options.confidence < 1.0))
        throw Error("the bootstrap confidence must lie between 0 and 1 (e.g. 0.95), got " +
                    std::to_string(options.confidence));
}

BootstrapInterval percentile_interval(const std::vector<double>& values, const BootstrapOptions& options) {
    check_options(options, values.size());
    for (double v : values)
        if (!std::isfinite(v)) throw Error("bootstrap: every score must be a finite number");
    const std::size_t n = values.size();
    BootstrapInterval r;
    r.items = n;
    r.resamples = options.resamples;
    r.confidence = options.confidence;
    double sum = 0.0;
    for (double v : values) sum += v;
    r.estimate = sum / double(n);

    SplitMix64 rng(options.seed);
    std::vector<double> means(options.resamples);
    for (auto& m : means) {
        double s = 0.0;
        for (std::size_t i = 0; i < n; ++i) s += values[rng.below(n)];
        m = s / double(n);
    }
    std::sort(means.begin(), means.end());
    const double tail = (1.0 - options.confidence) / 2.0;
    r.low = quantile_sorted(means, tail);
    r.high = quantile_sorted(means, 1.0 - tail);
    return r;
}

}  // namespace

double quantile_sorted(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) throw Error("quantile of an empty list");
    q = std::clamp(q, 0.0, 1.0);
    const double position = q * double(sorted.size() - 1);
    const std::size_t below = std::size_t(std::floor(position));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - double(below);
    return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

BootstrapInterval bootstrap_mean_ci(const std::vector<double>& values, const BootstrapOptions& options) {
    return percentile_interval(values, options);
}

BootstrapInterval paired_bootstrap_mean_difference_ci(const std::vector<double>& baseline,
                                                      const std::vector<double>& candidate,
                                                      const BootstrapOptions& options) {
    if (baseline.size() != candidate.size())
        throw Error("a paired bootstrap needs the same items in both runs: baseline has " +
                    std::to_string(baseline.size()) + " scores, candidate " + std::to_string(candidate.size()));
    // Resampling the per-item differences is resampling the pairs: the mean difference of a
    // resample of pairs is the mean of the resampled differences.
    std::vector<double> differences(baseline.size());
    for (std::size_t i = 0; i < baseline.size(); ++i) differences[i] = candidate[i] - baseline[i];
    return percentile_interval(differences, options);
}

}  // namespace tb
