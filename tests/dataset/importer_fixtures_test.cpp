// The real public datasets in shared/fixtures/datasets import with the right counts and fields.
#include "dataset_test_util.h"

namespace tb {
namespace {

using testing::import_file;
using testing::shared_dataset;

TEST(ImporterFixtures, AlpacaDemo) {
    const auto path = shared_dataset("alpaca_en_demo.json");
    TB_REQUIRE_SHARED(path);
    const auto result = import_file(path);
    EXPECT_EQ(result.summary.detected, DatasetFormat::Alpaca);
    EXPECT_EQ(result.summary.records, 999u);
    EXPECT_EQ(result.summary.accepted, 999u);
    EXPECT_TRUE(result.rejected.empty()) << result.messages().front();
    ASSERT_EQ(result.examples.size(), 999u);
    const Example& first = result.examples.front();
    ASSERT_EQ(first.messages.size(), 2u);
    EXPECT_EQ(first.messages[0].role, "user");
    EXPECT_EQ(first.messages[0].content, "Describe a process of making crepes.");
    EXPECT_EQ(first.messages[1].role, "assistant");
    EXPECT_EQ(first.messages[1].content.rfind("Making crepes is an easy and delicious process!", 0), 0u);
    EXPECT_EQ(first.source_line, 2u);
    EXPECT_EQ(first.source_file, path);
    // The first record with an input: it follows the instruction after a blank line.
    EXPECT_EQ(result.examples[5].messages[0].content,
              "Given the parameters of a triangle, find out its perimeter.\n\nSide 1 = 4\nSide 2 = 6\nSide 3 = 8");
}

TEST(ImporterFixtures, IdentityWithLineNumbers) {
    const auto path = shared_dataset("identity.json");
    TB_REQUIRE_SHARED(path);
    const auto result = import_file(path);
    EXPECT_EQ(result.summary.detected, DatasetFormat::Alpaca);
    ASSERT_EQ(result.examples.size(), 91u);
    EXPECT_TRUE(result.rejected.empty());
    // Each record spans 5 lines after the opening bracket: "{", three fields, "},".
    EXPECT_EQ(result.examples[0].source_line, 2u);
    EXPECT_EQ(result.examples[1].source_line, 7u);
    EXPECT_EQ(result.examples[1].messages[0].content, "hello");
    EXPECT_EQ(result.examples[2].messages[0].content, "Who are you?");
}

TEST(ImporterFixtures, ShareGptDummyConversation) {
    const auto path = shared_dataset("sharegpt_dummy_conversation.json");
    TB_REQUIRE_SHARED(path);
    const auto result = import_file(path);
    EXPECT_EQ(result.summary.detected, DatasetFormat::ShareGPT);
    ASSERT_EQ(result.examples.size(), 500u);
    EXPECT_TRUE(result.rejected.empty());
    const Example& first = result.examples.front();
    ASSERT_EQ(first.messages.size(), 4u);
    EXPECT_EQ(first.messages[0].role, "user");
    EXPECT_EQ(first.messages[0].content, "Who are you?");
    EXPECT_EQ(first.messages[3].role, "assistant");
    EXPECT_EQ(first.messages[3].content, "You too!");
    EXPECT_TRUE(first.tools.is_null());
}

TEST(ImporterFixtures, GlaiveToolCallsKeepTheirTools) {
    const auto path = shared_dataset("glaive_toolcall_en_demo.json");
    TB_REQUIRE_SHARED(path);
    const auto result = import_file(path);
    EXPECT_EQ(result.summary.detected, DatasetFormat::ShareGPT);
    ASSERT_EQ(result.examples.size(), 300u);
    EXPECT_TRUE(result.rejected.empty());
    std::size_t with_tools = 0, tool_messages = 0, calls = 0;
    for (const auto& example : result.examples) {
        with_tools += example.tools.is_array() && !example.tools.empty();
        for (const auto& m : example.messages) {
            tool_messages += m.role == "tool";
            calls += m.tool_calls.is_array();
        }
    }
    EXPECT_EQ(with_tools, 191u);     // the other 109 records say "tools": "[]"
    EXPECT_EQ(tool_messages, 211u);  // one per "observation"
    EXPECT_EQ(calls, 211u);          // one per "function_call"

    const Example& first = result.examples.front();
    EXPECT_EQ(first.tools[0]["name"], "search_recipes");
    ASSERT_EQ(first.messages.size(), 8u);
    const Message& call = first.messages[3];
    EXPECT_EQ(call.role, "assistant");
    EXPECT_EQ(call.content, "");
    ASSERT_EQ(call.tool_calls.size(), 1u);
    EXPECT_EQ(call.tool_calls[0]["type"], "function");
    EXPECT_EQ(call.tool_calls[0]["function"]["name"], "search_recipes");
    EXPECT_EQ(call.tool_calls[0]["function"]["arguments"]["ingredients"][1], "bell peppers");
    const Message& observation = first.messages[4];
    EXPECT_EQ(observation.role, "tool");
    EXPECT_EQ(observation.name, "search_recipes");
    EXPECT_EQ(observation.content.rfind("{\"recipes\": [", 0), 0u);
}

TEST(ImporterFixtures, V1SftDemoContentPartsAndLossWeights) {
    const auto path = shared_dataset("v1_sft_demo.jsonl");
    TB_REQUIRE_SHARED(path);
    const auto result = import_file(path);
    EXPECT_EQ(result.summary.detected, DatasetFormat::Chat);
    ASSERT_EQ(result.examples.size(), 500u);
    EXPECT_TRUE(result.rejected.empty());
    const Example& first = result.examples.front();
    ASSERT_EQ(first.messages.size(), 2u);
    EXPECT_EQ(first.messages[0].content, "hi");
    ASSERT_TRUE(first.messages[0].weight.has_value());
    EXPECT_EQ(*first.messages[0].weight, 0.0);
    EXPECT_EQ(*first.messages[1].weight, 1.0);
    EXPECT_EQ(first.messages[1].content,
              "Hello! I am {{name}}, an AI assistant developed by {{author}}. How can I assist you today?");
    EXPECT_EQ(result.examples[1].source_line, 2u);
    EXPECT_EQ(result.examples[499].source_line, 500u);
}

TEST(ImporterFixtures, ProgressIsReportedInBytes) {
    const auto path = shared_dataset("alpaca_en_demo.json");
    TB_REQUIRE_SHARED(path);
    std::vector<Progress> seen;
    JobContext ctx;
    ctx.progress = [&](const Progress& p) { seen.push_back(p); };
    read_dataset(
        path, {}, [](Example&&) {}, [](RejectedRecord&&) {}, ctx);
    ASSERT_FALSE(seen.empty());
    const auto size = static_cast<std::int64_t>(std::filesystem::file_size(path));
    EXPECT_EQ(seen.back().done, size);
    EXPECT_EQ(seen.back().total, size);
    for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_LE(seen[i - 1].done, seen[i].done);
}

}  // namespace
}  // namespace tb
