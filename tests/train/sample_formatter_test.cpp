// Loss masks of real chat templates with real tokenizers: only assistant turns (and their
// end-of-turn token) are trained, whatever way the template marks them.
#include "core/train/sample_formatter.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "common/shared_fixtures.h"
#include "core/common/error.h"

namespace {

const std::string kShared = TUNEBENCH_SHARED_DIR;
const std::string kTemplates = kShared + "/fixtures/chat-templates/";
const std::string kTokenizers = kShared + "/fixtures/tokenizers/";

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

tb::Message msg(std::string role, std::string content, std::optional<double> weight = std::nullopt) {
    tb::Message m;
    m.role = std::move(role);
    m.content = std::move(content);
    m.weight = weight;
    return m;
}

tb::Example two_turns(std::optional<double> w1 = std::nullopt, std::optional<double> w2 = std::nullopt) {
    tb::Example e;
    e.id = 7;
    e.messages = {msg("system", "You answer briefly."), msg("user", "Capital of France?"),
                  msg("assistant", "Paris is the capital.", w1), msg("user", "And of Italy?"),
                  msg("assistant", "Rome, of course.", w2)};
    return e;
}

// Decoded runs of consecutive trained tokens.
std::vector<std::string> trained_runs(const tb::Tokenizer& tok, const tb::FormattedSample& s) {
    std::vector<std::string> runs;
    std::vector<int32_t> cur;
    for (std::size_t i = 0; i <= s.input_ids.size(); ++i) {
        if (i < s.input_ids.size() && s.loss_weights[i] > 0) {
            cur.push_back(s.input_ids[i]);
        } else if (!cur.empty()) {
            runs.push_back(tok.decode(cur));
            cur.clear();
        }
    }
    return runs;
}

std::vector<std::string> span_texts(const tb::RenderedConversation& rc) {
    std::vector<std::string> out;
    for (const auto& s : rc.spans) out.push_back(rc.text.substr(s.begin, s.end - s.begin));
    return out;
}

class Llama3 : public ::testing::Test {
protected:
    void SetUp() override {
        const std::string what = "loss masks of real templates with the shared Llama 3 tokenizer";
        TB_SKIP_WITHOUT_SHARED(kTokenizers + "llama3/tokenizer.json", what);
        TB_SKIP_WITHOUT_SHARED(kTemplates + "meta-llama-Llama-3.1-8B-Instruct.jinja", what);
        tok_ = tb::Tokenizer::from_folder(kTokenizers + "llama3");
    }
    std::optional<tb::Tokenizer> tok_;
};

TEST_F(Llama3, AssistantTurnsAndEotTrainedNothingElse) {
    tb::SampleFormatter fmt(*tok_, read(kTemplates + "meta-llama-Llama-3.1-8B-Instruct.jinja"));
    auto rc = fmt.render(two_turns());
    EXPECT_FALSE(rc.from_generation_blocks);
    ASSERT_EQ(rc.spans.size(), 2u);
    EXPECT_EQ(span_texts(rc),
              (std::vector<std::string>{"Paris is the capital.<|eot_id|>", "Rome, of course.<|eot_id|>"}));

    auto s = fmt.format(two_turns());
    ASSERT_TRUE(s);
    EXPECT_EQ(trained_runs(*tok_, *s),
              (std::vector<std::string>{"Paris is the capital.<|eot_id|>", "Rome, of course.<|eot_id|>"}));
    // Exactly one <|begin_of_text|>, first.
    const int32_t bos = *tok_->bos_id();
    EXPECT_EQ(s->input_ids.front(), bos);
    EXPECT_EQ(std::count(s->input_ids.begin(), s->input_ids.end(), bos), 1);
    // Header tokens are never trained; every <|eot_id|> after an assistant turn is.
    const int32_t header = *tok_->token_to_id("<|start_header_id|>");
    const int32_t eot = *tok_->token_to_id("<|eot_id|>");
    std::size_t trained_eot = 0;
    for (std::size_t i = 0; i < s->input_ids.size(); ++i) {
        if (s->input_ids[i] == header) {
            EXPECT_EQ(s->loss_weights[i], 0.0f);
        }
        if (s->input_ids[i] == eot && s->loss_weights[i] > 0) ++trained_eot;
    }
    EXPECT_EQ(trained_eot, 2u);  // system and user <|eot_id|> are not trained
    EXPECT_EQ(s->input_ids.size(), s->loss_weights.size());
}

TEST_F(Llama3, WeightZeroExcludesTurnAndWeightScales) {
    tb::SampleFormatter fmt(*tok_, read(kTemplates + "meta-llama-Llama-3.1-8B-Instruct.jinja"));
    auto s = fmt.format(two_turns(0.0, 2.0));
    ASSERT_TRUE(s);
    EXPECT_EQ(trained_runs(*tok_, *s), (std::vector<std::string>{"Rome, of course.<|eot_id|>"}));
    for (float w : s->loss_weights) EXPECT_TRUE(w == 0.0f || w == 2.0f);

    tb::FormatReport report;
    auto none = fmt.format(two_turns(0.0, 0.0), &report);
    EXPECT_FALSE(none);
    EXPECT_EQ(report.dropped_untrained, 1u);
}

TEST_F(Llama3, ChatMlByPrefixDiffing) {
    tb::SampleFormatter fmt(*tok_, read(kTemplates + "Qwen-Qwen2.5-7B-Instruct.jinja"));
    auto rc = fmt.render(two_turns());
    EXPECT_FALSE(rc.from_generation_blocks);
    EXPECT_EQ(span_texts(rc),
              (std::vector<std::string>{"Paris is the capital.<|im_end|>\n", "Rome, of course.<|im_end|>\n"}));
    // The header "<|im_start|>assistant\n" precedes each span.
    for (const auto& sp : rc.spans) EXPECT_EQ(rc.text.substr(sp.begin - 22, 22), "<|im_start|>assistant\n");
    // No BOS in the ChatML text: the tokenizer's own BOS is added once.
    auto s = fmt.format(two_turns());
    ASSERT_TRUE(s);
    EXPECT_EQ(std::count(s->input_ids.begin(), s->input_ids.end(), *tok_->bos_id()), 1);
    auto runs = trained_runs(*tok_, *s);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].rfind("Paris is the capital.<|im_end|>", 0), 0u) << runs[0];
}

