// Project file figures: import throughput on a generated JSONL file, and open / count /
// page / full-text search times on a large project built with direct inserts.
//
//   bench_project_bench [--import N] [--project N] [--dir FOLDER]
//   (defaults: 100000-example import, 1000000-example project, /tmp)
// Targets: import >= 20k examples/s; 1M project opens < 1 s; FTS search < 100 ms.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/project/examples.h"
#include "core/project/project_import.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// CPU seconds of this process (user + system). On a shared, overloaded machine wall time
// mostly measures the neighbours, so every figure is printed both ways.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Words drawn with a skewed distribution, so searches meet both common and rare terms.
class TextGenerator {
public:
    explicit TextGenerator(unsigned seed) : rng_(seed) {
        const char* base[] = {"order",  "refund",   "shipping", "account",  "password", "invoice", "delivery",
                              "parcel", "support",  "return",   "warranty", "payment",  "card",    "address",
                              "store",  "discount", "the",      "a",        "my",       "is",      "how",
                              "can",    "i",        "please",   "when",     "where",    "what",    "why"};
        for (const char* word : base) words_.push_back(word);
        for (int i = 0; i < 5000; ++i) words_.push_back("term" + std::to_string(i));
    }
    std::string sentence(int words) {
        std::string text;
        for (int i = 0; i < words; ++i) {
            // Squaring a uniform number favours the first (common) words.
            double u = uniform_(rng_);
            std::size_t index = static_cast<std::size_t>(u * u * static_cast<double>(words_.size()));
            text += (i ? " " : "") + words_[std::min(index, words_.size() - 1)];
        }
        return text;
    }

private:
    std::mt19937 rng_;
    std::uniform_real_distribution<double> uniform_{0.0, 1.0};
    std::vector<std::string> words_;
};

std::string json_escape(const std::string& text) { return nlohmann::json(text).dump(); }

tb::Example make_example(TextGenerator& gen, long i) {
    tb::Example example;
    example.messages.push_back({"system", "You are the support assistant.", "", nullptr, "", std::nullopt});
    example.messages.push_back(
        {"user", gen.sentence(12) + " ticket" + std::to_string(i) + "?", "", nullptr, "", std::nullopt});
    example.messages.push_back({"assistant", gen.sentence(40), "", nullptr, "", std::nullopt});
    example.source_file = "generated";
    example.source_line = static_cast<std::size_t>(i + 1);
    return example;
}

void bench_import(const std::string& dir, long count) {
    std::string data = dir + "/tb_bench_import.jsonl";
    std::string project_path = dir + "/tb_bench_import.tunebench";
    {
        TextGenerator gen(7);
        std::ofstream out(data);
        for (long i = 0; i < count; ++i) {
            out << "{\"messages\": [{\"role\": \"system\", \"content\": \"You are the support assistant.\"}, "
                   "{\"role\": \"user\", \"content\": "
                << json_escape(gen.sentence(12) + " ticket" + std::to_string(i) + "?")
                << "}, {\"role\": \"assistant\", \"content\": " << json_escape(gen.sentence(40)) << "}]}\n";
        }
    }
    auto bytes = std::filesystem::file_size(data);

    // Reading alone: the floor the import cannot go below.
    auto start = Clock::now();
    double cpu = cpu_seconds();
    std::size_t seen = 0;
    tb::read_dataset(
        data, {}, [&](tb::Example&&) { ++seen; }, [](tb::RejectedRecord&&) {});
    double read_s = seconds_since(start), read_cpu = cpu_seconds() - cpu;

    std::filesystem::remove(project_path);
    auto project = tb::ProjectFile::create(project_path);
    start = Clock::now();
    cpu = cpu_seconds();
    auto result = tb::import_file(project, data, {}, false);
    double import_s = seconds_since(start), import_cpu = cpu_seconds() - cpu;
    std::printf("import: %ld examples (%.1f MiB JSONL)\n", count, static_cast<double>(bytes) / (1 << 20));
    std::printf("  read_dataset only:  wall %6.2f s %8.0f ex/s | cpu %6.2f s %8.0f ex/s\n", read_s,
                static_cast<double>(seen) / read_s, read_cpu, static_cast<double>(seen) / read_cpu);
    std::printf("  import_file:        wall %6.2f s %8.0f ex/s | cpu %6.2f s %8.0f ex/s  (target >= 20000)\n", import_s,
                static_cast<double>(result.inserted) / import_s, import_cpu,
                static_cast<double>(result.inserted) / import_cpu);

    start = Clock::now();
    cpu = cpu_seconds();
    auto again = tb::import_file(project, data, {}, false);
    std::printf("  re-import (all duplicates): wall %.2f s | cpu %.2f s, inserted %zu\n", seconds_since(start),
                cpu_seconds() - cpu, again.inserted);
    std::filesystem::remove(data);
}

