// The libFuzzer entry point of every target: tests/fuzz/CMakeLists.txt compiles this file
// once per target with FUZZ_TARGET_HEADER (the header defining it) and FUZZ_TARGET (the
// function tb::fuzz::NAME(data, size)). The targets live in headers so the GoogleTest
// suites replay tests/fuzz/regressions/<target>/ through the very same code.
#include <cstddef>
#include <cstdint>

#include FUZZ_TARGET_HEADER

// The empty input first, before libFuzzer's per-input timeout applies: targets load their
// fixtures (tokenizers, chat templates) on first use, which takes seconds under ASan.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    static const std::uint8_t empty[1] = {0};
    tb::fuzz::FUZZ_TARGET(empty, 0);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    tb::fuzz::FUZZ_TARGET(data, size);
    return 0;
}
