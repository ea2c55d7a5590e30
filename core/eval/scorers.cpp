#include "core/eval/scorers.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <unicode/unistr.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "core/common/error.h"

namespace tb {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim_view(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// A number starting at s[i] (digit, or sign/point directly before a digit). On success
// sets `end` past it and returns its value; thousands separators are accepted only in
// groups of exactly three digits, so "1,2" is two numbers and "3,000" is one.
std::optional<double> number_at(std::string_view s, std::size_t i, std::size_t& end) {
    std::string digits;
    std::size_t j = i;
    if (s[j] == '-' || s[j] == '+') {
        if (s[j] == '-') digits += '-';
        ++j;
    }
    std::size_t int_start = j;
    while (j < s.size() && is_digit(s[j])) digits += s[j++];
    std::size_t int_len = j - int_start;
    if (int_len > 0 && int_len <= 3) {
        while (j + 3 < s.size() + 0 && s[j] == ',' && is_digit(s[j + 1]) && is_digit(s[j + 2]) && is_digit(s[j + 3]) &&
               (j + 4 >= s.size() || !is_digit(s[j + 4]))) {
            digits.append(s.substr(j + 1, 3));
            j += 4;
        }
    }
    if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
        digits += '.';
        ++j;
        while (j < s.size() && is_digit(s[j])) digits += s[j++];
    } else if (int_len == 0) {
        return std::nullopt;
    }
    end = j;
    return std::strtod(digits.c_str(), nullptr);
}

// Every number in `s`, in order.
std::vector<double> numbers_in(std::string_view s) {
    std::vector<double> out;
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        bool starts = is_digit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < s.size() && is_digit(s[i + 1]));
        // A sign glued to a word or number ("a-1", "3-4") is a dash, not a sign.
        if ((c == '-' || c == '+') && i > 0 &&
            (is_digit(s[i - 1]) || std::isalpha(static_cast<unsigned char>(s[i - 1]))))
            starts = false;
        if (starts) {
            std::size_t end = i;
            if (c == '.') {
                // ".5" -> 0.5
                std::string frac = "0";
                end = i + 1;
                while (end < s.size() && is_digit(s[end])) ++end;
                frac.append(s.substr(i, end - i));
                out.push_back(std::strtod(frac.c_str(), nullptr));
                i = end;
                continue;
            }
            if (auto value = number_at(s, i, end)) {
                out.push_back(*value);
                i = end;
                continue;
            }
        }
        ++i;
    }
    return out;
}

struct Pcre2CodeFree {
    void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
struct Pcre2MatchDataFree {
    void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};

void flatten_leaves(const nlohmann::json& value, const std::string& path,
                    std::vector<std::pair<std::string, const nlohmann::json*>>& out) {
    if (value.is_object() && !value.empty()) {
        for (auto it = value.begin(); it != value.end(); ++it)
            flatten_leaves(it.value(), path.empty() ? it.key() : path + "." + it.key(), out);
    } else if (value.is_array() && !value.empty()) {
        for (std::size_t i = 0; i < value.size(); ++i)
            flatten_leaves(value[i], path + "[" + std::to_string(i) + "]", out);
    } else {
        out.emplace_back(path, &value);
    }
}

const nlohmann::json* leaf_at(const nlohmann::json& doc, const std::string& path) {
    if (path.empty()) return &doc;
    return resolve_json_path(doc, parse_json_path(path));
}

}  // namespace

std::string normalize_answer(std::string_view text, const NormalizeOptions& options) {
    std::string s;
    if (options.case_fold) {
        icu::UnicodeString u =
            icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
        u.foldCase();
        u.toUTF8String(s);
    } else {
        s.assign(text);
    }
    if (options.collapse_whitespace) {
        std::string collapsed;
        collapsed.reserve(s.size());
        bool in_space = false;
        for (char c : s) {
            if (is_space(c)) {
                if (!in_space) collapsed += ' ';
                in_space = true;
            } else {
                collapsed += c;
                in_space = false;
            }
        }
        s = std::move(collapsed);
    }
    if (options.trim) s = std::string(trim_view(s));
    if (options.strip_trailing_punctuation) {
        while (!s.empty() && std::string_view(".!?,;:").find(s.back()) != std::string_view::npos) s.pop_back();
        if (options.trim) s = std::string(trim_view(s));
    }
    return s;
}

