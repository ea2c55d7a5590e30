#include "core/eval/human_grades.h"

#include <sqlite3.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/curation/golden_sets.h"
#include "core/eval/scorers.h"
#include "core/project/project_file.h"

namespace tb {
namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::string describe(const Criterion& c) {
    switch (c.kind) {
        case CriterionKind::judge:
            return c.pass;
        case CriterionKind::exact:
            return "answers exactly: " + c.expected.dump();
        case CriterionKind::contains:
            return "contains: " + c.expected.dump();
        case CriterionKind::regex:
            return "matches the pattern " + c.expected.dump();
        case CriterionKind::numeric:
            return "final number is " + c.expected.dump() +
                   (c.tolerance > 0 ? " (within " + std::to_string(c.tolerance) + ")" : std::string());
        case CriterionKind::json_field:
            return "JSON field " + c.path + " equals " + c.expected.dump();
    }
    return to_string(c.kind);
}

std::vector<BlindCriterion> blind_criteria(const Rubric& rubric) {
    std::vector<BlindCriterion> out;
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
        const auto& c = rubric.criteria[i];
        out.push_back({criterion_name(c, i + 1), describe(c), c.critical});
    }
    return out;
}

struct RunOutput {
    std::int64_t id;
    std::int64_t run_id;
    std::int64_t item_id;
    std::string text;
};

// Outputs of the runs for items of the set, in (run, output id) order.
std::vector<RunOutput> set_outputs(const ProjectFile& project, std::int64_t set_id,
                                   const std::vector<std::int64_t>& run_ids) {
    std::vector<RunOutput> out;
    auto s = project.prepare(
        "SELECT o.id, o.run_id, o.golden_item_id, o.output FROM eval_outputs o "
        "JOIN golden_items g ON g.id = o.golden_item_id WHERE o.run_id = ? AND g.set_id = ? ORDER BY o.id");
    for (auto run : run_ids) {
        s.reset();
        s.bind(1, run).bind(2, set_id);
        while (s.step()) out.push_back({s.column_int64(0), s.column_int64(1), s.column_int64(2), s.column_text(3)});
    }
    return out;
}

void require_set(const ProjectFile& project, std::int64_t set_id) {
    auto s = project.prepare("SELECT 1 FROM golden_sets WHERE id = ?");
    s.bind(1, set_id);
    if (!s.step()) throw Error("golden set " + std::to_string(set_id) + " does not exist");
}

}  // namespace

std::vector<std::size_t> seeded_permutation(std::size_t n, std::uint64_t seed) {
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::uint64_t state = seed;
    for (std::size_t i = n; i > 1; --i) {
        // Rejection sampling: no modulo bias, identical on every platform.
        const std::uint64_t bound = i;
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
        std::uint64_t r;
        do r = splitmix64(state);
        while (r >= limit);
        std::swap(order[i - 1], order[r % bound]);
    }
    return order;
}

std::string human_scorer_name(const std::string& grader) {
    if (grader.empty()) throw Error("a human grade needs the grader's name (set your reviewer identity)");
    if (grader.find_first_of("\r\n") != std::string::npos) throw Error("a grader name cannot contain a line break");
    return "human:" + grader;
}

