#include "core/curation/settings.h"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/curation/splits.h"

namespace tb {
namespace {

constexpr const char* kOverlapKey = "curation.review_overlap";
constexpr const char* kIntervalKey = "curation.rereview_interval_days";
constexpr const char* kGuidelineKey = "curation.guideline_version";
constexpr const char* kTargetsKey = "curation.coverage_targets";
constexpr const char* kValidationKey = "curation.validation_fraction";

int positive_int_meta(const ProjectFile& project, const char* key, int fallback) {
    auto value = project.meta(key);
    if (!value) return fallback;
    char* end = nullptr;
    long parsed = std::strtol(value->c_str(), &end, 10);
    if (value->empty() || *end != '\0' || parsed < 1) {
        throw Error(project.path() + ": project setting " + key + " is damaged ('" + *value + "')");
    }
    return static_cast<int>(parsed);
}

void write_targets(ProjectFile& project, const std::map<std::string, double>& targets) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [tag, share] : targets) j[tag] = share;
    project.set_meta(kTargetsKey, j.dump());
}

}  // namespace

int review_overlap(const ProjectFile& project) {
    return positive_int_meta(project, kOverlapKey, kDefaultReviewOverlap);
}

void set_review_overlap(ProjectFile& project, int reviewers) {
    if (reviewers < 1) throw Error("the review overlap must be at least 1 reviewer per example");
    project.set_meta(kOverlapKey, std::to_string(reviewers));
}

int rereview_interval_days(const ProjectFile& project) {
    return positive_int_meta(project, kIntervalKey, kDefaultRereviewIntervalDays);
}

void set_rereview_interval_days(ProjectFile& project, int days) {
    if (days < 1) throw Error("the re-review interval must be at least 1 day");
    project.set_meta(kIntervalKey, std::to_string(days));
}

double validation_fraction(const ProjectFile& project) {
    auto value = project.meta(kValidationKey);
    if (!value) return kDefaultValidationFraction;
    char* end = nullptr;
    const double parsed = std::strtod(value->c_str(), &end);
    if (value->empty() || *end != '\0' || !(parsed >= kMinValidationFraction && parsed <= kMaxValidationFraction))
        throw Error(project.path() + ": project setting " + kValidationKey + " is damaged ('" + *value + "')");
    return parsed;
}

void set_validation_fraction(ProjectFile& project, double fraction) {
    if (!(fraction >= kMinValidationFraction && fraction <= kMaxValidationFraction))
        throw Error("the validation share must be between " + std::to_string(kMinValidationFraction) + " and " +
                    std::to_string(kMaxValidationFraction) + " (got " + std::to_string(fraction) + ")");
    // Round trip exact: 17 significant digits.
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", fraction);
    project.set_meta(kValidationKey, text);
}

std::string guideline_version(const ProjectFile& project) { return project.meta(kGuidelineKey).value_or(""); }

std::map<std::string, double> coverage_targets(const ProjectFile& project) {
    std::map<std::string, double> targets;
    auto text = project.meta(kTargetsKey);
    if (!text) return targets;
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (!j.is_object()) throw Error(project.path() + ": project setting " + kTargetsKey + " is damaged");
    for (const auto& [tag, share] : j.items()) {
        if (!share.is_number()) throw Error(project.path() + ": coverage target for '" + tag + "' is not a number");
        targets[tag] = share.get<double>();
    }
    return targets;
}

void set_coverage_target(ProjectFile& project, const std::string& tag, double minimum_share) {
    if (tag.empty()) throw Error("a coverage target needs a tag name");
    if (!(minimum_share >= 0.0 && minimum_share <= 1.0)) {
        throw Error("a coverage target is a share between 0 and 1 (0.05 = 5%), got " + std::to_string(minimum_share));
    }
    project.transaction([&] {
        auto targets = coverage_targets(project);
        targets[tag] = minimum_share;
        write_targets(project, targets);
    });
}

void remove_coverage_target(ProjectFile& project, const std::string& tag) {
    project.transaction([&] {
        auto targets = coverage_targets(project);
        targets.erase(tag);
        write_targets(project, targets);
    });
}

}  // namespace tb
