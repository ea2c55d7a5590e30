#pragma once
// Per-format normalisation of one parsed record into an Example (internal to the importer).
// A bad record throws RecordRejected with one of the fixed reasons.
//
// Keys a record may carry besides its format's own ones (ignored, never an error): "id",
// "source", "category", "metadata", "tags", "language". Any other unknown key, at the top
// level or inside a message, rejects the record ("unrecognised key"): a misspelt "mesages" or
// "tool_call" must not silently drop data.
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/dataset/example.h"
#include "core/dataset/importer.h"

namespace tb {

class RecordRejected : public std::exception {
public:
    RecordRejected(RejectReason reason, std::string detail) : reason_(reason), detail_(std::move(detail)) {}
    RejectReason reason() const { return reason_; }
    const std::string& detail() const { return detail_; }
    const char* what() const noexcept override { return detail_.c_str(); }

private:
    RejectReason reason_;
    std::string detail_;
};

// True for the harmless top-level keys every format accepts (see above).
bool is_allowed_extra_key(const std::string& key);

// OpenAI chat: {"messages": [{"role", "content" (string or list of text parts), "name",
// "tool_calls", "tool_call_id", "weight" | "loss_weight"}], "tools"}. Role "developer" is
// read as "system".
Example chat_record_to_example(const nlohmann::json& record);
// ShareGPT: {"conversations": [{"from", "value"}], "system", "tools" (JSON text or array)}.
Example sharegpt_record_to_example(const nlohmann::json& record);
// Alpaca: {"instruction", "input", "output", "system", "history": [[user, assistant], ...]}.
// The input follows the instruction after a blank line.
Example alpaca_record_to_example(const nlohmann::json& record);

// "tools": a list of function schemas, or that list as JSON text (ShareGPT files store it
// so). Empty or absent -> null.
nlohmann::json parse_tools_field(const nlohmann::json& tools);

// The conversation rules every format shares, checked after normalisation:
// - at least one assistant message ("no assistant message");
// - a system message only first; never two user messages in a row; a tool message only
//   after an assistant message with tool_calls or another tool message; two assistant
//   messages in a row only when `allow_consecutive_assistant` ("role order").
void check_conversation(const Example& example, bool allow_consecutive_assistant);

// "message 3 (assistant)"-style location for details.
std::string describe_message(std::size_t index, const std::string& role);

}  // namespace tb
