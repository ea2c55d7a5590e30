#pragma once
// Where a training run computes (TrainConfig::device): "cpu" (the default), "cuda" (the
// current CUDA device) or "cuda:N". Internal to the trainer and the benchmarks (includes torch).
#include <string>

#include <torch/torch.h>

#include "core/train/loss.h"

namespace tb {

// The device of `device` (is_training_device_spelling, trainer.h), checked against this process: throws tb::Error for
// an unknown spelling, for CUDA when this libtorch was built without it (Debian's libtorch is CPU-only) or sees no GPU,
// and for a CUDA index past the devices present.
torch::Device resolve_training_device(const std::string& device);

// The batch's tensors on `device` (the same tensors when they are already there).
BatchTensors batch_on_device(const BatchTensors& batch, torch::Device device);

}  // namespace tb
