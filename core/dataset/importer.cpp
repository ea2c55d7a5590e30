#include "core/dataset/importer.h"

#include <algorithm>
#include <cctype>

#include "core/common/error.h"
#include "core/dataset/csv_reader.h"
#include "core/dataset/json_records.h"
#include "core/dataset/record_formats.h"
#include "core/dataset/utf8.h"

namespace tb {
namespace {

constexpr std::size_t kMaxRawBytes = 64 * 1024;
constexpr std::uint64_t kProgressEveryBytes = 1 << 20;
constexpr std::size_t kDetectionRecords = 100;  // records looked at to detect the format

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

std::string extension_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    return lowercase(path.substr(dot + 1));
}

std::string truncated(std::string text) {
    if (text.size() > kMaxRawBytes) text.resize(kMaxRawBytes);
    return text;
}

// The format a record's keys say, or Auto when they say nothing.
DatasetFormat format_from_keys(const nlohmann::json& record) {
    if (!record.is_object()) return DatasetFormat::Auto;
    if (record.contains("messages")) return DatasetFormat::Chat;
    if (record.contains("conversations")) return DatasetFormat::ShareGPT;
    if (record.contains("instruction") || (record.contains("output") && record.contains("input")))
        return DatasetFormat::Alpaca;
    return DatasetFormat::Auto;
}

// Looks at the first records that parse as objects; the first one with telling keys decides.
DatasetFormat detect_json_format(const std::string& path) {
    JsonRecordReader reader(path);
    RawRecord record;
    std::string first_keys;
    for (std::size_t seen = 0; seen < kDetectionRecords; ++seen) {
        if (reader.next(record) != JsonRecordReader::Status::Record) break;
        if (!record.problem.empty() || !is_valid_utf8(record.text)) continue;
        const auto parsed = nlohmann::json::parse(record.text, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_discarded() || !parsed.is_object()) continue;
        const DatasetFormat format = format_from_keys(parsed);
        if (format != DatasetFormat::Auto) return format;
        if (first_keys.empty()) {
            for (const auto& [key, value] : parsed.items()) first_keys += (first_keys.empty() ? "" : ", ") + key;
            first_keys = " (its first record has keys: " + first_keys + ")";
        }
    }
    if (reader.layout() == JsonRecordReader::Layout::Empty) throw Error(path + ": the file is empty");
    throw Error(path + ": cannot tell the dataset format" + first_keys +
                "; expected \"messages\" (chat), \"conversations\" (sharegpt) or \"instruction\"/\"output\" "
                "(alpaca); choose one with --format");
}

std::string parse_error_detail(const std::string& what) {
    // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
    const auto column = what.find(", column ");
    if (column != std::string::npos) {
        const auto colon = what.find(": ", column);
        if (colon != std::string::npos) return what.substr(colon + 2);
    }
    const auto bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

class Reporter {
public:
    Reporter(const JobContext& ctx, std::uint64_t total) : ctx_(ctx), total_(total) {}
    void maybe_report(std::uint64_t done) {
        if (done - last_ >= kProgressEveryBytes) {
            ctx_.check_cancel();
            ctx_.report(static_cast<std::int64_t>(done), static_cast<std::int64_t>(total_), "importing");
            last_ = done;
        }
    }
    void finish() { ctx_.report(static_cast<std::int64_t>(total_), static_cast<std::int64_t>(total_), "importing"); }

private:
    const JobContext& ctx_;
    std::uint64_t total_;
    std::uint64_t last_ = 0;
};

ImportSummary read_json_dataset(const std::string& path, DatasetFormat format,
                                const std::function<void(Example&&)>& on_example,
                                const std::function<void(RejectedRecord&&)>& on_reject, const JobContext& ctx) {
    ImportSummary summary;
    summary.detected = format;
    JsonRecordReader reader(path);
    Reporter reporter(ctx, reader.file_size());
    ctx.check_cancel();
    RawRecord record;
    auto reject = [&](RejectReason reason, std::string detail) {
        ++summary.rejected;
        on_reject(RejectedRecord{path, record.line, reason, std::move(detail), truncated(std::move(record.text))});
    };
    while (true) {
        const auto status = reader.next(record);
        if (status == JsonRecordReader::Status::End) break;
        ++summary.records;
        if (status == JsonRecordReader::Status::Broken) {
            reject(RejectReason::InvalidJson, reader.broken_reason());
            break;
        }
        reporter.maybe_report(reader.bytes_done());
        if (!record.problem.empty()) {
            reject(RejectReason::InvalidJson, record.problem);
            continue;
        }
        if (const auto bad = find_invalid_utf8(record.text); bad != std::string_view::npos) {
            const auto line = record.line + std::count(record.text.begin(), record.text.begin() + bad, '\n');
            reject(RejectReason::InvalidUtf8, "byte " + std::to_string(bad + 1) + " of the record" +
                                                  (line != record.line ? " (line " + std::to_string(line) + ")" : ""));
            continue;
        }
        nlohmann::json parsed;
        try {
            parsed = nlohmann::json::parse(record.text);
        } catch (const nlohmann::json::exception& error) {  // parse_error, or out_of_range for 1e400
            reject(RejectReason::InvalidJson, parse_error_detail(error.what()));
            continue;
        }
        if (!parsed.is_object()) {
            reject(RejectReason::NotAnObject, std::string("a JSON ") + parsed.type_name());
            continue;
        }
        Example example;
        try {
            switch (format) {
                case DatasetFormat::Chat:
                    example = chat_record_to_example(parsed);
                    break;
                case DatasetFormat::ShareGPT:
                    example = sharegpt_record_to_example(parsed);
                    break;
                case DatasetFormat::Alpaca:
                    example = alpaca_record_to_example(parsed);
                    break;
                default:
                    throw Error("internal: unexpected dataset format");
            }
        } catch (const RecordRejected& rejected) {
            reject(rejected.reason(), rejected.detail());
            continue;
        }
        example.source_file = path;
        example.source_line = record.line;
        ++summary.accepted;
        on_example(std::move(example));
    }
    reporter.finish();
    return summary;
}

std::size_t column_index(const std::vector<std::string>& header, const std::string& name, const std::string& path) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it != header.end()) return static_cast<std::size_t>(it - header.begin());
    std::string columns;
    for (const auto& column : header) columns += (columns.empty() ? "" : ", ") + column;
    throw InputError(path, 1, "the CSV header has no column \"" + name + "\" (columns: " + columns + ")");
}

