#pragma once
// What is in a project, at a glance: the data statistics (counts, roles, turns, lengths)
// plus splits, tags, imports, reviews and the latest check's findings per kind.
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/dataset/checks.h"
#include "core/project/project_file.h"

namespace tb {

struct ProjectStats {
    DatasetStats data;
    std::map<std::string, std::size_t> splits;  // split -> examples (kUnassignedSplit for unassigned)
    std::map<std::string, std::size_t> tags;    // tag -> examples
    std::size_t imports = 0;
    std::size_t reviews = 0;
    std::size_t golden_sets = 0;
    std::size_t runs = 0;
    std::optional<std::string> latest_check_at;   // when `check` last ran
    std::map<std::string, std::size_t> findings;  // kind -> findings in that check
    // {"examples", "data": DatasetStats::to_json(), "splits", "tags", "imports", "reviews",
    //  "golden_sets", "runs", "latest_check": null | {"created_at", "findings": {kind: n}}}
    nlohmann::json to_json() const;
};

// Computed with SQLite's JSON functions, without parsing examples in C++.
ProjectStats compute_project_stats(const ProjectFile& project);

}  // namespace tb
