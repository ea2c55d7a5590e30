#pragma once
// The GoogleTest side of tests/fuzz: every input a fuzzer once crashed on is committed in
// tests/fuzz/regressions/<target>/ and replayed through the target's own code (the
// tb::fuzz::<target> functions of tests/fuzz/*_target*.h), where a finding throws
// tb::fuzz::Finding instead of aborting. Under scripts/sanitize.sh the replay also runs
// with ASan and UBSan, which catch what a plain build cannot see.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tests/fuzz/fuzz_common.h"

namespace tb::fuzz {

// (file name, content) of every committed input of `target`, in name order.
inline std::vector<std::pair<std::string, std::string>> regression_inputs(const std::string& target) {
    const std::filesystem::path dir = std::filesystem::path(TUNEBENCH_SOURCE_DIR) / "tests/fuzz/regressions" / target;
    std::vector<std::pair<std::string, std::string>> inputs;
    if (std::filesystem::is_directory(dir))
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.is_regular_file()) inputs.emplace_back(e.path().filename().string(), read_text_file(e.path()));
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

// Replays every committed input of `target` through `run`: none may be a finding.
template <class Run>
void replay_regressions(const std::string& target, Run&& run) {
    const auto inputs = regression_inputs(target);
    ASSERT_FALSE(inputs.empty()) << "no inputs in tests/fuzz/regressions/" << target;
    for (const auto& [name, data] : inputs) {
        SCOPED_TRACE("tests/fuzz/regressions/" + target + "/" + name);
        try {
            run(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
        } catch (const std::exception& e) {
            ADD_FAILURE() << e.what();
        }
    }
}

}  // namespace tb::fuzz
