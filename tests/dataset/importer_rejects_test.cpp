// Every reject reason, with its exact FILE:LINE: reason[: detail] message.
#include <algorithm>

#include "dataset_test_util.h"

namespace tb {
namespace {

using testing::import_file;
using testing::TempFile;

// Imports a JSONL file whose line 1 is a good record and line 2 is `bad`; checks the one
// reject message and that the good record survives.
std::string reject_of(const std::string& bad, DatasetFormat format = DatasetFormat::Chat) {
    const std::string good =
        format == DatasetFormat::Chat
            ? R"({"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]})"
        : format == DatasetFormat::ShareGPT
            ? R"({"conversations":[{"from":"human","value":"hi"},{"from":"gpt","value":"hello"}]})"
            : R"({"instruction":"hi","output":"hello"})";
    TempFile file("data.jsonl", good + "\n" + bad + "\n");
    ImportOptions options;
    options.format = format;
    const auto result = import_file(file.path(), options);
    EXPECT_EQ(result.examples.size(), 1u);
    EXPECT_EQ(result.summary.records, 2u);
    EXPECT_EQ(result.summary.rejected, 1u);
    if (result.rejected.size() != 1) return "<" + std::to_string(result.rejected.size()) + " rejects>";
    const std::string prefix = file.path() + ":2: ";
    const std::string message = result.rejected[0].message();
    EXPECT_EQ(message.rfind(prefix, 0), 0u) << message;
    EXPECT_EQ(result.rejected[0].raw, bad);
    return message.substr(prefix.size());
}

TEST(ImporterRejects, InvalidJson) {
    EXPECT_EQ(
        reject_of(R"({"messages": [)"),
        "invalid JSON: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
}

TEST(ImporterRejects, InvalidUtf8IsFoundBeforeParsing) {
    EXPECT_EQ(reject_of("{\"messages\":[{\"role\":\"user\",\"content\":\"caf\xC3\"}]}"),
              "invalid UTF-8: byte 43 of the record");
    EXPECT_EQ(reject_of("{\"messages\":\"\xED\xA0\x80\"}"), "invalid UTF-8: byte 14 of the record");  // a surrogate
    EXPECT_EQ(reject_of("{\"messages\":\"\xC0\xAF\"}"), "invalid UTF-8: byte 14 of the record");      // overlong
}

TEST(ImporterRejects, NotAnObject) {
    EXPECT_EQ(reject_of(R"(["user", "hi"])"), "not an object: a JSON array");
    EXPECT_EQ(reject_of("42"), "not an object: a JSON number");
}

TEST(ImporterRejects, MissingMessages) {
    EXPECT_EQ(reject_of(R"({"id": 3})"), "missing messages");
    EXPECT_EQ(reject_of(R"({"messages": []})"), "missing messages: \"messages\" is empty");
    EXPECT_EQ(reject_of(R"({"id": "x"})", DatasetFormat::ShareGPT), "missing messages: no \"conversations\"");
    EXPECT_EQ(reject_of(R"({"output": "x"})", DatasetFormat::Alpaca), "missing messages: no \"instruction\"");
}

TEST(ImporterRejects, MessageMissingRoleOrContent) {
    EXPECT_EQ(reject_of(R"({"messages":[{"content":"hi"},{"role":"assistant","content":"yo"}]})"),
              "message missing role or content: message 1 has no \"role\"");
    EXPECT_EQ(reject_of(R"({"messages":[{"role":"user"},{"role":"assistant","content":"yo"}]})"),
              "message missing role or content: message 1 (user) has no \"content\"");
    EXPECT_EQ(reject_of(R"({"conversations":[{"value":"hi"}]})", DatasetFormat::ShareGPT),
              "message missing role or content: message 1 has no \"from\"");
}

TEST(ImporterRejects, UnrecognisedKey) {
    EXPECT_EQ(reject_of(R"({"mesages":[]})"), "unrecognised key: \"mesages\"");
    EXPECT_EQ(
        reject_of(R"({"messages":[{"role":"user","content":"hi","tool_call":{}},{"role":"assistant","content":"x"}]})"),
        "unrecognised key: \"tool_call\" in message 1 (user)");
    EXPECT_EQ(reject_of(R"({"instruction":"a","output":"b","reponse":"c"})", DatasetFormat::Alpaca),
              "unrecognised key: \"reponse\"");
    EXPECT_EQ(reject_of(R"({"conversations":[{"from":"human","value":"a","lang":"en"}]})", DatasetFormat::ShareGPT),
              "unrecognised key: \"lang\" in message 1");
}

TEST(ImporterRejects, AllowListedTopLevelKeysAreAccepted) {
    TempFile file("data.jsonl",
                  R"({"id":"a1","source":"web","category":"faq","metadata":{"k":1},"tags":["x"],"language":"en",)"
                  R"("messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]})"
                  "\n");
    const auto result = import_file(file.path());
    EXPECT_EQ(result.examples.size(), 1u);
    EXPECT_TRUE(result.rejected.empty());
}

