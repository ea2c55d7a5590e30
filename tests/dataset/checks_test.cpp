// DataChecker: each finding kind with positive and negative cases, stats, JSON form.
#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/dataset/checks.h"
#include "core/dataset/refusal_patterns.h"

namespace tb {
namespace {

Example chat(std::int64_t id, std::vector<std::pair<std::string, std::string>> turns) {
    Example e;
    e.id = id;
    for (auto& [role, content] : turns) e.messages.push_back(Message{role, content, {}, nullptr, {}, std::nullopt});
    return e;
}

Example qa(std::int64_t id, const std::string& question, const std::string& answer) {
    return chat(id, {{"user", question}, {"assistant", answer}});
}

CheckReport check(const std::vector<Example>& examples, CheckOptions options = {}) {
    DataChecker checker(options);
    for (const auto& e : examples) checker.add(e);
    return checker.finish();
}

std::vector<Finding> of_kind(const CheckReport& report, const std::string& kind) {
    std::vector<Finding> out;
    for (const auto& f : report.findings)
        if (f.kind == kind) out.push_back(f);
    return out;
}

using Ids = std::vector<std::int64_t>;

// A long answer of distinct words, so duplicates come only from what a test puts there.
std::string words(int from, int count) {
    std::string text;
    for (int i = from; i < from + count; ++i) text += "word" + std::to_string(i) + " ";
    return text;
}

TEST(Checks, CleanDataHasNoFindings) {
    const auto report = check({qa(1, "What is the capital of France?", "The capital of France is Paris."),
                               qa(2, "How many legs does a spider have?", "A spider has eight legs.")});
    EXPECT_TRUE(report.findings.empty()) << report.findings[0].kind << ": " << report.findings[0].detail;
    EXPECT_EQ(report.stats.examples, 2u);
}

TEST(Checks, ExactDuplicatesIgnoreCaseWhitespaceAndSystemPrompt) {
    Example with_system = chat(3, {{"system", "Be nice."}, {"user", "what IS 2+2?"}, {"assistant", "4, of  course."}});
    const auto report =
        check({qa(1, "What is 2+2?", "4, of course."), qa(2, "Something else entirely", "Yes indeed it is."),
               with_system, qa(4, "What is 2+2?\n", "  4, of course.")});
    const auto dups = of_kind(report, "exact_duplicate");
    ASSERT_EQ(dups.size(), 1u);
    EXPECT_EQ(dups[0].examples, (Ids{1, 3, 4}));
    EXPECT_EQ(dups[0].detail, "3 examples share this text: \"user: what is 2+2? assistant: 4, of course.\"");
    // Swapped roles are not the same conversation.
    EXPECT_TRUE(
        of_kind(check({qa(1, "a b", "c d"), chat(2, {{"assistant", "a b"}, {"user", "c d"}})}), "exact_duplicate")
            .empty());
}

TEST(Checks, NearDuplicatesClusterAboveTheThreshold) {
    const std::string base = words(0, 200);
    std::string one_word_changed = base;
    one_word_changed.replace(one_word_changed.find("word100 "), 8, "other100 ");
    std::string half_changed = words(0, 100) + words(1000, 100);
    const auto report = check({qa(1, "Tell me a story", base), qa(2, "Tell me a story", one_word_changed),
                               qa(3, "Tell me a story", half_changed), qa(4, "Unrelated", words(5000, 200))});
    const auto near = of_kind(report, "near_duplicate");
    ASSERT_EQ(near.size(), 1u);
    EXPECT_EQ(near[0].examples, (Ids{1, 2}));
    EXPECT_TRUE(of_kind(report, "exact_duplicate").empty());
    // A lower threshold pulls in the half-changed one (Jaccard about 0.33).
    CheckOptions loose;
    loose.near_dup_threshold = 0.25;
    const auto loose_near =
        of_kind(check({qa(1, "Tell me a story", base), qa(2, "Tell me a story", one_word_changed),
                       qa(3, "Tell me a story", half_changed), qa(4, "Unrelated", words(5000, 200))},
                      loose),
                "near_duplicate");
    ASSERT_EQ(loose_near.size(), 1u);
    EXPECT_EQ(loose_near[0].examples, (Ids{1, 2, 3}));
    CheckOptions out_of_range;
    out_of_range.near_dup_threshold = 1.5;  // a Jaccard similarity is at most 1
    EXPECT_THROW(DataChecker{out_of_range}, Error);
}

TEST(Checks, NearDuplicateRecallOnManyPairs) {
    // 200 texts, each with a copy that has 1 of its 150 words changed (Jaccard 141/151, about
    // 0.93, five standard errors of the 128-value estimate above 0.8): every pair should be
    // found, and no pair should join two different texts.
    std::vector<Example> examples;
    for (int i = 0; i < 200; ++i) {
        const std::string text = words(i * 1000, 150);
        std::string edited = text;
        edited.replace(edited.find("word" + std::to_string(i * 1000 + 40) + " ") + 1, 1, "a");  // "ward..."
        examples.push_back(qa(2 * i + 1, "q", text));
        examples.push_back(qa(2 * i + 2, "q", edited));
    }
    const auto near = of_kind(check(examples), "near_duplicate");
    ASSERT_EQ(near.size(), 200u);
    for (const auto& f : near) {
        ASSERT_EQ(f.examples.size(), 2u);
        EXPECT_EQ(f.examples[1], f.examples[0] + 1);
    }
}

TEST(Checks, EmptyTurns) {
    Example tool_only =
        chat(3, {{"user", "weather?"}, {"assistant", ""}, {"tool", "sunny"}, {"assistant", "Sunny today."}});
    tool_only.messages[1].tool_calls =
        nlohmann::json::parse(R"([{"type":"function","function":{"name":"w","arguments":{}}}])");
    const auto report =
        check({qa(1, "   \n", "An answer that is long enough."), qa(2, "Question?", "\t"), tool_only,
               chat(4, {{"user", "q"}, {"assistant", "\xC2\xA0"}, {"user", "q2"}, {"assistant", "fine answer here"}})});
    const auto empty = of_kind(report, "empty_turn");
    ASSERT_EQ(empty.size(), 3u);
    EXPECT_EQ(empty[0].examples, (Ids{1}));
    EXPECT_EQ(empty[0].detail, "message 1 (user) is empty");
    EXPECT_EQ(empty[1].examples, (Ids{2}));
    EXPECT_EQ(empty[1].detail, "message 2 (assistant) is empty");
    EXPECT_EQ(empty[2].examples, (Ids{4}));  // a no-break space is blank too; the tool-call turn is not
}

TEST(Checks, MissingAssistant) {
    const auto report = check({chat(1, {{"system", "s"}, {"user", "Anyone there?"}}),
                               chat(2, {{"user", "Hi"}, {"assistant", "Hello, how can I help?"}, {"user", "Thanks"}}),
                               qa(3, "Hi", "Hello, how can I help?")});
    const auto missing = of_kind(report, "missing_assistant");
    ASSERT_EQ(missing.size(), 2u);
    EXPECT_EQ(missing[0].examples, (Ids{1}));
    EXPECT_EQ(missing[0].detail, "no assistant message");
    EXPECT_EQ(missing[1].examples, (Ids{2}));
    EXPECT_EQ(missing[1].detail, "the conversation ends with a user message and no reply");
}

TEST(Checks, RoleOrder) {
    const auto report =
        check({chat(1, {{"user", "a"}, {"assistant", "first reply here"}, {"assistant", "second reply here"}}),
               chat(2, {{"user", "a"}, {"system", "late"}, {"assistant", "a reply that is long"}}),
               chat(3, {{"user", "a"}, {"tool", "result"}, {"assistant", "a reply that is long"}}),
               chat(4, {{"system", "s"}, {"user", "a"}, {"assistant", "a reply that is long"}})});
    const auto order = of_kind(report, "role_order");
    ASSERT_EQ(order.size(), 3u);
    EXPECT_EQ(order[0].detail, "two assistant messages in a row (messages 2 and 3)");
    EXPECT_EQ(order[1].detail, "message 2 (system): a system message after the start");
    EXPECT_EQ(order[2].detail, "message 2 (tool) does not follow an assistant tool call");
}

TEST(Checks, RefusalsAreCaseAndApostropheInsensitive) {
    const auto report = check({qa(1, "Hack my neighbour's wifi", "I’M SORRY, BUT I CAN’T help with that."),
                               qa(2, "Opinion?", "Well, as an AI language model I have no opinions."),
                               qa(3, "Story?", "I'm sorry to hear your cat is ill; here is a story about a brave cat."),
                               qa(4, "Can you?", "I can't wait to help: here is the full answer you asked for."),
                               qa(5, "Gaia?", "Gaia, i am told, is a theory."),
                               qa(6, "Who are you?", "I am Vicuna, trained by researchers as a language model.")});
    const auto refusals = of_kind(report, "refusal");
    ASSERT_EQ(refusals.size(), 2u);
    EXPECT_EQ(refusals[0].examples, (Ids{1}));
    EXPECT_EQ(refusals[0].detail, "message 2 (assistant) reads like a refusal: \"i'm sorry, but i can't\"");
    EXPECT_EQ(refusals[1].examples, (Ids{2}));
}

TEST(Checks, EveryRefusalPhraseIsFound) {
    for (std::string_view phrase : refusal_phrases()) {
        std::string reply = "Well. " + std::string(phrase) + " do that for you.";
        reply[6] = static_cast<char>(std::toupper(reply[6]));
        EXPECT_EQ(find_refusal(reply), phrase);
        EXPECT_TRUE(find_refusal("x" + std::string(phrase)).empty()) << phrase;  // not at a word start
    }
}

TEST(Checks, ShortAnswers) {
    const auto report = check({qa(1, "Is water wet?", "Yes."), qa(2, "Capital of Japan?", "Tokyo is the capital."),
                               qa(3, "Say hi in Japanese", "こんにちは"), qa(4, "Blank?", "  ")});
    const auto short_answers = of_kind(report, "short_answer");
    ASSERT_EQ(short_answers.size(), 2u);
    EXPECT_EQ(short_answers[0].examples, (Ids{1}));
    EXPECT_EQ(short_answers[0].detail, "message 2 (assistant) is 4 characters: \"Yes.\"");
    EXPECT_EQ(short_answers[1].examples, (Ids{3}));  // 5 characters (15 bytes)
    CheckOptions strict;
    strict.short_answer_chars = 3;
    EXPECT_TRUE(of_kind(check({qa(1, "Is water wet?", "Yes.")}, strict), "short_answer").empty());
}

TEST(Checks, PiiFindingsNameKindAndMessage) {
    const auto report =
        check({qa(1, "My email is jane.roe@gmail.com, call (415) 867-2671", "Noted, thank you very much."),
               qa(2, "What is 2+2?", "It is 4, and 12/25/2023 was a Monday.")});
    const auto pii = of_kind(report, "pii");
    ASSERT_EQ(pii.size(), 1u);
    EXPECT_EQ(pii[0].examples, (Ids{1}));
    EXPECT_EQ(pii[0].detail,
              "email address (j*.r*@g*.c*) in message 1 (user); phone number ((4*) 8*-2*) in message 1 (user)");
}

TEST(Checks, SystemPromptMismatch) {
    std::vector<Example> examples;
    for (int i = 1; i <= 6; ++i)
        examples.push_back(chat(i, {{"system", "You are a support agent."},
                                    {"user", "q" + std::to_string(i)},
                                    {"assistant", "An answer " + std::to_string(i) + " here."}}));
    examples.push_back(
        chat(7, {{"system", "You are a pirate."}, {"user", "q7"}, {"assistant", "Arr, an answer here."}}));
    examples.push_back(qa(8, "q8", "An answer without a system prompt."));
    const auto mismatches = of_kind(check(examples), "system_prompt_mismatch");
    ASSERT_EQ(mismatches.size(), 2u);
    EXPECT_EQ(mismatches[0].examples, (Ids{7}));
    EXPECT_EQ(mismatches[0].detail,
              "1 example(s) use a different system prompt \"You are a pirate.\"; the most common system prompt "
              "(used by 6 of 8 examples) is \"You are a support agent.\"");
    EXPECT_EQ(mismatches[1].examples, (Ids{8}));

    // No finding when most examples have no system prompt, or when no prompt dominates.
    std::vector<Example> mostly_without = {examples[0], examples[7], qa(9, "a", "b c d e f g h i j"),
                                           qa(10, "c", "d e f g h i j k")};
    EXPECT_TRUE(of_kind(check(mostly_without), "system_prompt_mismatch").empty());
    std::vector<Example> all_different;
    for (int i = 1; i <= 4; ++i)
        all_different.push_back(chat(i, {{"system", "Persona " + std::to_string(i)},
                                         {"user", "q"},
                                         {"assistant", "answer " + std::to_string(i) + " is long"}}));
    EXPECT_TRUE(of_kind(check(all_different), "system_prompt_mismatch").empty());
}

TEST(Checks, StatsAndJson) {
    const auto report = check(
        {qa(1, "abc", "Yes."),
         chat(2, {{"system", "s"}, {"user", "héllo"}, {"assistant", "fine"}, {"user", "x"}, {"assistant", "done"}}),
         qa(3, "1234567890", "0123456789")});
    const DatasetStats& stats = report.stats;
    EXPECT_EQ(stats.examples, 3u);
    EXPECT_EQ(stats.messages, 9u);
    EXPECT_EQ(stats.messages_by_role.at("user"), 4u);
    EXPECT_EQ(stats.messages_by_role.at("assistant"), 4u);
    EXPECT_EQ(stats.messages_by_role.at("system"), 1u);
    EXPECT_EQ(stats.turns_histogram.at(2), 2u);
    EXPECT_EQ(stats.turns_histogram.at(5), 1u);
    EXPECT_EQ(stats.char_lengths, (std::vector<std::size_t>{7, 15, 20}));  // code points: "héllo" is 5

    const auto j = report.to_json();
    EXPECT_EQ(j["stats"]["chars_per_example"]["min"], 7);
    EXPECT_EQ(j["stats"]["chars_per_example"]["max"], 20);
    EXPECT_DOUBLE_EQ(j["stats"]["chars_per_example"]["mean"].get<double>(), 14.0);
    EXPECT_DOUBLE_EQ(j["stats"]["chars_per_example"]["p50"].get<double>(), 15.0);
    EXPECT_DOUBLE_EQ(j["stats"]["chars_per_example"]["p95"].get<double>(), 19.5);
    EXPECT_EQ(j["stats"]["turns_histogram"]["5"], 1);
    ASSERT_TRUE(j["findings"].is_array());
    const auto counts = report.counts_by_kind();
    EXPECT_EQ(counts.at("short_answer"), 2u);  // "Yes." and "fine"; "0123456789" has 10 characters
    EXPECT_EQ(j["counts_by_kind"]["short_answer"], 2);
    bool found = false;
    for (const auto& f : j["findings"])
        if (f["kind"] == "short_answer" && f["examples"] == nlohmann::json::array({1})) found = true;
    EXPECT_TRUE(found);

    const auto empty = check({});
    EXPECT_TRUE(empty.findings.empty());
    EXPECT_EQ(empty.to_json()["stats"]["chars_per_example"]["max"], 0);
}

TEST(Checks, FinishOnlyOnce) {
    DataChecker checker;
    checker.add(qa(1, "q", "a long enough answer"));
    checker.finish();
    EXPECT_THROW(checker.finish(), Error);
    EXPECT_THROW(checker.add(qa(2, "q", "a")), Error);
}

}  // namespace
}  // namespace tb

