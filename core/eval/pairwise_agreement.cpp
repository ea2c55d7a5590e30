#include "core/eval/pairwise_agreement.h"

#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "core/common/error.h"

namespace tb {
namespace {

using PairKey = std::pair<std::int64_t, std::int64_t>;  // (lower output id, higher)

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

PairKey key_of(const PairwiseGrade& g) { return {std::min(g.output_a, g.output_b), std::max(g.output_a, g.output_b)}; }

// The preferred side in the normalised orientation: a row stored as (b, a) flips.
char normalised_preference(const PairwiseGrade& g) {
    if (g.preference != 'a' && g.preference != 'b') return 't';
    const bool flipped = g.output_a > g.output_b;
    if (!flipped) return g.preference;
    return g.preference == 'a' ? 'b' : 'a';
}

std::string label(char preference) { return preference == 'a' ? "a" : preference == 'b' ? "b" : "tie"; }

// The judge's rows for one pair: the latest verdict per output shown first.
struct JudgeOrders {
    std::map<std::int64_t, std::pair<std::int64_t, char>> by_left;  // left output -> (row id, verdict)
};

nlohmann::json number_or_null(double v) { return std::isnan(v) ? nlohmann::json() : nlohmann::json(v); }

}  // namespace

PairwiseAgreement compute_pairwise_agreement(const std::string& human_grader, const std::string& judge_grader,
                                             const std::vector<PairwiseGrade>& rows) {
    PairwiseAgreement r;
    r.human_grader = human_grader;
    r.judge_grader = judge_grader;

    std::map<PairKey, std::pair<std::int64_t, char>> human;  // pair -> (row id, verdict): latest row wins
    std::map<PairKey, JudgeOrders> judge;
    for (const auto& g : rows) {
        if (g.output_a == g.output_b)
            throw Error("a pairwise grade compares an output with itself (row " + std::to_string(g.id) + ")");
        const auto key = key_of(g);
        const char verdict = normalised_preference(g);
        if (g.grader == human_grader) {
            auto [it, fresh] = human.try_emplace(key, g.id, verdict);
            if (!fresh && g.id > it->second.first) it->second = {g.id, verdict};
        } else if (g.grader == judge_grader) {
            auto& orders = judge[key].by_left;
            auto [it, fresh] = orders.try_emplace(g.left_output, g.id, verdict);
            if (!fresh && g.id > it->second.first) it->second = {g.id, verdict};
        } else {
            throw Error("pairwise grade row " + std::to_string(g.id) + " is by '" + g.grader + "', neither " +
                        human_grader + " nor " + judge_grader);
        }
    }
    r.human_pairs = human.size();
    r.judge_pairs = judge.size();

    // The judge's combined verdict per pair, and its position bias.
    std::map<PairKey, AgreementPair> judged;
    for (const auto& [key, orders] : judge) {
        AgreementPair p;
        p.output_a = key.first;
        p.output_b = key.second;
        for (const auto& [left, row] : orders.by_left) {
            const char verdict = row.second;
            if (verdict == 't') continue;
            ++r.judge_decisive_verdicts;
            const std::int64_t winner = verdict == 'a' ? key.first : key.second;
            if (winner == left) ++r.judge_first_shown_wins;
        }
        if (orders.by_left.size() >= 2) {
            // Both orders (left = a, left = b): a verdict that flips with the order is a tie.
            const char first = orders.by_left.begin()->second.second;
            const char second = std::next(orders.by_left.begin())->second.second;
            p.judge_both_orders = true;
            p.judge_consistent = first == second;
            p.judge = p.judge_consistent ? first : 't';
            ++r.judge_pairs_both_orders;
            if (p.judge_consistent) ++r.judge_consistent_pairs;
        } else {
            p.judge = orders.by_left.begin()->second.second;
        }
        judged.emplace(key, p);
    }
    r.position_consistency =
        r.judge_pairs_both_orders ? double(r.judge_consistent_pairs) / double(r.judge_pairs_both_orders) : kNaN;

    std::vector<std::string> human_labels, judge_labels;
    for (const auto& [key, h] : human) {
        auto j = judged.find(key);
        if (j == judged.end()) continue;
        AgreementPair p = j->second;
        p.human = h.second;
        human_labels.push_back(label(p.human));
        judge_labels.push_back(label(p.judge));
        r.items.push_back(p);
    }
    r.pairs = r.items.size();
    const std::vector<std::string> categories = {"a", "b", "tie"};
    if (r.pairs == 0) {
        r.raw_agreement = kNaN;
        r.kappa.kappa = r.kappa.standard_error = r.kappa.ci_low = r.kappa.ci_high = kNaN;
        r.kappa.observed_agreement = r.kappa.expected_agreement = kNaN;
        r.kappa.categories = categories;
        r.kappa.confusion.assign(3, std::vector<std::size_t>(3, 0));
        return r;
    }
    r.kappa = cohen_kappa(human_labels, judge_labels, KappaWeighting::none, categories);
    r.raw_agreement = r.kappa.observed_agreement;
    return r;
}

PairwiseAgreement pairwise_agreement(const ProjectFile& project, const std::string& grader,
                                     const std::string& judge_model) {
    if (judge_model.empty()) throw Error("name the judge model whose pairwise verdicts to compare");
    const std::string human_grader =
        grader.rfind("human:", 0) == 0 ? human_scorer_name(grader.substr(6)) : human_scorer_name(grader);
    const std::string judge_grader = "judge:" + judge_model;
    auto rows = load_pairwise_grades(project, human_grader);
    if (rows.empty())
        throw Error("no pairwise preferences by " + human_grader +
                    " in the project: grade pairs in the blind pairwise mode of the GUI first");
    auto judge_rows = load_pairwise_grades(project, judge_grader);
    if (judge_rows.empty())
        throw Error("no pairwise verdicts by " + judge_grader +
                    " in the project: run `tunebench-cli judge pairwise PROJECT RUN_A RUN_B --judge-model " +
                    judge_model + " ...` first");
    rows.insert(rows.end(), judge_rows.begin(), judge_rows.end());
    return compute_pairwise_agreement(human_grader, judge_grader, rows);
}

nlohmann::json PairwiseAgreement::to_json() const {
    nlohmann::json confusion = nlohmann::json::array();
    for (const auto& row : kappa.confusion) confusion.push_back(row);
    nlohmann::json pairs_json = nlohmann::json::array();
    for (const auto& p : items) {
        nlohmann::json j{{"output_a", p.output_a},
                         {"output_b", p.output_b},
                         {"human", label(p.human)},
                         {"judge", label(p.judge)},
                         {"judge_both_orders", p.judge_both_orders}};
        if (p.judge_both_orders) j["judge_consistent"] = p.judge_consistent;
        pairs_json.push_back(std::move(j));
    }
    return {{"human_grader", human_grader},
            {"judge_grader", judge_grader},
            {"human_pairs", human_pairs},
            {"judge_pairs", judge_pairs},
            {"pairs", pairs},
            {"raw_agreement", number_or_null(raw_agreement)},
            {"kappa",
             {{"value", number_or_null(kappa.kappa)},
              {"standard_error", number_or_null(kappa.standard_error)},
              {"ci_low", number_or_null(kappa.ci_low)},
              {"ci_high", number_or_null(kappa.ci_high)}}},
            {"confusion",
             {{"rows", "human"}, {"columns", "judge"}, {"categories", kappa.categories}, {"counts", confusion}}},
            {"position_bias",
             {{"pairs_both_orders", judge_pairs_both_orders},
              {"consistent_pairs", judge_consistent_pairs},
              {"position_consistency", number_or_null(position_consistency)},
              {"decisive_verdicts", judge_decisive_verdicts},
              {"first_shown_wins", judge_first_shown_wins}}},
            {"items", pairs_json}};
}

}  // namespace tb
