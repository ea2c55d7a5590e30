#pragma once
// Leakage: the same (or nearly the same) prompt on both sides of a wall that must hold
// (train vs validation/test, anything vs a golden set). Exact: equal normalised prompts
// (equal content implies equal prompts). Near: MinHash + LSH over the prompt text.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/curation/near_duplicates.h"
#include "core/jobs/job.h"
#include "core/project/project_file.h"

namespace tb {

struct LeakageOptions {
    bool near = true;
    NearDuplicateOptions near_options;
};

// A side of a pair. set: "train" | "validation" | "test" | "unassigned" (examples; trainable
// once split) or "golden:NAME" (id is then a golden item id).
struct LeakSide {
    std::string set;
    std::int64_t id = 0;
};

struct LeakingPair {
    LeakSide a;  // the side earlier in train, unassigned, validation, test, golden:* order
    LeakSide b;
    double similarity = 1.0;
    std::string kind;  // "exact" | "near"
};

struct LeakageReport {
    std::vector<LeakingPair> pairs;  // sorted by a.set order, a.id, b.set, b.id
    std::map<std::string, std::int64_t> set_sizes;
    std::map<std::string, std::int64_t> pairs_by_sets;  // "train/validation" -> count
};

// Whether two sets must not share prompts: every pair of different sets except
// train/unassigned (both trainable) and two golden sets.
bool sets_must_not_overlap(const std::string& a, const std::string& b);

LeakageReport check_leakage(const ProjectFile& project, const LeakageOptions& options = {}, const JobContext& ctx = {});

}  // namespace tb
