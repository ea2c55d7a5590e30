#include "core/stats/kappa.h"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "python_reference.h"

namespace {

std::vector<std::string> repeat(std::initializer_list<std::pair<const char*, int>> runs) {
    std::vector<std::string> out;
    for (auto [label, count] : runs)
        for (int i = 0; i < count; ++i) out.push_back(label);
    return out;
}

// 50 items, two reviewers saying yes/no:
//              B yes  B no
//     A yes     20      5     (A yes: 25 -> 0.5)
//     A no      10     15     (A no:  25 -> 0.5)
//               30     20     (B yes 0.6, B no 0.4)
// p_o = (20 + 15) / 50 = 0.7;  p_e = 0.5·0.6 + 0.5·0.4 = 0.5;  kappa = (0.7 − 0.5)/(1 − 0.5) = 0.4
// Fleiss-Cohen-Everitt variance, 1 − kappa = 0.6:
//   diagonal yes: p 0.4 · (1 − (0.5 + 0.6)·0.6)² = 0.4 · 0.34² = 0.04624
//   diagonal no:  p 0.3 · (1 − (0.5 + 0.4)·0.6)² = 0.3 · 0.46² = 0.06348
//   off-diagonal: 0.6² · [0.1 · (0.6 + 0.5)² + 0.2 · (0.4 + 0.5)²] = 0.36 · (0.121 + 0.162) = 0.10188
//   minus (kappa − p_e(1 − kappa))² = (0.4 − 0.3)² = 0.01
//   var = 0.2016 / (50 · 0.5²) = 0.016128;  SE = 0.1269961;  CI = 0.4 ± 1.959964·SE = [0.151092, 0.648908]
TEST(CohenKappa, TwoByTwoWorkedByHand) {
    std::vector<std::string> a = repeat({{"yes", 20}, {"yes", 5}, {"no", 10}, {"no", 15}});
    std::vector<std::string> b = repeat({{"yes", 20}, {"no", 5}, {"yes", 10}, {"no", 15}});
    tb::KappaResult r = tb::cohen_kappa(a, b);
    EXPECT_NEAR(r.kappa, 0.4, 1e-12);
    EXPECT_NEAR(r.observed_agreement, 0.7, 1e-12);
    EXPECT_NEAR(r.expected_agreement, 0.5, 1e-12);
    EXPECT_NEAR(r.standard_error, 0.1269961, 1e-6);
    EXPECT_NEAR(r.ci_low, 0.151092, 1e-5);
    EXPECT_NEAR(r.ci_high, 0.648908, 1e-5);
    EXPECT_EQ(r.items, 50u);
    ASSERT_EQ(r.categories, (std::vector<std::string>{"no", "yes"}));  // sorted
    EXPECT_EQ(r.confusion, (std::vector<std::vector<std::size_t>>{{15, 10}, {5, 20}}));
}

TEST(CohenKappa, CategoryOrderFixesTheMatrixLayout) {
    std::vector<std::string> a = {"yes", "no", "yes"}, b = {"yes", "yes", "no"};
    tb::KappaResult r = tb::cohen_kappa(a, b, tb::KappaWeighting::none, {"yes", "no", "maybe"});
    EXPECT_EQ(r.confusion, (std::vector<std::vector<std::size_t>>{{1, 1, 0}, {1, 0, 0}, {0, 0, 0}}));
    EXPECT_THROW(tb::cohen_kappa(a, b, tb::KappaWeighting::none, {"yes"}), tb::Error);
}

TEST(CohenKappa, PerfectAgreementAndUndefined) {
    tb::KappaResult perfect = tb::cohen_kappa(std::vector<int>{1, 2, 3, 1}, std::vector<int>{1, 2, 3, 1});
    EXPECT_DOUBLE_EQ(perfect.kappa, 1.0);
    EXPECT_NEAR(perfect.standard_error, 0.0, 1e-9);
    EXPECT_DOUBLE_EQ(perfect.ci_high, 1.0);

    // Both raters always say "pass": agreement is total but chance explains all of it.
    tb::KappaResult undefined =
        tb::cohen_kappa(std::vector<std::string>{"pass", "pass"}, std::vector<std::string>{"pass", "pass"});
    EXPECT_TRUE(std::isnan(undefined.kappa));
    EXPECT_DOUBLE_EQ(undefined.observed_agreement, 1.0);
}

TEST(CohenKappa, RejectsUnpairedInput) {
    EXPECT_THROW(tb::cohen_kappa(std::vector<int>{1, 2}, std::vector<int>{1}), tb::Error);
    EXPECT_THROW(tb::cohen_kappa(std::vector<int>{}, std::vector<int>{}), tb::Error);
}

TEST(CohenKappa, MatchesScikitLearnIncludingWeights) {
    // Two graders scoring 30 answers 1-5 (fixed data, some near misses, some far).
    std::vector<int> a = {1, 2, 3, 4, 5, 3, 3, 4, 2, 1, 5, 4, 3, 2, 2, 4, 5, 5, 1, 3, 3, 4, 2, 5, 4, 3, 1, 2, 4, 3};
    std::vector<int> b = {1, 3, 3, 4, 4, 3, 2, 5, 2, 2, 5, 4, 4, 2, 1, 4, 5, 3, 1, 3, 2, 4, 2, 5, 5, 3, 2, 2, 3, 3};
    auto reference = tbtest::run_python(
        "import json\nfrom sklearn.metrics import cohen_kappa_score as k\n"
        "a=" +
        tbtest::python_list(a) + "\nb=" + tbtest::python_list(b) +
        "\n"
        "print(json.dumps([k(a,b), k(a,b,weights='linear'), k(a,b,weights='quadratic')]))\n");
    if (!reference) GTEST_SKIP() << "python3 with scikit-learn not available";
    EXPECT_NEAR(tb::cohen_kappa(a, b).kappa, (*reference)[0].get<double>(), 1e-12);
    EXPECT_NEAR(tb::cohen_kappa(a, b, tb::KappaWeighting::linear).kappa, (*reference)[1].get<double>(), 1e-12);
    EXPECT_NEAR(tb::cohen_kappa(a, b, tb::KappaWeighting::quadratic).kappa, (*reference)[2].get<double>(), 1e-12);
    // Near misses dominate the disagreements, so weighting raises kappa here.
    EXPECT_GT(tb::cohen_kappa(a, b, tb::KappaWeighting::quadratic).kappa, tb::cohen_kappa(a, b).kappa);
}

TEST(CohenKappa, NominalLabelsMatchScikitLearn) {
    std::vector<std::string> a = {"good", "bad", "unsure", "good", "good", "bad",    "bad", "unsure",
                                  "good", "bad", "good",   "good", "bad",  "unsure", "good"};
    std::vector<std::string> b = {"good", "bad", "good", "good",   "bad", "bad", "unsure", "unsure",
                                  "good", "bad", "good", "unsure", "bad", "bad", "good"};
    auto reference = tbtest::run_python(
        "import json\nfrom sklearn.metrics import cohen_kappa_score as k\n"
        "a=" +
        tbtest::python_list(a) + "\nb=" + tbtest::python_list(b) +
        "\n"
        "print(json.dumps(k(a,b)))\n");
    if (!reference) GTEST_SKIP() << "python3 with scikit-learn not available";
    tb::KappaResult r = tb::cohen_kappa(a, b);
    EXPECT_NEAR(r.kappa, reference->get<double>(), 1e-12);
    EXPECT_NEAR(r.observed_agreement, 10.0 / 15.0, 1e-12);
    EXPECT_LT(r.ci_low, r.kappa);
    EXPECT_GT(r.ci_high, r.kappa);
}

}  // namespace

