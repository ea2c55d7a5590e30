// Each input format's normalisation, auto-detection, CSV quoting, streaming and cancellation.
#include "dataset_test_util.h"

namespace tb {
namespace {

using testing::import_file;
using testing::TempFile;

TEST(ImporterFormats, ChatContentPartsNamesToolCallsAndWeights) {
    TempFile file(
        "chat.jsonl",
        R"({"messages": [{"role": "developer", "content": "Be brief."},)"
        R"( {"role": "user", "name": "ann", "content": [{"type": "text", "text": "Weather "}, {"type": "text", "value": "in Paris?"}], "loss_weight": 0},)"
        R"( {"role": "assistant", "content": null, "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}}]},)"
        R"( {"role": "tool", "tool_call_id": "c1", "content": "21"},)"
        R"( {"role": "assistant", "content": "21 °C.", "weight": 0.5}],)"
        R"( "tools": [{"type": "function", "function": {"name": "get_weather"}}]})"
        "\n");
    const auto result = import_file(file.path());
    ASSERT_EQ(result.examples.size(), 1u) << result.messages().at(0);
    const Example& e = result.examples[0];
    ASSERT_EQ(e.messages.size(), 5u);
    EXPECT_EQ(e.messages[0].role, "system");  // "developer" is OpenAI's newer name
    EXPECT_EQ(e.messages[1].content, "Weather in Paris?");
    EXPECT_EQ(e.messages[1].name, "ann");
    EXPECT_EQ(e.messages[1].weight, std::optional<double>(0.0));
    EXPECT_EQ(e.messages[2].content, "");
    EXPECT_EQ(e.messages[2].tool_calls[0]["function"]["arguments"], "{\"city\": \"Paris\"}");
    EXPECT_EQ(e.messages[3].tool_call_id, "c1");
    EXPECT_EQ(e.messages[4].weight, std::optional<double>(0.5));
    EXPECT_FALSE(e.messages[0].weight.has_value());
    EXPECT_EQ(e.tools[0]["function"]["name"], "get_weather");
    EXPECT_EQ(e.source_line, 1u);
}

TEST(ImporterFormats, ChatJsonArrayWithByteOrderMarkAndCrlf) {
    TempFile file("chat.json",
                  "\xEF\xBB\xBF[\r\n {\"messages\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": "
                  "\"assistant\", \"content\": \"b\"}]},\r\n"
                  " {\"messages\": [{\"role\": \"user\", \"content\": \"c\"}, {\"role\": \"assistant\", \"content\": "
                  "\"d\"}]}\r\n]\r\n");
    const auto result = import_file(file.path());
    ASSERT_EQ(result.examples.size(), 2u);
    EXPECT_TRUE(result.rejected.empty());
    EXPECT_EQ(result.summary.detected, DatasetFormat::Chat);
    EXPECT_EQ(result.examples[1].messages[1].content, "d");
    EXPECT_EQ(result.examples[1].source_line, 3u);
}

TEST(ImporterFormats, JsonlSkipsBlankLinesAndKeepsLineNumbers) {
    TempFile file(
        "chat.jsonl",
        "\n{\"messages\": [{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"assistant\", \"content\": "
        "\"b\"}]}\r\n"
        "   \n\n"
        "{\"messages\": [{\"role\": \"user\", \"content\": \"c\"}, {\"role\": \"assistant\", \"content\": \"d\"}]}");
    const auto result = import_file(file.path());
    ASSERT_EQ(result.examples.size(), 2u);
    EXPECT_EQ(result.summary.records, 2u);
    EXPECT_EQ(result.examples[0].source_line, 2u);
    EXPECT_EQ(result.examples[1].source_line, 5u);
}

