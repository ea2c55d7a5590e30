// Chat templates on every clone: the real templates the project carries (Qwen3's and
// DeepSeek-V3's from tests/fixtures/tokenizers, the demo model's) and one written for the
// tests (tests/fixtures/chat-templates/strict-alternation.jinja), each with every conversation
// of conversations.json, render byte for byte what transformers' environment renders, with
// the same {% generation %} spans, or fail with the same error. The expected renders are
// committed (expected/<template>.json, made by tests/tools/render_chat_templates.py with
// Debian's python3-jinja2): no Python and no ../shared at test time.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/fixtures.h"
#include "core/text/chat_template.h"

namespace {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

const fs::path kTemplates = tbtest::fixtures_dir() / "chat-templates";
// The clock tests/tools/render_chat_templates.py pins strftime_now to.
constexpr const char* kEpoch = "1700000000";

ordered_json read_json(const fs::path& path) { return ordered_json::parse(tbtest::read_file_bytes(path)); }

// A templates.json entry's source and the request variables it adds to every conversation:
// bos_token/eos_token from the model folder's tokenizer_config.json, or those the entry names.
struct TemplateUnderTest {
    std::string name, source;
    ordered_json tokens = ordered_json::object();
};

TemplateUnderTest load_template(const ordered_json& entry) {
    TemplateUnderTest t;
    t.name = entry.at("name").get<std::string>();
    if (entry.contains("file")) {
        t.source = tbtest::read_file_bytes(tbtest::source_dir() / entry.at("file").get<std::string>());
        for (const char* key : {"bos_token", "eos_token"})
            if (entry.contains(key)) t.tokens[key] = entry.at(key);
        return t;
    }
    // The project's own loader, as `render-template --model DIR` uses it.
    auto model = tb::load_model_chat_template((tbtest::source_dir() / entry.at("folder").get<std::string>()).string());
    t.source = model.source;
    if (model.bos_token) t.tokens["bos_token"] = *model.bos_token;
    if (model.eos_token) t.tokens["eos_token"] = *model.eos_token;
    return t;
}

std::string first_difference(const std::string& ours, const std::string& want) {
    std::size_t i = 0;
    while (i < ours.size() && i < want.size() && ours[i] == want[i]) ++i;
    auto around = [&](const std::string& s) { return s.substr(i < 40 ? 0 : i - 40, 100); };
    return "byte " + std::to_string(i) + " (ours " + std::to_string(ours.size()) + " bytes, expected " +
           std::to_string(want.size()) + ")\n  ours:     [" + around(ours) + "]\n  expected: [" + around(want) + "]";
}

class FixtureTemplates : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureTemplates, EveryConversationRendersAsTransformersDoes) {
    ::setenv("SOURCE_DATE_EPOCH", kEpoch, 1);
    const auto entries = read_json(kTemplates / "templates.json");
    const ordered_json* entry = nullptr;
    for (const auto& e : entries)
        if (e.at("name") == GetParam()) entry = &e;
    ASSERT_NE(entry, nullptr) << GetParam() << " is not in templates.json";
    const auto tmpl = load_template(*entry);
    const auto conversations = read_json(kTemplates / "conversations.json");
    const auto expected = read_json(kTemplates / "expected" / (GetParam() + ".json"));
    const auto& renders = expected.at("renders");
    ASSERT_EQ(renders.size(), conversations.size()) << "rerun tests/tools/render_chat_templates.py";
    ASSERT_EQ(expected.at("strftime_now_epoch").get<long>(), std::atol(kEpoch));

    std::unique_ptr<tb::ChatTemplate> parsed;
    std::string parse_error;
    try {
        parsed = std::make_unique<tb::ChatTemplate>(tmpl.source);
    } catch (const tb::TemplateError& e) {
        parse_error = e.python_style();
    }

    int matched = 0;
    for (std::size_t i = 0; i < conversations.size(); ++i) {
        const auto& want = renders[i];
        const std::string conversation = conversations[i].at("name");
        ASSERT_EQ(want.at("conversation").get<std::string>(), conversation)
            << "rerun tests/tools/render_chat_templates.py";
        const std::string where = GetParam() + " x " + conversation;
        ordered_json request = conversations[i];
        request.erase("name");
        for (const auto& [key, value] : tmpl.tokens.items()) request[key] = value;

        std::string error = parse_error;
        tb::RenderResult got;
        if (error.empty()) {
            try {
                got = parsed->render(request);
            } catch (const tb::TemplateError& e) {
                error = e.python_style();
            }
        }
        if (want.contains("error")) {
            EXPECT_EQ(error, want.at("error").get<std::string>()) << where;
            matched += error == want.at("error").get<std::string>();
            continue;
        }
        if (!error.empty()) {
            ADD_FAILURE() << where << ": fails with " << error << " where transformers renders";
            continue;
        }
        const std::string want_text = want.at("text");
        std::vector<std::vector<std::size_t>> got_spans;
        for (const auto& [start, end] : got.generation_spans_chars) got_spans.push_back({start, end});
        const auto want_spans = want.at("generation_spans").get<std::vector<std::vector<std::size_t>>>();
        EXPECT_TRUE(got.text == want_text) << where << ": text differs at " << first_difference(got.text, want_text);
        EXPECT_EQ(got_spans, want_spans) << where << ": generation spans (characters) differ";
        matched += got.text == want_text && got_spans == want_spans;
    }
    EXPECT_EQ(matched, static_cast<int>(conversations.size())) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTemplates,
                         ::testing::Values("qwen3", "deepseek_v3", "demo-model", "strict-alternation"),
                         [](const auto& info) {
                             std::string n = info.param;
                             for (auto& c : n)
                                 if (c == '-') c = '_';
                             return n;
                         });

// The expectations cover what the brief of these fixtures asks for: renders with generation
// spans, tool calls, and errors, among them raise_exception's.
TEST(FixtureTemplateExpectations, CoverSpansToolCallsAndErrors) {
    int with_spans = 0, errors = 0, raised = 0, with_tool_calls = 0;
    for (const auto& entry : read_json(kTemplates / "templates.json")) {
        const auto expected = read_json(kTemplates / "expected" / (entry.at("name").get<std::string>() + ".json"));
        for (const auto& r : expected.at("renders")) {
            if (r.contains("error")) {
                ++errors;
                raised += r.at("error").get<std::string>().rfind("TemplateError: ", 0) == 0;
                continue;
            }
            with_spans += !r.at("generation_spans").empty();
            with_tool_calls += r.at("text").get<std::string>().find("get_weather") != std::string::npos;
        }
    }
    EXPECT_GE(with_spans, 20);
    EXPECT_GE(errors, 5);
    EXPECT_GE(raised, 3);
    EXPECT_GE(with_tool_calls, 8);
}

}  // namespace
