// DatasetStats / CheckReport JSON forms (what `tunebench-cli check --json` prints).
#include <algorithm>
#include <cmath>

#include "core/dataset/checks.h"

namespace tb {
namespace {

// Linear interpolation between order statistics (numpy's default); `sorted` not empty.
double percentile(const std::vector<std::size_t>& sorted, double q) {
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const auto above = std::min(below + 1, sorted.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return static_cast<double>(sorted[below]) +
           fraction * (static_cast<double>(sorted[above]) - static_cast<double>(sorted[below]));
}

// min / mean / p50 / p95 / max of per-example lengths (zeros when there are none).
nlohmann::json length_summary(const std::vector<std::size_t>& lengths) {
    if (lengths.empty()) return {{"min", 0}, {"mean", 0.0}, {"p50", 0.0}, {"p95", 0.0}, {"max", 0}};
    std::vector<std::size_t> sorted = lengths;
    std::sort(sorted.begin(), sorted.end());
    double total = 0;
    for (std::size_t length : sorted) total += static_cast<double>(length);
    return {{"min", sorted.front()},
            {"mean", total / static_cast<double>(sorted.size())},
            {"p50", percentile(sorted, 0.50)},
            {"p95", percentile(sorted, 0.95)},
            {"max", sorted.back()}};
}

}  // namespace

nlohmann::json DatasetStats::to_json() const {
    nlohmann::json j;
    j["examples"] = examples;
    j["messages"] = messages;
    j["messages_by_role"] = nlohmann::json::object();
    for (const auto& [role, count] : messages_by_role) j["messages_by_role"][role] = count;
    j["turns_histogram"] = nlohmann::json::object();
    for (const auto& [turns, count] : turns_histogram) j["turns_histogram"][std::to_string(turns)] = count;
    j["chars_per_example"] = length_summary(char_lengths);
    if (!token_lengths.empty()) {
        j["tokens_per_example"] = length_summary(token_lengths);
        j["tokens_per_example"]["tokenizer"] = tokenizer;
    }
    return j;
}

std::map<std::string, std::size_t> CheckReport::counts_by_kind() const {
    std::map<std::string, std::size_t> counts;
    for (const auto& finding : findings) ++counts[finding.kind];
    return counts;
}

nlohmann::json CheckReport::to_json() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& finding : findings)
        list.push_back({{"kind", finding.kind}, {"examples", finding.examples}, {"detail", finding.detail}});
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [kind, count] : counts_by_kind()) counts[kind] = count;
    return {{"stats", stats.to_json()}, {"findings", std::move(list)}, {"counts_by_kind", std::move(counts)}};
}

}  // namespace tb
