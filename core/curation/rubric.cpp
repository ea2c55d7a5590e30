#include "core/curation/rubric.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <optional>
#include <set>

#include "core/common/error.h"

namespace tb {
namespace {

std::string pcre2_problem(const std::string& pattern) {
    int error_code = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), PCRE2_UTF,
                                     &error_code, &offset, nullptr);
    if (code) {
        pcre2_code_free(code);
        return "";
    }
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error_code, message, sizeof message);
    return std::string(reinterpret_cast<const char*>(message)) + " at offset " + std::to_string(offset);
}

const std::set<std::string>& allowed_keys(CriterionKind kind) {
    static const std::set<std::string> exact{"kind", "expected", "weight", "critical"};
    static const std::set<std::string> json_field{"kind", "expected", "path", "weight", "critical"};
    static const std::set<std::string> numeric{"kind", "expected", "tolerance", "weight", "critical"};
    static const std::set<std::string> judge{"kind", "pass", "weight", "critical"};
    switch (kind) {
        case CriterionKind::json_field:
            return json_field;
        case CriterionKind::numeric:
            return numeric;
        case CriterionKind::judge:
            return judge;
        default:
            return exact;
    }
}

std::optional<CriterionKind> parse_kind(const std::string& text) {
    for (CriterionKind k : {CriterionKind::exact, CriterionKind::contains, CriterionKind::regex,
                            CriterionKind::json_field, CriterionKind::numeric, CriterionKind::judge}) {
        if (text == to_string(k)) return k;
    }
    return std::nullopt;
}

}  // namespace

const char* to_string(CriterionKind kind) {
    switch (kind) {
        case CriterionKind::exact:
            return "exact";
        case CriterionKind::contains:
            return "contains";
        case CriterionKind::regex:
            return "regex";
        case CriterionKind::json_field:
            return "json_field";
        case CriterionKind::numeric:
            return "numeric";
        case CriterionKind::judge:
            return "judge";
    }
    return "exact";
}

double Rubric::total_weight() const {
    double total = 0.0;
    for (const auto& c : criteria) total += c.weight;
    return total;
}

void validate_criterion(const Criterion& c) {
    if (!(c.weight > 0.0)) throw Error("weight must be a number above 0");
    switch (c.kind) {
        case CriterionKind::exact:
            if (!c.expected.is_string()) throw Error("exact needs \"expected\": the exact answer text");
            break;
        case CriterionKind::contains:
            if (!c.expected.is_string() || c.expected.get_ref<const std::string&>().empty()) {
                throw Error("contains needs \"expected\": a non-empty substring");
            }
            break;
        case CriterionKind::regex: {
            if (!c.expected.is_string()) throw Error("regex needs \"expected\": a pattern");
            std::string problem = pcre2_problem(c.expected.get<std::string>());
            if (!problem.empty()) throw Error("regex \"expected\" is not a valid pattern: " + problem);
            break;
        }
        case CriterionKind::json_field:
            if (c.path.empty()) throw Error("json_field needs \"path\" (\"a.b[0]\")");
            parse_json_path(c.path);
            break;
        case CriterionKind::numeric:
            if (!c.expected.is_number()) throw Error("numeric needs \"expected\": a number");
            if (!(c.tolerance >= 0.0)) throw Error("tolerance must be 0 or more");
            break;
        case CriterionKind::judge:
            if (c.pass.empty()) throw Error("judge needs \"pass\": what a passing answer does");
            break;
    }
}

