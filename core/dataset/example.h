#pragma once
// The normalised example every importer produces and everything downstream consumes:
// a chat conversation in the OpenAI message shape, whatever the source format was.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tb {

struct Message {
    std::string role;              // "system" | "user" | "assistant" | "tool"
    std::string content;           // text; list-of-parts content is joined on import
    std::string name;              // optional (tool name, speaker name); empty when absent
    nlohmann::json tool_calls;     // null, or the OpenAI tool_calls array
    std::string tool_call_id;      // optional, for role "tool"
    std::optional<double> weight;  // per-message loss weight (weight / loss_weight); 0 excludes
};

struct Example {
    std::int64_t id = 0;  // project row id; 0 before it is stored
    std::vector<Message> messages;
    nlohmann::json tools;         // null, or the tools (function schemas) available
    std::string source_file;      // where it came from
    std::size_t source_line = 0;  // 1-based line of the record's start in source_file
};

// messages (+ tools) as the canonical JSON stored in the project:
// {"messages": [{"role":..,"content":..,["name"],["tool_calls"],["tool_call_id"],["weight"]}], ["tools"]}
nlohmann::json to_json(const Example& example);
// Inverse of to_json; throws tb::Error on a malformed object.
Example example_from_json(const nlohmann::json& j);

// SHA-256 (hex) of the canonical JSON of messages + tools: equal content, equal hash,
// whatever the source format or file. Used to make re-imports idempotent.
std::string content_hash(const Example& example);

// All message contents joined with newlines, for full-text search and near-duplicate checks.
std::string plain_text(const Example& example);

}  // namespace tb
