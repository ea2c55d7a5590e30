#include "core/stats/kappa.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "core/common/error.h"

namespace tb {
namespace {

constexpr double kZ95 = 1.959963984540054;  // two-sided 95% normal quantile

// Agreement weight of cells (i, j) among k ordered categories: 1 on the diagonal, falling
// to 0 at the farthest pair. Kappa is unchanged by scaling disagreement weights, so these
// give the same value as scikit-learn's |i-j| and (i-j)² disagreement weights.
double agreement_weight(KappaWeighting weighting, std::size_t i, std::size_t j, std::size_t k) {
    if (i == j) return 1.0;
    if (weighting == KappaWeighting::none || k < 2) return 0.0;
    double distance = std::fabs(double(i) - double(j)) / double(k - 1);
    return weighting == KappaWeighting::linear ? 1.0 - distance : 1.0 - distance * distance;
}

KappaResult kappa_from_indices(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b,
                               std::vector<std::string> categories, KappaWeighting weighting) {
    const std::size_t k = categories.size();
    const std::size_t n = a.size();
    KappaResult r;
    r.items = n;
    r.categories = std::move(categories);
    r.confusion.assign(k, std::vector<std::size_t>(k, 0));
    for (std::size_t t = 0; t < n; ++t) r.confusion[a[t]][b[t]]++;

    std::vector<double> row(k, 0.0), col(k, 0.0);
    std::vector<std::vector<double>> p(k, std::vector<double>(k, 0.0));
    std::size_t same = 0;
    for (std::size_t i = 0; i < k; ++i) {
        same += r.confusion[i][i];
        for (std::size_t j = 0; j < k; ++j) {
            p[i][j] = double(r.confusion[i][j]) / double(n);
            row[i] += p[i][j];
            col[j] += p[i][j];
        }
    }
    r.observed_agreement = double(same) / double(n);

    double po = 0.0, pe = 0.0;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            double w = agreement_weight(weighting, i, j, k);
            po += w * p[i][j];
            pe += w * row[i] * col[j];
        }
    r.expected_agreement = pe;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (1.0 - pe < 1e-12) {  // both raters used one and the same single category: no chance correction possible
        r.kappa = r.standard_error = r.ci_low = r.ci_high = nan;
        return r;
    }
    const double kappa = (po - pe) / (1.0 - pe);
    r.kappa = kappa;

    // Fleiss, Cohen & Everitt (1969) large-sample variance (see the header).
    std::vector<double> wbar_row(k, 0.0), wbar_col(k, 0.0);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            double w = agreement_weight(weighting, i, j, k);
            wbar_row[i] += col[j] * w;
            wbar_col[j] += row[i] * w;
        }
    double sum = 0.0;
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j) {
            double w = agreement_weight(weighting, i, j, k);
            double d = w - (wbar_row[i] + wbar_col[j]) * (1.0 - kappa);
            sum += p[i][j] * d * d;
        }
    double tail = kappa - pe * (1.0 - kappa);
    double variance = (sum - tail * tail) / (double(n) * (1.0 - pe) * (1.0 - pe));
    r.standard_error = std::sqrt(std::max(0.0, variance));  // rounding can make a perfect-agreement variance -1e-17
    r.ci_low = std::max(-1.0, kappa - kZ95 * r.standard_error);
    r.ci_high = std::min(1.0, kappa + kZ95 * r.standard_error);
    return r;
}

void check_sizes(std::size_t a, std::size_t b) {
    if (a != b)
        throw Error("kappa needs the same items from both raters: rater A has " + std::to_string(a) +
                    " labels, rater B " + std::to_string(b));
    if (a == 0) throw Error("kappa needs at least one item rated by both raters");
}

}  // namespace

KappaResult cohen_kappa(const std::vector<std::string>& rater_a, const std::vector<std::string>& rater_b,
                        KappaWeighting weighting, const std::vector<std::string>& category_order) {
    check_sizes(rater_a.size(), rater_b.size());
    std::vector<std::string> categories = category_order;
    if (categories.empty()) {
        std::set<std::string> seen(rater_a.begin(), rater_a.end());
        seen.insert(rater_b.begin(), rater_b.end());
        categories.assign(seen.begin(), seen.end());
    }
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < categories.size(); ++i)
        if (!index.emplace(categories[i], i).second) throw Error("category '" + categories[i] + "' is listed twice");
    auto to_indices = [&](const std::vector<std::string>& labels, const char* who) {
        std::vector<std::size_t> out;
        out.reserve(labels.size());
        for (const auto& label : labels) {
            auto it = index.find(label);
            if (it == index.end())
                throw Error(std::string("rater ") + who + " used the label '" + label +
                            "', which is not in the list of categories");
            out.push_back(it->second);
        }
        return out;
    };
    return kappa_from_indices(to_indices(rater_a, "A"), to_indices(rater_b, "B"), std::move(categories), weighting);
}

KappaResult cohen_kappa(const std::vector<int>& rater_a, const std::vector<int>& rater_b, KappaWeighting weighting) {
    check_sizes(rater_a.size(), rater_b.size());
    std::set<int> seen(rater_a.begin(), rater_a.end());
    seen.insert(rater_b.begin(), rater_b.end());
    std::vector<int> values(seen.begin(), seen.end());
    std::vector<std::string> categories;
    for (int v : values) categories.push_back(std::to_string(v));
    auto to_indices = [&](const std::vector<int>& labels) {
        std::vector<std::size_t> out;
        out.reserve(labels.size());
        for (int v : labels)
            out.push_back(std::size_t(std::lower_bound(values.begin(), values.end(), v) - values.begin()));
        return out;
    };
    return kappa_from_indices(to_indices(rater_a), to_indices(rater_b), std::move(categories), weighting);
}

const char* to_string(KappaWeighting weighting) {
    switch (weighting) {
        case KappaWeighting::none:
            return "none";
        case KappaWeighting::linear:
            return "linear";
        case KappaWeighting::quadratic:
            return "quadratic";
    }
    return "none";
}

}  // namespace tb
