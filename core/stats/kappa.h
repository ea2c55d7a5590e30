#pragma once
// Cohen's kappa: chance-corrected agreement of two raters over the same items (curation:
// two reviewers; evaluation: judge vs human). Unweighted for nominal labels; linear or
// quadratic weights when the categories are ordered (a 1-5 grade), so a near miss counts
// as partial agreement.
//
// Confidence interval: kappa ± 1.96·SE with the large-sample (non-null) standard error of
// Fleiss, Cohen & Everitt (1969), "Large sample standard errors of kappa and weighted
// kappa", Psychological Bulletin 72(5). With agreement weights w_ij (w_ii = 1), cell
// proportions p_ij, margins p_i., p_.j, w̄_i. = Σ_j p_.j w_ij, w̄_.j = Σ_i p_i. w_ij:
//   var(κ) = [ Σ_ij p_ij (w_ij − (w̄_i. + w̄_.j)(1 − κ))² − (κ − p_e(1 − κ))² ] / (n (1 − p_e)²)
// The interval is clipped to [-1, 1]. It is asymptotic: with few items (< ~30) read it as
// rough.
#include <cstddef>
#include <string>
#include <vector>

namespace tb {

enum class KappaWeighting { none, linear, quadratic };

struct KappaResult {
    double kappa = 0.0;           // NaN when undefined (both raters used one single category)
    double standard_error = 0.0;  // Fleiss-Cohen-Everitt 1969, non-null
    double ci_low = 0.0;          // 95% interval, clipped to [-1, 1]
    double ci_high = 0.0;
    double observed_agreement = 0.0;  // raw agreement: share of items with identical labels (unweighted)
    double expected_agreement = 0.0;  // chance agreement p_e, weighted like kappa
    std::size_t items = 0;
    std::vector<std::string> categories;  // row/column order of the confusion matrix
    std::vector<std::vector<std::size_t>>
        confusion;  // confusion[i][j]: rater A said categories[i], B said categories[j]
};

// Labels as text. `category_order` fixes the order of the categories (needed for weighted
// kappa: the weights use the distance between positions in this list); when empty the
// categories are the labels seen, sorted. A label missing from a given order is an error.
KappaResult cohen_kappa(const std::vector<std::string>& rater_a, const std::vector<std::string>& rater_b,
                        KappaWeighting weighting = KappaWeighting::none,
                        const std::vector<std::string>& category_order = {});

// Integer grades (1-5 scores): categories are the values seen, in numeric order; weights
// use the distance between positions in that order (as scikit-learn's cohen_kappa_score).
KappaResult cohen_kappa(const std::vector<int>& rater_a, const std::vector<int>& rater_b,
                        KappaWeighting weighting = KappaWeighting::none);

const char* to_string(KappaWeighting weighting);

}  // namespace tb
