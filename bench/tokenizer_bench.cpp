// Tokenizer throughput against Hugging Face's JavaScript tokenizer, in the same run, on the
// same documents: the vector texts (repeated) plus every string of the shared datasets.
// Prints MB/s and tokens/s for both, their ratio, and how many documents got identical ids.
//
// usage: bench_tokenizer_bench [--passes N] [--repeat-vectors N] [--no-peer]
// The peer needs node and `cd bench/node && npm install` (it is skipped, and said so, otherwise).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/text/tokenizer.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void collect_strings(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_string()) {
        if (!j.get_ref<const std::string&>().empty()) out.push_back(j.get<std::string>());
    } else if (j.is_array() || j.is_object()) {
        for (const auto& v : j) collect_strings(v, out);
    }
}

// Every string value of the .json / .jsonl datasets, one document each.
std::vector<std::string> dataset_documents(const fs::path& dir) {
    std::vector<std::string> docs;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
        const std::string ext = path.extension().string();
        if (ext == ".json") {
            collect_strings(nlohmann::json::parse(read_file(path)), docs);
        } else if (ext == ".jsonl") {
            std::istringstream lines(read_file(path));
            std::string line;
            while (std::getline(lines, line))
                if (!line.empty()) collect_strings(nlohmann::json::parse(line), docs);
        }
    }
    return docs;
}

std::vector<std::string> vector_texts(const fs::path& inp) {
    const std::string sep = "\n__ggml_vocab_test__\n";
    std::string all = read_file(inp);
    std::vector<std::string> texts;
    for (std::size_t pos = 0, next; (next = all.find(sep, pos)) != std::string::npos; pos = next + sep.size())
        if (next > pos) texts.push_back(all.substr(pos, next - pos));
    return texts;
}

struct PeerResult {
    bool ran = false;
    std::string why_not;
    double load_s = 0, best_pass_s = 0, first_pass_s = 0;
    std::vector<std::vector<int32_t>> ids;
};

PeerResult run_peer(const fs::path& source_dir, const fs::path& tokenizer_json, const fs::path& config,
                    const fs::path& docs_json, const fs::path& work, int passes) {
    PeerResult r;
    const fs::path script = source_dir / "bench/node/tokenizer_peer.mjs";
    if (!fs::exists(source_dir / "bench/node/node_modules/@huggingface/tokenizers")) {
        r.why_not = "peer not installed (cd bench/node && npm install)";
        return r;
    }
    const fs::path ids_out = work / "peer_ids.txt";
    std::string cmd = "node '" + script.string() + "' '" + tokenizer_json.string() + "' " +
                      (fs::exists(config) ? "'" + config.string() + "'" : std::string("-")) + " '" +
                      docs_json.string() + "' " + std::to_string(passes) + " '" + ids_out.string() + "'";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) {
        r.why_not = "cannot start node";
        return r;
    }
    std::string output;
    char buf[4096];
    while (std::fgets(buf, sizeof buf, pipe)) output += buf;
    if (pclose(pipe) != 0 || output.empty()) {
        r.why_not = "node peer failed: " + output;
        return r;
    }
    auto j = nlohmann::json::parse(output.substr(output.rfind('{')));
    r.load_s = j["load_s"].get<double>();
    auto passes_s = j["pass_s"].get<std::vector<double>>();
    r.first_pass_s = passes_s.front();
    r.best_pass_s = *std::min_element(passes_s.begin(), passes_s.end());
    std::istringstream lines(read_file(ids_out));
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream ids(line);
        std::vector<int32_t> v;
        int32_t id;
        while (ids >> id) v.push_back(id);
        r.ids.push_back(std::move(v));
    }
    r.ran = true;
    return r;
}

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