TEST_F(Llama3, GenerationBlocksOfRealTemplate) {
    TB_SKIP_WITHOUT_SHARED(kTemplates + "LFM2.5-8B-A1B.jinja", "loss masks from a real template's generation blocks");
    tb::SampleFormatter fmt(*tok_, read(kTemplates + "LFM2.5-8B-A1B.jinja"));
    ASSERT_TRUE(fmt.chat_template().has_generation_blocks());
    auto rc = fmt.render(two_turns());
    EXPECT_TRUE(rc.from_generation_blocks);
    EXPECT_EQ(span_texts(rc),
              (std::vector<std::string>{"Paris is the capital.<|im_end|>\n", "Rome, of course.<|im_end|>\n"}));
    // Per-turn weights pair with the blocks in order.
    auto rw = fmt.render(two_turns(0.0, std::nullopt));
    ASSERT_EQ(rw.spans.size(), 2u);
    EXPECT_EQ(rw.spans[0].weight, 0.0f);
    EXPECT_EQ(rw.spans[1].weight, 1.0f);
}

TEST_F(Llama3, GenerationBlockAroundContentTakesEndOfTurnToken) {
    const std::string tpl =
        "{{ bos_token }}{% for m in messages %}<|start_header_id|>{{ m.role }}<|end_header_id|>\n\n"
        "{% if m.role == 'assistant' %}{% generation %}{{ m.content }}{% endgeneration %}{% else %}{{ m.content }}"
        "{% endif %}<|eot_id|>{% endfor %}{% if add_generation_prompt "
        "%}<|start_header_id|>assistant<|end_header_id|>\n\n{% endif %}";
    tb::SampleFormatter fmt(*tok_, tpl);
    auto s = fmt.format(two_turns(std::nullopt, 0.0));
    ASSERT_TRUE(s);
    EXPECT_EQ(trained_runs(*tok_, *s), (std::vector<std::string>{"Paris is the capital.<|eot_id|>"}));
    EXPECT_EQ(std::count(s->input_ids.begin(), s->input_ids.end(), *tok_->bos_id()), 1);
}

