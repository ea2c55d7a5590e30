#pragma once
// The one door to training data. The trainer must get its examples here: validation and
// test examples, and anything whose prompt appears in a golden set (same content hash or
// same normalised prompt), can never come out of it, whatever the caller asks for.
#include <cstdint>
#include <string>
#include <vector>

#include "core/jobs/job.h"
#include "core/project/project_file.h"

namespace tb {

struct TrainingPolicy {
    bool accepted_only = false;       // "quality over quantity": only examples whose effective verdict is accept
    bool include_unassigned = false;  // also examples not yet split (off: run the split first)
};

struct TrainingSelection {
    std::vector<std::int64_t> example_ids;   // ascending
    std::int64_t examples = 0;               // every stored example
    std::int64_t accepted = 0;               // effective verdict accept (whatever the split)
    std::int64_t excluded_held_out = 0;      // validation or test
    std::int64_t excluded_unassigned = 0;    // not split and include_unassigned off
    std::int64_t excluded_not_accepted = 0;  // accepted_only and not accepted
    std::int64_t excluded_golden = 0;        // prompt or content found in a golden set
};

TrainingSelection select_training_examples(const ProjectFile& project, const TrainingPolicy& policy = {},
                                           const JobContext& ctx = {});
std::vector<std::int64_t> training_example_ids(const ProjectFile& project, const TrainingPolicy& policy = {});

// Policy kept in project_meta so the GUI choice reaches the trainer.
TrainingPolicy stored_training_policy(const ProjectFile& project);
void store_training_policy(ProjectFile& project, const TrainingPolicy& policy);

}  // namespace tb
