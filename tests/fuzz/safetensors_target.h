#pragma once
// Fuzz target: a safetensors file image (8-byte header length, JSON header, data) through
// parse_safetensors, the validation every model and adapter load goes through.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/model/safetensors.h"
#include "tests/fuzz/fuzz_common.h"

namespace tb::fuzz {

inline void safetensors(const std::uint8_t* data, std::size_t size) {
    std::span<const std::byte> file(reinterpret_cast<const std::byte*>(data), size);
    expect_clean([&] {
        SafetensorsHeader header = parse_safetensors(file, "fuzz.safetensors");
        // What the validation promises: every tensor's bytes lie inside the file and hold
        // exactly numel * dtype size bytes.
        for (const auto& t : header.tensors) {
            if (t.begin > t.end || header.data_offset + t.end > size)
                property_broken("tensor " + t.name + " lies outside the file");
            if (t.end - t.begin != static_cast<std::uint64_t>(t.numel()) * safe_dtype_size(t.dtype))
                property_broken("tensor " + t.name + " byte size differs from numel * dtype size");
        }
    });
}

}  // namespace tb::fuzz
