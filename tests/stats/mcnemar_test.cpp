#include "core/stats/mcnemar.h"

#include <gtest/gtest.h>

#include "core/common/error.h"
#include "python_reference.h"

namespace {

// b = 0, c = 5: P(X ≤ 0) = 1/32 for X ~ Bin(5, 1/2), so p = 2/32 = 0.0625;
// mid-p = 2·(1/32 − 1/64) = 1/32 = 0.03125.
TEST(McNemar, AllDiscordantOneWayByHand) {
    tb::McNemarResult r = tb::mcnemar_exact(0, 5);
    EXPECT_NEAR(r.p_value, 0.0625, 1e-15);
    EXPECT_NEAR(r.mid_p_value, 0.03125, 1e-15);
}

// b = 2, c = 8 (n = 10): P(X ≤ 2) = (1 + 10 + 45)/1024 = 56/1024, p = 112/1024 = 0.109375;
// mid-p = 2·(56 − 45/2)/1024 = 67/1024.
TEST(McNemar, TenDiscordantByHand) {
    tb::McNemarResult r = tb::mcnemar_exact(8, 2);
    EXPECT_NEAR(r.p_value, 112.0 / 1024.0, 1e-15);
    EXPECT_NEAR(r.mid_p_value, 67.0 / 1024.0, 1e-15);
}

TEST(McNemar, CountsPairedOutcomes) {
    std::vector<bool> a = {true, true, false, false, true, false, true, true};
    std::vector<bool> b = {true, false, true, false, false, false, true, false};
    tb::McNemarResult r = tb::mcnemar_exact(a, b);
    EXPECT_EQ(r.both_pass, 2u);
    EXPECT_EQ(r.only_a_passes, 3u);
    EXPECT_EQ(r.only_b_passes, 1u);
    EXPECT_EQ(r.both_fail, 2u);
    // 4 discordant pairs, split 3/1: P(X ≤ 1) = 5/16, p = 10/16.
    EXPECT_NEAR(r.p_value, 10.0 / 16.0, 1e-15);
    EXPECT_THROW(tb::mcnemar_exact(a, std::vector<bool>{true}), tb::Error);
}

TEST(McNemar, NoEvidenceGivesOne) {
    EXPECT_DOUBLE_EQ(tb::mcnemar_exact(0, 0).p_value, 1.0);
    EXPECT_DOUBLE_EQ(tb::mcnemar_exact(7, 7).p_value, 1.0);
    EXPECT_DOUBLE_EQ(tb::mcnemar_exact(7, 7).mid_p_value, 1.0);
}

TEST(McNemar, MatchesScipyBinomtest) {
    std::vector<std::pair<int, int>> cases = {{1, 0}, {3, 12}, {10, 11}, {25, 40}, {150, 200}, {0, 17}, {480, 530}};
    std::string pairs;
    for (auto [b, c] : cases) pairs += "(" + std::to_string(b) + "," + std::to_string(c) + "),";
    auto reference = tbtest::run_python(
        "import json\nfrom scipy.stats import binomtest\n"
        "print(json.dumps([binomtest(b, b + c, 0.5).pvalue for b, c in [" +
        pairs + "]]))\n");
    if (!reference) GTEST_SKIP() << "python3 with scipy not available";
    for (std::size_t i = 0; i < cases.size(); ++i) {
        double expected = (*reference)[i].get<double>();
        double got = tb::mcnemar_exact(cases[i].first, cases[i].second).p_value;
        EXPECT_NEAR(got, expected, 1e-12 + 1e-9 * expected) << "b=" << cases[i].first << " c=" << cases[i].second;
        EXPECT_LE(tb::mcnemar_exact(cases[i].first, cases[i].second).mid_p_value, got);
    }
}

}  // namespace