Criterion parse_criterion(const nlohmann::json& j) {
    if (!j.is_object()) throw Error("a criterion is a JSON object");
    auto kind_it = j.find("kind");
    if (kind_it == j.end() || !kind_it->is_string()) throw Error("a criterion needs \"kind\"");
    auto kind = parse_kind(kind_it->get<std::string>());
    if (!kind) {
        throw Error("unknown criterion kind '" + kind_it->get<std::string>() +
                    "' (exact, contains, regex, json_field, numeric, judge)");
    }
    const auto& allowed = allowed_keys(*kind);
    for (const auto& [key, value] : j.items()) {
        if (!allowed.count(key)) {
            static const std::set<std::string> known{"kind", "expected", "path",    "tolerance",
                                                     "pass", "weight",   "critical"};
            throw Error(known.count(key) ? "key '" + key + "' does not apply to a " + to_string(*kind) + " criterion"
                                         : "unknown key '" + key + "'");
        }
    }
    Criterion c;
    c.kind = *kind;
    if (auto it = j.find("expected"); it != j.end()) {
        c.expected = *it;
    } else if (*kind != CriterionKind::judge) {
        throw Error(std::string(to_string(*kind)) + " needs \"expected\"");
    }
    if (auto it = j.find("path"); it != j.end()) {
        if (!it->is_string()) throw Error("\"path\" must be a string");
        c.path = it->get<std::string>();
    }
    if (auto it = j.find("tolerance"); it != j.end()) {
        if (!it->is_number()) throw Error("\"tolerance\" must be a number");
        c.tolerance = it->get<double>();
    }
    if (auto it = j.find("pass"); it != j.end()) {
        if (!it->is_string()) throw Error("\"pass\" must be a string");
        c.pass = it->get<std::string>();
    }
    if (auto it = j.find("weight"); it != j.end()) {
        if (!it->is_number()) throw Error("\"weight\" must be a number");
        c.weight = it->get<double>();
    }
    if (auto it = j.find("critical"); it != j.end()) {
        if (!it->is_boolean()) throw Error("\"critical\" must be true or false");
        c.critical = it->get<bool>();
    }
    validate_criterion(c);
    return c;
}

Rubric parse_rubric(const nlohmann::json& criteria) {
    if (!criteria.is_array()) throw Error("\"rubric\" must be a list of criteria");
    if (criteria.empty()) throw Error("\"rubric\" needs at least one criterion");
    Rubric rubric;
    for (std::size_t i = 0; i < criteria.size(); ++i) {
        try {
            rubric.criteria.push_back(parse_criterion(criteria[i]));
        } catch (const Error& e) {
            throw Error("rubric criterion " + std::to_string(i + 1) + ": " + e.what());
        }
    }
    return rubric;
}

nlohmann::json to_json(const Criterion& c) {
    nlohmann::json j = nlohmann::json::object();
    j["kind"] = to_string(c.kind);
    if (c.kind != CriterionKind::judge) j["expected"] = c.expected;
    if (c.kind == CriterionKind::json_field) j["path"] = c.path;
    if (c.kind == CriterionKind::numeric) j["tolerance"] = c.tolerance;
    if (c.kind == CriterionKind::judge) j["pass"] = c.pass;
    j["weight"] = c.weight;
    j["critical"] = c.critical;
    return j;
}

nlohmann::json to_json(const Rubric& rubric) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& c : rubric.criteria) j.push_back(to_json(c));
    return j;
}

std::vector<JsonPathStep> parse_json_path(const std::string& path) {
    std::vector<JsonPathStep> steps;
    auto bad = [&](const std::string& why) { return Error("bad json_field path '" + path + "': " + why); };
    std::size_t i = 0;
    bool expect_key = true;
    while (i < path.size()) {
        if (path[i] == '[') {
            std::size_t close = path.find(']', i);
            if (close == std::string::npos || close == i + 1) throw bad("unclosed or empty [ ]");
            std::size_t index = 0;
            for (std::size_t k = i + 1; k < close; ++k) {
                if (path[k] < '0' || path[k] > '9') throw bad("array index must be a number");
                index = index * 10 + static_cast<std::size_t>(path[k] - '0');
            }
            steps.emplace_back(index);
            i = close + 1;
            expect_key = false;
            continue;
        }
        if (path[i] == '.') {
            if (expect_key) throw bad("empty key");
            ++i;
            expect_key = true;
            if (i == path.size()) throw bad("ends with '.'");
            continue;
        }
        if (!expect_key) throw bad("expected '.' or '[' after ']'");
        std::size_t end = path.find_first_of(".[", i);
        if (end == std::string::npos) end = path.size();
        std::string key = path.substr(i, end - i);
        if (key.find(']') != std::string::npos) throw bad("']' without '['");
        steps.emplace_back(std::move(key));
        i = end;
        expect_key = false;
    }
    if (steps.empty()) throw bad("empty path");
    return steps;
}

const nlohmann::json* resolve_json_path(const nlohmann::json& document, const std::vector<JsonPathStep>& path) {
    const nlohmann::json* at = &document;
    for (const auto& step : path) {
        if (const auto* key = std::get_if<std::string>(&step)) {
            if (!at->is_object()) return nullptr;
            auto it = at->find(*key);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else {
            std::size_t index = std::get<std::size_t>(step);
            if (!at->is_array() || index >= at->size()) return nullptr;
            at = &(*at)[index];
        }
    }
    return at;
}

}  // namespace tb
