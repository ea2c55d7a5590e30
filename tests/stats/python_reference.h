#pragma once
// Runs a Python snippet with Debian's python3 (scipy / scikit-learn) and returns its stdout
// parsed as JSON, so the tests compare against the reference implementations on the same
// data at test time. Returns nullopt when python3 or a module is missing: callers skip.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace tbtest {

inline std::optional<nlohmann::json> run_python(const std::string& script) {
    // /usr/bin/python3 first: a user's pyenv python3 on PATH usually lacks Debian's modules.
    static const std::string python = [] {
        for (const char* candidate : {"/usr/bin/python3", "python3"}) {
            // find_spec locates the modules without importing them (an import of sklearn takes seconds).
            std::string probe =
                std::string(candidate) +
                " -c 'import importlib.util as u, sys; "
                "sys.exit(0 if u.find_spec(\"scipy\") and u.find_spec(\"sklearn\") else 1)' >/dev/null 2>&1";
            if (std::system(probe.c_str()) == 0) return std::string(candidate);
        }
        return std::string();
    }();
    if (python.empty()) return std::nullopt;
    const std::string path = testing::TempDir() + "tb_stats_reference_" +
                             testing::UnitTest::GetInstance()->current_test_info()->name() + ".py";
    {
        std::ofstream out(path);
        out << script;
    }
    std::string command = python + " -I " + path;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string output;
    std::array<char, 4096> buffer{};
    while (std::size_t got = fread(buffer.data(), 1, buffer.size(), pipe)) output.append(buffer.data(), got);
    int status = pclose(pipe);
    std::remove(path.c_str());
    if (status != 0) {
        ADD_FAILURE() << "reference script failed (status " << status << "):\n" << script << "\noutput: " << output;
        return std::nullopt;
    }
    return nlohmann::json::parse(output);
}

template <typename T>
std::string python_list(const std::vector<T>& values) {
    return nlohmann::json(values).dump();
}

}  // namespace tbtest
