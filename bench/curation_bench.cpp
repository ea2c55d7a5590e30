// Curation benchmark: how long moving to the next example of a review queue takes on a
// large project (the goal: under 50 ms on a million examples), and the cost of the
// whole-project passes (summary, split, leakage) at that size.
//
//   bench_curation_bench [EXAMPLES=1000000] [DIR=/tmp]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/curation/reviews.h"
#include "core/curation/staleness.h"
#include "core/project/examples.h"
#include "core/project/project_file.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

tb::Example make_example(std::int64_t i, std::mt19937_64& rng) {
    static const char* words[] = {"router",  "invoice", "refund",       "laptop", "parcel", "password",
                                  "screen",  "battery", "charged",      "twice",  "broken", "late",
                                  "account", "printer", "subscription", "phone"};
    std::string user = "ticket " + std::to_string(i) + ":";
    for (int k = 0; k < 14; ++k) user += std::string(" ") + words[rng() % 16];
    tb::Example e;
    e.messages.push_back({"user", user, "", nullptr, "", std::nullopt});
    e.messages.push_back(
        {"assistant", "We are on it (" + std::to_string(rng() % 1000) + ").", "", nullptr, "", std::nullopt});
    return e;
}

struct Timing {
    double mean = 0, p50 = 0, p99 = 0, max = 0;
};

Timing summarise(std::vector<double> samples) {
    Timing t;
    if (samples.empty()) return t;
    std::sort(samples.begin(), samples.end());
    for (double s : samples) t.mean += s;
    t.mean /= static_cast<double>(samples.size());
    t.p50 = samples[samples.size() / 2];
    t.p99 = samples[std::min(samples.size() - 1, samples.size() * 99 / 100)];
    t.max = samples.back();
    return t;
}

void print(const char* what, const Timing& t, std::size_t steps) {
    std::printf("%-58s %6zu steps  mean %7.3f ms  p50 %7.3f  p99 %7.3f  max %7.3f\n", what, steps, t.mean, t.p50, t.p99,
                t.max);
}

// Walks `steps` times through the queue from `start`, timing each "next" as the GUI does it:
// find the next id, load the example, load its verdicts.
Timing walk(const tb::ProjectFile& project, const tb::QueueCursor& cursor, std::int64_t start, std::size_t steps,
            bool forward, std::size_t* taken) {
    std::vector<double> samples;
    std::int64_t at = start;
    for (std::size_t i = 0; i < steps; ++i) {
        auto t0 = Clock::now();
        auto id = forward ? tb::next_in_queue(project, cursor, at) : tb::previous_in_queue(project, cursor, at);
        if (!id) break;
        auto example = tb::get_example(project, *id);
        auto verdicts = tb::example_verdicts(project, *id);
        samples.push_back(ms_since(t0));
        if (!example) std::abort();
        at = *id;
    }
    *taken = samples.size();
    return summarise(samples);
}

}  // namespace

int main(int argc, char** argv) {
    const std::int64_t n = argc > 1 ? std::atoll(argv[1]) : 1'000'000;
    const std::string dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path().string();
    const std::string path = dir + "/curation_bench_" + std::to_string(n) + ".tunebench";
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");

    auto project = tb::ProjectFile::create(path);
    std::mt19937_64 rng(42);
    auto t0 = Clock::now();
    project.transaction([&] {
        tb::ExampleInserter inserter(project);
        for (std::int64_t i = 0; i < n; ++i) inserter.insert(make_example(i, rng));
    });
    std::printf("inserted %lld examples in %.1f s\n", static_cast<long long>(n), ms_since(t0) / 1000);

    // Reviews: ana judged a contiguous first 10% (she works in order) plus a random 5%; ben a
    // random 5%, disagreeing with ana on a third of the ones they share. Written with plain
    // SQL for speed: the same rows record_review writes.
    t0 = Clock::now();
    std::int64_t reviews = 0;
    project.transaction([&] {
        auto insert = project.prepare(
            "INSERT INTO reviews(example_id, reviewer, verdict, content_hash, created_at) "
            "SELECT id, ?, ?, content_hash, ? FROM examples WHERE id = ?");
        auto add = [&](std::int64_t id, const char* who, const char* verdict, const char* at) {
            insert.reset();
            insert.bind(1, who).bind(2, verdict).bind(3, at).bind(4, id).run();
            ++reviews;
        };
        for (std::int64_t id = 1; id <= n / 10; ++id) add(id, "ana", "accept", "2026-11-01T00:00:00.000Z");
        for (std::int64_t k = 0; k < n / 20; ++k) {
            std::int64_t id = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n));
            add(id, "ana", "accept", "2026-06-01T00:00:00.000Z");  // old: stale after 90 days
            add(id, "ben", rng() % 3 == 0 ? "reject" : "accept", "2026-11-20T00:00:00.000Z");
        }
    });
    std::printf("inserted %lld reviews in %.1f s\n", static_cast<long long>(reviews), ms_since(t0) / 1000);

    const std::size_t steps = 1000;
    std::size_t taken = 0;
    tb::QueueCursor to_review{tb::ReviewQueue::to_review, "ana", 1, ""};
    print("to_review (ana, overlap 1), from her last review", walk(project, to_review, n / 10, steps, true, &taken),
          taken);
    print("to_review (ana), from the middle", walk(project, to_review, n / 2, steps, true, &taken), taken);
    print("to_review (ana), previous from the end", walk(project, to_review, n + 1, steps, false, &taken), taken);
    tb::QueueCursor overlap2{tb::ReviewQueue::to_review, "cleo", 2, ""};
    print("to_review (cleo, overlap 2), from the middle", walk(project, overlap2, n / 2, steps, true, &taken), taken);
    tb::QueueCursor all{tb::ReviewQueue::all, "", 1, ""};
    print("all, from the middle", walk(project, all, n / 2, steps, true, &taken), taken);
    tb::QueueCursor disagreements{tb::ReviewQueue::disagreements, "", 1, ""};
    print("disagreements, from the start", walk(project, disagreements, 0, steps, true, &taken), taken);
    auto stale = tb::stale_queue(project, "2026-11-28T00:00:00.000Z");
    print("stale (90 days), from the middle", walk(project, stale, n / 2, steps, true, &taken), taken);

    // Worst case of the to_review queue: the first step from the start has to skip ana's
    // contiguous block of n/10 reviewed examples.
    t0 = Clock::now();
    auto first = tb::next_in_queue(project, to_review, 0);
    std::printf("to_review (ana) first step from 0, skipping %lld reviewed: %.1f ms (-> %lld)\n",
                static_cast<long long>(n / 10), ms_since(t0), static_cast<long long>(first.value_or(-1)));

    t0 = Clock::now();
    auto summary = tb::review_summary(project);
    std::printf("review_summary: %.1f ms (%lld reviewed, %lld accepted, %lld disputed)\n", ms_since(t0),
                static_cast<long long>(summary.reviewed), static_cast<long long>(summary.accepted),
                static_cast<long long>(summary.disputed));
    t0 = Clock::now();
    auto st = tb::staleness_summary(project, "2026-11-28T00:00:00.000Z");
    std::printf("staleness_summary: %.1f ms (%lld stale of %lld reviewed)\n", ms_since(t0),
                static_cast<long long>(st.stale), static_cast<long long>(st.reviewed));

    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    return 0;
}
