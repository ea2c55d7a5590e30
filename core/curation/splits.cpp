#include "core/curation/splits.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/curation/prompt_key.h"
#include "core/project/examples.h"

namespace tb {
namespace {

struct Row {
    std::int64_t id = 0;
    std::string content_hash;
    std::string split;  // "" = unassigned
    std::string stratum;
    std::string prompt;  // prompt text
};

class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
    std::size_t find(std::size_t x) {
        while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
        return x;
    }
    void unite(std::size_t a, std::size_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent_[std::max(a, b)] = std::min(a, b);  // the smallest index is the root
    }

private:
    std::vector<std::size_t> parent_;
};

std::vector<Row> load_rows(const ProjectFile& project, const std::string& group, const JobContext& ctx) {
    std::vector<Row> rows;
    auto s = project.prepare(
        "SELECT e.id, e.content_hash, coalesce(s.split, ''), e.messages, "
        "(SELECT group_concat(t.name, char(31)) FROM example_tags AS et JOIN tags AS t ON t.id = et.tag_id "
        " WHERE et.example_id = e.id) "
        "FROM examples AS e LEFT JOIN splits AS s ON s.example_id = e.id ORDER BY e.id");
    while (s.step()) {
        Row row;
        row.id = s.column_int64(0);
        row.content_hash = s.column_text(1);
        row.split = s.column_text(2);
        auto j = nlohmann::json::parse(s.column_text(3), nullptr, false);
        if (j.is_discarded()) throw Error("example " + std::to_string(row.id) + " has damaged message JSON");
        row.prompt = prompt_text(example_from_json(j).messages);
        if (!group.empty()) {
            std::vector<std::string> tags;
            std::string joined = s.column_text(4);
            std::size_t start = 0;
            while (!joined.empty()) {
                std::size_t end = joined.find('\x1f', start);
                tags.push_back(joined.substr(start, end == std::string::npos ? std::string::npos : end - start));
                if (end == std::string::npos) break;
                start = end + 1;
            }
            row.stratum = stratum_of(tags, group);
        }
        rows.push_back(std::move(row));
        if (rows.size() % 4096 == 0) ctx.check_cancel();
    }
    return rows;
}

}  // namespace

std::string stratum_of(const std::vector<std::string>& tags, const std::string& group) {
    if (group.empty()) return "";
    std::string prefix = group + ":";
    std::string best;
    bool found = false;
    for (const auto& tag : tags) {
        std::string value;
        if (tag == group) {
            value = group;
        } else if (tag.rfind(prefix, 0) == 0) {
            value = tag.substr(prefix.size());
        } else {
            continue;
        }
        if (!found || value < best) best = value;
        found = true;
    }
    return best;
}

std::uint64_t split_rank(std::uint64_t seed, const std::string& content_hash) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    auto mix_byte = [&](unsigned char b) {
        h ^= b;
        h *= 0x100000001b3ULL;
    };
    for (int i = 0; i < 8; ++i) mix_byte(static_cast<unsigned char>(seed >> (8 * i)));
    for (char c : content_hash) mix_byte(static_cast<unsigned char>(c));
    h += 0x9e3779b97f4a7c15ULL;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
    return h ^ (h >> 31);
}

std::map<std::string, std::int64_t> split_counts(const ProjectFile& project) {
    std::map<std::string, std::int64_t> counts{{"train", 0}, {"validation", 0}, {"test", 0}, {kUnassignedSplit, 0}};
    auto s = project.prepare(
        "SELECT s.split, count(*) FROM examples AS e LEFT JOIN splits AS s ON s.example_id = e.id GROUP BY 1");
    while (s.step()) counts[s.column_optional_text(0).value_or(kUnassignedSplit)] = s.column_int64(1);
    return counts;
}