TEST(ImporterRejects, UnrecognisedRole) {
    EXPECT_EQ(reject_of(R"({"messages":[{"role":"bot","content":"hi"}]})"), "unrecognised role: \"bot\" in message 1");
    EXPECT_EQ(reject_of(R"({"conversations":[{"from":"human","value":"a"},{"from":"chatgpt","value":"b"}]})",
                        DatasetFormat::ShareGPT),
              "unrecognised role: \"chatgpt\" in message 2");
}

TEST(ImporterRejects, MissingContent) {
    EXPECT_EQ(reject_of(R"({"messages":[{"role":"user","content":"hi"},{"role":"assistant"}]})"),
              "missing content: message 2 (assistant) has neither content nor tool_calls");
    EXPECT_EQ(
        reject_of(
            R"({"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":null,"tool_calls":[]}]})"),
        "missing content: message 2 (assistant) has neither content nor tool_calls");
    EXPECT_EQ(reject_of(R"({"instruction":"a","output":null})", DatasetFormat::Alpaca),
              "missing content: \"output\" is null");
}

TEST(ImporterRejects, NoAssistantMessage) {
    EXPECT_EQ(reject_of(R"({"messages":[{"role":"system","content":"s"},{"role":"user","content":"hi"}]})"),
              "no assistant message");
    EXPECT_EQ(reject_of(R"({"instruction":"a"})", DatasetFormat::Alpaca), "no assistant message: no \"output\"");
}

TEST(ImporterRejects, RoleOrder) {
    EXPECT_EQ(
        reject_of(
            R"({"messages":[{"role":"user","content":"a"},{"role":"user","content":"b"},{"role":"assistant","content":"c"}]})"),
        "role order: two user messages in a row (messages 1 and 2)");
    EXPECT_EQ(
        reject_of(
            R"({"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"c"},{"role":"system","content":"s"}]})"),
        "role order: message 3 (system): a system message may only come first");
    EXPECT_EQ(
        reject_of(
            R"({"messages":[{"role":"user","content":"a"},{"role":"tool","content":"r"},{"role":"assistant","content":"c"}]})"),
        "role order: message 2 (tool) does not follow an assistant tool call");
    // ShareGPT forbids two assistant turns in a row; the chat format allows them.
    EXPECT_EQ(
        reject_of(
            R"({"conversations":[{"from":"human","value":"a"},{"from":"gpt","value":"b"},{"from":"gpt","value":"c"}]})",
            DatasetFormat::ShareGPT),
        "role order: two assistant messages in a row (messages 2 and 3)");
    TempFile chat(
        "chat.jsonl",
        R"({"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"assistant","content":"c"}]})"
        "\n");
    EXPECT_EQ(import_file(chat.path()).examples.size(), 1u);
}

TEST(ImporterRejects, BadField) {
    EXPECT_EQ(
        reject_of(R"({"messages":[{"role":"user","content":"a","weight":"high"},{"role":"assistant","content":"b"}]})"),
        "bad field: message 1 (user): \"weight\" must be a number");
    EXPECT_EQ(
        reject_of(
            R"({"messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]},{"role":"assistant","content":"b"}]})"),
        "bad field: message 1 (user): content part of type \"image_url\" is not supported (text only)");
    EXPECT_EQ(
        reject_of(R"({"conversations":[{"from":"human","value":"a"},{"from":"function_call","value":"not json"}]})",
                  DatasetFormat::ShareGPT),
        "bad field: message 2 (function_call): the function_call value is not valid JSON");
    EXPECT_EQ(reject_of(R"({"instruction":"a","output":"b","history":[["only one"]]})", DatasetFormat::Alpaca),
              "bad field: \"history\" must be a list of [user, assistant] pairs");
}

TEST(ImporterRejects, BrokenArrayReportsTheRecordLineAndStops) {
    // The third element's string is never closed: the file ends inside it.
    TempFile file("data.json",
                  "[\n"
                  "  {\"instruction\": \"a\", \"output\": \"b\"},\n"
                  "  {\"instruction\": \"c\", \"output\": \"d\"},\n"
                  "  {\"instruction\": \"e\", \"output\": \"unterminated},\n"
                  "  {\"instruction\": \"g\", \"output\": \"h\"}\n");
    const auto result = import_file(file.path());
    EXPECT_EQ(result.examples.size(), 2u);
    ASSERT_EQ(result.rejected.size(), 1u);
    EXPECT_EQ(
        result.rejected[0].message(),
        file.path() +
            ":4: invalid JSON: the file ends inside this record: the JSON array opened on line 1 is never closed");
}

