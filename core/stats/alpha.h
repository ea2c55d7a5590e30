#pragma once
// Krippendorff's alpha: agreement of any number of raters, each rating any subset of the
// items (missing values allowed), for nominal, ordinal, interval or ratio data.
//   alpha = 1 − D_o / D_e = 1 − (n − 1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck
// o_ck is the coincidence matrix: every unit with m_u ≥ 2 values adds 1/(m_u − 1) for each
// ordered pair of its values; n_c its margins, n = Σ n_c the number of pairable values.
// Units with fewer than two values are not pairable and drop out.
// Reference: K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tb {

enum class AlphaLevel { nominal, ordinal, interval, ratio };

struct AlphaResult {
    double alpha = 0.0;               // NaN when undefined (all pairable values identical)
    std::size_t pairable_units = 0;   // units with at least two values
    std::size_t pairable_values = 0;  // n: values in pairable units
    std::size_t raters = 0;
    std::size_t units = 0;               // every column of the input, pairable or not
    double observed_disagreement = 0.0;  // D_o
    double expected_disagreement = 0.0;  // D_e
};

// ratings[rater][unit]; std::nullopt where the rater did not rate the unit. Every rater
// row must have the same length (the number of units).
AlphaResult krippendorff_alpha(const std::vector<std::vector<std::optional<double>>>& ratings,
                               AlphaLevel level = AlphaLevel::nominal);

// Nominal labels as text; an empty string means "not rated".
AlphaResult krippendorff_alpha_nominal(const std::vector<std::vector<std::string>>& ratings);

const char* to_string(AlphaLevel level);

}  // namespace tb
