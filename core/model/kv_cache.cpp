#include "core/model/kv_cache.h"

#include "core/common/error.h"

namespace tb {

KVCache::KVCache(std::int64_t layers, std::int64_t batch, std::int64_t kv_heads, std::int64_t capacity,
                 std::int64_t head_dim, torch::ScalarType dtype, torch::Device device)
    : batch_(batch), capacity_(capacity) {
    auto options = torch::TensorOptions().dtype(dtype).device(device);
    for (std::int64_t i = 0; i < layers; ++i) {
        keys_.push_back(torch::zeros({batch, kv_heads, capacity, head_dim}, options));
        values_.push_back(torch::zeros({batch, kv_heads, capacity, head_dim}, options));
    }
}

std::pair<torch::Tensor, torch::Tensor> KVCache::append(std::int64_t layer, const torch::Tensor& k,
                                                        const torch::Tensor& v) {
    const std::int64_t t = k.size(2);
    if (length_ + t > capacity_)
        throw Error("KV cache full: " + std::to_string(length_ + t) + " positions needed, capacity " +
                    std::to_string(capacity_) + " (raise max_new_tokens' budget or shorten the prompt)");
    if (k.size(0) != batch_) throw Error("KV cache batch mismatch");
    auto& keys = keys_.at(static_cast<std::size_t>(layer));
    auto& values = values_.at(static_cast<std::size_t>(layer));
    keys.narrow(2, length_, t).copy_(k);
    values.narrow(2, length_, t).copy_(v);
    return {keys.narrow(2, 0, length_ + t), values.narrow(2, 0, length_ + t)};
}

void KVCache::advance(std::int64_t tokens) { length_ += tokens; }

std::int64_t KVCache::bytes() const {
    std::int64_t total = 0;
    for (const auto& k : keys_) total += k.numel() * k.element_size() * 2;
    return total;
}

}  // namespace tb