ImportSummary read_csv_dataset(const std::string& path, const CsvColumns& columns, char delimiter,
                               const std::function<void(Example&&)>& on_example,
                               const std::function<void(RejectedRecord&&)>& on_reject, const JobContext& ctx) {
    ImportSummary summary;
    summary.detected = DatasetFormat::Csv;
    CsvReader reader(path, delimiter);
    Reporter reporter(ctx, reader.file_size());
    ctx.check_cancel();
    CsvRow row;
    if (!reader.next(row)) throw Error(path + ": the file is empty");
    const std::vector<std::string> header = row.fields;
    if (!is_valid_utf8(row.raw)) throw InputError(path, row.line, "the CSV header is not valid UTF-8");
    constexpr std::size_t kUnused = std::size_t(-1);
    const std::size_t user = column_index(header, columns.user, path);
    const std::size_t assistant = column_index(header, columns.assistant, path);
    const std::size_t system = columns.system.empty() ? kUnused : column_index(header, columns.system, path);
    const std::size_t input = columns.input.empty() ? kUnused : column_index(header, columns.input, path);

    while (reader.next(row)) {
        ++summary.records;
        reporter.maybe_report(reader.bytes_done());
        auto reject = [&](RejectReason reason, std::string detail) {
            ++summary.rejected;
            on_reject(RejectedRecord{path, row.line, reason, std::move(detail), std::move(row.raw)});
        };
        if (row.fields.size() != header.size()) {
            reject(RejectReason::BadField, "the row has " + std::to_string(row.fields.size()) +
                                               " fields, the header has " + std::to_string(header.size()));
            continue;
        }
        bool valid = true;
        for (const auto& field : row.fields) valid = valid && is_valid_utf8(field);
        if (!valid) {
            reject(RejectReason::InvalidUtf8, "");
            continue;
        }
        Example example;
        if (system != kUnused && !row.fields[system].empty())
            example.messages.push_back(Message{"system", row.fields[system], {}, nullptr, {}, std::nullopt});
        std::string user_text = row.fields[user];
        if (input != kUnused && !row.fields[input].empty())
            user_text += user_text.empty() ? row.fields[input] : "\n\n" + row.fields[input];
        example.messages.push_back(Message{"user", std::move(user_text), {}, nullptr, {}, std::nullopt});
        example.messages.push_back(Message{"assistant", row.fields[assistant], {}, nullptr, {}, std::nullopt});
        example.source_file = path;
        example.source_line = row.line;
        ++summary.accepted;
        on_example(std::move(example));
    }
    reporter.finish();
    return summary;
}

}  // namespace

