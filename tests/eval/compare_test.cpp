#include "core/eval/compare.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/common/error.h"

namespace tb {
namespace {

std::vector<ItemResult> run(const std::vector<bool>& passes, const std::string& tag = "t") {
    std::vector<ItemResult> out;
    for (std::size_t i = 0; i < passes.size(); ++i)
        out.push_back({"item" + std::to_string(1000 + i), passes[i], passes[i] ? 1.0 : 0.0, {tag}});
    return out;
}

TEST(Compare, PerItemChanges) {
    std::vector<ItemResult> a{{"x", true, 1.0, {}},  {"y", false, 0.5, {}}, {"z", true, 1.0, {}},
                              {"w", false, 0.2, {}}, {"v", false, 0.5, {}}, {"gone", true, 1.0, {}}};
    std::vector<ItemResult> b{{"x", false, 0.5, {}}, {"y", true, 1.0, {}},  {"z", true, 1.0, {}},
                              {"w", false, 0.6, {}}, {"v", false, 0.1, {}}, {"new", true, 1.0, {}}};
    auto c = compare_runs(a, b);
    std::map<std::string, std::string> change;
    for (const auto& item : c.items) change[item.id] = to_string(item.change);
    EXPECT_EQ(change["x"], "regressed");
    EXPECT_EQ(change["y"], "improved");
    EXPECT_EQ(change["z"], "unchanged");
    EXPECT_EQ(change["w"], "improved");   // same fail, higher score
    EXPECT_EQ(change["v"], "regressed");  // same fail, lower score
    EXPECT_EQ(change["gone"], "only_in_a");
    EXPECT_EQ(change["new"], "only_in_b");
    EXPECT_EQ(c.overall.items, 5u);  // only paired items count
}

TEST(Compare, DuplicateIdsAreAnError) {
    std::vector<ItemResult> a{{"x", true, 1.0, {}}, {"x", true, 1.0, {}}};
    EXPECT_THROW(compare_runs(a, {}), Error);
}

struct GateCase {
    const char* name;
    std::vector<bool> a, b;
    bool regression;
};

TEST(Compare, RegressionGate) {
    // 100 items; the discordant pairs decide McNemar, the pass rates the 2-point rule.
    auto make = [](std::size_t both, std::size_t only_a, std::size_t only_b, std::size_t neither) {
        GateCase g{"", {}, {}, false};
        auto add = [&](std::size_t n, bool pa, bool pb) {
            for (std::size_t i = 0; i < n; ++i) {
                g.a.push_back(pa);
                g.b.push_back(pb);
            }
        };
        add(both, true, true);
        add(only_a, true, false);
        add(only_b, false, true);
        add(neither, false, false);
        return g;
    };
    struct Row {
        const char* name;
        std::size_t both, only_a, only_b, neither;
        bool regression;
    };
    const Row rows[] = {
        {"identical", 80, 0, 0, 20, false},
        {"drop of exactly 2 points is allowed", 78, 2, 0, 20, false},
        {"drop of 3 points", 77, 3, 0, 20, true},
        {"improvement", 70, 0, 10, 20, false},
        {"churn without net change", 70, 5, 5, 20, false},
        {"significant: 10 lost, 1 gained", 70, 10, 1, 19, true},
    };
    for (const auto& r : rows) {
        auto g = make(r.both, r.only_a, r.only_b, r.neither);
        auto c = compare_runs(run(g.a), run(g.b));
        EXPECT_EQ(c.overall.regression, r.regression) << r.name << ": " << c.overall.reason;
        EXPECT_EQ(c.has_regression(), r.regression) << r.name;
        EXPECT_EQ(c.overall.mcnemar.only_a_passes, r.only_a) << r.name;
    }
    auto significant = make(70, 10, 1, 19);
    auto c = compare_runs(run(significant.a), run(significant.b));
    EXPECT_LT(c.overall.mcnemar.p_value, 0.05);
    EXPECT_NE(c.overall.reason.find("McNemar"), std::string::npos);
    EXPECT_LT(c.overall.score_diff.high, 0.0);  // CI of B − A excludes 0 on the bad side
    EXPECT_NEAR(c.overall.score_diff.estimate, -0.09, 1e-12);
}

TEST(Compare, PerTagFlagsOnlyTheBrokenTag) {
    auto a = run(std::vector<bool>(20, true), "billing");
    auto b = run(std::vector<bool>(20, true), "billing");
    for (std::size_t i = 0; i < 20; ++i) {
        ItemResult ra{"ship" + std::to_string(i), true, 1.0, {"shipping"}};
        ItemResult rb{"ship" + std::to_string(i), i >= 10, i >= 10 ? 1.0 : 0.0, {"shipping"}};
        a.push_back(ra);
        b.push_back(rb);
    }
    auto c = compare_runs(a, b);
    ASSERT_EQ(c.per_tag.size(), 2u);
    EXPECT_EQ(c.per_tag[0].tag, "billing");
    EXPECT_FALSE(c.per_tag[0].regression);
    EXPECT_EQ(c.per_tag[1].tag, "shipping");
    EXPECT_TRUE(c.per_tag[1].regression);
    EXPECT_DOUBLE_EQ(c.per_tag[1].pass_rate_b, 0.5);
    EXPECT_TRUE(c.overall.regression);
}

TEST(Compare, JsonShape) {
    auto c = compare_runs(run({true, true, false, true}), run({true, false, false, true}));
    auto j = c.to_json();
    ASSERT_EQ(j["items"].size(), 4u);
    EXPECT_DOUBLE_EQ(j["pass_rate_a"].get<double>(), 0.75);
    EXPECT_DOUBLE_EQ(j["pass_rate_b"].get<double>(), 0.5);
    EXPECT_DOUBLE_EQ(j["mcnemar_p"].get<double>(), 1.0);
    ASSERT_EQ(j["score_diff_ci"].size(), 2u);
    EXPECT_LE(j["score_diff_ci"][0].get<double>(), j["score_diff_ci"][1].get<double>());
    ASSERT_EQ(j["regressed_items"].size(), 1u);
    EXPECT_EQ(j["regressed_items"][0], "item1001");
    ASSERT_EQ(j["regressions"].size(), 2u);  // overall and tag "t": 25-point drop
    EXPECT_EQ(j["regressions"][0]["tag"], "");
    EXPECT_EQ(j["items"][1]["change"], "regressed");
}

TEST(Compare, JUnitXml) {
    std::vector<ItemResult> a{{"a<1>", true, 1.0, {"cat&dog"}}, {"b", true, 1.0, {}}};
    std::vector<ItemResult> b{{"a<1>", false, 0.0, {"cat&dog"}}, {"b", true, 1.0, {}}};
    const std::string xml = compare_runs(a, b).to_junit_xml();
    EXPECT_NE(xml.find("<testsuite name=\"tunebench-eval\""), std::string::npos);
    EXPECT_NE(xml.find("name=\"a&lt;1&gt;\""), std::string::npos);
    EXPECT_NE(xml.find("classname=\"cat&amp;dog\""), std::string::npos);
    EXPECT_NE(xml.find("<testcase classname=\"eval\" name=\"b\"/>"), std::string::npos);
    EXPECT_NE(xml.find("name=\"regression:overall\""), std::string::npos);  // 50-point drop
    // a<1> regressed, plus the overall and the cat&dog group
    EXPECT_NE(xml.find("tests=\"4\" failures=\"3\""), std::string::npos) << xml;
    EXPECT_EQ(xml.find("a<1>"), std::string::npos);  // never unescaped
}

TEST(Compare, EmptyRunsCompareCleanly) {
    auto c = compare_runs({}, {});
    EXPECT_FALSE(c.has_regression());
    EXPECT_EQ(c.overall.items, 0u);
    EXPECT_NO_THROW(c.to_json());
    EXPECT_NE(c.to_junit_xml().find("tests=\"0\""), std::string::npos);
}

}  // namespace
}  // namespace tb
