#include "core/curation/coverage.h"

#include <algorithm>
#include <cmath>

#include "core/common/error.h"
#include "core/curation/settings.h"

namespace tb {

std::int64_t examples_missing_for_target(std::int64_t count, std::int64_t total, double target) {
    if (target <= 0.0) return 0;
    if (total <= 0) return 1;  // an empty project: one tagged example is 100%
    if (total > 0 && static_cast<double>(count) >= target * static_cast<double>(total)) return 0;
    if (target >= 1.0) return count < total ? -1 : 0;  // unreachable by adding: untagged examples remain
    // (count + k) >= target (total + k)  <=>  k >= (target total - count) / (1 - target)
    double k = (target * static_cast<double>(total) - static_cast<double>(count)) / (1.0 - target);
    auto needed = static_cast<std::int64_t>(std::ceil(k - 1e-9));
    return std::max<std::int64_t>(needed, 0);
}

namespace {
// The examples in scope, as a condition on e.id.
std::string split_scope(const std::string& split) {
    return split.empty() ? "1" : "EXISTS (SELECT 1 FROM splits AS s WHERE s.example_id = e.id AND s.split = :split)";
}
}  // namespace

std::vector<TagCoverage> tag_coverage(const ProjectFile& project, const std::string& split, std::int64_t* examples) {
    CoverageReport report;
    const std::string scope = split_scope(split);
    auto bind_split = [&](Statement& s) {
        if (!split.empty()) s.bind(1, split);
    };
    {
        auto s = project.prepare("SELECT count(*) FROM examples AS e WHERE " + scope);
        bind_split(s);
        s.step();
        report.examples = s.column_int64(0);
    }
    std::map<std::string, std::int64_t> counts;
    {
        auto s = project.prepare(
            "SELECT t.name, (SELECT count(*) FROM example_tags AS et JOIN examples AS e ON e.id = et.example_id "
            "WHERE et.tag_id = t.id AND " +
            scope + ") FROM tags AS t");
        bind_split(s);
        while (s.step()) counts[s.column_text(0)] = s.column_int64(1);
    }
    auto targets = coverage_targets(project);
    for (const auto& [tag, share] : targets) counts.try_emplace(tag, 0);
    for (const auto& [tag, count] : counts) {
        TagCoverage c;
        c.tag = tag;
        c.examples = count;
        c.share = report.examples ? static_cast<double>(count) / static_cast<double>(report.examples) : 0.0;
        if (auto it = targets.find(tag); it != targets.end()) {
            c.target = it->second;
            c.missing = examples_missing_for_target(count, report.examples, it->second);
            c.below_target = c.missing != 0;
        }
        report.tags.push_back(std::move(c));
    }

    if (examples) *examples = report.examples;
    return std::move(report.tags);
}

CoverageReport coverage_report(const ProjectFile& project, const std::string& split) {
    CoverageReport report;
    report.tags = tag_coverage(project, split, &report.examples);
    const std::string scope = split_scope(split);
    auto bind_split = [&](Statement& s) {
        if (!split.empty()) s.bind(1, split);
    };
    std::vector<std::int64_t> lengths;
    {
        auto s = project.prepare(
            "SELECT e.turns, coalesce((SELECT sum(length(json_extract(m.value, '$.content'))) "
            "FROM json_each(e.messages, '$.messages') AS m), 0) FROM examples AS e WHERE " +
            scope);
        bind_split(s);
        while (s.step()) {
            ++report.turns[s.column_int64(0)];
            lengths.push_back(s.column_int64(1));
        }
    }
    if (!lengths.empty()) {
        std::sort(lengths.begin(), lengths.end());
        auto at = [&](double q) {
            auto index = static_cast<std::size_t>(std::ceil(q * static_cast<double>(lengths.size())));
            return lengths[std::min(lengths.size() - 1, index == 0 ? 0 : index - 1)];
        };
        report.characters_p50 = at(0.5);
        report.characters_p95 = at(0.95);
        report.characters_max = lengths.back();
        report.characters.lower_bounds.push_back(0);
        for (std::int64_t bound = 64; bound <= report.characters_max; bound *= 2)
            report.characters.lower_bounds.push_back(bound);
        report.characters.counts.assign(report.characters.lower_bounds.size(), 0);
        for (std::int64_t length : lengths) {
            auto it =
                std::upper_bound(report.characters.lower_bounds.begin(), report.characters.lower_bounds.end(), length);
            ++report.characters.counts[static_cast<std::size_t>(it - report.characters.lower_bounds.begin()) - 1];
        }
    }
    return report;
}

}  // namespace tb
