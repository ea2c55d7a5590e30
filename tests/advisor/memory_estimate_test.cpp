#include "core/advisor/memory_estimate.h"

#include <gtest/gtest.h>

#include "core/advisor/model_shape.h"
#include "core/common/error.h"

namespace {

constexpr double GiB = 1073741824.0;

// config.json fields of real models, as published on the Hugging Face hub.
nlohmann::json llama32_1b_config() {
    return {{"model_type", "llama"},   {"hidden_size", 2048},       {"intermediate_size", 8192},
            {"num_hidden_layers", 16}, {"num_attention_heads", 32}, {"num_key_value_heads", 8},
            {"head_dim", 64},          {"vocab_size", 128256},      {"tie_word_embeddings", true}};
}
nlohmann::json llama2_7b_config() {
    return {{"model_type", "llama"},   {"hidden_size", 4096},         {"intermediate_size", 11008},
            {"num_hidden_layers", 32}, {"num_attention_heads", 32},   {"num_key_value_heads", 32},
            {"vocab_size", 32000},     {"tie_word_embeddings", false}};
}
nlohmann::json llama3_70b_config() {
    return {{"model_type", "llama"},   {"hidden_size", 8192},         {"intermediate_size", 28672},
            {"num_hidden_layers", 80}, {"num_attention_heads", 64},   {"num_key_value_heads", 8},
            {"vocab_size", 128256},    {"tie_word_embeddings", false}};
}

// ---- Llama-3.2-1B: h 2048, i 8192, 16 layers, 32 heads, 8 kv heads, head_dim 64, V 128256, tied.
// q_dim = 2048, kv_dim = 512.
// Parameters: per layer q 2048·2048 = 4,194,304; k, v 2048·512 = 1,048,576 each; o 4,194,304;
//   MLP 3·2048·8192 = 50,331,648; norms 2·2048 = 4,096  -> 60,821,504; ×16 = 973,144,064
//   + embeddings 128256·2048 = 262,668,288 (tied: no lm_head) + final norm 2,048 = 1,235,814,400
// LoRA r=16: in+out per layer (2048+2048) + 2·(2048+512) + (2048+2048) + 2·(2048+8192) + (8192+2048)
//   = 4,096 + 5,120 + 4,096 + 20,480 + 10,240 = 44,032; ×16 rank ×16 layers = 11,272,192
//   (the figure PEFT prints for this model with r=16 on all linear layers).
// Activations per token per layer: 2·(4·2048 + 2·2048 + 2·512 + 4·8192) = 2·46,080 = 92,160 bytes.
// Seq 2048, batch 1 -> 2,048 tokens; checkpointing: 2048·(16·2·2048 + 92,160) = 2048·157,696 = 322,961,408
// Logits: 2048·128256·8 = 2,101,346,304
// LoRA:  weights 2·P = 2,471,628,800; state 16·11,272,192 = 180,355,072
//        subtotal 2,471,628,800 + 180,355,072 + 322,961,408 + 2,101,346,304 = 5,076,291,584
//        overhead 1 GiB + 10% = 1,073,741,824 + 507,629,158.4; total 6,657,662,566.4 B = 6.2004 GiB
// QLoRA: projections 973,078,528 (= 973,144,064 − 16·4,096 norms) at 0.5625 B = 547,356,672
//        + the rest 262,735,872 at 2 B = 525,471,744 -> weights 1,072,828,416
//        subtotal 3,677,491,200; total 3,677,491,200·1.1 + 1,073,741,824 = 5,118,982,144 B = 4.7674 GiB
// Full:  weights 2,471,628,800 + state 16·P = 19,773,030,400; subtotal 24,668,966,912
//        total 24,668,966,912·1.1 + 1 GiB = 28,209,605,427.2 B = 26.2722 GiB
TEST(MemoryEstimate, Llama32_1B) {
    tb::ModelShape s = tb::model_shape_from_config(llama32_1b_config(), "llama-3.2-1b/config.json");
    EXPECT_EQ(s.parameters, 1235814400);
    EXPECT_EQ(tb::count_projection_parameters(s), 973078528);
    EXPECT_EQ(tb::lora_parameter_count(s, 16), 11272192);
    EXPECT_DOUBLE_EQ(tb::activation_bytes_per_token_per_layer(s), 92160);

    tb::MemoryEstimate lora = tb::estimate_memory(s, tb::TuningMethod::lora);
    EXPECT_DOUBLE_EQ(lora.weight_bytes, 2471628800.0);
    EXPECT_DOUBLE_EQ(lora.trainable_state_bytes, 180355072.0);
    EXPECT_DOUBLE_EQ(lora.activation_bytes, 322961408.0);
    EXPECT_DOUBLE_EQ(lora.logits_bytes, 2101346304.0);
    EXPECT_NEAR(lora.total_bytes, 6657662566.4, 1.0);
    EXPECT_NEAR(lora.total_gib(), 6.2004, 1e-4);

    tb::MemoryEstimate qlora = tb::estimate_memory(s, tb::TuningMethod::qlora);
    EXPECT_NEAR(qlora.weight_bytes, 1072828416.0, 1.0);
    EXPECT_NEAR(qlora.total_bytes, 5118982144.0, 1.0);

    tb::MemoryEstimate full = tb::estimate_memory(s, tb::TuningMethod::full);
    EXPECT_EQ(full.trainable_parameters, 1235814400);
    EXPECT_NEAR(full.total_bytes, 28209605427.2, 1.0);
    EXPECT_NEAR(full.total_gib(), 26.2722, 1e-4);
}

// Without checkpointing every layer keeps its activations: 2048·16·92,160 = 3,019,898,880 B;
// LoRA subtotal 2,471,628,800 + 180,355,072 + 3,019,898,880 + 2,101,346,304 = 7,773,229,056
// total 7,773,229,056·1.1 + 1 GiB = 9,624,293,785.6 B = 8.9633 GiB
TEST(MemoryEstimate, Llama32_1BWithoutCheckpointing) {
    tb::ModelShape s = tb::model_shape_from_config(llama32_1b_config(), "config.json");
    tb::MemoryEstimateOptions o;
    o.gradient_checkpointing = false;
    tb::MemoryEstimate lora = tb::estimate_memory(s, tb::TuningMethod::lora, o);
    EXPECT_DOUBLE_EQ(lora.activation_bytes, 3019898880.0);
    EXPECT_NEAR(lora.total_bytes, 9624293785.6, 1.0);
}

// ---- Llama-2-7B: h 4096, i 11008, 32 layers, 32 heads (no GQA), V 32000, untied.
// Parameters: per layer 4·4096² = 67,108,864 + 3·4096·11008 = 135,266,304 + norms 8,192
//   = 202,383,360; ×32 = 6,476,267,520; + 2·32000·4096 = 262,144,000 + 4,096 = 6,738,415,616
// LoRA r=16: per layer 16·(7·4096 + 2·4096 + 2·4096 + 3·11008) = 16·78,080 = 1,249,280;
//   ×32 = 39,976,960 (PEFT's "trainable params" for this model, r=16, all linear layers).
// Activations per token per layer 2·(4·4096 + 2·4096 + 2·4096 + 4·11008) = 2·76,800 = 153,600
// Checkpointing, 2,048 tokens: 2048·(32·8192 + 153,600) = 2048·415,744 = 851,443,712
// Logits 2048·32000·8 = 524,288,000
// LoRA:  13,476,831,232 + 16·39,976,960 = 639,631,360 + 851,443,712 + 524,288,000 = 15,492,194,304
//        ·1.1 + 1 GiB = 18,115,155,558.4 B = 16.8711 GiB
// QLoRA: projections 32·202,375,168 = 6,476,005,376 at 0.5625 = 3,642,753,024
//        + 262,410,240 at 2 = 524,820,480 -> 4,167,573,504; subtotal 6,182,936,576
//        ·1.1 + 1 GiB = 7,874,972,057.6 B = 7.3341 GiB
// Full:  18·P = 121,291,481,088 + 851,443,712 + 524,288,000 = 122,667,212,800
//        ·1.1 + 1 GiB = 136,007,675,904 B = 126.6670 GiB
TEST(MemoryEstimate, Llama2_7B) {
    tb::ModelShape s = tb::model_shape_from_config(llama2_7b_config(), "llama-2-7b/config.json");
    EXPECT_EQ(s.head_dim, 128);
    EXPECT_EQ(s.num_key_value_heads, 32);
    EXPECT_EQ(s.parameters, 6738415616);
    EXPECT_EQ(tb::lora_parameter_count(s, 16), 39976960);
    auto all = tb::estimate_all_methods(s);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].method, tb::TuningMethod::lora);
    EXPECT_NEAR(all[0].total_bytes, 18115155558.4, 1.0);
    EXPECT_DOUBLE_EQ(all[0].activation_bytes, 851443712.0);
    EXPECT_EQ(all[1].method, tb::TuningMethod::qlora);
    EXPECT_NEAR(all[1].weight_bytes, 4167573504.0, 1.0);
    EXPECT_NEAR(all[1].total_bytes, 7874972057.6, 1.0);
    EXPECT_EQ(all[2].method, tb::TuningMethod::full);
    EXPECT_NEAR(all[2].total_bytes, 136007675904.0, 1.0);
    EXPECT_NEAR(all[2].total_gib(), 126.667, 1e-3);
}

