#pragma once
// ../shared/fixtures (stories260K, the 57 shared chat templates with their conversations, the
// shared tokenizers and their id vectors, the public datasets) sits beside the checkout for
// developers and CI only; a user's clone does not have it, and none of it may be copied into
// the project. A test that needs it skips without it and says what it did not check. What
// every clone does check instead lives in tests/fixtures (see its README).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace tbtest {

inline std::filesystem::path shared_fixtures_dir() { return std::filesystem::path(TUNEBENCH_SHARED_DIR) / "fixtures"; }

// The skip message: what was not run, and the missing file or folder.
inline std::string not_run_without_shared(const std::string& what, const std::filesystem::path& needed) {
    return "not run: " + what + " (needs " + needed.string() + " from ../shared, absent in this checkout)";
}

}  // namespace tbtest

// Skips the current test, saying what was not run, unless `needed` exists.
#define TB_SKIP_WITHOUT_SHARED(needed, what)                                                                \
    do {                                                                                                    \
        if (!std::filesystem::exists(needed)) GTEST_SKIP() << tbtest::not_run_without_shared(what, needed); \
    } while (0)
