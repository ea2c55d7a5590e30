#include "core/advisor/memory_estimate.h"

#include "core/common/error.h"

namespace tb {

const char* to_string(TuningMethod method) {
    switch (method) {
        case TuningMethod::lora:
            return "lora";
        case TuningMethod::qlora:
            return "qlora";
        case TuningMethod::full:
            return "full";
    }
    return "lora";
}

std::int64_t lora_parameter_count(const ModelShape& s, int rank) {
    const std::int64_t h = s.hidden_size, i = s.intermediate_size;
    // q: h -> q_dim, k and v: h -> kv_dim, o: q_dim -> h, gate and up: h -> i, down: i -> h.
    const std::int64_t in_plus_out = (h + s.q_dim()) + 2 * (h + s.kv_dim()) + (s.q_dim() + h) + 2 * (h + i) + (i + h);
    return std::int64_t(rank) * in_plus_out * s.num_layers;
}

double activation_bytes_per_token_per_layer(const ModelShape& s) {
    return kBf16BytesPerWeight * double(4 * s.hidden_size + 2 * s.q_dim() + 2 * s.kv_dim() + 4 * s.intermediate_size);
}

MemoryEstimate estimate_memory(const ModelShape& s, TuningMethod method, const MemoryEstimateOptions& options) {
    if (options.sequence_length <= 0) throw Error("the sequence length must be a positive number of tokens");
    if (options.batch_size <= 0) throw Error("the batch size must be at least 1");
    if (options.lora_rank <= 0) throw Error("the LoRA rank must be at least 1");
    if (s.parameters <= 0 || s.num_layers <= 0 || s.hidden_size <= 0)
        throw Error("the model shape is incomplete: no parameter count, layers or hidden size");
    MemoryEstimate e;
    e.method = method;
    const double parameters = double(s.parameters);
    switch (method) {
        case TuningMethod::lora:
            e.weight_bytes = kBf16BytesPerWeight * parameters;
            e.trainable_parameters = lora_parameter_count(s, options.lora_rank);
            break;
        case TuningMethod::qlora: {
            // Typed-in counts keep the reference shape's share of projection weights.
            const double projection_share = double(count_projection_parameters(s)) / double(count_parameters(s));
            const double projections = parameters * projection_share;
            e.weight_bytes = kNf4BytesPerWeight * projections + kBf16BytesPerWeight * (parameters - projections);
            e.trainable_parameters = lora_parameter_count(s, options.lora_rank);
            break;
        }
        case TuningMethod::full:
            e.weight_bytes = kBf16BytesPerWeight * parameters;
            e.trainable_parameters = s.parameters;
            break;
    }
    e.trainable_state_bytes = kTrainableStateBytes * double(e.trainable_parameters);

    const double tokens = double(options.sequence_length) * double(options.batch_size);
    const double per_layer = activation_bytes_per_token_per_layer(s);
    e.activation_bytes = options.gradient_checkpointing
                             ? tokens * (double(s.num_layers) * kBf16BytesPerWeight * double(s.hidden_size) + per_layer)
                             : tokens * double(s.num_layers) * per_layer;
    e.logits_bytes = tokens * double(s.vocab_size) * kLogitBytesPerEntry;
    const double subtotal = e.weight_bytes + e.trainable_state_bytes + e.activation_bytes + e.logits_bytes;
    e.overhead_bytes = kFixedOverheadBytes + kProportionalOverhead * subtotal;
    e.total_bytes = subtotal + e.overhead_bytes;
    return e;
}

std::vector<MemoryEstimate> estimate_all_methods(const ModelShape& shape, const MemoryEstimateOptions& options) {
    return {estimate_memory(shape, TuningMethod::lora, options), estimate_memory(shape, TuningMethod::qlora, options),
            estimate_memory(shape, TuningMethod::full, options)};
}

std::vector<std::string> memory_assumptions(const MemoryEstimateOptions& o) {
    return {
        "sequence length " + std::to_string(o.sequence_length) + " tokens, batch size " + std::to_string(o.batch_size) +
            ", gradient checkpointing " + (o.gradient_checkpointing ? "on" : "off") + ", LoRA rank " +
            std::to_string(o.lora_rank),
        "base weights in bf16 (2 bytes per parameter); QLoRA: decoder projections in 4-bit NF4 with an fp32 scale per "
        "64 weights (0.5625 bytes), embeddings, lm_head and norms in bf16",
        "LoRA on every attention and MLP projection (q, k, v, o, gate, up, down): r x (in + out) parameters each",
        "each trainable parameter: fp32 master weight, fp32 gradient and AdamW's two fp32 moments (16 bytes); full "
        "fine-tuning also keeps the bf16 weights (18 bytes per parameter)",
        "activations in bf16 with memory-efficient attention: 2 x (4h + 2 q_dim + 2 kv_dim + 4i) bytes per token per "
        "layer; with gradient checkpointing only each layer's input (2h bytes per token per layer) plus one layer "
        "being recomputed",
        "logits: 8 bytes per token per vocabulary entry (fp32 logits and their gradient)",
        "framework overhead: 1 GiB (CUDA context, workspaces) plus 10% of the rest (fragmentation, temporary buffers)",
    };
}

}  // namespace tb
