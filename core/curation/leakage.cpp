#include "core/curation/leakage.h"

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/curation/prompt_key.h"
#include "core/project/examples.h"

namespace tb {
namespace {

bool is_golden(const std::string& set) { return set.rfind("golden:", 0) == 0; }

int set_rank(const std::string& set) {
    if (set == "train") return 0;
    if (set == kUnassignedSplit) return 1;
    if (set == "validation") return 2;
    if (set == "test") return 3;
    return 4;
}

bool side_before(const LeakSide& x, const LeakSide& y) {
    int rx = set_rank(x.set), ry = set_rank(y.set);
    if (rx != ry) return rx < ry;
    if (x.set != y.set) return x.set < y.set;
    return x.id < y.id;
}

struct Entry {
    LeakSide side;
    std::string text;  // prompt text (near duplicates)
};

std::vector<Message> messages_from_json_text(const std::string& text, const std::string& what) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) throw Error(what + " has damaged message JSON in the project");
    return example_from_json(j).messages;
}

}  // namespace

bool sets_must_not_overlap(const std::string& a, const std::string& b) {
    if (a == b) return false;
    auto trainable = [](const std::string& s) { return s == "train" || s == kUnassignedSplit; };
    if (trainable(a) && trainable(b)) return false;
    if (is_golden(a) && is_golden(b)) return false;
    return true;
}

LeakageReport check_leakage(const ProjectFile& project, const LeakageOptions& options, const JobContext& ctx) {
    std::vector<Entry> entries;
    {
        auto s = project.prepare(
            "SELECT e.id, e.messages, s.split FROM examples AS e LEFT JOIN splits AS s ON s.example_id = e.id "
            "ORDER BY e.id");
        while (s.step()) {
            std::int64_t id = s.column_int64(0);
            auto messages = messages_from_json_text(s.column_text(1), "example " + std::to_string(id));
            entries.push_back({{s.column_optional_text(2).value_or(kUnassignedSplit), id}, prompt_text(messages)});
            if (entries.size() % 4096 == 0) ctx.check_cancel();
        }
    }
    {
        auto s = project.prepare(
            "SELECT i.id, i.messages, g.name FROM golden_items AS i JOIN golden_sets AS g ON g.id = i.set_id ORDER BY "
            "i.id");
        while (s.step()) {
            std::int64_t id = s.column_int64(0);
            auto messages = messages_from_json_text(s.column_text(1), "golden item " + std::to_string(id));
            entries.push_back({{"golden:" + s.column_text(2), id}, prompt_text(messages)});
        }
    }

    LeakageReport report;
    for (const auto& e : entries) ++report.set_sizes[e.side.set];

    auto add_pair = [&](std::size_t i, std::size_t j, double similarity, const char* kind) {
        LeakSide a = entries[i].side, b = entries[j].side;
        if (side_before(b, a)) std::swap(a, b);
        report.pairs.push_back({a, b, similarity, kind});
    };

    // Exact: group by normalised prompt; report every cross-wall pair in a group.
    std::unordered_map<std::string, std::vector<std::size_t>> groups;
    std::vector<std::string> normalised(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        normalised[i] = normalise_prompt_text(entries[i].text);
        if (!normalised[i].empty()) groups[normalised[i]].push_back(i);  // an empty prompt duplicates nothing
    }
    for (const auto& [key, members] : groups) {
        if (members.size() < 2) continue;
        for (std::size_t x = 0; x < members.size(); ++x) {
            for (std::size_t y = x + 1; y < members.size(); ++y) {
                if (sets_must_not_overlap(entries[members[x]].side.set, entries[members[y]].side.set)) {
                    add_pair(members[x], members[y], 1.0, "exact");
                }
            }
        }
    }

    if (options.near) {
        std::vector<std::string> texts;
        texts.reserve(entries.size());
        for (const auto& e : entries) texts.push_back(e.text);
        find_near_duplicates(
            texts, options.near_options,
            [&](std::size_t i, std::size_t j) {
                return normalised[i] != normalised[j] &&
                       sets_must_not_overlap(entries[i].side.set, entries[j].side.set);
            },
            [&](std::size_t i, std::size_t j, double similarity) { add_pair(i, j, similarity, "near"); }, ctx);
    }

    std::sort(report.pairs.begin(), report.pairs.end(), [](const LeakingPair& x, const LeakingPair& y) {
        if (side_before(x.a, y.a)) return true;
        if (side_before(y.a, x.a)) return false;
        return side_before(x.b, y.b);
    });
    for (const auto& p : report.pairs) {
        auto family = [](const std::string& set) { return is_golden(set) ? std::string("golden") : set; };
        ++report.pairs_by_sets[family(p.a.set) + "/" + family(p.b.set)];
    }
    return report;
}

}  // namespace tb
