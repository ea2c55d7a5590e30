#pragma once
// Runs the real tunebench-cli as a direct child and reads its own peak resident memory
// (wait4's rusage: the child's maximum RSS, not the largest of all children so far) and its
// wall time, for the tests that feed it hostile files. The child runs under limits, so a
// regression fails the test instead of exhausting the machine: 4 GiB of address space and
// 60 s of CPU time. TUNEBENCH_CLI_UNDER_TEST (an environment variable) names another
// tunebench-cli to run instead of this build's, e.g. an older build to see a test fail.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "e2e/cli_runner.h"

namespace tbtest {

struct MeasuredCliResult : CliResult {
    double peak_rss_mb = 0;  // the child's maximum resident set size
    double seconds = 0;      // wall time
    bool killed = false;     // ended by a signal (a limit reached, a crash)
};

inline MeasuredCliResult run_measured(const CliDir& dir, const std::vector<std::string>& args, const std::string& tag) {
    // exec: the shell becomes tunebench-cli, so wait4's usage is the CLI's own.
    std::string command = "exec " + dir.command_line(args, tag);
    if (const char* other = std::getenv("TUNEBENCH_CLI_UNDER_TEST"); other && *other)
        command = "exec " + shell_quote(other) + command.substr(5 + shell_quote(TUNEBENCH_CLI).size());
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        const rlimit address_space{rlim_t(4) << 30, rlim_t(4) << 30};
        const rlimit cpu{60, 60};
        ::setrlimit(RLIMIT_AS, &address_space);
        ::setrlimit(RLIMIT_CPU, &cpu);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    MeasuredCliResult result;
    if (pid < 0) return result;
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    result.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
    result.killed = WIFSIGNALED(status);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_text(dir.file(tag + ".out"));
    result.err = read_text(dir.file(tag + ".err"));
    return result;
}

}  // namespace tbtest