TEST(ImporterRejects, UnclosedArrayAfterLastElement) {
    TempFile file("data.json", "[\n{\"instruction\": \"a\", \"output\": \"b\"},\n\n");
    const auto result = import_file(file.path());
    EXPECT_EQ(result.examples.size(), 1u);
    ASSERT_EQ(result.rejected.size(), 1u);
    EXPECT_EQ(result.rejected[0].message(),
              file.path() + ":4: invalid JSON: the JSON array opened on line 1 is never closed with ]");
}

TEST(ImporterRejects, BadElementInsideAnArrayCostsOnlyThatElement) {
    TempFile file("data.json",
                  "[\n"
                  "  {\"instruction\": \"a\", \"output\": \"b\"},\n"
                  "  {\"instruction\": \"c\" \"output\": \"d\"},\n"  // missing comma
                  "  7,\n"
                  "  {\"instruction\": \"e\",\n   \"output\": \"f\"},\n"
                  "  ,\n"
                  "  {\"instruction\": \"g\", \"output\": \"h\"},\n"
                  "]\n"
                  "trailing");
    const auto result = import_file(file.path());
    ASSERT_EQ(result.examples.size(), 3u);
    EXPECT_EQ(result.examples[1].source_line, 5u);
    EXPECT_EQ(result.examples[2].source_line, 8u);
    const auto messages = result.messages();
    ASSERT_EQ(messages.size(), 5u);
    EXPECT_EQ(messages[0].substr(0, file.path().size() + 16), file.path() + ":3: invalid JSON");
    EXPECT_EQ(messages[1], file.path() + ":4: not an object: a JSON number");
    EXPECT_EQ(messages[2], file.path() + ":7: invalid JSON: an empty element (two commas in a row)");
    EXPECT_EQ(messages[3], file.path() + ":9: invalid JSON: a comma before ] with no element after it");
    EXPECT_EQ(messages[4], file.path() + ":10: invalid JSON: text after the end of the JSON array");
}

TEST(ImporterRejects, EveryTruncationOfAnArrayIsReportedNotCrashed) {
    // Cut a small array file at every byte: the complete elements before the cut import,
    // the rest is one "invalid JSON" reject at the end (or nothing when only whitespace is lost).
    std::string text = "[\n";
    std::vector<std::size_t> terminators;  // offsets of the "," or "]" that ends each element
    const std::vector<std::string> elements = {R"({"instruction": "a, [b]", "output": "c \" }"})",
                                               R"({"instruction": "d", "output": "e",
  "history": [["x", "y"]]})",
                                               R"({"instruction": "f", "output": "g"})"};
    for (std::size_t i = 0; i < elements.size(); ++i) {
        text += elements[i];
        terminators.push_back(text.size() + (i + 1 < elements.size() ? 0 : 1));
        text += i + 1 < elements.size() ? ",\n" : "\n]";
    }
    text += "\n";
    ImportOptions options;
    options.format = DatasetFormat::Alpaca;
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        TempFile file("cut.json", text.substr(0, cut));
        testing::Imported result;
        ASSERT_NO_THROW(result = import_file(file.path(), options)) << cut;
        const auto complete = static_cast<std::size_t>(
            std::count_if(terminators.begin(), terminators.end(), [&](std::size_t t) { return t < cut; }));
        EXPECT_EQ(result.examples.size(), complete) << "cut at " << cut;
        EXPECT_EQ(result.summary.records, result.summary.accepted + result.summary.rejected);
        const bool whole = cut >= terminators.back() + 1;
        const bool empty = cut == 0;
        EXPECT_EQ(result.rejected.size(), whole || empty ? 0u : 1u) << "cut at " << cut;
        if (!result.rejected.empty()) {
            EXPECT_EQ(result.rejected[0].reason, RejectReason::InvalidJson);
        }
    }
}

TEST(ImporterRejects, UndetectableFormatIsAnError) {
    TempFile file("data.jsonl", "{\"question\": \"q\", \"answer\": \"a\"}\n");
    try {
        import_file(file.path());
        FAIL() << "expected tb::Error";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what())
                      .find("cannot tell the dataset format (its first record has keys: answer, question)"),
                  std::string::npos)
            << error.what();
    }
    EXPECT_THROW(import_file("/nonexistent/data.jsonl"), Error);
    EXPECT_THROW(parse_dataset_format("yaml"), Error);
    EXPECT_EQ(parse_dataset_format("ShareGPT"), DatasetFormat::ShareGPT);
    EXPECT_EQ(to_string(DatasetFormat::Alpaca), "alpaca");
}

}  // namespace
}  // namespace tb
