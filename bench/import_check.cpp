// Import and data-check throughput on a generated 100k-example chat JSONL (realistic
// variety: system prompts, multi-turn, tool calls, unicode, PII, refusals, short answers,
// ~2% exact and ~2% near duplicates). Prints examples/s for parsing and for the full check.
//
//   bench_import_check [examples=100000] [path=/tmp/tb_bench_import_check.jsonl]
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset/checks.h"
#include "core/dataset/importer.h"

namespace {

struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(double p) { return static_cast<double>(next() >> 11) / 9007199254740992.0 < p; }
};

std::vector<std::string> make_vocabulary(Random& random) {
    static const char* syllables[] = {"ka",  "lo", "mi", "ser", "ton", "ba", "ri", "en", "ul", "dra", "vo", "pe",
                                      "sta", "qu", "ne", "fi",  "gor", "al", "ti", "um", "zé", "ño",  "wa", "ch"};
    std::vector<std::string> words = {"the",  "a",  "to",  "of",   "and",  "in", "is",  "for", "you", "it",   "that",
                                      "with", "on", "can", "your", "this", "be", "are", "or",  "how", "what", "please"};
    while (words.size() < 3000) {
        std::string word;
        const std::size_t parts = 1 + random.below(3);
        for (std::size_t i = 0; i < parts; ++i) word += syllables[random.below(std::size(syllables))];
        words.push_back(word);
    }
    words.push_back("日本語");
    words.push_back("données");
    return words;
}

std::string sentence_words(Random& random, const std::vector<std::string>& vocabulary, std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        // Zipf-ish: common words far more often.
        const std::size_t index = random.chance(0.4) ? random.below(22) : random.below(vocabulary.size());
        if (i) text += random.chance(0.08) ? ". " : " ";
        text += vocabulary[index];
    }
    return text + ".";
}

