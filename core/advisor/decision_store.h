#pragma once
// Storing the advisor's decision in the project file (table `decisions`), one transaction
// per decision. The table has answers (JSON), recommendation (what was decided: the override
// when there is one) and rationale; the rationale column holds the whole decision record as
// JSON (to_json(Decision): what was recommended, by which leaf, who decided, the override and
// its reason), so no field is lost until the schema grows columns for them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/advisor/decision_record.h"

namespace tb {

class ProjectFile;

struct StoredDecision {
    std::int64_t id = 0;
    Decision decision;
    std::string created_at;
};

// Returns the new row's id.
std::int64_t store_decision(ProjectFile& project, const Decision& decision);

// Every stored decision, oldest first. Throws tb::Error naming the row when one cannot be read.
std::vector<StoredDecision> list_decisions(const ProjectFile& project);

// The newest decision, if any: the one the project currently follows.
std::optional<StoredDecision> latest_decision(const ProjectFile& project);

}  // namespace tb
