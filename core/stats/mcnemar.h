#pragma once
// McNemar's exact test for paired pass/fail outcomes (two runs graded on the same items).
// Only the discordant pairs carry information: b = items A passed and B failed, c = the
// reverse. Under "no difference" each discordant pair is a fair coin, so the two-sided exact
// p-value is the binomial test of b successes in b + c trials at 0.5:
//   p = min(1, 2 · P(X ≤ min(b, c))),  X ~ Binomial(b + c, 1/2)
// (equal to scipy.stats.binomtest(b, b + c, 0.5).pvalue, which sums the outcomes no more
// likely than the one seen; for p = 1/2 the distribution is symmetric so both agree).
// The mid-p variant counts only half the probability of the observed outcome:
//   mid-p = min(1, 2 · (P(X ≤ min(b, c)) − P(X = min(b, c)) / 2))
// less conservative, recommended by Fagerland, Lydersen & Laake (2013) for small samples.
#include <cstddef>
#include <vector>

namespace tb {

struct McNemarResult {
    std::size_t both_pass = 0;
    std::size_t only_a_passes = 0;  // b
    std::size_t only_b_passes = 0;  // c
    std::size_t both_fail = 0;
    double p_value = 1.0;  // exact two-sided
    double mid_p_value = 1.0;
};

// Paired outcomes: a_pass[i] and b_pass[i] are the results of the same item.
McNemarResult mcnemar_exact(const std::vector<bool>& a_pass, const std::vector<bool>& b_pass);

// From the discordant counts alone (concordant counts are left at 0).
McNemarResult mcnemar_exact(std::size_t only_a_passes, std::size_t only_b_passes);

// P(X ≤ k) for X ~ Binomial(n, 1/2), computed in log space (n up to millions).
double binomial_half_cdf(std::size_t k, std::size_t n);

}  // namespace tb
