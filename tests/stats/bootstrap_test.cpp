#include "core/stats/bootstrap.h"

#include <cmath>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "python_reference.h"

namespace {

// Fixed, irregular scores in [0, 1] (a cheap deterministic generator, not the bootstrap's).
std::vector<double> scores(std::size_t n, unsigned salt) {
    std::vector<double> out;
    unsigned x = 12345u + salt;
    for (std::size_t i = 0; i < n; ++i) {
        x = x * 1103515245u + 12345u;
        out.push_back(double((x >> 8) % 1000) / 1000.0);
    }
    return out;
}

TEST(Quantile, LinearInterpolationLikeNumpy) {
    std::vector<double> v = {1, 2, 3, 4};
    EXPECT_DOUBLE_EQ(tb::quantile_sorted(v, 0.25), 1.75);  // position 0.75 between 1 and 2
    EXPECT_DOUBLE_EQ(tb::quantile_sorted(v, 0.5), 2.5);
    EXPECT_DOUBLE_EQ(tb::quantile_sorted(v, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(tb::quantile_sorted(v, 1.0), 4.0);
}

TEST(Bootstrap, DeterministicForASeed) {
    std::vector<double> v = scores(60, 1);
    tb::BootstrapInterval a = tb::bootstrap_mean_ci(v), b = tb::bootstrap_mean_ci(v);
    EXPECT_EQ(a.low, b.low);
    EXPECT_EQ(a.high, b.high);
    tb::BootstrapOptions other;
    other.seed = 7;
    tb::BootstrapInterval c = tb::bootstrap_mean_ci(v, other);
    EXPECT_NE(a.low, c.low);
    EXPECT_NEAR(a.low, c.low, 0.03);  // another seed moves the bounds only by Monte Carlo noise
    EXPECT_EQ(a.resamples, 10000u);
    EXPECT_EQ(a.items, 60u);
}

// For n = 400 the bootstrap distribution of the mean is close to normal with
// SE = population sd / sqrt(n), so the 95% bounds are near mean ± 1.96·SE.
TEST(Bootstrap, MeanIntervalAgreesWithNormalTheory) {
    std::vector<double> v = scores(400, 2);
    double mean = 0, sq = 0;
    for (double x : v) mean += x;
    mean /= v.size();
    for (double x : v) sq += (x - mean) * (x - mean);
    double se = std::sqrt(sq / v.size()) / std::sqrt(double(v.size()));
    tb::BootstrapInterval r = tb::bootstrap_mean_ci(v);
    EXPECT_DOUBLE_EQ(r.estimate, mean);
    EXPECT_NEAR(r.low, mean - 1.96 * se, 0.1 * 1.96 * se);
    EXPECT_NEAR(r.high, mean + 1.96 * se, 0.1 * 1.96 * se);
}

TEST(Bootstrap, PairedDifference) {
    std::vector<double> baseline = scores(80, 3), candidate = baseline;
    for (auto& x : candidate) x += 0.05;  // the same shift on every item: no uncertainty at all
    tb::BootstrapInterval shift = tb::paired_bootstrap_mean_difference_ci(baseline, candidate);
    EXPECT_NEAR(shift.estimate, 0.05, 1e-12);
    EXPECT_NEAR(shift.low, 0.05, 1e-12);
    EXPECT_NEAR(shift.high, 0.05, 1e-12);

    // Independent noise on top: the interval widens and still covers the estimate.
    std::vector<double> noisy = scores(80, 4);
    tb::BootstrapInterval r = tb::paired_bootstrap_mean_difference_ci(baseline, noisy);
    EXPECT_LT(r.low, r.estimate);
    EXPECT_GT(r.high, r.estimate);
    EXPECT_THROW(tb::paired_bootstrap_mean_difference_ci(baseline, std::vector<double>{1.0}), tb::Error);
}

TEST(Bootstrap, RejectsBadOptions) {
    tb::BootstrapOptions bad;
    bad.confidence = 1.5;
    EXPECT_THROW(tb::bootstrap_mean_ci({1.0, 2.0}, bad), tb::Error);
    EXPECT_THROW(tb::bootstrap_mean_ci({}), tb::Error);
}

// scipy's percentile bootstrap uses another generator, so the bounds agree only up to
// Monte Carlo noise (10,000 resamples: a few thousandths here).
TEST(Bootstrap, CloseToScipyPercentileBootstrap) {
    std::vector<double> baseline = scores(120, 5), candidate = scores(120, 6);
    for (std::size_t i = 0; i < candidate.size(); ++i) candidate[i] = 0.6 * baseline[i] + 0.4 * candidate[i] + 0.03;
    auto reference = tbtest::run_python(
        "import json, numpy as np\nfrom scipy.stats import bootstrap\n"
        "a=np.array(" +
        tbtest::python_list(baseline) + ")\nb=np.array(" + tbtest::python_list(candidate) +
        ")\n"
        "r=bootstrap(((b-a),), np.mean, n_resamples=10000, method='percentile', random_state=0)\n"
        "print(json.dumps([r.confidence_interval.low, r.confidence_interval.high]))\n");
    if (!reference) GTEST_SKIP() << "python3 with scipy not available";
    tb::BootstrapInterval r = tb::paired_bootstrap_mean_difference_ci(baseline, candidate);
    double width = r.high - r.low;
    EXPECT_NEAR(r.low, (*reference)[0].get<double>(), 0.05 * width);
    EXPECT_NEAR(r.high, (*reference)[1].get<double>(), 0.05 * width);
}

}  // namespace