nlohmann::json make_example(Random& random, const std::vector<std::string>& vocabulary) {
    nlohmann::json messages = nlohmann::json::array();
    const double system_roll = static_cast<double>(random.below(100));
    if (system_roll < 70)
        messages.push_back(
            {{"role", "system"},
             {"content", "You are a helpful support assistant for Acme Cloud. Answer briefly and politely."}});
    else if (system_roll < 78)
        messages.push_back({{"role", "system"}, {"content", "You are Acme's billing assistant."}});
    const std::size_t turns = 1 + random.below(3);
    for (std::size_t t = 0; t < turns; ++t) {
        std::string user = sentence_words(random, vocabulary, 15 + random.below(40));
        if (random.chance(0.01))
            user += " You can reach me at jane.roe" + std::to_string(random.below(1000)) + "@gmail.com.";
        if (random.chance(0.005)) user += " My number is (415) 867-" + std::to_string(1000 + random.below(9000)) + ".";
        messages.push_back({{"role", "user"}, {"content", user}});
        if (t + 1 == turns && random.chance(0.05)) {
            messages.push_back(
                {{"role", "assistant"},
                 {"content", ""},
                 {"tool_calls",
                  {{{"type", "function"},
                    {"function",
                     {{"name", "lookup_account"}, {"arguments", {{"account_id", random.below(100000)}}}}}}}}});
            messages.push_back({{"role", "tool"}, {"content", "{\"status\": \"active\", \"plan\": \"pro\"}"}});
        }
        std::string reply;
        if (random.chance(0.01))
            reply = "I'm sorry, but I can't help with that request.";
        else if (random.chance(0.01))
            reply = "Yes.";
        else
            reply = sentence_words(random, vocabulary, 40 + random.below(160));
        messages.push_back({{"role", "assistant"}, {"content", reply}});
    }
    return {{"messages", messages}};
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Process CPU seconds: on a shared machine wall time depends on the neighbours' load.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
    const std::size_t count = argc > 1 ? std::stoul(argv[1]) : 100000;
    const std::string path = argc > 2 ? argv[2] : "/tmp/tb_bench_import_check.jsonl";

    // Generate.
    {
        Random random{20240607};
        const auto vocabulary = make_vocabulary(random);
        std::ofstream out(path, std::ios::binary);
        std::vector<nlohmann::json> recent;
        std::size_t exact = 0, near = 0;
        for (std::size_t i = 0; i < count; ++i) {
            nlohmann::json example;
            if (recent.size() > 100 && random.chance(0.02)) {
                example = recent[random.below(recent.size())];  // exact duplicate
                ++exact;
            } else if (recent.size() > 100 && random.chance(0.02)) {
                example = recent[random.below(recent.size())];  // near duplicate: one word changed
                auto& last = example["messages"].back()["content"];
                std::string text = last.get<std::string>();
                const auto space = text.find(' ', text.size() / 2);
                if (space != std::string::npos) text.insert(space, " indeed");
                last = text;
                ++near;
            } else {
                example = make_example(random, vocabulary);
            }
            out << example.dump() << '\n';
            if (recent.size() < 2000)
                recent.push_back(example);
            else
                recent[random.below(recent.size())] = example;
        }
        std::printf("generated %zu examples (%zu exact duplicates, %zu near duplicates planted) in %s\n", count, exact,
                    near, path.c_str());
    }
    std::ifstream size_probe(path, std::ios::binary | std::ios::ate);
    const double megabytes = static_cast<double>(size_probe.tellg()) / 1e6;

    // Parse only.
    auto start = std::chrono::steady_clock::now();
    double cpu_start = cpu_seconds();
    std::size_t parsed = 0;
    tb::read_dataset(
        path, {}, [&](tb::Example&&) { ++parsed; }, [](tb::RejectedRecord&&) {});
    const double parse_seconds = seconds_since(start), parse_cpu = cpu_seconds() - cpu_start;
    std::printf(
        "parse:  %zu examples, %.1f MB: wall %.2f s = %.0f examples/s (%.0f MB/s); CPU %.2f s = %.0f examples/s\n",
        parsed, megabytes, parse_seconds, static_cast<double>(parsed) / parse_seconds, megabytes / parse_seconds,
        parse_cpu, static_cast<double>(parsed) / parse_cpu);

    // Full check over the imported examples.
    std::vector<tb::Example> examples;
    examples.reserve(count);
    tb::read_dataset(
        path, {},
        [&](tb::Example&& e) {
            e.id = static_cast<std::int64_t>(examples.size() + 1);
            examples.push_back(std::move(e));
        },
        [](tb::RejectedRecord&&) {});
    start = std::chrono::steady_clock::now();
    cpu_start = cpu_seconds();
    tb::DataChecker checker;
    for (const auto& example : examples) checker.add(example);
    const double add_seconds = seconds_since(start);
    const auto report = checker.finish();
    const double check_seconds = seconds_since(start), check_cpu = cpu_seconds() - cpu_start;
    std::printf(
        "check:  %zu examples: wall %.2f s = %.0f examples/s (add %.2f s, finish %.2f s); CPU %.2f s = %.0f "
        "examples/s\n",
        examples.size(), check_seconds, static_cast<double>(examples.size()) / check_seconds, add_seconds,
        check_seconds - add_seconds, check_cpu, static_cast<double>(examples.size()) / check_cpu);
    std::printf("findings:");
    for (const auto& [kind, n] : report.counts_by_kind()) std::printf(" %s=%zu", kind.c_str(), n);
    std::printf("\n");

    // Templated data: every example shares a long boilerplate (Jaccard about 0.5 between any
    // two), the worst case for LSH buckets.
    {
        Random random{99};
        const auto vocabulary = make_vocabulary(random);
        const std::string preamble =
            "Please translate the following customer message into formal French for our support team, keeping "
            "the meaning exact, preserving product names, numbers and dates as written, and do not add any "
            "greeting or signature that is not in the original message. Message: ";
        const std::string reply_preamble =
            "Here is the translation in a formal register, with product names, numbers and dates kept as written: ";
        std::vector<tb::Example> templated;
        const std::size_t templated_count = count / 5;
        for (std::size_t i = 0; i < templated_count; ++i) {
            tb::Example e;
            e.id = static_cast<std::int64_t>(i + 1);
            e.messages.push_back(
                {"user", preamble + sentence_words(random, vocabulary, 12), {}, nullptr, {}, std::nullopt});
            e.messages.push_back(
                {"assistant", reply_preamble + sentence_words(random, vocabulary, 14), {}, nullptr, {}, std::nullopt});
            templated.push_back(std::move(e));
        }
        start = std::chrono::steady_clock::now();
        cpu_start = cpu_seconds();
        tb::DataChecker templated_checker;
        for (const auto& example : templated) templated_checker.add(example);
        const auto templated_report = templated_checker.finish();
        const double wall = seconds_since(start), cpu = cpu_seconds() - cpu_start;
        std::printf(
            "templated check: %zu examples: wall %.2f s = %.0f examples/s; CPU %.2f s = %.0f examples/s; "
            "near_duplicate findings=%zu\n",
            templated.size(), wall, static_cast<double>(templated.size()) / wall, cpu,
            static_cast<double>(templated.size()) / cpu, templated_report.counts_by_kind()["near_duplicate"]);
    }
    return 0;
}
