#include "core/model/safetensors_torch.h"

#include "core/common/error.h"
#include "core/model/weight_layout.h"

namespace tb {

torch::ScalarType torch_dtype_of(SafeDType dtype, const std::string& context) {
    switch (dtype) {
        case SafeDType::F64:
            return torch::kFloat64;
        case SafeDType::F32:
            return torch::kFloat32;
        case SafeDType::F16:
            return torch::kFloat16;
        case SafeDType::BF16:
            return torch::kBFloat16;
        case SafeDType::I64:
            return torch::kInt64;
        case SafeDType::I32:
            return torch::kInt32;
        case SafeDType::I16:
            return torch::kInt16;
        case SafeDType::I8:
            return torch::kInt8;
        case SafeDType::U8:
            return torch::kUInt8;
        case SafeDType::BOOL:
            return torch::kBool;
        default:
            throw Error(context + ": dtype " + safe_dtype_name(dtype) +
                        " is not supported (use F32, F16 or BF16 weights; quantised F8 models are not supported)");
    }
}

SafeDType safe_dtype_of(torch::ScalarType dtype) {
    switch (dtype) {
        case torch::kFloat64:
            return SafeDType::F64;
        case torch::kFloat32:
            return SafeDType::F32;
        case torch::kFloat16:
            return SafeDType::F16;
        case torch::kBFloat16:
            return SafeDType::BF16;
        case torch::kInt64:
            return SafeDType::I64;
        case torch::kInt32:
            return SafeDType::I32;
        case torch::kInt16:
            return SafeDType::I16;
        case torch::kInt8:
            return SafeDType::I8;
        case torch::kUInt8:
            return SafeDType::U8;
        case torch::kBool:
            return SafeDType::BOOL;
        default:
            throw Error(std::string("cannot save a tensor of dtype ") + c10::toString(dtype) + " as safetensors");
    }
}

torch::Tensor tensor_view(const std::shared_ptr<SafetensorsFile>& file, const std::string& name) {
    const SafeTensorInfo& info = file->info(name);
    const auto dtype = torch_dtype_of(info.dtype, file->path().string() + ": tensor \"" + name + "\"");
    auto bytes = file->bytes(info);
    void* data = const_cast<std::byte*>(bytes.data());
    const auto element = safe_dtype_size(info.dtype);
    auto options = torch::TensorOptions().dtype(dtype);
    if (reinterpret_cast<std::uintptr_t>(data) % element != 0 || info.numel() == 0) {
        // Misaligned data (a header whose length is not a multiple of 8): copy out.
        auto out = torch::empty(info.shape, options);
        if (!bytes.empty()) std::memcpy(out.data_ptr(), data, bytes.size());
        return out;
    }
    std::shared_ptr<SafetensorsFile> keep_alive = file;
    return torch::from_blob(
        data, info.shape, [keep_alive](void*) mutable { keep_alive.reset(); }, options);
}

torch::Tensor load_tensor(const SafetensorsFolder& folder, const std::string& name, torch::ScalarType dtype) {
    const auto& file = folder.file_for(name);
    if (c10::isFloatingType(dtype)) require_float_weight(*file, file->info(name));
    auto view = tensor_view(file, name);
    return view.scalar_type() == dtype ? view : view.to(dtype);
}

void save_safetensors(const std::filesystem::path& path,
                      const std::vector<std::pair<std::string, torch::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata) {
    std::vector<torch::Tensor> keep;  // contiguous CPU copies live until written
    std::vector<SafeTensorToWrite> records;
    keep.reserve(tensors.size());
    for (const auto& [name, tensor] : tensors) {
        auto t = tensor.detach().to(torch::kCPU).contiguous();
        keep.push_back(t);
        SafeTensorToWrite r;
        r.name = name;
        r.dtype = safe_dtype_of(t.scalar_type());
        r.shape = t.sizes().vec();
        r.data = std::span<const std::byte>(static_cast<const std::byte*>(t.data_ptr()),
                                            static_cast<std::size_t>(t.numel()) * t.element_size());
        records.push_back(std::move(r));
    }
    write_safetensors(path, records, metadata);
}

}  // namespace tb
