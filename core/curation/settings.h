#pragma once
// Curation settings of a project, kept in project_meta so every client (GUI, CLI, trainer)
// reads the same values. Keys are prefixed "curation." to stay out of other stages' way.
#include <map>
#include <string>

#include "core/project/project_file.h"

namespace tb {

inline constexpr int kDefaultRereviewIntervalDays = 90;
inline constexpr int kDefaultReviewOverlap = 1;

// Reviewers per example the queue aims for (1 = single review; 2+ = overlap for agreement).
int review_overlap(const ProjectFile& project);
void set_review_overlap(ProjectFile& project, int reviewers);  // throws tb::Error when < 1

// Days after which a review counts as stale (default 90).
int rereview_interval_days(const ProjectFile& project);
void set_rereview_interval_days(ProjectFile& project, int days);  // throws tb::Error when < 1

// The share of examples `split` puts in validation when no --validation is given: the one the
// advisor suggested once a fine-tuning decision is stored (default kDefaultValidationFraction,
// core/curation/splits.h).
double validation_fraction(const ProjectFile& project);
// Throws tb::Error outside kMinValidationFraction..kMaxValidationFraction.
void set_validation_fraction(ProjectFile& project, double fraction);

// The guideline/rubric version stamped on every new review ("" until one is set).
std::string guideline_version(const ProjectFile& project);

// Coverage targets: tag name -> minimum share of all examples (0..1).
std::map<std::string, double> coverage_targets(const ProjectFile& project);
void set_coverage_target(ProjectFile& project, const std::string& tag, double minimum_share);  // share in [0, 1]
void remove_coverage_target(ProjectFile& project, const std::string& tag);

}  // namespace tb