DatasetFormat parse_dataset_format(const std::string& name) {
    const std::string lower = lowercase(name);
    if (lower == "auto") return DatasetFormat::Auto;
    if (lower == "chat" || lower == "openai") return DatasetFormat::Chat;
    if (lower == "sharegpt") return DatasetFormat::ShareGPT;
    if (lower == "alpaca") return DatasetFormat::Alpaca;
    if (lower == "csv") return DatasetFormat::Csv;
    throw Error("unknown dataset format \"" + name + "\": use auto, chat, sharegpt, alpaca or csv");
}

std::string to_string(DatasetFormat format) {
    switch (format) {
        case DatasetFormat::Auto:
            return "auto";
        case DatasetFormat::Chat:
            return "chat";
        case DatasetFormat::ShareGPT:
            return "sharegpt";
        case DatasetFormat::Alpaca:
            return "alpaca";
        case DatasetFormat::Csv:
            return "csv";
    }
    return "auto";
}

std::string to_string(RejectReason reason) {
    switch (reason) {
        case RejectReason::InvalidJson:
            return "invalid JSON";
        case RejectReason::InvalidUtf8:
            return "invalid UTF-8";
        case RejectReason::NotAnObject:
            return "not an object";
        case RejectReason::MissingMessages:
            return "missing messages";
        case RejectReason::MessageMissingRoleOrContent:
            return "message missing role or content";
        case RejectReason::UnrecognisedKey:
            return "unrecognised key";
        case RejectReason::UnrecognisedRole:
            return "unrecognised role";
        case RejectReason::MissingContent:
            return "missing content";
        case RejectReason::NoAssistantMessage:
            return "no assistant message";
        case RejectReason::RoleOrder:
            return "role order";
        case RejectReason::BadField:
            return "bad field";
    }
    return "rejected";
}

std::string RejectedRecord::message() const {
    std::string text = file + ":" + std::to_string(line) + ": " + to_string(reason);
    if (!detail.empty()) text += ": " + detail;
    return text;
}

ImportSummary read_dataset(const std::string& path, const ImportOptions& options,
                           const std::function<void(Example&&)>& on_example,
                           const std::function<void(RejectedRecord&&)>& on_reject, const JobContext& ctx) {
    DatasetFormat format = options.format;
    const std::string extension = extension_of(path);
    if (format == DatasetFormat::Auto)
        format = extension == "csv" || extension == "tsv" ? DatasetFormat::Csv : detect_json_format(path);
    if (format == DatasetFormat::Csv)
        return read_csv_dataset(path, options.csv, extension == "tsv" ? '\t' : ',', on_example, on_reject, ctx);
    return read_json_dataset(path, format, on_example, on_reject, ctx);
}

}  // namespace tb