TEST_F(Llama3, TemplateRewritingEarlierTurnsIsAClearError) {
    TB_SKIP_WITHOUT_SHARED(kTemplates + "Qwen-Qwen3-0.6B.jinja",
                           "the error for a template that rewrites earlier turns");
    tb::SampleFormatter fmt(*tok_, read(kTemplates + "Qwen-Qwen3-0.6B.jinja"));
    tb::Example e = two_turns();
    e.messages[2].content = "<think>easy</think>Paris.";
    try {
        fmt.render(e);
        FAIL() << "expected an error";
    } catch (const tb::Error& err) {
        EXPECT_NE(std::string(err.what()).find("prefix diffing"), std::string::npos) << err.what();
    }
    // Qwen3 renders the last assistant turn with an empty <think></think> block and earlier
    // ones without: any multi-turn conversation changes its earlier text. One turn works (and
    // trains the empty think block the model itself must produce).
    tb::Example one;
    one.messages = {msg("user", "Capital of France?"), msg("assistant", "Paris.")};
    auto rc = fmt.render(one);
    ASSERT_EQ(rc.spans.size(), 1u);
    EXPECT_EQ(rc.text.substr(rc.spans[0].begin, rc.spans[0].end - rc.spans[0].begin),
              "<think>\n\n</think>\n\nParis.<|im_end|>\n");
    tb::FormatReport report;
    auto all = fmt.format_all({two_turns(), one}, report);
    EXPECT_EQ(all.size(), 1u);
    EXPECT_EQ(report.failed, 1u);
    ASSERT_EQ(report.errors.size(), 1u);
    EXPECT_EQ(report.errors[0].rfind("example 7: the chat template", 0), 0u) << report.errors[0];
}

TEST_F(Llama3, TooLongDroppedOrTruncated) {
    const std::string tpl = read(kTemplates + "meta-llama-Llama-3.1-8B-Instruct.jinja");
    tb::SampleFormatter full(*tok_, tpl);
    const std::size_t n = full.format(two_turns())->input_ids.size();

    tb::FormatOptions opt;
    opt.max_length = n - 3;
    tb::SampleFormatter drop(*tok_, tpl, opt);
    tb::FormatReport r1;
    auto out = drop.format_all({two_turns(), two_turns()}, r1);
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(r1.dropped_too_long, 2u);

    opt.truncate = true;
    tb::SampleFormatter cut(*tok_, tpl, opt);
    tb::FormatReport r2;
    out = cut.format_all({two_turns()}, r2);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].input_ids.size(), n - 3);
    EXPECT_TRUE(out[0].truncated);
    EXPECT_EQ(r2.truncated, 1u);
    EXPECT_EQ(r2.formatted, 1u);
}

TEST(SampleFormatter, BaseModelNeedsExplicitTemplate) {
    TB_SKIP_WITHOUT_SHARED(kTokenizers + "gpt2/tokenizer.json", "the error for a base model (gpt2) without a template");
    auto tok = tb::Tokenizer::from_folder(kTokenizers + "gpt2");
    ASSERT_TRUE(tok.config().chat_template.empty());
    try {
        tb::resolve_chat_template(tok, std::nullopt);
        FAIL() << "expected an error";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("no chat template"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("explicitly"), std::string::npos);
    }
    EXPECT_EQ(tb::resolve_chat_template(tok, std::string("{{ x }}")), "{{ x }}");
}

}  // namespace