TEST(ImporterFormats, ShareGptSystemToolsAndFunctionCalls) {
    TempFile file("sg.json", R"([{"system": "You help.", "tools": [{"name": "add"}], "conversations": [
        {"from": "user", "value": "1+2?"},
        {"from": "function_call", "value": "[{\"name\": \"add\", \"arguments\": {\"a\": 1}}, {\"name\": \"add\", \"arguments\": {\"a\": 2}}]"},
        {"from": "tool", "value": "3"},
        {"from": "observation", "value": "4"},
        {"from": "assistant", "value": "3 and 4."}]}])");
    const auto result = import_file(file.path());
    ASSERT_EQ(result.examples.size(), 1u) << result.messages().at(0);
    const Example& e = result.examples[0];
    ASSERT_EQ(e.messages.size(), 6u);
    EXPECT_EQ(e.messages[0].role, "system");
    EXPECT_EQ(e.messages[0].content, "You help.");
    EXPECT_EQ(e.messages[2].tool_calls.size(), 2u);
    EXPECT_EQ(e.messages[2].tool_calls[1]["function"]["arguments"]["a"], 2);
    EXPECT_EQ(e.messages[3].role, "tool");
    EXPECT_EQ(e.messages[3].name, "");  // two calls: which one it answers is not known
    EXPECT_EQ(e.messages[4].role, "tool");
    EXPECT_EQ(e.tools[0]["name"], "add");
}

TEST(ImporterFormats, AlpacaSystemHistoryAndInput) {
    TempFile file("al.json",
                  R"([{"instruction": "Translate", "input": "chat", "output": "cat", "system": "You translate.",
                                  "history": [["Hi", "Hello"], ["Ready?", "Yes"]]},
                                 {"instruction": "", "input": "only input", "output": "ok"}])");
    const auto result = import_file(file.path());
    ASSERT_EQ(result.examples.size(), 2u);
    const Example& e = result.examples[0];
    ASSERT_EQ(e.messages.size(), 7u);
    EXPECT_EQ(e.messages[0].content, "You translate.");
    EXPECT_EQ(e.messages[1].content, "Hi");
    EXPECT_EQ(e.messages[4].content, "Yes");
    EXPECT_EQ(e.messages[5].content, "Translate\n\nchat");
    EXPECT_EQ(e.messages[6].content, "cat");
    EXPECT_EQ(result.examples[1].messages[0].content, "only input");
}

TEST(ImporterFormats, ExplicitFormatOverridesDetection) {
    TempFile file("data.jsonl", R"({"instruction": "a", "output": "b"})"
                                "\n");
    ImportOptions options;
    options.format = DatasetFormat::Chat;
    const auto result = import_file(file.path(), options);
    EXPECT_EQ(result.summary.detected, DatasetFormat::Chat);
    ASSERT_EQ(result.rejected.size(), 1u);
    EXPECT_EQ(result.rejected[0].reason, RejectReason::UnrecognisedKey);
}

TEST(ImporterFormats, DetectionSkipsBrokenFirstRecords) {
    TempFile file("data.jsonl",
                  "not json\n{\"conversations\": [{\"from\": \"human\", \"value\": \"a\"}, {\"from\": \"gpt\", "
                  "\"value\": \"b\"}]}\n");
    const auto result = import_file(file.path());
    EXPECT_EQ(result.summary.detected, DatasetFormat::ShareGPT);
    EXPECT_EQ(result.examples.size(), 1u);
    EXPECT_EQ(result.rejected.size(), 1u);
}

TEST(ImporterFormats, CsvQuotingNewlinesAndColumns) {
    TempFile file("data.csv",
                  "\xEF\xBB\xBFid,question,context,answer,persona\r\n"
                  "1,\"Say \"\"hi\"\", please\",,\"Hi,\r\nthere\",Be kind.\r\n"
                  "2,plain question,some context,plain answer,\r\n"
                  "\r\n"
                  "3,too,few\r\n"
                  "4,\"multi\nline\nquestion\",,\"a\",\n");
    ImportOptions options;
    options.csv.user = "question";
    options.csv.assistant = "answer";
    options.csv.input = "context";
    options.csv.system = "persona";
    const auto result = import_file(file.path(), options);
    EXPECT_EQ(result.summary.detected, DatasetFormat::Csv);
    ASSERT_EQ(result.examples.size(), 3u);
    const Example& first = result.examples[0];
    ASSERT_EQ(first.messages.size(), 3u);
    EXPECT_EQ(first.messages[0].content, "Be kind.");
    EXPECT_EQ(first.messages[1].content, "Say \"hi\", please");
    EXPECT_EQ(first.messages[2].content, "Hi,\nthere");
    EXPECT_EQ(first.source_line, 2u);
    const Example& second = result.examples[1];
    ASSERT_EQ(second.messages.size(), 2u);  // empty persona: no system message
    EXPECT_EQ(second.messages[0].content, "plain question\n\nsome context");
    EXPECT_EQ(second.source_line, 4u);
    EXPECT_EQ(result.examples[2].messages[0].content, "multi\nline\nquestion");
    EXPECT_EQ(result.examples[2].source_line, 7u);
    ASSERT_EQ(result.rejected.size(), 1u);
    EXPECT_EQ(result.rejected[0].message(), file.path() + ":6: bad field: the row has 3 fields, the header has 5");
}

