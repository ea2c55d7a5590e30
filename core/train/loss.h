#pragma once
// The training loss of a packed batch: per-token weighted cross-entropy, returned as a SUM so
// that gradient accumulation can normalise over every trained token of the effective batch
// (sum of token losses / trained tokens of all micro-batches), not average micro-batch means.
#include <torch/torch.h>

#include "core/model/llama.h"
#include "core/train/packing.h"

namespace tb {

struct BatchTensors {
    torch::Tensor input_ids;     // [B, T] int64
    torch::Tensor sequence_ids;  // [B, T] int64
    torch::Tensor position_ids;  // [B, T] int64
    torch::Tensor loss_weights;  // [B, T] fp32
};
BatchTensors to_tensors(const PackedBatch& batch, torch::Device device = torch::kCPU);

// sum over b, t of loss_weights[b, t+1] * CE(logits[b, t], input_ids[b, t+1]): logits [B, T, V]
// fp32, returns a scalar. Position t only predicts t+1; a sample's first token has weight 0,
// so nothing is learned across packed boundaries.
torch::Tensor weighted_token_loss_sum(const torch::Tensor& logits, const torch::Tensor& input_ids,
                                      const torch::Tensor& loss_weights);

// Forward of `model` on the batch (sequence ids + positions) and the summed loss above.
torch::Tensor batch_loss_sum(CausalLMImpl& model, const BatchTensors& batch);

}  // namespace tb
