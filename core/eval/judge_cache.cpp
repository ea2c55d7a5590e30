#include "core/eval/judge_cache.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "core/common/sha256.h"
#include "core/project/project_file.h"

namespace tb {

std::string judge_cache_key(const std::string& judge_model, const std::vector<Message>& prompt) {
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : prompt) messages.push_back({{"role", m.role}, {"content", m.content}});
    Sha256 h;
    h.update(judge_model);
    h.update("\n");
    // Model output may hold invalid UTF-8: hash it with replacement characters rather than fail.
    h.update(messages.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return h.hex_digest();
}

std::optional<CachedJudgeReply> judge_cache_get(const ProjectFile& project, const std::string& key) {
    auto s = project.prepare("SELECT response, prompt_tokens, completion_tokens FROM judge_cache WHERE key = ?");
    s.bind(1, key);
    if (!s.step()) return std::nullopt;
    return CachedJudgeReply{s.column_text(0), s.column_int64(1), s.column_int64(2)};
}

void judge_cache_put(ProjectFile& project, const std::string& key, const std::string& judge_model,
                     const CachedJudgeReply& reply) {
    project.transaction([&] {
        auto s = project.prepare(
            "INSERT OR REPLACE INTO judge_cache(key, judge_model, response, prompt_tokens, completion_tokens, "
            "created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        s.bind(1, key).bind(2, judge_model).bind(3, reply.response).bind(4, reply.prompt_tokens);
        s.bind(5, reply.completion_tokens).bind(6, utc_now_iso8601());
        s.run();
    });
}

std::int64_t judge_cache_size(const ProjectFile& project) {
    return query_int64(project.handle(), "SELECT count(*) FROM judge_cache").value_or(0);
}

std::int64_t judge_cache_clear(ProjectFile& project, const std::string& judge_model) {
    return project.transaction([&] {
        auto s = project.prepare(judge_model.empty() ? "DELETE FROM judge_cache"
                                                     : "DELETE FROM judge_cache WHERE judge_model = ?");
        if (!judge_model.empty()) s.bind(1, judge_model);
        return static_cast<std::int64_t>(s.run());
    });
}

}  // namespace tb