// ---- Llama-3-70B: h 8192, i 28672, 80 layers, 64 heads, 8 kv heads, head_dim 128, V 128256, untied.
// Sequence 4096, batch 2 -> 8,192 tokens. q_dim 8192, kv_dim 1024.
// Parameters: per layer q, o 8192² = 67,108,864 each; k, v 8192·1024 = 8,388,608 each;
//   MLP 3·8192·28672 = 704,643,072; norms 16,384 -> 855,654,400; ×80 = 68,452,352,000
//   + 2·128256·8192 = 2,101,346,304 + 8,192 = 70,553,706,496
// LoRA r=16: per layer 16·(7·8192 + 2·8192 + 2·1024 + 3·28672) = 16·161,792 = 2,588,672;
//   ×80 = 207,093,760
// Activations per token per layer 2·(4·8192 + 2·8192 + 2·1024 + 4·28672) = 2·165,888 = 331,776
// Checkpointing: 8192·(80·16384 + 331,776) = 8192·1,642,496 = 13,455,327,232
// Logits: 8192·128256·8 = 8,405,385,216
// LoRA:  141,107,412,992 + 16·207,093,760 = 3,313,500,160 + 13,455,327,232 + 8,405,385,216
//        = 166,281,625,600; ·1.1 + 1 GiB = 183,983,529,984 B = 171.3480 GiB
// QLoRA: projections 68,452,352,000 − 80·16,384 = 68,451,041,280 at 0.5625 = 38,503,710,720
//        + 2,102,665,216 at 2 = 4,205,330,432 -> 42,709,041,152; subtotal 67,883,253,760
//        ·1.1 + 1 GiB = 75,745,320,960 B = 70.5433 GiB: fits an 80 GiB GPU, LoRA does not.
// Full:  18·P = 1,269,966,716,928 + 13,455,327,232 + 8,405,385,216 = 1,291,827,429,376
//        ·1.1 + 1 GiB = 1,422,083,914,137.6 B = 1324.42 GiB
TEST(MemoryEstimate, Llama3_70B) {
    tb::ModelShape s = tb::model_shape_from_config(llama3_70b_config(), "llama-3-70b/config.json");
    EXPECT_EQ(s.parameters, 70553706496);
    EXPECT_EQ(tb::lora_parameter_count(s, 16), 207093760);
    tb::MemoryEstimateOptions o;
    o.sequence_length = 4096;
    o.batch_size = 2;
    tb::MemoryEstimate lora = tb::estimate_memory(s, tb::TuningMethod::lora, o);
    EXPECT_DOUBLE_EQ(lora.activation_bytes, 13455327232.0);
    EXPECT_DOUBLE_EQ(lora.logits_bytes, 8405385216.0);
    EXPECT_NEAR(lora.total_bytes, 183983529984.0, 1.0);
    tb::MemoryEstimate qlora = tb::estimate_memory(s, tb::TuningMethod::qlora, o);
    EXPECT_NEAR(qlora.weight_bytes, 42709041152.0, 1.0);
    EXPECT_NEAR(qlora.total_gib(), 70.5433, 1e-4);
    tb::MemoryEstimate full = tb::estimate_memory(s, tb::TuningMethod::full, o);
    EXPECT_NEAR(full.total_bytes, 1422083914137.6, 2.0);
}

