// Example JSON round trip, content hash stability, plain text, JSONL export -> import.
#include <fstream>
#include <sstream>

#include "core/dataset/example.h"
#include "dataset_test_util.h"

namespace tb {
namespace {

using testing::import_file;
using testing::TempFile;

Example sample() {
    Example example;
    example.messages.push_back(Message{"system", "Be brief.", {}, nullptr, {}, std::nullopt});
    example.messages.push_back(Message{"user", "Weather in Paris? ünïcödé 日本", {}, nullptr, {}, 0.0});
    Message call{"assistant", "", {}, nullptr, {}, std::nullopt};
    call.tool_calls = nlohmann::json::parse(
        R"([{"id":"c1","type":"function","function":{"name":"get_weather","arguments":{"city":"Paris"}}}])");
    example.messages.push_back(call);
    example.messages.push_back(Message{"tool", "{\"temp\": 21}", "get_weather", nullptr, "c1", std::nullopt});
    example.messages.push_back(Message{"assistant", "21 °C.", {}, nullptr, {}, 1.0});
    example.tools = nlohmann::json::parse(R"([{"name":"get_weather","parameters":{"type":"object"}}])");
    return example;
}

TEST(Example, JsonRoundTrip) {
    const Example original = sample();
    const nlohmann::json j = to_json(original);
    EXPECT_EQ(j["messages"][3]["tool_call_id"], "c1");
    EXPECT_EQ(j["messages"][3]["name"], "get_weather");
    EXPECT_FALSE(j["messages"][0].contains("weight"));
    EXPECT_EQ(j["messages"][1]["weight"], 0.0);
    EXPECT_FALSE(j["messages"][0].contains("name"));
    const Example back = example_from_json(j);
    EXPECT_EQ(to_json(back), j);
    ASSERT_EQ(back.messages.size(), 5u);
    EXPECT_EQ(back.messages[2].tool_calls[0]["function"]["arguments"]["city"], "Paris");
    EXPECT_EQ(back.messages[1].weight, std::optional<double>(0.0));
    EXPECT_EQ(back.tools, original.tools);
}

TEST(Example, FromJsonRejectsMalformedObjects) {
    EXPECT_THROW(example_from_json(nlohmann::json::array()), Error);
    EXPECT_THROW(example_from_json(nlohmann::json::parse(R"({"messages": 3})")), Error);
    EXPECT_THROW(example_from_json(nlohmann::json::parse(R"({"messages": [{"content": "x"}]})")), Error);
    EXPECT_THROW(example_from_json(nlohmann::json::parse(R"({"messages": [{"role": "user", "weight": "x"}]})")), Error);
}

TEST(Example, ContentHashIsStableAndContentSensitive) {
    const Example a = sample();
    Example b = sample();
    b.id = 42;  // not content
    b.source_file = "elsewhere.json";
    b.source_line = 9;
    EXPECT_EQ(content_hash(a), content_hash(b));
    EXPECT_EQ(content_hash(a).size(), 64u);
    // The canonical text is fixed: the hash of a fixed example never changes between builds.
    Example tiny;
    tiny.messages.push_back(Message{"user", "hi", {}, nullptr, {}, std::nullopt});
    EXPECT_EQ(to_json(tiny).dump(), R"({"messages":[{"content":"hi","role":"user"}]})");
    // sha256 of that text, computed independently (Python hashlib).
    EXPECT_EQ(content_hash(tiny), "19e21ad5462e808b27165af1d6f50bd3a1eff3a04bb4a4cd080a9871cbfa0929");
    b.messages[4].content = "22 °C.";
    EXPECT_NE(content_hash(a), content_hash(b));
    Example c = sample();
    c.messages[1].weight = 1.0;
    EXPECT_NE(content_hash(a), content_hash(c));
}

TEST(Example, PlainTextJoinsContents) {
    EXPECT_EQ(plain_text(sample()), "Be brief.\nWeather in Paris? ünïcödé 日本\n\n{\"temp\": 21}\n21 °C.");
}

TEST(Example, SameContentFromDifferentFormatsHasTheSameHash) {
    TempFile alpaca("a.json", R"([{"instruction": "Say hi", "input": "politely", "output": "Hello!"}])");
    TempFile chat(
        "c.jsonl",
        R"({"messages": [{"role": "user", "content": [{"type": "text", "text": "Say hi\n\npolitely"}]}, {"role": "assistant", "content": "Hello!"}]})"
        "\n");
    TempFile sharegpt(
        "s.json",
        R"([{"conversations": [{"from": "human", "value": "Say hi\n\npolitely"}, {"from": "gpt", "value": "Hello!"}]}])");
    const auto a = import_file(alpaca.path()), c = import_file(chat.path()), s = import_file(sharegpt.path());
    ASSERT_EQ(a.examples.size(), 1u);
    ASSERT_EQ(c.examples.size(), 1u);
    ASSERT_EQ(s.examples.size(), 1u);
    EXPECT_EQ(content_hash(a.examples[0]), content_hash(c.examples[0]));
    EXPECT_EQ(content_hash(a.examples[0]), content_hash(s.examples[0]));
}

TEST(Example, ExportThenImportKeepsContentHashes) {
    std::vector<std::string> paths = {testing::shared_dataset("glaive_toolcall_en_demo.json"),
                                      testing::shared_dataset("v1_sft_demo.jsonl")};
    std::vector<Example> originals = {sample()};
    for (const auto& path : paths)
        if (std::filesystem::exists(path))
            for (auto& e : import_file(path).examples) originals.push_back(std::move(e));
    TempFile out("export.jsonl", "");
    {
        JsonlWriter writer(out.path());
        for (const auto& e : originals) writer.write(e);
        writer.close();
    }
    const auto back = import_file(out.path());
    EXPECT_EQ(back.summary.detected, DatasetFormat::Chat);
    EXPECT_TRUE(back.rejected.empty()) << (back.rejected.empty() ? "" : back.rejected[0].message());
    ASSERT_EQ(back.examples.size(), originals.size());
    for (std::size_t i = 0; i < originals.size(); ++i) {
        EXPECT_EQ(content_hash(back.examples[i]), content_hash(originals[i])) << i;
        EXPECT_EQ(back.examples[i].source_line, i + 1);
    }
}

TEST(Example, WriterReportsUnwritablePaths) { EXPECT_THROW(JsonlWriter("/nonexistent-folder/x.jsonl"), Error); }

}  // namespace
}  // namespace tb
