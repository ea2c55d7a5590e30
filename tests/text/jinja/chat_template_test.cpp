// ChatTemplate API: generation spans in bytes and code points, error messages with
// lines, model folder loading, and core Jinja2 behaviour that needs no Python to check.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/shared_fixtures.h"
#include "core/text/chat_template.h"

namespace {

namespace fs = std::filesystem;

const char* kTrainingTemplate =
    "{{ bos_token }}{% for m in messages %}<|{{ m.role }}|>\n"
    "{% if m.role == 'assistant' %}{% generation %}{{ m.content }}{{ eos_token }}{% endgeneration %}"
    "{% else %}{{ m.content }}{% endif %}\n{% endfor %}";

TEST(ChatTemplate, GenerationSpansInBytesAndCodePoints) {
    tb::ChatTemplate t(kTrainingTemplate);
    EXPECT_TRUE(t.has_generation_blocks());
    nlohmann::json vars = {{"bos_token", "<s>"},
                           {"eos_token", "</s>"},
                           {"messages",
                            {{{"role", "user"}, {"content", "Grüße 🚀"}},
                             {{"role", "assistant"}, {"content", "日本語"}},
                             {{"role", "user"}, {"content", "ok"}},
                             {{"role", "assistant"}, {"content", "é"}}}}};
    tb::RenderResult r = t.render(vars);
    // trim_blocks drops the newline after {% endif %}; "}}" keeps it.
    EXPECT_EQ(r.text, "<s><|user|>\nGrüße 🚀<|assistant|>\n日本語</s><|user|>\nok<|assistant|>\né</s>");
    ASSERT_EQ(r.generation_spans.size(), 2u);
    ASSERT_EQ(r.generation_spans_chars.size(), 2u);
    // Byte spans cut exactly the assistant turns out of the UTF-8 text.
    auto [b0, e0] = r.generation_spans[0];
    EXPECT_EQ(r.text.substr(b0, e0 - b0), "日本語</s>");
    auto [b1, e1] = r.generation_spans[1];
    EXPECT_EQ(r.text.substr(b1, e1 - b1), "é</s>");
    // Code point spans: "<s><|user|>\nGrüße 🚀<|assistant|>\n" is 33 code points (38 bytes).
    EXPECT_EQ(r.generation_spans_chars[0], (std::pair<std::size_t, std::size_t>{33, 40}));
    EXPECT_EQ(r.generation_spans[0].first, 38u);
    auto json = tb::to_reference_json(r);
    EXPECT_EQ(json["generation_spans"][1][1].get<std::size_t>() - json["generation_spans"][1][0].get<std::size_t>(),
              5u);
}

TEST(ChatTemplate, NoGenerationBlocks) {
    tb::ChatTemplate t("{% for m in messages %}{{ m.content }}{% endfor %}");
    EXPECT_FALSE(t.has_generation_blocks());
    EXPECT_TRUE(t.render(nlohmann::json{{"messages", nlohmann::json::array()}}).generation_spans.empty());
}

TEST(ChatTemplate, SyntaxErrorsNameTheLine) {
    try {
        tb::ChatTemplate t("line one\n{% if x %}\n{{ 1 + }}\n{% endif %}");
        FAIL() << "expected a syntax error";
    } catch (const tb::TemplateError& e) {
        EXPECT_EQ(e.kind(), "TemplateSyntaxError");
        EXPECT_EQ(e.line(), 3u);
        EXPECT_EQ(std::string(e.what()).rfind("chat template line 3: ", 0), 0u) << e.what();
    }
}

TEST(ChatTemplate, RenderErrorsCarryTheMessageAndLine) {
    tb::ChatTemplate t(
        "ok\n{% if messages|length > 1 %}\n{{ raise_exception('Conversation roles must alternate') }}{% endif %}");
    try {
        t.render(nlohmann::json{{"messages", {1, 2}}});
        FAIL() << "expected raise_exception";
    } catch (const tb::TemplateError& e) {
        EXPECT_EQ(e.python_style(), "TemplateError: Conversation roles must alternate");
        EXPECT_EQ(e.line(), 3u);
    }
    EXPECT_EQ(t.render(nlohmann::json{{"messages", {1}}}).text, "ok\n");
}

TEST(ChatTemplate, OrderedJsonKeepsKeyOrderLikePython) {
    tb::ChatTemplate t("{{ tools|tojson }}|{% for k, v in tools[0].items() %}{{ k }}{% endfor %}");
    auto ordered = nlohmann::ordered_json::parse(R"({"tools": [{"z": 1, "a": [1.5, null, true, "é\n"]}]})");
    EXPECT_EQ(t.render(ordered).text, "[{\"z\": 1, \"a\": [1.5, null, true, \"é\\n\"]}]|za");
    auto sorted = nlohmann::json::parse(R"({"tools": [{"z": 1, "a": 2}]})");
    EXPECT_EQ(t.render(sorted).text, "[{\"a\": 2, \"z\": 1}]|az");
}

// Python behaviours that matter for chat templates, checked without the reference.
TEST(ChatTemplate, PythonSemanticsWithoutTheReference) {
    auto render = [](const std::string& src, const nlohmann::json& vars = nlohmann::json::object()) {
        return tb::ChatTemplate(src).render(vars).text;
    };
    EXPECT_EQ(render("{{ ['a', 1, none, true, 2.0, {'k': 'v'}] }}"), "['a', 1, None, True, 2.0, {'k': 'v'}]");
    EXPECT_EQ(render("{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 / 2 }} {{ -7 % 3 }} {{ 0.1 + 0.2 }}"),
              "3 -4 3.5 2 0.30000000000000004");
    EXPECT_EQ(render("{{ 'abcdef'[::-2] }} {{ 'héllo'[1:3] }}"), "fdb él");
    EXPECT_EQ(render("{{ x }}|{{ x is defined }}|{{ x|default('d') }}"), "|False|d");
    EXPECT_EQ(render("{{ 'a' or 'b' }}{{ '' or 'b' }}{{ 0 and 1 }}"), "ab0");
    EXPECT_EQ(render("{% for x in 'ab' %}{{ loop.index }}{{ x }}{{ loop.last }}{% endfor %}"), "1aFalse2bTrue");
    EXPECT_EQ(render("  {% if true %}\n  x\n  {% endif %}\ny"), "  x\ny");
    EXPECT_EQ(render("{{ ' a b '.split() }}{{ 'a,b'.split(',', 1) }}{{ 'xhix'.strip('x') }}"),
              "['a', 'b']['a', 'b']hi");
    EXPECT_EQ(render("{{ {'a': 1}|tojson(indent=2) }}"), "{\n  \"a\": 1\n}");
}

class ModelFolder : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("tb_model_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
    fs::path dir_;
};

TEST_F(ModelFolder, ReadsTheConfigStringAndTokens) {
    write(
        "tokenizer_config.json",
        R"({"chat_template": "{{ bos_token }}hi", "bos_token": "<s>", "eos_token": {"content": "</s>", "lstrip": false}})");
    auto found = tb::load_model_chat_template(dir_.string());
    EXPECT_EQ(found.source, "{{ bos_token }}hi");
    EXPECT_EQ(found.bos_token.value_or(""), "<s>");
    EXPECT_EQ(found.eos_token.value_or(""), "</s>");
}

TEST_F(ModelFolder, TakesTheDefaultOfANamedList) {
    write("tokenizer_config.json",
          R"({"chat_template": [{"name": "tool_use", "template": "T"}, {"name": "default", "template": "D"}]})");
    EXPECT_EQ(tb::load_model_chat_template(dir_.string()).source, "D");
}

TEST_F(ModelFolder, PrefersChatTemplateJinja) {
    write("tokenizer_config.json", R"({"chat_template": "old", "bos_token": null})");
    write("chat_template.jinja", "new");
    auto found = tb::load_model_chat_template(dir_.string());
    EXPECT_EQ(found.source, "new");
    EXPECT_FALSE(found.bos_token.has_value());
}

TEST_F(ModelFolder, NoTemplateIsAnError) {
    write("tokenizer_config.json", R"({"bos_token": "<s>"})");
    EXPECT_THROW(tb::load_model_chat_template(dir_.string()), tb::Error);
}

TEST(ChatTemplate, SharedBaseModelHasNoTemplate) {
    std::string dir = std::string(TUNEBENCH_SHARED_DIR) + "/fixtures/models/stories260K";
    TB_SKIP_WITHOUT_SHARED(dir, "a real base model folder (stories260K) without a chat template is an error");
    EXPECT_THROW(tb::load_model_chat_template(dir), tb::Error);
}

}  // namespace
