#pragma once
// The message of the tb::Error that `f` throws, or "(no error)": lets a test compare the whole
// text a user would see in one EXPECT_EQ.
#include <functional>
#include <string>

#include "core/common/error.h"

namespace tbtest {

inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const tb::Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace tbtest
