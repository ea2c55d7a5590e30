#include "core/stats/mcnemar.h"

#include <algorithm>
#include <cmath>

#include "core/common/error.h"

namespace tb {
namespace {

double log_binomial_half_pmf(std::size_t i, std::size_t n) {
    return std::lgamma(double(n) + 1) - std::lgamma(double(i) + 1) - std::lgamma(double(n - i) + 1) -
           double(n) * std::log(2.0);
}

}  // namespace

double binomial_half_cdf(std::size_t k, std::size_t n) {
    if (k >= n) return 1.0;
    // Sum the terms from the largest down so small tails keep their precision.
    double sum = 0.0;
    for (std::size_t i = k + 1; i-- > 0;) sum += std::exp(log_binomial_half_pmf(i, n));
    return std::min(1.0, sum);
}

McNemarResult mcnemar_exact(std::size_t only_a_passes, std::size_t only_b_passes) {
    McNemarResult r;
    r.only_a_passes = only_a_passes;
    r.only_b_passes = only_b_passes;
    const std::size_t n = only_a_passes + only_b_passes;
    // No discordant pair, or an even split: the observed outcome is the most likely one, p = 1
    // exactly (summing the pmf would give 1 − 1e-15).
    if (n == 0 || only_a_passes == only_b_passes) return r;
    const std::size_t k = std::min(only_a_passes, only_b_passes);
    const double tail = binomial_half_cdf(k, n);
    const double at_k = std::exp(log_binomial_half_pmf(k, n));
    r.p_value = std::min(1.0, 2.0 * tail);
    r.mid_p_value = std::min(1.0, 2.0 * (tail - 0.5 * at_k));
    return r;
}

McNemarResult mcnemar_exact(const std::vector<bool>& a_pass, const std::vector<bool>& b_pass) {
    if (a_pass.size() != b_pass.size())
        throw Error("McNemar's test needs paired results: run A has " + std::to_string(a_pass.size()) +
                    " items, run B " + std::to_string(b_pass.size()));
    std::size_t both_pass = 0, only_a = 0, only_b = 0, both_fail = 0;
    for (std::size_t i = 0; i < a_pass.size(); ++i) {
        if (a_pass[i] && b_pass[i])
            ++both_pass;
        else if (a_pass[i])
            ++only_a;
        else if (b_pass[i])
            ++only_b;
        else
            ++both_fail;
    }
    McNemarResult r = mcnemar_exact(only_a, only_b);
    r.both_pass = both_pass;
    r.both_fail = both_fail;
    return r;
}

}  // namespace tb