// Times `work` in wall and CPU milliseconds.
template <typename Work>
std::pair<double, double> timed_ms(Work&& work) {
    auto start = Clock::now();
    double cpu = cpu_seconds();
    work();
    return {seconds_since(start) * 1000, (cpu_seconds() - cpu) * 1000};
}

void bench_large_project(const std::string& dir, long count) {
    std::string project_path = dir + "/tb_bench_large.tunebench";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(project_path + suffix);
    {
        auto project = tb::ProjectFile::create(project_path);
        TextGenerator gen(11);
        constexpr long kBatch = 100000;  // one transaction per batch keeps the WAL bounded
        auto [wall, cpu] = timed_ms([&] {
            for (long first = 0; first < count; first += kBatch) {
                project.transaction([&] {
                    tb::ExampleInserter inserter(project);
                    for (long i = first; i < std::min(count, first + kBatch); ++i)
                        inserter.insert(make_example(gen, i));
                });
            }
        });
        std::printf("large project: %ld examples inserted directly: wall %.1f s (%.0f ex/s) | cpu %.1f s (%.0f ex/s)\n",
                    count, wall / 1000, count / (wall / 1000), cpu / 1000, count / (cpu / 1000));
        project.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::printf("  file size: %.0f MiB\n", static_cast<double>(std::filesystem::file_size(project_path)) / (1 << 20));

    std::optional<tb::ProjectFile> project;
    auto [open_wall, open_cpu] = timed_ms([&] { project.emplace(tb::ProjectFile::open(project_path)); });
    std::printf("  open:                      wall %8.1f ms | cpu %8.1f ms  (target < 1000)\n", open_wall, open_cpu);

    std::int64_t total = 0;
    auto [count_wall, count_cpu] = timed_ms([&] { total = tb::count_examples(*project); });
    std::printf("  count_examples (%lld):  wall %8.1f ms | cpu %8.1f ms\n", static_cast<long long>(total), count_wall,
                count_cpu);

    std::size_t rows = 0;
    auto [first_wall, first_cpu] = timed_ms([&] { rows = tb::list_examples(*project, {}, 0, 100).size(); });
    std::printf("  first page (%zu rows):     wall %8.1f ms | cpu %8.1f ms\n", rows, first_wall, first_cpu);
    auto [deep_wall, deep_cpu] = timed_ms([&] { rows = tb::list_examples(*project, {}, count - 1000, 100).size(); });
    std::printf("  deep page (%zu rows):      wall %8.1f ms | cpu %8.1f ms\n", rows, deep_wall, deep_cpu);

    auto time_search = [&](const std::string& text) {
        std::size_t ranked = 0, paged = 0;
        auto [ranked_wall, ranked_cpu] = timed_ms([&] { ranked = tb::search_examples(*project, text, 20).size(); });
        tb::ExampleFilter filter;
        filter.text = text;
        auto [page_wall, page_cpu] = timed_ms([&] { paged = tb::list_examples(*project, filter, 0, 100).size(); });
        std::printf(
            "  search %-20s ranked top 20 (%2zu): wall %7.1f ms cpu %7.1f ms | id page of 100 (%3zu): "
            "wall %7.1f ms cpu %7.1f ms\n",
            ("'" + text + "'").c_str(), ranked, ranked_wall, ranked_cpu, paged, page_wall, page_cpu);
    };
    time_search("ticket" + std::to_string(count / 2));  // one example
    time_search("term4321");                            // rare word
    time_search("warranty invoice");                    // two common-ish words
    time_search("refund");                              // very common word (worst case for ranking)
    std::printf("  (target: FTS search < 100 ms)\n");
}

}  // namespace

int main(int argc, char** argv) {
    long import_count = 100000, project_count = 1000000;
    std::string dir = std::filesystem::temp_directory_path().string();
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string key = argv[i];
        if (key == "--import")
            import_count = std::atol(argv[i + 1]);
        else if (key == "--project")
            project_count = std::atol(argv[i + 1]);
        else if (key == "--dir")
            dir = argv[i + 1];
    }
    try {
        if (import_count > 0) bench_import(dir, import_count);
        if (project_count > 0) bench_large_project(dir, project_count);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_project_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
