// A process importing a large file is killed (SIGKILL) at several moments: the project
// must stay intact and hold either none or all of that import, never part of it.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "common/temp_dir.h"
#include "core/project/examples.h"
#include "core/project/project_import.h"

namespace {

using tb::ProjectFile;

std::string chat_file(int n, int first) {
    std::string text;
    text.reserve(static_cast<std::size_t>(n) * 140);
    for (int i = first; i < first + n; ++i) {
        text += R"({"messages": [{"role": "user", "content": "Crash test question number )" + std::to_string(i) +
                R"(, please answer"}, {"role": "assistant", "content": "Answer )" + std::to_string(i) +
                R"( with some words"}]})"
                "\n";
    }
    return text;
}

// Forks a child that imports `file` and exits; the parent kills it after `delay`.
// Returns true when the child was still running at the kill.
bool import_and_kill(const std::string& project_path, const std::string& file, std::chrono::milliseconds delay) {
    pid_t child = ::fork();
    if (child == 0) {
        try {
            auto project = ProjectFile::open(project_path);
            tb::import_file(project, file, {}, false);
        } catch (...) {
            ::_exit(3);
        }
        ::_exit(0);
    }
    EXPECT_GT(child, 0);
    std::this_thread::sleep_for(delay);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFSIGNALED(status);
}

TEST(CrashSafety, KilledImportLeavesNoneOrAllOfIt) {
    tbtest::TempDir dir;
    constexpr int kBig = 20000;
    std::string big = dir.write("big.jsonl", chat_file(kBig, 1000));
    std::string small = dir.write("small.jsonl", chat_file(10, 0));
    int killed_mid_way = 0;
    int delays_ms[] = {5, 30, 80, 160, 300, 500, 800, 1200, 2500};
    for (int i = 0; i < static_cast<int>(std::size(delays_ms)); ++i) {
        std::string path = dir.file("p" + std::to_string(i) + ".tunebench");
        {
            auto project = ProjectFile::create(path);
            tb::import_file(project, small, {}, false);  // committed before the crash: must survive
        }
        bool killed = import_and_kill(path, big, std::chrono::milliseconds(delays_ms[i]));
        auto project = ProjectFile::open(path);
        auto check = project.prepare("PRAGMA integrity_check");
        ASSERT_TRUE(check.step());
        EXPECT_EQ(check.column_text(0), "ok") << "killed after " << delays_ms[i] << " ms";
        std::int64_t count = tb::count_examples(project);
        EXPECT_TRUE(count == 10 || count == 10 + kBig)
            << count << " examples after a kill at " << delays_ms[i] << " ms";
        // The FTS index and the import reports agree with what was kept.
        EXPECT_EQ(tb::query_int64(project.handle(), "SELECT count(*) FROM examples_fts").value(), count);
        EXPECT_EQ(static_cast<std::int64_t>(tb::list_import_reports(project).size()), count == 10 ? 1 : 2);
        if (killed && count == 10) ++killed_mid_way;
    }
    // The schedule must really have interrupted some imports, or the test proves nothing.
    EXPECT_GE(killed_mid_way, 2);
}

}  // namespace
