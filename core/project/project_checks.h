#pragma once
// Runs the data checks (tb::DataChecker) over every stored example and keeps the result as
// the project's latest check report, which the dataset browser filters by finding kind.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset/checks.h"
#include "core/jobs/job.h"
#include "core/project/project_file.h"

namespace tb {

// Reads all examples, checks them, stores the report (replacing the previous one) and
// returns it. Progress is in examples read.
CheckReport run_checks(ProjectFile& project, const CheckOptions& options, const JobContext& ctx = {});

// Stores `report` as the latest (one transaction). Findings naming examples that no
// longer exist (deleted while the check ran) drop those ids.
std::int64_t store_check_report(ProjectFile& project, const CheckReport& report, const CheckOptions& options);

struct StoredCheckReport {
    std::int64_t id = 0;
    std::string created_at;
    std::int64_t examples = 0;      // examples in the project when it ran
    nlohmann::json options;         // {"near_dup_threshold", "short_answer_chars"}
    nlohmann::json report;          // CheckReport::to_json() as computed
    std::vector<Finding> findings;  // from the normalised tables, in stored order
};
std::optional<StoredCheckReport> latest_check_report(const ProjectFile& project);

// The finding kinds of the latest check report, sorted ("exact_duplicate", "pii", ...; empty
// when no check ran): what the dataset browser offers to filter by, without reading the report.
std::vector<std::string> latest_finding_kinds(const ProjectFile& project);

}  // namespace tb