TEST(ImporterFormats, TsvByExtension) {
    TempFile file("data.tsv", "instruction\toutput\nSay hi\t\"Hi,\tthere\"\n");
    const auto result = import_file(file.path());
    EXPECT_EQ(result.summary.detected, DatasetFormat::Csv);
    ASSERT_EQ(result.examples.size(), 1u);
    EXPECT_EQ(result.examples[0].messages[1].content, "Hi,\tthere");
}

TEST(ImporterFormats, CsvMissingColumnAndUnterminatedQuote) {
    TempFile file("data.csv", "instruction,response\na,b\n");
    try {
        import_file(file.path());
        FAIL() << "expected an error";
    } catch (const InputError& error) {
        EXPECT_EQ(error.line(), 1u);
        EXPECT_EQ(error.reason(), "the CSV header has no column \"output\" (columns: instruction, response)");
    }
    TempFile broken("broken.csv", "instruction,output\na,b\nc,\"never closed\nd,e\n");
    try {
        import_file(broken.path());
        FAIL() << "expected an error";
    } catch (const InputError& error) {
        EXPECT_EQ(error.line(), 3u);
    }
}

TEST(ImporterFormats, LargeArrayStreamsElementByElement) {
    // 20000 elements spread over several 1 MiB read chunks, one with a string holding an
    // escaped quote, brackets and commas, so chunk boundaries fall inside strings too.
    std::string text = "[\n";
    const std::size_t count = 20000;
    for (std::size_t i = 0; i < count; ++i) {
        text += "{\"instruction\": \"q" + std::to_string(i) + " [x], {y}, \\\"z\\\"\", \"output\": \"" +
                std::string(60, 'a' + static_cast<char>(i % 26)) + "\"}";
        text += i + 1 < count ? ",\n" : "\n";
    }
    text += "]\n";
    ASSERT_GT(text.size(), std::size_t(2) << 20);
    TempFile file("big.json", text);
    std::size_t seen = 0;
    bool in_order = true;
    const auto summary = read_dataset(
        file.path(), {},
        [&](Example&& e) {
            in_order = in_order && e.messages[0].content == "q" + std::to_string(seen) + " [x], {y}, \"z\"" &&
                       e.source_line == seen + 2;
            ++seen;
        },
        [](RejectedRecord&&) { ADD_FAILURE() << "no record should be rejected"; });
    EXPECT_EQ(summary.accepted, count);
    EXPECT_EQ(seen, count);
    EXPECT_TRUE(in_order);
}

TEST(ImporterFormats, CancellationStopsTheImport) {
    std::string text;
    for (int i = 0; i < 30000; ++i)
        text += "{\"messages\": [{\"role\": \"user\", \"content\": \"" + std::string(40, 'q') +
                "\"}, {\"role\": \"assistant\", \"content\": \"a\"}]}\n";
    TempFile file("big.jsonl", text);
    JobContext ctx;
    ctx.cancel = std::make_shared<CancelToken>();
    std::size_t seen = 0;
    ctx.progress = [&](const Progress&) { ctx.cancel->cancel(); };
    EXPECT_THROW(read_dataset(
                     file.path(), {}, [&](Example&&) { ++seen; }, [](RejectedRecord&&) {}, ctx),
                 Cancelled);
    EXPECT_LT(seen, 30000u);
}

}  // namespace
}  // namespace tb
