#include "core/eval/scorers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <string>

#include "core/common/error.h"

namespace tb {
namespace {

struct NormalizeCase {
    std::string input;
    NormalizeOptions options;
    std::string expected;
};

TEST(Normalize, Table) {
    NormalizeOptions none{false, false, false, false};
    NormalizeOptions fold{true, true, true, false};
    NormalizeOptions punct{true, true, false, true};
    const NormalizeCase cases[] = {
        {"  Paris  ", {}, "Paris"},
        {"  Paris  ", none, "  Paris  "},
        {"New \t\n York", {}, "New York"},
        {"PARIS", fold, "paris"},
        {"ÉCOLE Straße", fold, "école strasse"},  // full Unicode case folding
        {"Paris.", punct, "Paris"},
        {"Paris ?!", punct, "Paris"},
        {"3.5", punct, "3.5"},
        {"", {}, ""},
    };
    for (const auto& c : cases) EXPECT_EQ(normalize_answer(c.input, c.options), c.expected) << c.input;
}

TEST(ExactAndContains, Table) {
    NormalizeOptions fold{true, true, true, true};
    struct Case {
        std::string answer, expected;
        NormalizeOptions options;
        bool exact, contains;
    };
    const Case cases[] = {
        {"Paris", "Paris", {}, true, true},
        {" Paris\n", "Paris", {}, true, true},
        {"paris", "Paris", {}, false, false},
        {"paris.", "Paris", fold, true, true},
        {"The capital is Paris.", "Paris", {}, false, true},
        {"The capital is  PARIS!", "is paris", fold, false, true},
        {"Lyon", "Paris", {}, false, false},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(exact_match(c.answer, c.expected, c.options), c.exact) << c.answer;
        EXPECT_EQ(contains_match(c.answer, c.expected, c.options), c.contains) << c.answer;
    }
}

TEST(Regex, Table) {
    struct Case {
        std::string answer, pattern;
        bool match;
    };
    const Case cases[] = {
        {"{\"a\": 1}", R"(^\s*\{.*\}\s*$)", true},
        {"Sure! {\"a\": 1}", R"(^\s*\{.*\}\s*$)", false},
        {"order 12345 shipped", R"(\b\d{5}\b)", true},
        {"Größe", R"(^\w+$)", false},  // \w is ASCII without UCP
        {"Größe", R"((*UCP)^\w+$)", true},
        {"Größe", R"(^Gr.ße$)", true},  // . is one code point in UTF mode
        {"abc", "B", false},
        {"abc", "(?i)B", true},
    };
    for (const auto& c : cases) EXPECT_EQ(regex_match(c.answer, c.pattern), c.match) << c.pattern << " on " << c.answer;
    EXPECT_THROW(regex_match("x", "(unclosed"), Error);
    EXPECT_FALSE(regex_match(std::string("\xff\xfe"), "x"));  // invalid UTF-8: no match, no throw
}

TEST(FinalNumber, Table) {
    struct Case {
        std::string answer;
        std::optional<double> expected;
    };
    const Case cases[] = {
        {"42", 42},
        {"The answer is 42.", 42},
        {"She has 3 apples and buys 5 more, so 8", 8},
        {"Step 1: 2+3=5\n#### 5", 5},
        {"#### 1,234", 1234},
        {"We get 18 then 20.\n#### 72 dollars\nthanks 3", 72},
        {"Total: $1,234,567.89", 1234567.89},
        {"It costs -3.5 degrees", -3.5},
        {"pages 3-4", 4},
        {"value .5", 0.5},
        {"1,2", 2},         // not a thousands group: two numbers
        {"12,3456", 3456},  // ditto
        {"no numbers here", std::nullopt},
        {"#### none, but 7 before", 7},
        {"", std::nullopt},
    };
    for (const auto& c : cases) {
        auto got = extract_final_number(c.answer);
        ASSERT_EQ(got.has_value(), c.expected.has_value()) << c.answer;
        if (got) {
            EXPECT_DOUBLE_EQ(*got, *c.expected) << c.answer;
        }
    }
}

TEST(Numeric, Tolerance) {
    EXPECT_TRUE(numeric_match("#### 72", 72));
    EXPECT_TRUE(numeric_match("about 3.14", 3.14159, 0.01));
    EXPECT_FALSE(numeric_match("about 3.2", 3.14159, 0.01));
    EXPECT_FALSE(numeric_match("nothing", 0));
}

TEST(Json, ValidityAndFences) {
    EXPECT_TRUE(is_valid_json("{\"a\": 1}"));
    EXPECT_TRUE(is_valid_json("  [1, 2]\n"));
    EXPECT_TRUE(is_valid_json("```json\n{\"a\": 1}\n```"));
    EXPECT_TRUE(is_valid_json("```\n{\"a\": 1}\n```"));
    EXPECT_FALSE(is_valid_json("{\"a\": 1"));
    EXPECT_FALSE(is_valid_json("Here: {\"a\": 1}"));
    EXPECT_FALSE(is_valid_json(""));
}

TEST(Json, StructuredMatchPartialCredit) {
    using nlohmann::json;
    struct Case {
        json expected, actual;
        double score;
    };
    const Case cases[] = {
        {json{{"a", 1}, {"b", "x"}}, json{{"a", 1}, {"b", "x"}}, 1.0},
        {json{{"a", 1}, {"b", "x"}}, json{{"a", 1.0}, {"b", "y"}}, 0.5},
        {json{{"a", 1}, {"b", "x"}}, json{{"a", 1}, {"b", "x"}, {"extra", true}}, 1.0},
        {json{{"a", {{"b", 1}, {"c", 2}}}, {"d", json::array({1, 2})}},
         json{{"a", {{"b", 1}, {"c", 3}}}, {"d", json::array({1, 5})}}, 0.5},
        {json{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}}, json::array(), 0.0},
        {json{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}}, json{{"d", 4}}, 0.25},
        {json("x"), json("x"), 1.0},
        {json::object(), json::object(), 1.0},
        {json::object(), json{{"a", 1}}, 0.0},
    };
    for (const auto& c : cases) EXPECT_DOUBLE_EQ(structured_match(c.expected, c.actual), c.score) << c.actual.dump();
}