void store_human_grades(ProjectFile& project, std::int64_t output_id, const std::string& grader,
                        const std::vector<HumanGrade>& grades) {
    const std::string scorer = human_scorer_name(grader);
    project.transaction([&] {
        auto exists = project.prepare("SELECT 1 FROM eval_outputs WHERE id = ?");
        exists.bind(1, output_id);
        if (!exists.step()) throw Error("eval output " + std::to_string(output_id) + " does not exist");
        auto s = project.prepare(
            "INSERT OR REPLACE INTO eval_scores(output_id, criterion, score, scorer, detail, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        const std::string now = utc_now_iso8601();
        for (const auto& g : grades) {
            if (g.criterion.empty() || g.criterion == "item")
                throw Error("a human grade needs a rubric criterion name, not '" + g.criterion + "'");
            nlohmann::json detail{{"note", g.note}};
            s.reset();
            s.bind(1, output_id).bind(2, g.criterion).bind(3, g.passed ? 1.0 : 0.0).bind(4, scorer);
            s.bind(5, detail.dump()).bind(6, now);
            s.run();
        }
    });
}

std::vector<HumanGrade> load_human_grades(const ProjectFile& project, std::int64_t output_id,
                                          const std::string& grader) {
    auto s = project.prepare(
        "SELECT criterion, score, detail FROM eval_scores WHERE output_id = ? AND scorer = ? ORDER BY id");
    s.bind(1, output_id).bind(2, human_scorer_name(grader));
    std::vector<HumanGrade> out;
    while (s.step()) {
        auto detail = nlohmann::json::parse(s.column_text(2), nullptr, false);
        out.push_back({s.column_text(0), s.column_double(1) >= 1.0,
                       detail.is_object() ? detail.value("note", std::string()) : std::string()});
    }
    return out;
}

BlindGradingQueue BlindGradingQueue::build(const ProjectFile& project, std::int64_t set_id,
                                           const std::vector<std::int64_t>& run_ids, std::uint64_t seed) {
    require_set(project, set_id);
    if (run_ids.empty()) throw Error("blind grading needs at least one eval run");
    const auto outputs = set_outputs(project, set_id, run_ids);
    std::map<std::int64_t, GoldenItem> items;
    for (const auto& o : outputs)
        if (!items.count(o.item_id))
            if (auto item = get_golden_item(project, o.item_id)) items.emplace(o.item_id, std::move(*item));
    BlindGradingQueue q;
    const auto order = seeded_permutation(outputs.size(), seed);
    for (std::size_t p = 0; p < order.size(); ++p) {
        const auto& o = outputs[order[p]];
        const auto& item = items.at(o.item_id);
        BlindTask t;
        t.position = p;
        t.label = "Answer " + std::to_string(p + 1) + " of " + std::to_string(order.size());
        t.prompt = item.messages;
        t.reference = item.reference;
        t.answer = o.text;
        t.criteria = blind_criteria(item.rubric);
        q.tasks_.push_back(std::move(t));
        q.output_ids_.push_back(o.id);
    }
    return q;
}

const BlindTask& BlindGradingQueue::task(std::size_t position) const {
    if (position >= tasks_.size()) throw Error("no blind grading task at position " + std::to_string(position));
    return tasks_[position];
}

void BlindGradingQueue::grade(ProjectFile& project, std::size_t position, const std::string& grader,
                              const std::vector<HumanGrade>& grades) const {
    const auto& t = task(position);
    std::set<std::string> known;
    for (const auto& c : t.criteria) known.insert(c.name);
    for (const auto& g : grades)
        if (!known.count(g.criterion)) throw Error("'" + g.criterion + "' is not a criterion of this item's rubric");
    store_human_grades(project, output_ids_[position], grader, grades);
}

std::vector<HumanGrade> BlindGradingQueue::grades(const ProjectFile& project, std::size_t position,
                                                  const std::string& grader) const {
    task(position);
    return load_human_grades(project, output_ids_[position], grader);
}

std::size_t BlindGradingQueue::first_ungraded(const ProjectFile& project, const std::string& grader) const {
    for (std::size_t p = 0; p < tasks_.size(); ++p)
        if (load_human_grades(project, output_ids_[p], grader).empty()) return p;
    return tasks_.size();
}

std::int64_t BlindGradingQueue::reveal_output_id(std::size_t position) const {
    task(position);
    return output_ids_[position];
}

std::int64_t record_pairwise_grade(ProjectFile& project, std::int64_t output_a, std::int64_t output_b,
                                   const std::string& grader, std::int64_t left_output, char preference) {
    if (left_output != output_a && left_output != output_b)
        throw Error("the left output must be one of the two outputs compared");
    const char* pref = preference == 'a' ? "a" : preference == 'b' ? "b" : preference == 't' ? "tie" : nullptr;
    if (!pref) throw Error(std::string("a pairwise preference is a, b or t (tie), not '") + preference + "'");
    if (grader.empty()) throw Error("a pairwise grade needs a grader");
    return project.transaction([&] {
        auto s = project.prepare(
            "INSERT INTO pairwise_grades(output_a, output_b, grader, left_output, preference, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        s.bind(1, output_a).bind(2, output_b).bind(3, grader).bind(4, left_output).bind(5, pref);
        s.bind(6, utc_now_iso8601());
        s.run();
        return static_cast<std::int64_t>(sqlite3_last_insert_rowid(project.handle()));
    });
}

std::vector<PairwiseGrade> load_pairwise_grades(const ProjectFile& project, const std::string& grader) {
    auto s = project.prepare(
        grader.empty()
            ? "SELECT id, output_a, output_b, grader, left_output, preference, created_at FROM pairwise_grades ORDER "
              "BY id"
            : "SELECT id, output_a, output_b, grader, left_output, preference, created_at FROM pairwise_grades "
              "WHERE grader = ? ORDER BY id");
    if (!grader.empty()) s.bind(1, grader);
    std::vector<PairwiseGrade> out;
    while (s.step()) {
        PairwiseGrade g;
        g.id = s.column_int64(0);
        g.output_a = s.column_int64(1);
        g.output_b = s.column_int64(2);
        g.grader = s.column_text(3);
        g.left_output = s.column_int64(4);
        const std::string p = s.column_text(5);
        g.preference = p == "a" ? 'a' : p == "b" ? 'b' : 't';
        g.created_at = s.column_text(6);
        out.push_back(std::move(g));
    }
    return out;
}

BlindPairQueue BlindPairQueue::build(const ProjectFile& project, std::int64_t set_id, std::int64_t run_a,
                                     std::int64_t run_b, std::uint64_t seed) {
    require_set(project, set_id);
    if (run_a == run_b) throw Error("pairwise grading compares two different runs");
    std::map<std::int64_t, const RunOutput*> first_a, first_b;
    const auto outputs_a = set_outputs(project, set_id, {run_a});
    const auto outputs_b = set_outputs(project, set_id, {run_b});
    for (const auto& o : outputs_a) first_a.emplace(o.item_id, &o);
    for (const auto& o : outputs_b) first_b.emplace(o.item_id, &o);
    struct Candidate {
        const RunOutput* a;
        const RunOutput* b;
    };
    std::vector<Candidate> candidates;
    for (const auto& [item, a] : first_a)
        if (auto it = first_b.find(item); it != first_b.end()) candidates.push_back({a, it->second});
    BlindPairQueue q;
    const auto order = seeded_permutation(candidates.size(), seed);
    std::uint64_t side_state = seed ^ 0x5A5A5A5AA5A5A5A5ULL;
    for (std::size_t p = 0; p < order.size(); ++p) {
        const auto& c = candidates[order[p]];
        const auto item = get_golden_item(project, c.a->item_id);
        const bool left_is_a = (splitmix64(side_state) & 1) == 0;
        BlindPairTask t;
        t.position = p;
        t.label = "Pair " + std::to_string(p + 1) + " of " + std::to_string(order.size());
        if (item) {
            t.prompt = item->messages;
            t.reference = item->reference;
        }
        t.left = left_is_a ? c.a->text : c.b->text;
        t.right = left_is_a ? c.b->text : c.a->text;
        q.tasks_.push_back(std::move(t));
        q.pairs_.push_back({c.a->id, c.b->id, left_is_a});
    }
    return q;
}

const BlindPairTask& BlindPairQueue::task(std::size_t position) const {
    if (position >= tasks_.size()) throw Error("no pairwise task at position " + std::to_string(position));
    return tasks_[position];
}

void BlindPairQueue::choose(ProjectFile& project, std::size_t position, const std::string& grader, char side) const {
    task(position);
    const auto& p = pairs_[position];
    char preference;
    if (side == 'T')
        preference = 't';
    else if (side == 'L')
        preference = p.left_is_a ? 'a' : 'b';
    else if (side == 'R')
        preference = p.left_is_a ? 'b' : 'a';
    else
        throw Error(std::string("a side is L, R or T, not '") + side + "'");
    record_pairwise_grade(project, p.a, p.b, human_scorer_name(grader), p.left_is_a ? p.a : p.b, preference);
}

std::optional<char> BlindPairQueue::choice(const ProjectFile& project, std::size_t position,
                                           const std::string& grader) const {
    task(position);
    const auto& p = pairs_[position];
    auto s = project.prepare(
        "SELECT preference, left_output FROM pairwise_grades WHERE output_a = ? AND output_b = ? AND grader = ? "
        "ORDER BY id DESC LIMIT 1");
    s.bind(1, p.a).bind(2, p.b).bind(3, human_scorer_name(grader));
    if (!s.step()) return std::nullopt;
    const std::string pref = s.column_text(0);
    if (pref == "tie") return 'T';
    const std::int64_t preferred = pref == "a" ? p.a : p.b;
    return preferred == s.column_int64(1) ? 'L' : 'R';
}

std::pair<std::int64_t, std::int64_t> BlindPairQueue::reveal_outputs(std::size_t position) const {
    task(position);
    return {pairs_[position].a, pairs_[position].b};
}

bool BlindPairQueue::left_is_a(std::size_t position) const {
    task(position);
    return pairs_[position].left_is_a;
}

}  // namespace tb
