#pragma once
// Streaming dataset import: reads a file record by record in constant memory, normalises
// each record to an Example, and reports each bad record as FILE:LINE: reason.
// It never touches the project file: project/ drives it and owns the transaction.
#include <functional>
#include <string>
#include <vector>

#include "core/dataset/example.h"
#include "core/jobs/job.h"

namespace tb {

enum class DatasetFormat { Auto, Chat, ShareGPT, Alpaca, Csv };

// "auto" | "chat" | "sharegpt" | "alpaca" | "csv"; throws tb::Error on anything else.
DatasetFormat parse_dataset_format(const std::string& name);
std::string to_string(DatasetFormat format);

// The fixed list of reasons a record is rejected for.
enum class RejectReason {
    InvalidJson,
    InvalidUtf8,
    NotAnObject,
    MissingMessages,
    MessageMissingRoleOrContent,
    UnrecognisedKey,
    UnrecognisedRole,
    MissingContent,
    NoAssistantMessage,
    RoleOrder,
    BadField,  // a field of the wrong type (e.g. weight not a number); detail says which
};
std::string to_string(RejectReason reason);  // "invalid JSON", "invalid UTF-8", ...

struct RejectedRecord {
    std::string file;
    std::size_t line = 0;  // 1-based line where the record starts
    RejectReason reason;
    std::string detail;  // extra context, may be empty
    std::string raw;     // the record's text (truncated to 64 KiB) for the import report
    // "FILE:LINE: reason[: detail]"
    std::string message() const;
};

struct CsvColumns {
    std::string system;  // optional column names; empty = not used
    std::string user = "instruction";
    std::string assistant = "output";
    std::string input;  // optional: appended to the user turn after a blank line
};

struct ImportOptions {
    DatasetFormat format = DatasetFormat::Auto;
    CsvColumns csv;
};

struct ImportSummary {
    DatasetFormat detected = DatasetFormat::Auto;
    std::size_t records = 0;  // records seen
    std::size_t accepted = 0;
    std::size_t rejected = 0;
};

// Formats: JSON arrays and JSON Lines of OpenAI chat ("messages"), ShareGPT ("conversations")
// or Alpaca ("instruction"/"output") records; CSV (".csv", RFC 4180) and TSV (".tsv") with the
// columns in ImportOptions::csv. Auto-detection: ".csv"/".tsv" by extension, otherwise the keys
// of the first records that parse. Strictness (see record_formats.h): unknown keys reject a
// record, except the harmless top-level "id", "source", "category", "metadata", "tags",
// "language"; a system message only first; no two user turns in a row (nor two assistant
// turns in ShareGPT/Alpaca); a tool message only after an assistant tool call.
//
// Streams `path`: calls on_example for every valid record and on_reject for every bad one,
// in file order. Throws tb::Error when the file cannot be read or its format cannot be
// detected; tb::Cancelled when ctx's token is cancelled. Progress is reported in bytes.
ImportSummary read_dataset(const std::string& path, const ImportOptions& options,
                           const std::function<void(Example&&)>& on_example,
                           const std::function<void(RejectedRecord&&)>& on_reject, const JobContext& ctx = {});

// Writes examples as OpenAI chat JSONL (one {"messages": [...], ["tools"]} per line).
class JsonlWriter {
public:
    explicit JsonlWriter(const std::string& path);  // throws tb::Error if it cannot open
    ~JsonlWriter();
    void write(const Example& example);
    void close();

private:
    struct Impl;
    Impl* impl_;
};

}  // namespace tb
