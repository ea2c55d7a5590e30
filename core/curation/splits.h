#pragma once
// Train / validation split: deterministic for a seed, stratified by a tag group, and stable
// when examples are added (assigned examples never move; new ones are placed so that each
// stratum's validation share holds).
//
// How a new example is placed: examples with the same normalised prompt (and, optionally,
// near-duplicate prompts) form a group that always shares one split, so the split cannot
// create a leak. A group with an already assigned member joins that member's split
// (validation wins over train). The other new groups of a stratum are ranked by a hash of
// (seed, smallest content hash in the group); the lowest-ranked go to validation until the
// stratum reaches round(fraction x stratum size) validation examples, the rest to train.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/curation/near_duplicates.h"
#include "core/jobs/job.h"
#include "core/project/project_file.h"

namespace tb {

inline constexpr double kDefaultValidationFraction = 0.12;
inline constexpr double kMinValidationFraction = 0.10;
inline constexpr double kMaxValidationFraction = 0.15;

struct SplitOptions {
    double validation_fraction = kDefaultValidationFraction;  // 0.10 - 0.15
    std::uint64_t seed = 0;
    // Tag group to stratify by: an example's stratum is the value of its tag "GROUP:value"
    // (the smallest when several), "GROUP" itself for a plain tag named GROUP, else none.
    std::string stratify_by;
    bool group_near_duplicates = true;
    NearDuplicateOptions near_options;
};

struct SplitResult {
    std::map<std::string, std::int64_t> counts;  // "train", "validation", "test" -> examples (after)
    std::int64_t newly_assigned = 0;
    std::int64_t kept = 0;  // assignments that existed before
    // stratum ("" = no value) -> split -> examples (after); only when stratified
    std::map<std::string, std::map<std::string, std::int64_t>> by_stratum;
};

// Assigns every unassigned example, in one transaction. Throws tb::Error for a fraction
// outside 0.10 - 0.15.
SplitResult assign_splits(ProjectFile& project, const SplitOptions& options, const JobContext& ctx = {});

// Current counts per split (kUnassignedSplit, core/project/examples.h, included).
std::map<std::string, std::int64_t> split_counts(const ProjectFile& project);

// The stratum of an example with these tags for a tag group (see SplitOptions::stratify_by).
std::string stratum_of(const std::vector<std::string>& tags, const std::string& group);

// The rank hash of a group: 64-bit FNV-1a of the seed's 8 bytes then the content hash,
// finished with a splitmix64 step. Exposed for tests.
std::uint64_t split_rank(std::uint64_t seed, const std::string& content_hash);

}  // namespace tb
