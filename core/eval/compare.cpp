#include "core/eval/compare.h"

#include "core/common/markup_escape.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/common/error.h"

namespace tb {
namespace {

constexpr double kScoreEpsilon = 1e-9;  // scores are sums of weights: ignore rounding noise

ItemChange change_of(bool a_passed, bool b_passed, double a_score, double b_score) {
    if (a_passed != b_passed) return b_passed ? ItemChange::improved : ItemChange::regressed;
    if (b_score > a_score + kScoreEpsilon) return ItemChange::improved;
    if (b_score < a_score - kScoreEpsilon) return ItemChange::regressed;
    return ItemChange::unchanged;
}

GroupComparison compare_group(const std::string& tag, const std::vector<const ItemComparison*>& paired,
                              const CompareOptions& options) {
    GroupComparison g;
    g.tag = tag;
    g.items = paired.size();
    if (paired.empty()) return g;
    std::vector<bool> a_pass, b_pass;
    std::vector<double> a_score, b_score;
    std::size_t a_passes = 0, b_passes = 0;
    for (const auto* item : paired) {
        a_pass.push_back(item->a_passed);
        b_pass.push_back(item->b_passed);
        a_score.push_back(item->a_score);
        b_score.push_back(item->b_score);
        a_passes += item->a_passed;
        b_passes += item->b_passed;
    }
    g.pass_rate_a = double(a_passes) / double(paired.size());
    g.pass_rate_b = double(b_passes) / double(paired.size());
    g.mcnemar = mcnemar_exact(a_pass, b_pass);
    g.score_diff = paired_bootstrap_mean_difference_ci(a_score, b_score, options.bootstrap);

    char buffer[256];
    if (g.mcnemar.p_value < options.alpha && g.mcnemar.only_a_passes > g.mcnemar.only_b_passes) {
        std::snprintf(buffer, sizeof buffer, "significantly worse: %zu items now fail, %zu now pass (McNemar p = %.4g)",
                      g.mcnemar.only_a_passes, g.mcnemar.only_b_passes, g.mcnemar.p_value);
        g.regression = true;
        g.reason = buffer;
    } else if (g.pass_rate_a - g.pass_rate_b > options.max_pass_rate_drop + kScoreEpsilon) {
        std::snprintf(buffer, sizeof buffer,
                      "pass rate dropped by %.1f points (%.1f%% -> %.1f%%), more than %.1f allowed",
                      100.0 * (g.pass_rate_a - g.pass_rate_b), 100.0 * g.pass_rate_a, 100.0 * g.pass_rate_b,
                      100.0 * options.max_pass_rate_drop);
        g.regression = true;
        g.reason = buffer;
    }
    return g;
}

nlohmann::json group_json(const GroupComparison& g) {
    return {{"tag", g.tag},
            {"items", g.items},
            {"pass_rate_a", g.pass_rate_a},
            {"pass_rate_b", g.pass_rate_b},
            {"only_a_passes", g.mcnemar.only_a_passes},
            {"only_b_passes", g.mcnemar.only_b_passes},
            {"mcnemar_p", g.mcnemar.p_value},
            {"score_diff", g.score_diff.estimate},
            {"score_diff_ci", {g.score_diff.low, g.score_diff.high}},
            {"regression", g.regression},
            {"reason", g.reason}};
}

}  // namespace

const char* to_string(ItemChange change) {
    switch (change) {
        case ItemChange::improved:
            return "improved";
        case ItemChange::regressed:
            return "regressed";
        case ItemChange::unchanged:
            return "unchanged";
        case ItemChange::only_in_a:
            return "only_in_a";
        case ItemChange::only_in_b:
            return "only_in_b";
    }
    return "unchanged";
}

Comparison compare_runs(const std::vector<ItemResult>& baseline, const std::vector<ItemResult>& candidate,
                        const CompareOptions& options) {
    std::map<std::string, const ItemResult*> a, b;
    for (const auto& r : baseline)
        if (!a.emplace(r.id, &r).second) throw Error("baseline run lists item '" + r.id + "' twice");
    for (const auto& r : candidate)
        if (!b.emplace(r.id, &r).second) throw Error("candidate run lists item '" + r.id + "' twice");

    std::set<std::string> ids;
    for (const auto& [id, _] : a) ids.insert(id);
    for (const auto& [id, _] : b) ids.insert(id);

    Comparison out;
    for (const auto& id : ids) {
        const ItemResult* ra = a.count(id) ? a.at(id) : nullptr;
        const ItemResult* rb = b.count(id) ? b.at(id) : nullptr;
        ItemComparison item;
        item.id = id;
        std::set<std::string> tags;
        if (ra) {
            item.a_passed = ra->passed;
            item.a_score = ra->score;
            tags.insert(ra->tags.begin(), ra->tags.end());
        }
        if (rb) {
            item.b_passed = rb->passed;
            item.b_score = rb->score;
            tags.insert(rb->tags.begin(), rb->tags.end());
        }
        item.tags.assign(tags.begin(), tags.end());
        item.change = !rb   ? ItemChange::only_in_a
                      : !ra ? ItemChange::only_in_b
                            : change_of(item.a_passed, item.b_passed, item.a_score, item.b_score);
        out.items.push_back(std::move(item));
    }

    std::vector<const ItemComparison*> paired;
    std::map<std::string, std::vector<const ItemComparison*>> by_tag;
    for (const auto& item : out.items) {
        if (item.change == ItemChange::only_in_a || item.change == ItemChange::only_in_b) continue;
        paired.push_back(&item);
        for (const auto& tag : item.tags) by_tag[tag].push_back(&item);
    }
    out.overall = compare_group("", paired, options);
    for (const auto& [tag, items] : by_tag) out.per_tag.push_back(compare_group(tag, items, options));
    return out;
}

bool Comparison::has_regression() const {
    if (overall.regression) return true;
    return std::any_of(per_tag.begin(), per_tag.end(), [](const auto& g) { return g.regression; });
}

nlohmann::json Comparison::to_json() const {
    nlohmann::json items_json = nlohmann::json::array();
    nlohmann::json regressed_items = nlohmann::json::array();
    for (const auto& item : items) {
        items_json.push_back({{"id", item.id},
                              {"tags", item.tags},
                              {"a_passed", item.a_passed},
                              {"b_passed", item.b_passed},
                              {"a_score", item.a_score},
                              {"b_score", item.b_score},
                              {"change", to_string(item.change)}});
        if (item.change == ItemChange::regressed) regressed_items.push_back(item.id);
    }
    nlohmann::json regressions = nlohmann::json::array();
    nlohmann::json tags = nlohmann::json::array();
    if (overall.regression) regressions.push_back(group_json(overall));
    for (const auto& g : per_tag) {
        tags.push_back(group_json(g));
        if (g.regression) regressions.push_back(group_json(g));
    }
    return {{"items", items_json},
            {"regressions", regressions},
            {"regressed_items", regressed_items},
            {"paired_items", overall.items},
            {"pass_rate_a", overall.pass_rate_a},
            {"pass_rate_b", overall.pass_rate_b},
            {"mcnemar_p", overall.mcnemar.p_value},
            {"score_diff", overall.score_diff.estimate},
            {"score_diff_ci", {overall.score_diff.low, overall.score_diff.high}},
            {"per_tag", tags}};
}

std::string xml_escape(const std::string& text) { return escape_markup(text, "&quot;", "&apos;"); }

std::string Comparison::to_junit_xml(const std::string& suite_name) const {
    std::vector<std::string> cases;
    std::size_t failures = 0;
    char buffer[128];
    for (const auto& item : items) {
        std::string name = xml_escape(item.id);
        std::string classname = xml_escape(item.tags.empty() ? std::string("eval") : item.tags.front());
        std::string tc = "  <testcase classname=\"" + classname + "\" name=\"" + name + "\"";
        if (item.change == ItemChange::regressed) {
            ++failures;
            std::snprintf(buffer, sizeof buffer, "score %.4g -> %.4g, pass %s -> %s", item.a_score, item.b_score,
                          item.a_passed ? "yes" : "no", item.b_passed ? "yes" : "no");
            tc += ">\n    <failure message=\"regressed\" type=\"regression\">" + xml_escape(buffer) +
                  "</failure>\n  </testcase>\n";
        } else if (item.change == ItemChange::only_in_a || item.change == ItemChange::only_in_b) {
            tc += ">\n    <skipped message=\"" + std::string(to_string(item.change)) + "\"/>\n  </testcase>\n";
        } else {
            tc += "/>\n";
        }
        cases.push_back(std::move(tc));
    }
    auto add_group = [&](const GroupComparison& g) {
        if (!g.regression) return;
        ++failures;
        cases.push_back("  <testcase classname=\"regression\" name=\"regression:" +
                        xml_escape(g.tag.empty() ? std::string("overall") : g.tag) + "\">\n    <failure message=\"" +
                        xml_escape(g.reason) + "\" type=\"regression\"/>\n  </testcase>\n");
    };
    add_group(overall);
    for (const auto& g : per_tag) add_group(g);

    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + xml_escape(suite_name) +
                      "\" tests=\"" + std::to_string(cases.size()) + "\" failures=\"" + std::to_string(failures) +
                      "\" errors=\"0\">\n";
    for (const auto& c : cases) xml += c;
    xml += "</testsuite>\n";
    return xml;
}

}  // namespace tb
