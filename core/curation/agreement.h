#pragma once
// Agreement between reviewers on the examples several of them judged: Cohen's kappa when
// exactly two reviewers rated, Krippendorff's alpha (nominal) for more, with the number of
// items behind the figure. Settlements are decisions, not independent votes: left out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/project/project_file.h"
#include "core/stats/alpha.h"
#include "core/stats/kappa.h"

namespace tb {

struct AgreementReport {
    std::vector<std::string> reviewers;  // reviewers with at least one vote on a shared example
    std::int64_t items = 0;              // examples with votes from two or more reviewers
    std::string method;                  // "cohen_kappa" | "krippendorff_alpha" | "none" (fewer than 2 items)
    double value = 0.0;                  // kappa or alpha (NaN when undefined)
    std::optional<KappaResult> kappa;
    std::optional<AlphaResult> alpha;
    std::int64_t disagreements = 0;  // disputed examples waiting in the disagreements queue
};

AgreementReport reviewer_agreement(const ProjectFile& project);

}  // namespace tb
