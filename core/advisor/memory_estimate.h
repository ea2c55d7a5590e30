#pragma once
// GPU memory needed to fine-tune a model with LoRA, QLoRA (4-bit base) or full fine-tuning,
// at a sequence length and batch size. An estimate from stated assumptions, not a
// measurement: it is meant to tell 12 GiB from 24 GiB from 80 GiB, and to pick the method.
//
// Assumptions (also printed by `tunebench-cli advise`, see memory_assumptions()):
//  * Base weights: bf16, 2 bytes per parameter (LoRA, full). QLoRA: the decoder projections
//    (q, k, v, o, gate, up, down) in 4-bit NF4 with one fp32 absmax per 64-weight block,
//    4.5 bits = 0.5625 bytes per weight (no double quantization); embeddings, lm_head and
//    norms stay bf16.
//  * LoRA rank r on every attention and MLP projection of every layer, A (r×in) and B (out×r):
//    r·(in + out) each, r·(7h + 2·q_dim + 2·kv_dim + 3i) per layer (h hidden size, i MLP
//    width, q_dim = heads·head_dim, kv_dim = kv_heads·head_dim).
//  * Trainable parameters (the LoRA adapters; every weight for full fine-tuning) carry an
//    fp32 master weight (4 bytes), an fp32 gradient (4) and AdamW's two fp32 moments (8):
//    16 bytes each. Full fine-tuning keeps the bf16 working weights too: 18 bytes per weight.
//  * Activations in bf16 per token per layer, memory-efficient (flash/SDPA) attention with no
//    seq×seq matrix kept: the values each op keeps for its backward, two norm inputs, two
//    normed inputs, q/k/v, the attention output, gate, up, SiLU(gate) and their product:
//    2·(4h + 2·q_dim + 2·kv_dim + 4i) bytes. With gradient checkpointing only each layer's
//    input is kept (2·h bytes per token per layer) plus one layer's full activations while
//    it is recomputed. LoRA's own r-wide activations are negligible and left out.
//  * Logits: 8 bytes per token per vocabulary entry (fp32 logits for the loss and their
//    gradient).
//  * Framework overhead: 1 GiB (CUDA context, cuBLAS workspaces, kernels) plus 10% of all
//    the above (allocator fragmentation, temporary buffers).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/advisor/model_shape.h"

namespace tb {

enum class TuningMethod { lora, qlora, full };
const char* to_string(TuningMethod method);  // "lora", "qlora", "full"

inline constexpr double kBf16BytesPerWeight = 2.0;
inline constexpr double kNf4BytesPerWeight = 0.5625;         // 4 bits + fp32 absmax per 64 weights
inline constexpr double kTrainableStateBytes = 16.0;         // fp32 master + fp32 grad + AdamW m, v
inline constexpr double kLogitBytesPerEntry = 8.0;           // fp32 logits + fp32 gradient
inline constexpr double kFixedOverheadBytes = 1073741824.0;  // 1 GiB
inline constexpr double kProportionalOverhead = 0.10;
inline constexpr double kBytesPerGiB = 1073741824.0;

struct MemoryEstimateOptions {
    std::int64_t sequence_length = 2048;
    std::int64_t batch_size = 1;
    int lora_rank = 16;
    bool gradient_checkpointing = true;
};

struct MemoryEstimate {
    TuningMethod method = TuningMethod::lora;
    std::int64_t trainable_parameters = 0;
    double weight_bytes = 0;           // the base model's weights (bf16 or 4-bit)
    double trainable_state_bytes = 0;  // master weights, gradients, optimizer moments
    double activation_bytes = 0;
    double logits_bytes = 0;
    double overhead_bytes = 0;
    double total_bytes = 0;
    double total_gib() const { return total_bytes / kBytesPerGiB; }
};

// r·(7h + 2·q_dim + 2·kv_dim + 3i) per layer, times the layers.
std::int64_t lora_parameter_count(const ModelShape& shape, int rank);

// Bytes of activations per token per layer without checkpointing: 2·(4h + 2·q_dim + 2·kv_dim + 4i).
double activation_bytes_per_token_per_layer(const ModelShape& shape);

// Throws tb::Error for a non-positive sequence length, batch size or rank.
MemoryEstimate estimate_memory(const ModelShape& shape, TuningMethod method, const MemoryEstimateOptions& options = {});

// The three estimates, LoRA, QLoRA, full, in that order.
std::vector<MemoryEstimate> estimate_all_methods(const ModelShape& shape, const MemoryEstimateOptions& options = {});

// The assumptions above as sentences, for reports.
std::vector<std::string> memory_assumptions(const MemoryEstimateOptions& options);

}  // namespace tb
