#pragma once
// Coverage: each tag's share of the examples against its target (at least 5% adversarial,
// ...), and the length and turn-count distributions behind the coverage view.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/project/project_file.h"

namespace tb {

struct TagCoverage {
    std::string tag;
    std::int64_t examples = 0;
    double share = 0.0;            // examples / total (0 when the project is empty)
    std::optional<double> target;  // minimum share, when one is set
    bool below_target = false;     // a gap: shown in red
    std::int64_t missing = 0;      // tagged examples to add to reach the target
};

struct Histogram {
    std::vector<std::int64_t> lower_bounds;  // bucket i holds values in [lower_bounds[i], lower_bounds[i+1])
    std::vector<std::int64_t> counts;
};

struct CoverageReport {
    std::int64_t examples = 0;
    std::vector<TagCoverage> tags;               // every tag and every target, by name
    std::map<std::int64_t, std::int64_t> turns;  // messages per example -> examples
    Histogram characters;                        // total content characters per example, doubling buckets from 64
    std::int64_t characters_p50 = 0;
    std::int64_t characters_p95 = 0;
    std::int64_t characters_max = 0;
};

// Only the tag part of the report (each tag and target, its share and gap), without the
// length scan over every example's messages: cheap enough for a project overview.
// `examples` receives the number of examples in scope when given.
std::vector<TagCoverage> tag_coverage(const ProjectFile& project, const std::string& split = "",
                                      std::int64_t* examples = nullptr);

// `split` restricts the report to one split ("train" | "validation" | "test"); empty = all.
CoverageReport coverage_report(const ProjectFile& project, const std::string& split = "");

// Tagged examples to add (each carrying the tag) so that share reaches `target`:
// the smallest k with (count + k) / (total + k) >= target. 0 when already met.
std::int64_t examples_missing_for_target(std::int64_t count, std::int64_t total, double target);

}  // namespace tb
