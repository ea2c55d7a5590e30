#pragma once
// Inverted dropout whose mask is drawn in parallel from a counter-based hash. Why not
// torch::dropout: without MKL (Debian's libtorch) its CPU bernoulli_ runs one mt19937 draw
// per element on a single thread, about 2.6 ms for a 512x512 activation, which made the
// LoRA dropout of every adapted projection cost more than the model's own matmuls.
//
// The mask of one call is a pure function of (seed, element index); the seed is one 64-bit
// draw from torch's default CPU generator, so torch::manual_seed and a restored generator
// state (training checkpoints) reproduce every mask exactly. Internal to model/ (torch).
#include <cstdint>

#include <torch/torch.h>

namespace tb {

// [sizes] tensor of `dtype` on the CPU: 0 with probability p, 1/(1-p) otherwise.
torch::Tensor dropout_mask(at::IntArrayRef sizes, torch::ScalarType dtype, double p, std::uint64_t seed);

// x * dropout_mask(...) with a fresh seed from the default CPU generator (autograd: the
// gradient is the upstream gradient times the same mask). p <= 0 returns x; tensors on other
// devices go through torch::dropout and that device's generator.
torch::Tensor fast_dropout(const torch::Tensor& x, double p);

}  // namespace tb