bool exact_match(std::string_view answer, std::string_view expected, const NormalizeOptions& options) {
    return normalize_answer(answer, options) == normalize_answer(expected, options);
}

bool contains_match(std::string_view answer, std::string_view expected, const NormalizeOptions& options) {
    return normalize_answer(answer, options).find(normalize_answer(expected, options)) != std::string::npos;
}

bool regex_match(std::string_view answer, const std::string& pattern) {
    int error_code = 0;
    PCRE2_SIZE offset = 0;
    std::unique_ptr<pcre2_code, Pcre2CodeFree> code(pcre2_compile(
        reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), PCRE2_UTF, &error_code, &offset, nullptr));
    if (!code) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(error_code, message, sizeof message);
        throw Error("regex '" + pattern + "': " + reinterpret_cast<const char*>(message) + " at offset " +
                    std::to_string(offset));
    }
    std::unique_ptr<pcre2_match_data, Pcre2MatchDataFree> data(
        pcre2_match_data_create_from_pattern(code.get(), nullptr));
    int rc =
        pcre2_match(code.get(), reinterpret_cast<PCRE2_SPTR>(answer.data()), answer.size(), 0, 0, data.get(), nullptr);
    if (rc >= 0) return true;
    if (rc == PCRE2_ERROR_NOMATCH) return false;
    // Invalid UTF-8 in a model answer is a non-match, not a crash of the whole evaluation.
    if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) return false;
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(rc, message, sizeof message);
    throw Error("regex '" + pattern + "': " + reinterpret_cast<const char*>(message));
}

std::optional<double> extract_final_number(std::string_view answer) {
    std::size_t marker = answer.rfind("####");
    if (marker != std::string_view::npos) {
        // GSM8K: the answer is the first number after the last marker.
        auto after = numbers_in(answer.substr(marker + 4));
        if (!after.empty()) return after.front();
    }
    auto all = numbers_in(answer);
    if (all.empty()) return std::nullopt;
    return all.back();
}

bool numeric_match(std::string_view answer, double expected, double tolerance) {
    auto value = extract_final_number(answer);
    return value && std::fabs(*value - expected) <= tolerance;
}

std::optional<nlohmann::json> parse_json_answer(std::string_view answer) {
    std::string_view body = trim_view(answer);
    // Chat models often wrap JSON in a fenced block; the fence is presentation, not content.
    if (body.starts_with("```")) {
        std::size_t first_newline = body.find('\n');
        std::size_t closing = body.rfind("```");
        if (first_newline != std::string_view::npos && closing > first_newline)
            body = trim_view(body.substr(first_newline + 1, closing - first_newline - 1));
    }
    nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) return std::nullopt;
    return parsed;
}

bool is_valid_json(std::string_view answer) { return parse_json_answer(answer).has_value(); }

bool json_values_equal(const nlohmann::json& a, const nlohmann::json& b) {
    if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
    if (a.is_object() && b.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            auto other = b.find(it.key());
            if (other == b.end() || !json_values_equal(it.value(), *other)) return false;
        }
        return true;
    }
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!json_values_equal(a[i], b[i])) return false;
        return true;
    }
    return a == b;
}

double structured_match(const nlohmann::json& expected, const nlohmann::json& actual) {
    std::vector<std::pair<std::string, const nlohmann::json*>> leaves;
    flatten_leaves(expected, "", leaves);
    std::size_t equal = 0;
    for (const auto& [path, value] : leaves) {
        const nlohmann::json* found = nullptr;
        try {
            found = leaf_at(actual, path);
        } catch (const Error&) {
            found = nullptr;  // a key that does not parse as a path (contains '.' or '[') is compared as absent
        }
        if (found && json_values_equal(*value, *found)) ++equal;
    }
    return static_cast<double>(equal) / static_cast<double>(leaves.size());
}

