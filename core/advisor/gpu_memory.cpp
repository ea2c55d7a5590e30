#include "core/advisor/gpu_memory.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace tb {
namespace {

std::string trim(const std::string& text) {
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return {};
    const auto end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

}  // namespace

std::optional<DetectedGpu> parse_nvidia_smi_memory(const std::string& output) {
    std::optional<DetectedGpu> best;
    int count = 0;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        const auto comma = line.rfind(',');
        if (comma == std::string::npos) continue;
        const std::string number = trim(line.substr(comma + 1));
        char* stop = nullptr;
        const double mib = std::strtod(number.c_str(), &stop);
        if (number.empty() || stop == number.c_str() || *stop != '\0' || !(mib > 0)) continue;
        ++count;
        const double gib = mib / 1024.0;
        if (!best || gib > best->memory_gib) best = DetectedGpu{trim(line.substr(0, comma)), gib, 0};
    }
    if (best) best->count = count;
    return best;
}

std::optional<DetectedGpu> detect_gpu() {
    // popen through the shell: an absent nvidia-smi is just "command not found" on stderr.
    FILE* pipe = ::popen("nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits 2>/dev/null", "r");
    if (!pipe) return std::nullopt;
    std::string output;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
    const int status = ::pclose(pipe);
    if (status != 0) return std::nullopt;
    return parse_nvidia_smi_memory(output);
}

}  // namespace tb
