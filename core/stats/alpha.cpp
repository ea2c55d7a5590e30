#include "core/stats/alpha.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/common/error.h"

namespace tb {
namespace {

// δ² between the value positions c and k (values sorted ascending; counts n_c for ordinal).
double squared_difference(AlphaLevel level, const std::vector<double>& values, const std::vector<double>& margins,
                          std::size_t c, std::size_t k) {
    if (c == k) return 0.0;
    switch (level) {
        case AlphaLevel::nominal:
            return 1.0;
        case AlphaLevel::interval: {
            double d = values[c] - values[k];
            return d * d;
        }
        case AlphaLevel::ratio: {
            double sum = values[c] + values[k];
            if (sum == 0.0) return 0.0;
            double d = (values[c] - values[k]) / sum;
            return d * d;
        }
        case AlphaLevel::ordinal: {
            // (Σ_{g=c..k} n_g − (n_c + n_k)/2)²: the distance counts the values between ranks.
            std::size_t lo = std::min(c, k), hi = std::max(c, k);
            double s = 0.0;
            for (std::size_t g = lo; g <= hi; ++g) s += margins[g];
            s -= (margins[c] + margins[k]) / 2.0;
            return s * s;
        }
    }
    return 1.0;
}

}  // namespace

AlphaResult krippendorff_alpha(const std::vector<std::vector<std::optional<double>>>& ratings, AlphaLevel level) {
    if (ratings.empty()) throw Error("Krippendorff's alpha needs at least one rater");
    const std::size_t units = ratings.front().size();
    for (std::size_t r = 0; r < ratings.size(); ++r)
        if (ratings[r].size() != units)
            throw Error("Krippendorff's alpha: rater " + std::to_string(r + 1) + " has " +
                        std::to_string(ratings[r].size()) + " units, rater 1 has " + std::to_string(units) +
                        " (mark an unrated unit as missing instead of leaving it out)");

    // Distinct values, ascending: the rows/columns of the coincidence matrix.
    std::vector<double> values;
    for (const auto& row : ratings)
        for (const auto& v : row)
            if (v) {
                if (!std::isfinite(*v)) throw Error("Krippendorff's alpha: ratings must be finite numbers");
                values.push_back(*v);
            }
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    if (level == AlphaLevel::ratio)
        for (double v : values)
            if (v < 0) throw Error("Krippendorff's alpha at the ratio level needs non-negative values");
    const std::size_t k = values.size();
    auto index_of = [&](double v) {
        return std::size_t(std::lower_bound(values.begin(), values.end(), v) - values.begin());
    };

    AlphaResult result;
    result.raters = ratings.size();
    result.units = units;
    std::vector<std::vector<double>> coincidence(k, std::vector<double>(k, 0.0));
    std::vector<std::size_t> unit_values;
    for (std::size_t u = 0; u < units; ++u) {
        unit_values.clear();
        for (const auto& row : ratings)
            if (row[u]) unit_values.push_back(index_of(*row[u]));
        const std::size_t m = unit_values.size();
        if (m < 2) continue;
        result.pairable_units++;
        result.pairable_values += m;
        const double share = 1.0 / double(m - 1);
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < m; ++j)
                if (i != j) coincidence[unit_values[i]][unit_values[j]] += share;
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (result.pairable_units == 0) {
        result.alpha = result.observed_disagreement = result.expected_disagreement = nan;
        return result;
    }

    std::vector<double> margins(k, 0.0);
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t j = 0; j < k; ++j) margins[c] += coincidence[c][j];
    const double n = double(result.pairable_values);
    double observed = 0.0, expected = 0.0;
    for (std::size_t c = 0; c < k; ++c)
        for (std::size_t j = 0; j < k; ++j) {
            double d2 = squared_difference(level, values, margins, c, j);
            observed += coincidence[c][j] * d2;
            expected += margins[c] * margins[j] * d2;
        }
    result.observed_disagreement = observed / n;
    result.expected_disagreement = expected / (n * (n - 1.0));
    if (result.expected_disagreement == 0.0) {  // every pairable value the same: no variation to agree on
        result.alpha = nan;
        return result;
    }
    result.alpha = 1.0 - result.observed_disagreement / result.expected_disagreement;
    return result;
}

AlphaResult krippendorff_alpha_nominal(const std::vector<std::vector<std::string>>& ratings) {
    // Codes in order of first appearance: nominal alpha ignores the order anyway.
    std::map<std::string, double> code;
    std::vector<std::vector<std::optional<double>>> coded;
    for (const auto& row : ratings) {
        auto& out = coded.emplace_back();
        for (const auto& label : row) {
            if (label.empty()) {
                out.push_back(std::nullopt);
                continue;
            }
            auto it = code.emplace(label, double(code.size())).first;
            out.push_back(it->second);
        }
    }
    return krippendorff_alpha(coded, AlphaLevel::nominal);
}

const char* to_string(AlphaLevel level) {
    switch (level) {
        case AlphaLevel::nominal:
            return "nominal";
        case AlphaLevel::ordinal:
            return "ordinal";
        case AlphaLevel::interval:
            return "interval";
        case AlphaLevel::ratio:
            return "ratio";
    }
    return "nominal";
}

}  // namespace tb