int main(int argc, char** argv) {
    int passes = 3, repeat_vectors = 100;
    bool peer = true;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--passes" && i + 1 < argc)
            passes = std::max(1, std::atoi(argv[++i]));
        else if (a == "--repeat-vectors" && i + 1 < argc)
            repeat_vectors = std::max(0, std::atoi(argv[++i]));
        else if (a == "--no-peer")
            peer = false;
        else {
            std::cerr << "usage: bench_tokenizer_bench [--passes N] [--repeat-vectors N] [--no-peer]\n";
            return 2;
        }
    }
    const fs::path shared = fs::path(TUNEBENCH_SHARED_DIR) / "fixtures";
    const fs::path source = TUNEBENCH_SOURCE_DIR;
    if (!fs::exists(shared / "tokenizers")) {
        std::cout << "shared fixtures not found at " << shared << ": nothing to measure\n";
        return 0;
    }

    // The same documents for both sides, handed to the peer as a JSON array.
    std::vector<std::string> docs;
    auto vectors = vector_texts(shared / "tokenizers/vectors/llama-bpe.inp");
    for (int r = 0; r < repeat_vectors; ++r) docs.insert(docs.end(), vectors.begin(), vectors.end());
    auto data = dataset_documents(shared / "datasets");
    docs.insert(docs.end(), data.begin(), data.end());
    std::size_t total_bytes = 0;
    for (const auto& d : docs) total_bytes += d.size();
    const fs::path work = fs::temp_directory_path() / ("tunebench-tokbench-" + std::to_string(::getpid()));
    fs::create_directories(work);
    const fs::path docs_json = work / "docs.json";
    std::ofstream(docs_json, std::ios::binary) << nlohmann::json(docs).dump();

    std::printf("corpus: %zu documents, %.2f MB (vector texts x%d + every string of shared/fixtures/datasets)\n",
                docs.size(), total_bytes / 1e6, repeat_vectors);
    std::printf("passes: %d (first pass = cold caches; 'best' = fastest pass)\n\n", passes);
    std::printf("%-10s %9s | %8s %9s %9s %10s | %8s %9s %10s | %7s | %s\n", "tokenizer", "tokens", "load s", "MB/s 1st",
                "MB/s best", "Mtok/s", "JS load", "JS MB/s", "JS Mtok/s", "ratio", "ids = JS (docs)");

    struct Case {
        const char* name;
        fs::path dir;
    };
    const Case cases[] = {{"gpt2", shared / "tokenizers/gpt2"},
                          {"llama3", shared / "tokenizers/llama3"},
                          {"llama-spm", shared / "tokenizers/llama-spm"}};
    for (const auto& c : cases) {
        auto t0 = Clock::now();
        auto tok = tb::Tokenizer::from_folder(c.dir.string());
        double load_s = seconds_since(t0);
        std::vector<std::vector<int32_t>> ours(docs.size());
        double first = 0, best = 1e30;
        for (int p = 0; p < passes; ++p) {
            t0 = Clock::now();
            for (std::size_t i = 0; i < docs.size(); ++i) ours[i] = tok.encode(docs[i], false);
            double s = seconds_since(t0);
            if (p == 0) first = s;
            best = std::min(best, s);
        }
        std::size_t tokens = 0;
        for (const auto& v : ours) tokens += v.size();

        PeerResult js;
        if (peer)
            js = run_peer(source, c.dir / "tokenizer.json", c.dir / "tokenizer_config.json", docs_json, work, passes);
        else
            js.why_not = "peer disabled (--no-peer)";
        std::printf("%-10s %9zu | %8.2f %9.2f %9.2f %10.3f | ", c.name, tokens, load_s, total_bytes / first / 1e6,
                    total_bytes / best / 1e6, tokens / best / 1e6);
        if (js.ran) {
            std::size_t same = 0;
            for (std::size_t i = 0; i < docs.size() && i < js.ids.size(); ++i) same += ours[i] == js.ids[i];
            std::printf("%8.2f %9.2f %10.3f | %6.1fx | %zu/%zu\n", js.load_s, total_bytes / js.best_pass_s / 1e6,
                        tokens / js.best_pass_s / 1e6, js.best_pass_s / best, same, docs.size());
        } else {
            std::printf("%8s %9s %10s | %7s | %s\n", "-", "-", "-", "-", js.why_not.c_str());
        }
        std::fflush(stdout);
    }
    fs::remove_all(work);
    return 0;
}