namespace {

// The Fleiss-Cohen-Everitt standard error is asymptotic; on 400 items it must agree with the
// spread of kappa over bootstrap resamples of the items (an independent estimate) to within
// Monte Carlo noise, for every weighting.
TEST(CohenKappa, StandardErrorAgreesWithResampling) {
    std::vector<int> a, b;
    unsigned x = 99;
    auto next = [&x] { return (x = x * 1103515245u + 12345u) >> 16; };
    for (int i = 0; i < 400; ++i) {
        int grade = int(next() % 5) + 1;
        int r = int(next() % 10);
        int other = r < 6 ? grade : r < 9 ? std::clamp(grade + (r % 2 ? 1 : -1), 1, 5) : int(next() % 5) + 1;
        a.push_back(grade);
        b.push_back(other);
    }
    for (auto weighting : {tb::KappaWeighting::none, tb::KappaWeighting::linear, tb::KappaWeighting::quadratic}) {
        tb::KappaResult full = tb::cohen_kappa(a, b, weighting);
        double sum = 0, sum_sq = 0;
        const int resamples = 2000;
        std::vector<int> ra(a.size()), rb(b.size());
        for (int k = 0; k < resamples; ++k) {
            for (std::size_t i = 0; i < a.size(); ++i) {
                std::size_t j = next() % a.size();
                ra[i] = a[j];
                rb[i] = b[j];
            }
            double kappa = tb::cohen_kappa(ra, rb, weighting).kappa;
            sum += kappa;
            sum_sq += kappa * kappa;
        }
        double mean = sum / resamples;
        double sd = std::sqrt(sum_sq / resamples - mean * mean);
        EXPECT_NEAR(full.standard_error, sd, 0.1 * sd) << tb::to_string(weighting);
    }
}

}  // namespace
