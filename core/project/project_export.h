#pragma once
// Export of stored examples as OpenAI chat JSONL (tb::JsonlWriter), in id order.
#include <cstddef>
#include <string>

#include "core/common/output_file.h"
#include "core/jobs/job.h"
#include "core/project/project_file.h"

namespace tb {

// split: "all", "train", "validation" or "test". out_path follows the output rule of
// core/common/output_file.h (never a project file; an existing file only with
// Overwrite::replace; written beside it and renamed at the end, so out_path is never a
// half-written file). Returns how many examples were written. Throws tb::Error for an
// unknown split name, or a named split that has no examples (nothing was assigned to it yet).
std::size_t export_examples(const ProjectFile& project, const std::string& split, const std::string& out_path,
                            Overwrite overwrite = Overwrite::refuse, const JobContext& ctx = {});

}  // namespace tb
