#include "core/curation/agreement.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/curation/reviews.h"

namespace tb {

AgreementReport reviewer_agreement(const ProjectFile& project) {
    AgreementReport report;
    // Per shared example: reviewer -> verdict (votes only).
    std::vector<std::map<std::string, std::string>> shared;
    std::set<std::string> reviewers;
    for_each_reviewed_example(project, [&](std::int64_t, const ExampleVerdicts& v) {
        if (v.disputed) ++report.disagreements;
        std::map<std::string, std::string> votes;
        for (const auto& [reviewer, verdict] : v.by_reviewer) {
            if (std::find(v.settlers.begin(), v.settlers.end(), reviewer) != v.settlers.end()) continue;
            votes[reviewer] = to_string(verdict);
        }
        if (votes.size() < 2) return;
        for (const auto& [reviewer, verdict] : votes) reviewers.insert(reviewer);
        shared.push_back(std::move(votes));
    });
    report.reviewers.assign(reviewers.begin(), reviewers.end());
    report.items = static_cast<std::int64_t>(shared.size());
    report.method = "none";
    if (shared.size() < 2) return report;

    if (reviewers.size() == 2) {
        std::vector<std::string> a, b;
        for (const auto& votes : shared) {
            a.push_back(votes.at(report.reviewers[0]));
            b.push_back(votes.at(report.reviewers[1]));
        }
        report.kappa = cohen_kappa(a, b, KappaWeighting::none, {"accept", "needs_edit", "reject"});
        report.value = report.kappa->kappa;
        report.method = "cohen_kappa";
    } else {
        std::vector<std::vector<std::string>> ratings(report.reviewers.size(), std::vector<std::string>(shared.size()));
        for (std::size_t unit = 0; unit < shared.size(); ++unit) {
            for (std::size_t r = 0; r < report.reviewers.size(); ++r) {
                auto it = shared[unit].find(report.reviewers[r]);
                if (it != shared[unit].end()) ratings[r][unit] = it->second;
            }
        }
        report.alpha = krippendorff_alpha_nominal(ratings);
        report.value = report.alpha->alpha;
        report.method = "krippendorff_alpha";
    }
    return report;
}

}  // namespace tb
