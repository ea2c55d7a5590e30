#include "core/stats/alpha.h"

#include <cmath>

#include <gtest/gtest.h>

#include "core/common/error.h"

namespace {

using Ratings = std::vector<std::vector<std::optional<double>>>;
constexpr std::nullopt_t _ = std::nullopt;

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with
// 4 coders, 12 units and missing values:
//   unit:  1  2  3  4  5  6  7  8  9 10 11 12
//   A:     1  2  3  3  2  1  4  1  2  .  .  .
//   B:     1  2  3  3  2  2  4  1  2  5  .  3
//   C:     .  3  3  3  2  3  4  2  2  5  1  .
//   D:     1  2  3  3  2  4  4  1  2  5  1  .
Ratings classic_example() {
    return {{1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3},
            {_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _}};
}

// By hand. Unit 12 has one value: not pairable, so 11 pairable units and
// n = 3 + 4·8 + 3 + 2 = 40 pairable values. Coincidences (each unit of m values adds
// 1/(m−1) per ordered pair):
//   o_11 = unit 1 (3·2/2 = 3) + unit 8 (3·2/3 = 2) + unit 11 (2·1/1 = 2) = 7
//   o_22 = unit 2 (3·2/3 = 2) + units 5, 9 (4·3/3 = 4 each) = 10
//   o_33 = units 3, 4 (4 each) = 8;  o_44 = unit 7 = 4;  o_55 = unit 10 (3·2/2) = 3
//   diagonal sum = 32, so Σ off-diagonal o_ck = 40 − 32 = 8
//   margins n_c: 1 → 9, 2 → 13, 3 → 10, 4 → 5, 5 → 3;  Σ n_c² = 81 + 169 + 100 + 25 + 9 = 384
// Nominal: alpha = 1 − (n − 1)·Σ_{c≠k} o_ck / (n² − Σ n_c²) = 1 − 39·8 / (1600 − 384)
//        = 1 − 312/1216 = 0.7434211   (Krippendorff reports 0.743)
TEST(KrippendorffAlpha, ClassicExampleNominalByHand) {
    tb::AlphaResult r = tb::krippendorff_alpha(classic_example(), tb::AlphaLevel::nominal);
    EXPECT_NEAR(r.alpha, 1.0 - 312.0 / 1216.0, 1e-12);
    EXPECT_EQ(r.pairable_units, 11u);
    EXPECT_EQ(r.pairable_values, 40u);
    EXPECT_EQ(r.units, 12u);
    EXPECT_EQ(r.raters, 4u);
    EXPECT_NEAR(r.observed_disagreement, 8.0 / 40.0, 1e-12);
    EXPECT_NEAR(r.expected_disagreement, 1216.0 / (40.0 * 39.0), 1e-12);
}

// The same paper reports the other metrics on these data, to three decimals.
TEST(KrippendorffAlpha, ClassicExampleOtherLevelsMatchThePaper) {
    EXPECT_NEAR(tb::krippendorff_alpha(classic_example(), tb::AlphaLevel::ordinal).alpha, 0.815, 5e-4);
    EXPECT_NEAR(tb::krippendorff_alpha(classic_example(), tb::AlphaLevel::interval).alpha, 0.849, 5e-4);
    EXPECT_NEAR(tb::krippendorff_alpha(classic_example(), tb::AlphaLevel::ratio).alpha, 0.797, 5e-4);
}

TEST(KrippendorffAlpha, TextLabelsGiveTheSameNominalAlpha) {
    const char* names[] = {"", "one", "two", "three", "four", "five"};
    std::vector<std::vector<std::string>> labels;
    for (const auto& row : classic_example()) {
        auto& out = labels.emplace_back();
        for (const auto& v : row) out.push_back(v ? names[int(*v)] : "");
    }
    EXPECT_NEAR(tb::krippendorff_alpha_nominal(labels).alpha, 1.0 - 312.0 / 1216.0, 1e-12);
}

// Two raters, four units, no missing values, one disagreement (unit 4: a=0 vs b=1).
// Units of 2 values: each ordered pair adds 1/(2−1) = 1:
//   o_aa = 2 (u1) + 2 (u3) = 4, o_bb = 2 (u2), o_ab = o_ba = 1 (u4);  n_a = 5, n_b = 3, n = 8
//   alpha = 1 − (n − 1)·Σ_{c≠k} o_ck / (n² − Σ n_c²) = 1 − 7·2 / (64 − 25 − 9) = 1 − 14/30 = 0.5333333
TEST(KrippendorffAlpha, TwoRatersByHand) {
    Ratings r = {{0, 1, 0, 0}, {0, 1, 0, 1}};
    EXPECT_NEAR(tb::krippendorff_alpha(r).alpha, 1.0 - 14.0 / 30.0, 1e-12);
}

TEST(KrippendorffAlpha, EdgeCases) {
    EXPECT_DOUBLE_EQ(tb::krippendorff_alpha({{1, 2, 3}, {1, 2, 3}}).alpha, 1.0);
    // Everyone gave the same value: no variation, alpha undefined.
    EXPECT_TRUE(std::isnan(tb::krippendorff_alpha({{2, 2}, {2, 2}}).alpha));
    // No unit has two values.
    tb::AlphaResult lonely = tb::krippendorff_alpha({{1, _}, {_, 2}});
    EXPECT_EQ(lonely.pairable_units, 0u);
    EXPECT_TRUE(std::isnan(lonely.alpha));
    EXPECT_THROW(tb::krippendorff_alpha({{1, 2}, {1}}), tb::Error);
    EXPECT_THROW(tb::krippendorff_alpha({}), tb::Error);
    EXPECT_THROW(tb::krippendorff_alpha({{-1, 2}, {1, 2}}, tb::AlphaLevel::ratio), tb::Error);
}

}  // namespace