TEST(MemoryEstimate, RankScalesOnlyTheAdapter) {
    tb::ModelShape s = tb::model_shape_from_config(llama2_7b_config(), "config.json");
    tb::MemoryEstimateOptions r8, r16;
    r8.lora_rank = 8;
    EXPECT_EQ(2 * tb::lora_parameter_count(s, 8), tb::lora_parameter_count(s, 16));
    double difference = tb::estimate_memory(s, tb::TuningMethod::lora, r16).total_bytes -
                        tb::estimate_memory(s, tb::TuningMethod::lora, r8).total_bytes;
    // 16 bytes per extra adapter weight, plus the 10% overhead on it.
    EXPECT_NEAR(difference, 1.1 * 16.0 * double(tb::lora_parameter_count(s, 8)), 1.0);
}

TEST(MemoryEstimate, RejectsNonsense) {
    tb::ModelShape s = tb::model_shape_from_config(llama2_7b_config(), "config.json");
    tb::MemoryEstimateOptions o;
    o.sequence_length = 0;
    EXPECT_THROW(tb::estimate_memory(s, tb::TuningMethod::lora, o), tb::Error);
    o = {};
    o.batch_size = -1;
    EXPECT_THROW(tb::estimate_memory(s, tb::TuningMethod::lora, o), tb::Error);
    EXPECT_THROW(tb::estimate_memory(tb::ModelShape{}, tb::TuningMethod::lora), tb::Error);
}

TEST(MemoryEstimate, AssumptionsNameTheRunShape) {
    tb::MemoryEstimateOptions o;
    o.sequence_length = 1024;
    auto lines = tb::memory_assumptions(o);
    ASSERT_FALSE(lines.empty());
    EXPECT_NE(lines[0].find("1024"), std::string::npos);
}

}  // namespace
