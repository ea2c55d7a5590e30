#pragma once
// The judge's response cache in the project (table judge_cache, schema step 3): every
// parsed judge reply is kept under sha256(judge model + "\n" + request messages as JSON),
// so judging the same output with the same judge and prompt again sends no request, and
// re-running a whole eval with the judge is free. Only replies that parsed are stored: a
// malformed reply is never replayed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset/example.h"

namespace tb {

class ProjectFile;

struct CachedJudgeReply {
    std::string response;
    std::int64_t prompt_tokens = 0;
    std::int64_t completion_tokens = 0;
};

std::string judge_cache_key(const std::string& judge_model, const std::vector<Message>& prompt);

std::optional<CachedJudgeReply> judge_cache_get(const ProjectFile& project, const std::string& key);
// Replaces an existing entry with the same key. Its own transaction unless inside one.
void judge_cache_put(ProjectFile& project, const std::string& key, const std::string& judge_model,
                     const CachedJudgeReply& reply);
std::int64_t judge_cache_size(const ProjectFile& project);
// Forgets every reply of one judge model (all models when empty); returns rows removed.
std::int64_t judge_cache_clear(ProjectFile& project, const std::string& judge_model = "");

}  // namespace tb
