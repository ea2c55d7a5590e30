#pragma once
// The GPU memory the advisor compares its estimates with, when the user types none: read
// from `nvidia-smi` (the largest GPU, in GiB). The advisor stays torch-free, so it asks the
// driver's tool rather than CUDA. No NVIDIA driver (this CPU machine, CI): nothing detected.
#include <optional>
#include <string>

namespace tb {

// Parses `nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits` output
// ("NVIDIA H200, 143771" per GPU, MiB): the largest GPU's memory in GiB and its name;
// nullopt when no line parses.
struct DetectedGpu {
    std::string name;
    double memory_gib = 0.0;
    int count = 0;  // GPUs listed
};
std::optional<DetectedGpu> parse_nvidia_smi_memory(const std::string& output);

// Runs nvidia-smi (when it is on PATH); nullopt when it is absent or lists no GPU.
std::optional<DetectedGpu> detect_gpu();

}  // namespace tb
