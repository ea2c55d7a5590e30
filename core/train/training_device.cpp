#include "core/train/training_device.h"

#include <ATen/Context.h>

#include "core/common/error.h"
#include "core/train/trainer.h"

namespace tb {

torch::Device resolve_training_device(const std::string& device) {
    if (!is_training_device_spelling(device)) throw Error("device \"" + device + "\" is not one of cpu, cuda, cuda:N");
    if (device == "cpu") return torch::Device(torch::kCPU);
    // hasCUDA: the CUDA backend is linked in (a CUDA build of libtorch/PyTorch), whatever the GPUs.
    if (!at::hasCUDA())
        throw Error("device " + device + ": this build of libtorch " + std::to_string(TORCH_VERSION_MAJOR) + "." +
                    std::to_string(TORCH_VERSION_MINOR) +
                    " has no CUDA support (Debian's libtorch is CPU-only): train on --device cpu, or build "
                    "Tunebench against a CUDA PyTorch (bench/README.md says how)");
    if (!torch::cuda::is_available() || torch::cuda::device_count() == 0)
        throw Error("device " + device +
                    ": libtorch has CUDA support but sees no GPU (is the NVIDIA driver loaded, or "
                    "CUDA_VISIBLE_DEVICES empty?)");
    const torch::Device parsed(device);
    const auto count = static_cast<std::int64_t>(torch::cuda::device_count());
    if (parsed.has_index() && parsed.index() >= count)
        throw Error("device " + device + ": there " +
                    (count == 1 ? "is 1 CUDA device" : "are " + std::to_string(count) + " CUDA devices") + " (cuda:0" +
                    (count > 1 ? "..cuda:" + std::to_string(count - 1) : "") + ")");
    return parsed;
}

BatchTensors batch_on_device(const BatchTensors& batch, torch::Device device) {
    BatchTensors out;
    // non_blocking is not worth it here: the rows are not in pinned memory.
    out.input_ids = batch.input_ids.to(device);
    out.sequence_ids = batch.sequence_ids.to(device);
    out.position_ids = batch.position_ids.to(device);
    out.loss_weights = batch.loss_weights.to(device);
    return out;
}

}  // namespace tb
