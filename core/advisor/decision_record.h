#pragma once
// The decision a person took with the advisor's help: the answers, what the advisor
// recommended, who decided, and an override with its reason when they chose otherwise.
// Plain data with to_json/from_json, so storing it (the project file's `decisions` table)
// and showing it (the wizard) stay thin layers.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/advisor/advice.h"

namespace tb {

struct Decision {
    nlohmann::json answers = nlohmann::json::object();
    Approach recommended = Approach::prompting;
    std::string leaf_id;
    int tree_version = 0;
    std::optional<TuningMethod> method;  // the advised method, when fine-tuning was advised
    std::string decided_by;
    std::optional<Approach> override_with;  // what the person chose instead of the recommendation
    std::string override_reason;
    std::string decided_at;  // ISO 8601 UTC, "2026-11-28T16:20:00Z"

    // What was decided: the override when there is one, the recommendation otherwise.
    Approach chosen() const { return override_with.value_or(recommended); }
};

// Records the advice as decided by `decided_by`. An override needs a non-empty reason and
// must differ from the recommendation; a reason without an override is refused too (it
// would be stored but mean nothing). `decided_at` defaults to now (UTC).
Decision make_decision(const Advice& advice, const std::string& decided_by,
                       std::optional<Approach> override_with = std::nullopt, const std::string& override_reason = {},
                       const std::string& decided_at = {});

nlohmann::json to_json(const Decision& decision);
// Throws tb::Error naming the missing or invalid field.
Decision decision_from_json(const nlohmann::json& json);

std::string utc_timestamp_now();

}  // namespace tb
