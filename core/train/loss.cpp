#include "core/train/loss.h"

namespace tb {

BatchTensors to_tensors(const PackedBatch& batch, torch::Device device) {
    auto i64 = torch::TensorOptions().dtype(torch::kInt64);
    auto shape = std::vector<std::int64_t>{batch.rows, batch.length};
    BatchTensors t;
    // from_blob views the vectors; clone() owns the memory before they go away.
    t.input_ids = torch::from_blob(const_cast<std::int64_t*>(batch.input_ids.data()), shape, i64).clone().to(device);
    t.sequence_ids =
        torch::from_blob(const_cast<std::int64_t*>(batch.sequence_ids.data()), shape, i64).clone().to(device);
    t.position_ids =
        torch::from_blob(const_cast<std::int64_t*>(batch.position_ids.data()), shape, i64).clone().to(device);
    t.loss_weights =
        torch::from_blob(const_cast<float*>(batch.loss_weights.data()), shape, torch::kFloat32).clone().to(device);
    return t;
}

torch::Tensor weighted_token_loss_sum(const torch::Tensor& logits, const torch::Tensor& input_ids,
                                      const torch::Tensor& loss_weights) {
    const auto V = logits.size(-1);
    auto pred = logits.slice(1, 0, logits.size(1) - 1).reshape({-1, V});  // [B*(T-1), V]
    auto target = input_ids.slice(1, 1).reshape({-1});                    // [B*(T-1)]
    auto w = loss_weights.slice(1, 1).reshape({-1}).to(torch::kFloat32);  // [B*(T-1)]
    auto ce = torch::nn::functional::cross_entropy(
        pred.to(torch::kFloat32), target, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kNone));
    return (ce * w).sum();
}

torch::Tensor batch_loss_sum(CausalLMImpl& model, const BatchTensors& batch) {
    ForwardInputs in;
    in.input_ids = batch.input_ids;
    in.sequence_ids = batch.sequence_ids;
    in.position_ids = batch.position_ids;
    return weighted_token_loss_sum(model.forward(in), batch.input_ids, batch.loss_weights);
}

}  // namespace tb
