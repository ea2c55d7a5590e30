#pragma once
// Pre-allocated key/value cache for incremental decoding: per layer K and V of shape
// [B, n_kv_heads, capacity, head_dim]. A forward pass writes its T new positions at
// [length, length + T) in every layer, then the model advances length by T.
#include <cstdint>
#include <utility>
#include <vector>

#include <torch/torch.h>

namespace tb {

class KVCache {
public:
    KVCache(std::int64_t layers, std::int64_t batch, std::int64_t kv_heads, std::int64_t capacity,
            std::int64_t head_dim, torch::ScalarType dtype, torch::Device device = torch::kCPU);

    // Stores k, v [B, kv_heads, T, head_dim] for `layer` at the current length and returns
    // views of everything cached so far, [B, kv_heads, length + T, head_dim].
    std::pair<torch::Tensor, torch::Tensor> append(std::int64_t layer, const torch::Tensor& k, const torch::Tensor& v);
    void advance(std::int64_t tokens);  // after every layer appended `tokens` positions
    void reset() { length_ = 0; }

    std::int64_t length() const { return length_; }
    std::int64_t capacity() const { return capacity_; }
    std::int64_t batch() const { return batch_; }
    std::int64_t bytes() const;

private:
    std::vector<torch::Tensor> keys_;
    std::vector<torch::Tensor> values_;
    std::int64_t batch_;
    std::int64_t capacity_;
    std::int64_t length_ = 0;
};

}  // namespace tb
