#include "core/advisor/decision_record.h"

#include <chrono>
#include <ctime>

#include "core/common/error.h"

namespace tb {
namespace {

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

TuningMethod method_from_string(const std::string& text) {
    if (text == "lora") return TuningMethod::lora;
    if (text == "qlora") return TuningMethod::qlora;
    if (text == "full") return TuningMethod::full;
    throw Error("unknown tuning method '" + text + "': use lora, qlora or full");
}

}  // namespace

std::string utc_timestamp_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

Decision make_decision(const Advice& advice, const std::string& decided_by, std::optional<Approach> override_with,
                       const std::string& override_reason, const std::string& decided_at) {
    if (is_blank(decided_by)) throw Error("say who decided (a name), so the decision can be traced later");
    if (override_with && *override_with == advice.recommendation.recommendation)
        throw Error(std::string("the override '") + to_string(*override_with) +
                    "' is what the advisor recommended already: drop the override");
    if (override_with && is_blank(override_reason))
        throw Error(std::string("overriding the recommendation (") + to_string(advice.recommendation.recommendation) +
                    " -> " + to_string(*override_with) + ") needs a reason");
    if (!override_with && !is_blank(override_reason))
        throw Error(
            "a reason was given but no override: give the recommendation you chose instead, or drop the reason");
    Decision d;
    d.answers = advice.answers;
    d.recommended = advice.recommendation.recommendation;
    d.leaf_id = advice.recommendation.leaf_id;
    d.tree_version = advice.tree_version;
    d.method = advice.recommendation.method;
    d.decided_by = decided_by;
    d.override_with = override_with;
    d.override_reason = override_with ? override_reason : std::string();
    d.decided_at = decided_at.empty() ? utc_timestamp_now() : decided_at;
    return d;
}

nlohmann::json to_json(const Decision& d) {
    return {
        {"answers", d.answers},
        {"recommended", to_string(d.recommended)},
        {"leaf", d.leaf_id},
        {"tree_version", d.tree_version},
        {"method", d.method ? nlohmann::json(to_string(*d.method)) : nlohmann::json(nullptr)},
        {"decided_by", d.decided_by},
        {"override", d.override_with ? nlohmann::json(to_string(*d.override_with)) : nlohmann::json(nullptr)},
        {"override_reason", d.override_reason},
        {"chosen", to_string(d.chosen())},
        {"decided_at", d.decided_at},
    };
}

Decision decision_from_json(const nlohmann::json& j) {
    if (!j.is_object()) throw Error("a stored decision must be a JSON object");
    auto text = [&](const char* key) {
        if (!j.contains(key) || !j[key].is_string())
            throw Error(std::string("stored decision: \"") + key + "\" must be a string");
        return j[key].get<std::string>();
    };
    Decision d;
    if (!j.contains("answers") || !j["answers"].is_object())
        throw Error("stored decision: \"answers\" must be an object");
    d.answers = j["answers"];
    d.recommended = approach_from_string(text("recommended"));
    d.leaf_id = text("leaf");
    if (!j.contains("tree_version") || !j["tree_version"].is_number_integer())
        throw Error("stored decision: \"tree_version\" must be an integer");
    d.tree_version = j["tree_version"].get<int>();
    if (j.contains("method") && !j["method"].is_null()) d.method = method_from_string(text("method"));
    d.decided_by = text("decided_by");
    if (j.contains("override") && !j["override"].is_null()) d.override_with = approach_from_string(text("override"));
    d.override_reason = j.value("override_reason", std::string());
    d.decided_at = text("decided_at");
    if (d.override_with && is_blank(d.override_reason)) throw Error("stored decision: an override without a reason");
    return d;
}

}  // namespace tb
