// Chat template renders per second: tunebench's Jinja engine vs the Python reference
// (jinja2 via shared/tools/hf_chat_template.py), same template, same conversation,
// compiled once and rendered N times in one process on both sides.
//   bench_template_bench [N]
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/text/chat_template.h"

namespace {

const std::string kShared = TUNEBENCH_SHARED_DIR;
const std::string kTemplates = kShared + "/fixtures/chat-templates";

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

double python_renders_per_second(const std::string& tmpl, const std::string& conv, int n) {
    std::string out =
        (std::filesystem::temp_directory_path() / ("tb_bench_" + std::to_string(::getpid()) + ".json")).string();
    std::string cmd = "SOURCE_DATE_EPOCH=1700000000 python3 '" + std::string(TUNEBENCH_SOURCE_DIR) +
                      "/tests/text/jinja/oracle_driver.py' '" + kShared + "' '" + out + "' --bench '" + tmpl + "' '" +
                      conv + "' " + std::to_string(n);
    if (std::system(cmd.c_str()) != 0) return -1;
    auto j = nlohmann::json::parse(read_all(out));
    std::filesystem::remove(out);
    return j["renders"].get<double>() / j["seconds"].get<double>();
}

}  // namespace

int main(int argc, char** argv) {
    int n = argc > 1 ? std::atoi(argv[1]) : 2000;
    if (!std::filesystem::exists(kTemplates)) {
        std::printf("shared fixtures absent: nothing to measure\n");
        return 0;
    }
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    auto conversations = nlohmann::ordered_json::parse(read_all(kTemplates + "/conversations.json"));
    auto request_for = [&](const std::string& name) {
        for (const auto& c : conversations) {
            if (c["name"] == name) {
                nlohmann::ordered_json r = c;
                r.erase("name");
                r["bos_token"] = "<s>";
                r["eos_token"] = "</s>";
                return r;
            }
        }
        return nlohmann::ordered_json::object();
    };
    const std::pair<const char*, const char*> cases[] = {
        {"meta-llama-Llama-3.1-8B-Instruct.jinja", "long_multi_turn"},
        {"Qwen-Qwen3-0.6B.jinja", "tool_call_round_trip"},
        {"openai-gpt-oss-120b.jinja", "tool_call_round_trip"},
        {"google-gemma-4-31B-it.jinja", "multi_turn_system_gen"},
        {"HuggingFaceTB-SmolLM3-3B.jinja", "long_multi_turn"},
    };
    std::printf(
        "ours/s: render(json), converting the request every time; prepared/s: render(Value) of a request\n"
        "converted once, as the Python side renders one prepared dict. Speedup = prepared / python.\n");
    std::printf("%-42s %-24s %10s %11s %10s %8s\n", "template", "conversation", "ours/s", "prepared/s", "python/s",
                "speedup");
    for (const auto& [tmpl, conv] : cases) {
        auto parse_start = std::chrono::steady_clock::now();
        tb::ChatTemplate t(read_all(kTemplates + "/" + tmpl));
        double parse_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - parse_start).count();
        auto request = request_for(conv);
        std::size_t bytes = 0;
        auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i) bytes += t.render(request).text.size();
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        double ours = n / secs;
        tb::jinja::Value prepared = tb::jinja::from_json(request);
        start = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i) bytes += t.render(prepared).text.size();
        secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        double ours_prepared = n / secs;
        double python = python_renders_per_second(tmpl, conv, std::max(50, n / 10));
        std::printf("%-42s %-24s %10.0f %11.0f %10.0f %7.1fx   (parse %.2f ms, %zu bytes/render)\n", tmpl, conv, ours,
                    ours_prepared, python, python > 0 ? ours_prepared / python : 0.0, parse_ms,
                    bytes / static_cast<std::size_t>(2 * n));
    }
    return 0;
}