TEST(Json, FieldByPath) {
    const std::string answer = R"({"a": {"b": [10, {"c": "x"}]}, "n": 2.0})";
    std::string detail;
    EXPECT_TRUE(json_field_match(answer, "a.b[0]", 10));
    EXPECT_TRUE(json_field_match(answer, "a.b[1].c", "x"));
    EXPECT_TRUE(json_field_match(answer, "n", 2));
    EXPECT_FALSE(json_field_match(answer, "a.b[2]", 10, &detail));
    EXPECT_EQ(detail, "no field 'a.b[2]'");
    EXPECT_FALSE(json_field_match(answer, "a.b[0]", "10", &detail));
    EXPECT_NE(detail.find("expected \"10\""), std::string::npos);
    EXPECT_FALSE(json_field_match("not json", "a", 1, &detail));
    EXPECT_EQ(detail, "answer is not valid JSON");
}

Rubric rubric(const char* json_text) { return parse_rubric(nlohmann::json::parse(json_text)); }

TEST(ScoreItem, WeightsCriticalThresholdAndJudge) {
    const Rubric r = rubric(R"([
        {"kind": "contains", "expected": "Paris", "weight": 3, "critical": true},
        {"kind": "regex", "expected": "\\.$", "weight": 1},
        {"kind": "judge", "pass": "polite"}])");
    auto full = score_item(r, "It is Paris.");
    EXPECT_DOUBLE_EQ(full.score, 1.0);
    EXPECT_TRUE(full.passed);
    EXPECT_TRUE(full.needs_judge);
    ASSERT_EQ(full.criteria.size(), 3u);
    EXPECT_EQ(full.criteria[0].name, "1:contains");
    EXPECT_TRUE(full.criteria[2].needs_judge());
    EXPECT_NE(full.criteria[2].detail.find("polite"), std::string::npos);

    auto partial = score_item(r, "It is Paris");
    EXPECT_DOUBLE_EQ(partial.score, 0.75);
    EXPECT_FALSE(partial.passed);  // default threshold 1.0
    ScoreOptions lenient;
    lenient.pass_threshold = 0.75;
    EXPECT_TRUE(score_item(r, "It is Paris", lenient).passed);

    auto critical = score_item(r, "It is Lyon.", lenient);
    EXPECT_DOUBLE_EQ(critical.score, 0.25);
    EXPECT_TRUE(critical.critical_failed);
    EXPECT_FALSE(critical.passed);

    ScoreOptions zero;
    zero.pass_threshold = 0.0;
    EXPECT_FALSE(score_item(r, "It is Lyon.", zero).passed);  // critical failure wins over any threshold
}

