#pragma once
// Torch views over safetensors mappings, and saving torch tensors as safetensors.
// Kept apart from safetensors.h so torch-free code can parse headers without libtorch.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "core/model/safetensors.h"

namespace tb {

// torch dtype of a safetensors dtype; tb::Error for dtypes torch 1.13 lacks (U16/U32/U64, F8).
torch::ScalarType torch_dtype_of(SafeDType dtype, const std::string& context);
SafeDType safe_dtype_of(torch::ScalarType dtype);

// A zero-copy CPU tensor over the mapped bytes (copied only when the bytes are not aligned
// to the element size). The tensor keeps the mapping alive.
torch::Tensor tensor_view(const std::shared_ptr<SafetensorsFile>& file, const std::string& name);

// The view converted to `dtype` (no copy when it already matches).
torch::Tensor load_tensor(const SafetensorsFolder& folder, const std::string& name, torch::ScalarType dtype);

// Writes tensors (any device/layout: made contiguous on CPU) as one safetensors file.
void save_safetensors(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

}  // namespace tb
