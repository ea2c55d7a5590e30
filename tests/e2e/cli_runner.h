#pragma once
// Runs the real tunebench-cli binary (TUNEBENCH_CLI) and captures exit code, stdout and
// stderr separately, for the end-to-end tests.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/temp_dir.h"

namespace tbtest {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string shell_quote(const std::string& arg) {
    std::string quoted = "'";
    for (char c : arg) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted.push_back(c);
        }
    }
    return quoted + "'";
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class CliDir : public TempDir {
public:
    CliDir() : TempDir("tb_e2e_") {}
    // The command line of `tunebench-cli args...` with stdout/stderr sent to files named by `tag`.
    std::string command_line(const std::vector<std::string>& args, const std::string& tag) const {
        std::string command = shell_quote(TUNEBENCH_CLI);
        for (const auto& arg : args) command += " " + shell_quote(arg);
        return command + " >" + shell_quote(file(tag + ".out")) + " 2>" + shell_quote(file(tag + ".err")) +
               " </dev/null";
    }
    CliResult run(const std::vector<std::string>& args, const std::string& tag = "cli") const {
        int status = std::system(command_line(args, tag).c_str());
        CliResult result;
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        result.out = read_text(file(tag + ".out"));
        result.err = read_text(file(tag + ".err"));
        return result;
    }
};

inline std::string fixture(const std::string& name) {
    return std::string(TUNEBENCH_SHARED_DIR) + "/fixtures/datasets/" + name;
}

inline bool have_fixtures() { return std::filesystem::exists(fixture("alpaca_en_demo.json")); }

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

}  // namespace tbtest