SplitResult assign_splits(ProjectFile& project, const SplitOptions& options, const JobContext& ctx) {
    if (!(options.validation_fraction >= kMinValidationFraction - 1e-12 &&
          options.validation_fraction <= kMaxValidationFraction + 1e-12)) {
        throw Error("the validation share must be between 10% and 15% (0.10 - 0.15), got " +
                    std::to_string(options.validation_fraction));
    }
    return project.transaction([&] {
        std::vector<Row> rows = load_rows(project, options.stratify_by, ctx);
        const std::size_t n = rows.size();

        // Groups that must share a split: equal normalised prompts, then near duplicates.
        DisjointSets groups(n);
        {
            std::unordered_map<std::string, std::size_t> first_with_prompt;
            for (std::size_t i = 0; i < n; ++i) {
                std::string key = normalise_prompt_text(rows[i].prompt);
                if (key.empty()) continue;  // an empty prompt duplicates nothing
                auto [it, inserted] = first_with_prompt.try_emplace(std::move(key), i);
                if (!inserted) groups.unite(it->second, i);
            }
        }
        if (options.group_near_duplicates) {
            std::vector<std::string> texts;
            texts.reserve(n);
            for (const auto& row : rows) texts.push_back(row.prompt);
            find_near_duplicates(
                texts, options.near_options,
                [&](std::size_t a, std::size_t b) { return groups.find(a) != groups.find(b); },
                [&](std::size_t a, std::size_t b, double) { groups.unite(a, b); }, ctx);
        }

        // Per group: members, the split it is already bound to (validation wins), its rank.
        struct Group {
            std::vector<std::size_t> members;
            std::string bound_split;
            std::string smallest_hash;
        };
        std::unordered_map<std::size_t, Group> by_root;
        for (std::size_t i = 0; i < n; ++i) {
            Group& g = by_root[groups.find(i)];
            g.members.push_back(i);
            if (!rows[i].split.empty() && g.bound_split != "validation") g.bound_split = rows[i].split;
            if (g.smallest_hash.empty() || rows[i].content_hash < g.smallest_hash)
                g.smallest_hash = rows[i].content_hash;
        }

        SplitResult result;
        std::map<std::string, std::int64_t> stratum_total, stratum_validation;
        std::map<std::string, std::vector<const Group*>> free_groups;  // stratum -> groups with no assigned member
        std::vector<std::pair<std::size_t, std::string>> assignments;  // row index -> split
        for (std::size_t i = 0; i < n; ++i) {
            ++stratum_total[rows[i].stratum];
            if (rows[i].split == "validation") ++stratum_validation[rows[i].stratum];
            if (!rows[i].split.empty()) ++result.kept;
        }
        for (const auto& [root, g] : by_root) {
            if (!g.bound_split.empty()) {
                for (std::size_t i : g.members) {
                    if (!rows[i].split.empty()) continue;
                    assignments.emplace_back(i, g.bound_split);
                    if (g.bound_split == "validation") ++stratum_validation[rows[i].stratum];
                }
            } else {
                // A free group counts in the stratum of its first member.
                free_groups[rows[g.members.front()].stratum].push_back(&g);
            }
        }
        for (auto& [stratum, list] : free_groups) {
            std::sort(list.begin(), list.end(), [&](const Group* a, const Group* b) {
                std::uint64_t ra = split_rank(options.seed, a->smallest_hash),
                              rb = split_rank(options.seed, b->smallest_hash);
                return ra != rb ? ra < rb : a->smallest_hash < b->smallest_hash;
            });
            auto target = static_cast<std::int64_t>(
                std::llround(options.validation_fraction * static_cast<double>(stratum_total[stratum])));
            std::int64_t have = stratum_validation[stratum];
            for (const Group* g : list) {
                auto size = static_cast<std::int64_t>(g->members.size());
                // Take the group when that brings the stratum closer to its target.
                bool to_validation = have < target && (have + size - target) <= (target - have);
                if (to_validation) have += size;
                for (std::size_t i : g->members) assignments.emplace_back(i, to_validation ? "validation" : "train");
            }
        }

        auto insert = project.prepare("INSERT INTO splits(example_id, split, seed, assigned_at) VALUES (?, ?, ?, ?)");
        std::string now = utc_now_iso8601();
        for (const auto& [i, split] : assignments) {
            insert.reset();
            insert.bind(1, rows[i].id)
                .bind(2, split)
                .bind(3, static_cast<std::int64_t>(options.seed))
                .bind(4, now)
                .run();
            rows[i].split = split;
        }
        result.newly_assigned = static_cast<std::int64_t>(assignments.size());
        project.set_meta("curation.split_seed", std::to_string(options.seed));
        project.set_meta("curation.validation_fraction", std::to_string(options.validation_fraction));
        if (!options.stratify_by.empty()) project.set_meta("curation.stratify_by", options.stratify_by);

        result.counts = {{"train", 0}, {"validation", 0}, {"test", 0}};
        for (const auto& row : rows) {
            ++result.counts[row.split];
            if (!options.stratify_by.empty()) ++result.by_stratum[row.stratum][row.split];
        }
        return result;
    });
}

}  // namespace tb