TEST(ScoreItem, OnlyJudgeCriteriaIsNotAPass) {
    auto item = score_item(rubric(R"([{"kind": "judge", "pass": "helpful"}])"), "anything");
    EXPECT_TRUE(item.needs_judge);
    EXPECT_FALSE(item.passed);
    EXPECT_DOUBLE_EQ(item.score, 0.0);
}

TEST(ScoreItem, NumericAndExactKinds) {
    const Rubric r = rubric(R"([
        {"kind": "numeric", "expected": 1234, "tolerance": 0.5},
        {"kind": "exact", "expected": "#### 1,234"},
        {"kind": "json_field", "path": "x", "expected": 1}])");
    auto item = score_item(r, "#### 1,234");
    EXPECT_EQ(item.criteria[0].score, 1.0);
    EXPECT_EQ(item.criteria[1].score, 1.0);
    EXPECT_EQ(item.criteria[2].score, 0.0);
    EXPECT_EQ(item.criteria[2].name, "3:json_field:x");
    EXPECT_NEAR(item.score, 2.0 / 3.0, 1e-12);
}

// The shipped example: every golden item must pass on its own reference answer, and an
// answer that breaks the critical field must fail the item.
TEST(ScoreItem, SupportTicketGoldenSetScoresItsReferences) {
    std::ifstream in(std::string(TUNEBENCH_SOURCE_DIR) + "/examples/support-tickets/golden.jsonl");
    ASSERT_TRUE(in) << "missing examples/support-tickets/golden.jsonl";
    std::string line;
    std::size_t items = 0;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        const Rubric r = parse_rubric(j.at("rubric"));
        const std::string reference = j.at("reference").get<std::string>();
        auto item = score_item(r, reference);
        EXPECT_DOUBLE_EQ(item.score, 1.0) << "item " << items << ": " << reference;
        EXPECT_TRUE(item.passed) << "item " << items;

        // Corrupt every critical json_field: the item must fail on that criterion.
        auto answer = nlohmann::json::parse(reference);
        bool corrupted = false;
        for (const auto& c : r.criteria) {
            if (c.kind == CriterionKind::json_field && c.critical) {
                answer[c.path] = "definitely-wrong";
                corrupted = true;
            }
        }
        if (corrupted) {
            auto bad = score_item(r, answer.dump());
            EXPECT_TRUE(bad.critical_failed) << "item " << items;
            EXPECT_FALSE(bad.passed) << "item " << items;
        }
        // Prose around the JSON breaks the critical format criterion.
        auto prose = score_item(r, "Sure! " + reference);
        EXPECT_FALSE(prose.passed) << "item " << items;
        ++items;
    }
    EXPECT_EQ(items, 120u);
}

}  // namespace
}  // namespace tb
