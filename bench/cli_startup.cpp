// Start-up cost of tunebench-cli's commands that need no model (issue 14, section 4): runs
// `--version`, `stats` on a small project and `render-template` (ChatML, one conversation)
// N times each and prints the median wall time and the largest maximum RSS of the runs.
// The goal is a median under 50 ms: these commands must not load libtorch (the torch-backed
// commands live in tunebench-cli-torch.so, opened on first use). `generate --help`, which
// opens it, is measured alongside for scale.
//
//   bench_cli_startup [--cli PATH] [--runs N]     (default: the tunebench-cli built with it, 20)
//
// Runs are sequential, stdout/stderr to /dev/null; the first run of each command is a warm-up
// and not counted (page cache). The maximum RSS is wait4's ru_maxrss, which a child inherits from
// the process that spawned it: this benchmark links nothing of core (bench/CMakeLists.txt), so its
// own few MB are the floor.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;

struct Sample {
    double wall_ms = 0;
    long max_rss_kb = 0;
    int exit_code = -1;
};

Sample run_once(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
        std::perror("posix_spawn");
        std::exit(2);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    const auto end = std::chrono::steady_clock::now();
    posix_spawn_file_actions_destroy(&actions);
    Sample s;
    s.wall_ms = std::chrono::duration<double, std::milli>(end - start).count();
    s.max_rss_kb = usage.ru_maxrss;
    s.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return s;
}

void must(const std::vector<std::string>& argv) {
    if (run_once(argv).exit_code != 0) {
        std::fprintf(stderr, "set-up command failed: %s %s\n", argv[0].c_str(), argv.size() > 1 ? argv[1].c_str() : "");
        std::exit(2);
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string cli = TUNEBENCH_CLI;
    int runs = 20;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--cli" && i + 1 < argc) {
            cli = argv[++i];
        } else if (a == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: bench_cli_startup [--cli PATH] [--runs N]\n");
            return 2;
        }
    }
    cli = fs::absolute(cli).string();

    const fs::path dir = fs::temp_directory_path() / ("tb_bench_cli_startup_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string project = (dir / "p.tunebench").string();
    {
        std::ofstream data(dir / "data.jsonl");
        for (int i = 0; i < 200; ++i)
            data << R"({"messages": [{"role": "user", "content": "Question )" << i
                 << R"("}, {"role": "assistant", "content": "Answer )" << i << R"("}]})"
                 << "\n";
        std::ofstream(dir / "chatml.jinja")
            << "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
               "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}";
        std::ofstream(dir / "request.json")
            << R"({"messages": [{"role": "system", "content": "Be brief."}, )"
            << R"({"role": "user", "content": "Hello"}], "add_generation_prompt": true})";
    }
    must({cli, "init", project});
    must({cli, "import", project, (dir / "data.jsonl").string()});

    struct Case {
        std::string name;
        std::vector<std::string> argv;
        bool needs_no_model;
    };
    const std::vector<Case> cases = {
        {"--version", {cli, "--version"}, true},
        {"stats (200 examples)", {cli, "stats", project}, true},
        {"render-template",
         {cli, "render-template", "--template", (dir / "chatml.jinja").string(), "--request",
          (dir / "request.json").string()},
         true},
        {"generate --help (opens libtorch)", {cli, "generate", "--help"}, false},
    };

    std::printf("tunebench-cli start-up: %s, %d runs each (median wall time, largest max RSS)\n", cli.c_str(), runs);
    std::printf("%-34s %12s %12s %10s\n", "command", "median ms", "max RSS MB", "goal");
    bool met = true;
    for (const auto& c : cases) {
        run_once(c.argv);  // warm-up
        std::vector<double> walls;
        long rss = 0;
        for (int i = 0; i < runs; ++i) {
            const Sample s = run_once(c.argv);
            if (s.exit_code != 0) {
                std::fprintf(stderr, "%s exited %d\n", c.name.c_str(), s.exit_code);
                return 2;
            }
            walls.push_back(s.wall_ms);
            rss = std::max(rss, s.max_rss_kb);
        }
        std::sort(walls.begin(), walls.end());
        const double median =
            walls.size() % 2 ? walls[walls.size() / 2] : (walls[walls.size() / 2 - 1] + walls[walls.size() / 2]) / 2;
        const char* goal = c.needs_no_model ? (median < 50.0 ? "< 50 ms" : "MISSED") : "-";
        if (c.needs_no_model && median >= 50.0) met = false;
        std::printf("%-34s %12.1f %12.1f %10s\n", c.name.c_str(), median, double(rss) / 1024.0, goal);
    }
    fs::remove_all(dir);
    std::printf("goal (commands that need no model start in under 50 ms): %s\n", met ? "met" : "missed");
    return 0;
}