bool json_field_match(std::string_view answer, const std::string& path, const nlohmann::json& expected,
                      std::string* detail) {
    auto set = [&](std::string why) {
        if (detail) *detail = std::move(why);
        return false;
    };
    auto parsed = parse_json_answer(answer);
    if (!parsed) return set("answer is not valid JSON");
    const nlohmann::json* value = resolve_json_path(*parsed, parse_json_path(path));
    if (!value) return set("no field '" + path + "'");
    if (!json_values_equal(*value, expected))
        return set("'" + path + "' is " + value->dump() + ", expected " + expected.dump());
    return true;
}

std::string criterion_name(const Criterion& criterion, std::size_t index) {
    std::string name = std::to_string(index) + ":" + to_string(criterion.kind);
    if (criterion.kind == CriterionKind::json_field) name += ":" + criterion.path;
    return name;
}

CriterionScore score_criterion(const Criterion& c, std::string_view answer, std::size_t index,
                               const ScoreOptions& options) {
    CriterionScore out;
    out.name = criterion_name(c, index);
    out.kind = c.kind;
    out.weight = c.weight;
    out.critical = c.critical;
    bool ok = false;
    switch (c.kind) {
        case CriterionKind::exact: {
            const auto expected = c.expected.get<std::string>();
            ok = exact_match(answer, expected, options.normalize);
            if (!ok) out.detail = "not equal to \"" + expected + "\"";
            break;
        }
        case CriterionKind::contains: {
            const auto expected = c.expected.get<std::string>();
            ok = contains_match(answer, expected, options.normalize);
            if (!ok) out.detail = "does not contain \"" + expected + "\"";
            break;
        }
        case CriterionKind::regex: {
            const auto pattern = c.expected.get<std::string>();
            ok = regex_match(answer, pattern);
            if (!ok) out.detail = "does not match /" + pattern + "/";
            break;
        }
        case CriterionKind::numeric: {
            const double expected = c.expected.get<double>();
            auto value = extract_final_number(answer);
            ok = value && std::fabs(*value - expected) <= c.tolerance;
            if (!value)
                out.detail = "no number in the answer";
            else if (!ok)
                out.detail = "final number " + nlohmann::json(*value).dump() + ", expected " + c.expected.dump();
            break;
        }
        case CriterionKind::json_field:
            ok = json_field_match(answer, c.path, c.expected, &out.detail);
            break;
        case CriterionKind::judge:
            out.detail = "needs judge: " + c.pass;
            return out;  // score stays empty
    }
    out.score = ok ? 1.0 : 0.0;
    return out;
}

ItemScore combine_scores(std::vector<CriterionScore> criteria, const ScoreOptions& options) {
    ItemScore item;
    double weighted = 0.0, weights = 0.0;
    for (const auto& c : criteria) {
        if (c.needs_judge()) {
            item.needs_judge = true;
            continue;
        }
        weighted += c.weight * *c.score;
        weights += c.weight;
        if (c.critical && !c.passed()) item.critical_failed = true;
    }
    item.score = weights > 0.0 ? weighted / weights : 0.0;
    item.passed = weights > 0.0 && !item.critical_failed && item.score >= options.pass_threshold - 1e-12;
    item.criteria = std::move(criteria);
    return item;
}

ItemScore score_item(const Rubric& rubric, std::string_view answer, const ScoreOptions& options) {
    std::vector<CriterionScore> scores;
    scores.reserve(rubric.criteria.size());
    for (std::size_t i = 0; i < rubric.criteria.size(); ++i)
        scores.push_back(score_criterion(rubric.criteria[i], answer, i + 1, options));
    return combine_scores(std::move(scores), options);
}

}  // namespace tb
