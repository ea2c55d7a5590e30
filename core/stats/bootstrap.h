#pragma once
// Bootstrap confidence intervals, percentile method, seeded and deterministic: the same
// data, seed and resample count give the same interval on every machine (own splitmix64
// generator and unbiased index draw, not std:: distributions, whose output differs between
// standard libraries).
//
// Percentile method: draw `resamples` samples of n items with replacement, compute the
// statistic on each, and take the (1−c)/2 and (1+c)/2 quantiles of those values (linear
// interpolation between order statistics, numpy's default). For the paired difference the
// items are resampled as pairs, so the correlation between the two runs is kept.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tb {

struct BootstrapOptions {
    std::size_t resamples = 10000;
    double confidence = 0.95;
    std::uint64_t seed = 20240607;
};

struct BootstrapInterval {
    double estimate = 0.0;  // the statistic on the full data
    double low = 0.0;
    double high = 0.0;
    double confidence = 0.95;
    std::size_t resamples = 0;
    std::size_t items = 0;
};

// Mean of `values`, with its percentile bootstrap interval.
BootstrapInterval bootstrap_mean_ci(const std::vector<double>& values, const BootstrapOptions& options = {});

// Mean of (candidate[i] − baseline[i]) over paired items, with its paired percentile
// bootstrap interval. An interval that excludes 0 says the runs differ at that confidence.
BootstrapInterval paired_bootstrap_mean_difference_ci(const std::vector<double>& baseline,
                                                      const std::vector<double>& candidate,
                                                      const BootstrapOptions& options = {});

// Quantile q in [0, 1] of sorted values, linear interpolation (numpy "linear", type 7).
double quantile_sorted(const std::vector<double>& sorted, double q);

}  // namespace tb