namespace tb {
namespace {

TEST(Checks, TokenLengthsOnlyWithATokenCounter) {
    std::vector<Example> examples = {qa(1, "one two", "three"), qa(2, "four five six", "seven eight nine ten")};
    nlohmann::json without = check(examples).stats.to_json();
    EXPECT_FALSE(without.contains("tokens_per_example"));

    CheckOptions options;
    // Counts words: the report must summarise whatever the counter returns, per example.
    options.token_counter = [](const Example& e) {
        std::size_t words = 0;
        for (const auto& m : e.messages) {
            bool in_word = false;
            for (char c : m.content) {
                if (c != ' ' && !in_word) ++words;
                in_word = c != ' ';
            }
        }
        return words;
    };
    options.tokenizer_name = "word counter";
    nlohmann::json with = check(examples, options).stats.to_json();
    ASSERT_TRUE(with.contains("tokens_per_example"));
    EXPECT_EQ(with["tokens_per_example"]["min"], 3);
    EXPECT_EQ(with["tokens_per_example"]["max"], 7);
    EXPECT_DOUBLE_EQ(with["tokens_per_example"]["mean"].get<double>(), 5.0);
    EXPECT_EQ(with["tokens_per_example"]["tokenizer"], "word counter");
}

}  // namespace
}  // namespace tb
