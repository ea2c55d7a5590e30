#include "core/advisor/advice.h"

#include <gtest/gtest.h>

#include "core/advisor/decision_record.h"
#include "core/common/error.h"

namespace {

nlohmann::json answers(const std::string& task, bool changes, bool citations, bool with_examples) {
    return {{"goal", "reply to tickets in our voice"},
            {"task", task},
            {"knowledge_changes_often", changes},
            {"needs_citations", citations},
            {"model_can_do_it_with_examples", with_examples}};
}

tb::ModelShape llama2_7b() {
    return tb::model_shape_from_config({{"model_type", "llama"},
                                        {"hidden_size", 4096},
                                        {"intermediate_size", 11008},
                                        {"num_hidden_layers", 32},
                                        {"num_attention_heads", 32},
                                        {"vocab_size", 32000},
                                        {"tie_word_embeddings", false}},
                                       "llama-2-7b/config.json");
}

tb::Advice advise(const nlohmann::json& a, std::optional<tb::ModelShape> model = std::nullopt,
                  std::optional<double> gpu = std::nullopt) {
    tb::AdviceRequest request;
    request.answers = a;
    request.model = model;
    request.gpu_memory_gib = gpu;
    tb::Evaluation ev = tb::evaluate(tb::DecisionTree::builtin(), request);
    if (!ev.advice) throw std::runtime_error("no advice for " + a.dump());
    return *ev.advice;
}

TEST(Advice, FineTuneForStyleWithDefaultSettings) {
    tb::Advice a = advise(answers("style", false, false, false));
    EXPECT_EQ(a.recommendation.recommendation, tb::Approach::fine_tune);
    EXPECT_EQ(a.recommendation.leaf_id, "fine_tune.style");
    ASSERT_TRUE(a.recommendation.method);
    EXPECT_EQ(*a.recommendation.method, tb::TuningMethod::lora);
    ASSERT_TRUE(a.recommendation.settings);
    const nlohmann::json s = tb::to_json(*a.recommendation.settings);
    EXPECT_DOUBLE_EQ(s["learning_rate"].get<double>(), 1e-4);
    EXPECT_EQ(s["learning_rate_range"], nlohmann::json({5e-5, 2e-4}));
    EXPECT_EQ(s["epochs"], 3);
    EXPECT_EQ(s["epochs_range"], nlohmann::json({2, 4}));
    EXPECT_DOUBLE_EQ(s["validation_fraction"].get<double>(), 0.12);
    EXPECT_EQ(s["lora_rank"], 16);
    EXPECT_EQ(s["lora_alpha"], 32);
    EXPECT_EQ(s["method"], "lora");
    EXPECT_EQ(a.model_size.size, "about 7B");
    EXPECT_TRUE(a.memory.empty());  // no model given
    nlohmann::json j = tb::to_json(a);
    EXPECT_EQ(j["recommendation"], "fine-tune");
    EXPECT_FALSE(j.contains("memory_gib"));
    EXPECT_FALSE(j["reasons"].empty());
}

TEST(Advice, PromptingAndRagCarryNoMethodOrSettings) {
    tb::Advice prompting = advise(answers("style", false, false, true));
    EXPECT_EQ(prompting.recommendation.recommendation, tb::Approach::prompting);
    EXPECT_FALSE(prompting.recommendation.method);
    EXPECT_FALSE(prompting.recommendation.settings);
    EXPECT_TRUE(tb::to_json(prompting)["method"].is_null());

    tb::Advice rag = advise(answers("knowledge", false, true, false), llama2_7b());
    EXPECT_EQ(tb::to_json(rag)["recommendation"], "rag");
    // The memory is still estimated when a model is given (the user may override).
    EXPECT_EQ(tb::to_json(rag)["memory_gib"].size(), 3u);
}

// Llama-2-7B at 2048 tokens: LoRA 16.87 GiB, QLoRA 7.33 GiB, full 126.67 GiB (worked out in
// memory_estimate_test.cpp). The method follows the GPU.
TEST(Advice, MethodFollowsTheGpuMemory) {
    nlohmann::json style = answers("style", false, false, false);
    tb::Advice roomy = advise(style, llama2_7b(), 24.0);
    EXPECT_EQ(*roomy.recommendation.method, tb::TuningMethod::lora);
    nlohmann::json j = tb::to_json(roomy);
    EXPECT_DOUBLE_EQ(j["memory_gib"]["lora"].get<double>(), 16.87);
    EXPECT_DOUBLE_EQ(j["memory_gib"]["qlora"].get<double>(), 7.33);
    EXPECT_DOUBLE_EQ(j["memory_gib"]["full"].get<double>(), 126.67);
    EXPECT_EQ(j["fits"]["lora"], true);
    EXPECT_EQ(j["fits"]["full"], false);
    EXPECT_EQ(j["model"]["parameters"], 6738415616);
    EXPECT_FALSE(j["assumptions"].empty());

    tb::Advice tight = advise(style, llama2_7b(), 12.0);
    EXPECT_EQ(*tight.recommendation.method, tb::TuningMethod::qlora);
    EXPECT_EQ(tb::to_json(*tight.recommendation.settings)["base_quantization"], "nf4");
    EXPECT_TRUE(tight.warnings.empty());

    tb::Advice too_small = advise(style, llama2_7b(), 6.0);
    EXPECT_EQ(*too_small.recommendation.method, tb::TuningMethod::qlora);
    ASSERT_EQ(too_small.warnings.size(), 1u);
    EXPECT_NE(too_small.warnings[0].find("even QLoRA"), std::string::npos);

    // Full fine-tuning is never picked from memory alone, even on a huge GPU.
    EXPECT_EQ(*advise(style, llama2_7b(), 1000.0).recommendation.method, tb::TuningMethod::lora);
}

TEST(Advice, ModelSizeWarnings) {
    tb::ModelShape one_b = tb::shape_for_parameter_count(1235814400);
    tb::Advice style = advise(answers("style", false, false, false), one_b);
    ASSERT_EQ(style.warnings.size(), 1u);
    EXPECT_NE(style.warnings[0].find("1-3B"), std::string::npos);
    // A very narrow task is the exception for small models.
    EXPECT_TRUE(advise(answers("narrow_latency_cost", false, false, true), one_b).warnings.empty());
    // Domain reasoning wants 32-70B.
    tb::Advice domain = advise(answers("domain_reasoning", false, false, false), llama2_7b());
    EXPECT_EQ(domain.model_size.size, "32-70B");
    ASSERT_EQ(domain.warnings.size(), 1u);
    EXPECT_NE(domain.warnings[0].find("32-70B"), std::string::npos);
    // 70B for a style task: larger than needed.
    tb::Advice big = advise(answers("style", false, false, false), tb::shape_for_parameter_count(70000000000));
    ASSERT_EQ(big.warnings.size(), 1u);
    EXPECT_NE(big.warnings[0].find("larger"), std::string::npos);
}

TEST(Advice, MissingAnswersAreReportedNotGuessed) {
    tb::AdviceRequest request;
    request.answers = {{"goal", "x"}, {"task", "style"}, {"knowledge_changes_often", false}};
    tb::Evaluation ev = tb::evaluate(tb::DecisionTree::builtin(), request);
    EXPECT_FALSE(ev.advice);
    ASSERT_NE(ev.walk.next_question, nullptr);
    EXPECT_EQ(ev.walk.next_question->key, "needs_citations");
    EXPECT_EQ(ev.unanswered, (std::vector<std::string>{"needs_citations", "model_can_do_it_with_examples"}));

    request.gpu_memory_gib = -4;
    EXPECT_THROW(tb::evaluate(tb::DecisionTree::builtin(), request), tb::Error);
}

TEST(Advice, ReportShowsEverything) {
    std::string text = tb::format_advice(advise(answers("structured_output", false, false, false), llama2_7b(), 24.0));
    for (const char* part : {"Recommendation: fine-tune", "Why:", "Try first:", "Base model: about 7B", "LoRA", "QLoRA",
                             "16.9 GiB", "fits in 24 GiB", "learning rate 0.0001", "epochs 3 (2-4)",
                             "validation split 12% (10-15%)", "LoRA rank 16, alpha 32", "Assumptions"})
        EXPECT_NE(text.find(part), std::string::npos) << part << "\n" << text;
}

TEST(Decision, RecordsWhoDecidedAndOverrides) {
    tb::Advice a = advise(answers("style", false, false, false), llama2_7b(), 24.0);
    tb::Decision plain = tb::make_decision(a, "Ada", std::nullopt, "", "2026-11-28T16:00:00Z");
    EXPECT_EQ(plain.chosen(), tb::Approach::fine_tune);
    EXPECT_EQ(*plain.method, tb::TuningMethod::lora);

    tb::Decision overridden = tb::make_decision(a, "Ada", tb::Approach::prompting,
                                                "legal will not sign off on training", "2026-11-28T16:00:00Z");
    EXPECT_EQ(overridden.chosen(), tb::Approach::prompting);
    nlohmann::json j = tb::to_json(overridden);
    EXPECT_EQ(j["recommended"], "fine-tune");
    EXPECT_EQ(j["override"], "prompting");
    EXPECT_EQ(j["chosen"], "prompting");
    tb::Decision back = tb::decision_from_json(j);
    EXPECT_EQ(tb::to_json(back), j);
    EXPECT_EQ(back.answers, a.answers);

    EXPECT_THROW(tb::make_decision(a, "", std::nullopt), tb::Error);
    EXPECT_THROW(tb::make_decision(a, "Ada", tb::Approach::rag, "  "), tb::Error);         // override needs a reason
    EXPECT_THROW(tb::make_decision(a, "Ada", tb::Approach::fine_tune, "why"), tb::Error);  // no-op override
    EXPECT_THROW(tb::make_decision(a, "Ada", std::nullopt, "a reason"), tb::Error);        // reason without override
    j.erase("decided_by");
    EXPECT_THROW(tb::decision_from_json(j), tb::Error);
    EXPECT_EQ(tb::utc_timestamp_now().size(), 20u);
}

}  // namespace
