// Parsing of judge replies (table-driven) and the prompt templates.
#include <gtest/gtest.h>

#include "core/eval/judge_prompts.h"

namespace tb {
namespace {

struct SingleCase {
    const char* reply;
    int expected;  // 1 pass, 0 fail, -1 malformed
};

TEST(JudgePrompts, ParsesSingleVerdictsAndRefusesToGuess) {
    const SingleCase cases[] = {
        {R"({"verdict": "pass", "reason": "ok"})", 1},
        {R"({"verdict": "fail"})", 0},
        {R"(  {"verdict": " PASS "}  )", 1},
        {"```json\n{\"verdict\": \"fail\", \"reason\": \"missing the total\"}\n```", 0},
        {"Here is my grade:\n{\"verdict\": \"pass\", \"reason\": \"uses {braces} and \\\"quotes\\\"\"}\nThanks.", 1},
        {R"({"note": "x"} then {"verdict": "fail"})", 0},
        {"pass", -1},
        {"The answer passes.", -1},
        {R"({"verdict": "maybe"})", -1},
        {R"({"verdict": true})", -1},
        {R"({"score": 1})", -1},
        {R"({"verdict": "pass")", -1},
        {"", -1},
    };
    for (const auto& c : cases) {
        const auto v = parse_single_verdict(c.reply);
        if (c.expected < 0) {
            EXPECT_FALSE(v.has_value()) << c.reply;
        } else {
            ASSERT_TRUE(v.has_value()) << c.reply;
            EXPECT_EQ(v->pass, c.expected == 1) << c.reply;
        }
    }
    EXPECT_EQ(parse_single_verdict(R"({"verdict": "fail", "reason": "wrong sum"})")->reason, "wrong sum");
}

TEST(JudgePrompts, ParsesPairwisePreferences) {
    EXPECT_EQ(parse_pairwise_verdict(R"({"preference": "A"})")->preference, 'A');
    EXPECT_EQ(parse_pairwise_verdict(R"({"preference": "b", "reason": "r"})")->preference, 'B');
    EXPECT_EQ(parse_pairwise_verdict("```json\n{\"preference\": \"Tie\"}\n```")->preference, 'T');
    EXPECT_FALSE(parse_pairwise_verdict(R"({"preference": "both"})").has_value());
    EXPECT_FALSE(parse_pairwise_verdict("A is better").has_value());
    EXPECT_FALSE(parse_pairwise_verdict(R"({"verdict": "pass"})").has_value());
}

TEST(JudgePrompts, PromptsQuoteTheAnswerAndCarryTheRubricAndReference) {
    Message q;
    q.role = "user";
    q.content = "What is 2+2?";
    // An answer holding a template marker must not be substituted again.
    const auto p = single_answer_prompt({q}, "4", "states the correct sum", "It is {reference}.");
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0].role, "system");
    EXPECT_NE(p[1].content.find("What is 2+2?"), std::string::npos);
    EXPECT_NE(p[1].content.find("Reference answer:\n4"), std::string::npos);
    EXPECT_NE(p[1].content.find("states the correct sum"), std::string::npos);
    EXPECT_NE(p[1].content.find("<answer>\nIt is {reference}.\n</answer>"), std::string::npos);

    const auto pair = pairwise_prompt({q}, "", "", "four", "4");
    EXPECT_NE(pair[1].content.find("<answer_a>\nfour\n</answer_a>"), std::string::npos);
    EXPECT_NE(pair[1].content.find("<answer_b>\n4\n</answer_b>"), std::string::npos);
    EXPECT_NE(pair[1].content.find("(none)"), std::string::npos);

    const auto corrected = with_correction(p, "hmm", false);
    ASSERT_EQ(corrected.size(), 4u);
    EXPECT_EQ(corrected[2].role, "assistant");
    EXPECT_EQ(corrected[2].content, "hmm");
    EXPECT_EQ(corrected[3].role, "user");

    EXPECT_EQ(judge_prompt_template_hash().size(), 16u);
    EXPECT_EQ(judge_prompt_template_hash(), judge_prompt_template_hash());
}

TEST(JudgePrompts, MultiTurnQuestionsKeepTheirRoles) {
    Message s, u;
    s.role = "system";
    s.content = "Be brief.";
    u.role = "user";
    u.content = "Hi";
    EXPECT_EQ(render_question({s, u}), "system: Be brief.\nuser: Hi");
    EXPECT_EQ(render_question({u}), "Hi");
}

}  // namespace
}  // namespace tb
