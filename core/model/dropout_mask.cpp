#include "core/model/dropout_mask.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>

#include <cmath>
#include <mutex>

#include "core/common/error.h"

namespace tb {

namespace {

// splitmix64's finaliser: a bijective mix whose outputs for consecutive counters pass
// BigCrush; 64 bits per call give two 32-bit uniforms.
inline std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t next_seed_from_default_generator() {
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    return generator.get<at::CPUGeneratorImpl>()->random64();
}

}  // namespace

torch::Tensor dropout_mask(at::IntArrayRef sizes, torch::ScalarType dtype, double p, std::uint64_t seed) {
    if (!(p >= 0.0 && p < 1.0)) throw Error("dropout probability must be in [0, 1)");
    auto mask = torch::empty(sizes, torch::TensorOptions().dtype(dtype));
    const std::int64_t n = mask.numel();
    // Keep an element when its 32-bit uniform u satisfies u >= p * 2^32 (probability 1 - p).
    const auto threshold = static_cast<std::uint64_t>(std::llround(p * 4294967296.0));
    const double keep_value = 1.0 / (1.0 - p);
    const std::int64_t pairs = (n + 1) / 2;
    AT_DISPATCH_FLOATING_TYPES_AND2(at::kBFloat16, at::kHalf, mask.scalar_type(), "tb_dropout_mask", [&] {
        scalar_t* out = mask.data_ptr<scalar_t>();
        const auto kept = static_cast<scalar_t>(keep_value);
        const auto dropped = static_cast<scalar_t>(0.0);
        at::parallel_for(0, pairs, 8192, [&](std::int64_t begin, std::int64_t end) {
            for (std::int64_t pair = begin; pair < end; ++pair) {
                const std::uint64_t bits = mix64(seed + static_cast<std::uint64_t>(pair) * 0x9E3779B97F4A7C15ULL);
                const std::int64_t i = 2 * pair;
                out[i] = (bits & 0xFFFFFFFFULL) >= threshold ? kept : dropped;
                if (i + 1 < n) out[i + 1] = (bits >> 32) >= threshold ? kept : dropped;
            }
        });
    });
    return mask;
}

torch::Tensor fast_dropout(const torch::Tensor& x, double p) {
    if (p <= 0.0) return x;
    if (!x.device().is_cpu()) return torch::dropout(x, p, /*train=*/true);
    torch::Tensor mask;
    {
        torch::NoGradGuard no_grad;
        mask = dropout_mask(x.sizes(), x.scalar_type(), p, next_seed_from_default_generator());
    }
    return x * mask;
}

}  // namespace tb
