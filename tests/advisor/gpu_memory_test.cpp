// GPU memory detection: nvidia-smi's CSV output parsed, the largest GPU kept.
#include <gtest/gtest.h>

#include "core/advisor/gpu_memory.h"

namespace {

TEST(GpuMemory, ParsesNvidiaSmiCsvAndKeepsTheLargestGpu) {
    auto one = tb::parse_nvidia_smi_memory("NVIDIA H200, 143771\n");
    ASSERT_TRUE(one);
    EXPECT_EQ(one->name, "NVIDIA H200");
    EXPECT_NEAR(one->memory_gib, 143771.0 / 1024.0, 1e-9);
    EXPECT_EQ(one->count, 1);

    auto mixed = tb::parse_nvidia_smi_memory("NVIDIA GeForce RTX 3060, 12288\r\nNVIDIA A100-SXM4-80GB, 81920\n");
    ASSERT_TRUE(mixed);
    EXPECT_EQ(mixed->name, "NVIDIA A100-SXM4-80GB");
    EXPECT_DOUBLE_EQ(mixed->memory_gib, 80.0);
    EXPECT_EQ(mixed->count, 2);
}

TEST(GpuMemory, NothingUsableIsNothingDetected) {
    EXPECT_FALSE(tb::parse_nvidia_smi_memory(""));
    EXPECT_FALSE(tb::parse_nvidia_smi_memory("No devices were found\n"));
    EXPECT_FALSE(tb::parse_nvidia_smi_memory("NVIDIA X, [N/A]\n"));
    EXPECT_FALSE(tb::parse_nvidia_smi_memory("NVIDIA X, 0\n"));
}

}  // namespace
