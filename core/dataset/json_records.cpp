#include "core/dataset/json_records.h"

#include <array>
#include <cstring>

#include "core/common/error.h"

namespace tb {
namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Bytes that end a fast skip through a string: quote, backslash, newline (counted).
constexpr std::array<bool, 256> make_string_stops() {
    std::array<bool, 256> stops{};
    stops['"'] = stops['\\'] = stops['\n'] = true;
    return stops;
}
constexpr auto kStringStops = make_string_stops();

// Bytes that matter outside strings.
constexpr std::array<bool, 256> make_structure_stops() {
    std::array<bool, 256> stops{};
    for (unsigned char c : std::string_view("\"{}[],\n")) stops[c] = true;
    return stops;
}
constexpr auto kStructureStops = make_structure_stops();

}  // namespace

JsonRecordReader::JsonRecordReader(const std::string& path, std::size_t max_record_bytes)
    : chunks_(path), max_record_bytes_(max_record_bytes) {
    if (!refill()) return;  // empty file
    // Skip a UTF-8 byte order mark, then whitespace, to see how the file is laid out.
    if (chunks_.size() >= 3 && std::memcmp(chunks_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
    while (true) {
        if (pos_ >= chunks_.size() && !refill()) return;  // only whitespace
        const char c = chunks_.data()[pos_];
        if (!is_json_space(c)) break;
        if (c == '\n') ++line_;
        ++pos_;
    }
    if (chunks_.data()[pos_] == '[') {
        layout_ = Layout::Array;
        array_line_ = line_;
        ++pos_;
    } else {
        layout_ = Layout::Lines;
    }
}

bool JsonRecordReader::refill() {
    pos_ = 0;
    return chunks_.next();
}

JsonRecordReader::Status JsonRecordReader::next(RawRecord& record) {
    record.text.clear();
    record.problem.clear();
    if (finished_ || layout_ == Layout::Empty) return Status::End;
    return layout_ == Layout::Lines ? next_line(record) : next_element(record);
}

JsonRecordReader::Status JsonRecordReader::broken(RawRecord& record, std::size_t line, std::string reason) {
    finished_ = true;
    record.line = line;
    broken_reason_ = std::move(reason);
    return Status::Broken;
}

void JsonRecordReader::append_to_record(RawRecord& record, const char* data, std::size_t size) {
    if (append_within(record.text, data, size, max_record_bytes_)) return;
    const std::string limit = byte_size_text(max_record_bytes_) + " (the limit for one record";
    if (layout_ == Layout::Lines)
        throw InputError(chunks_.path(), record.line,
                         "line " + std::to_string(record.line) + " is longer than " + limit + ")");
    throw InputError(chunks_.path(), record.line,
                     "the array element starting on line " + std::to_string(record.line) + " is longer than " + limit +
                         "; an unterminated string?)");
}

JsonRecordReader::Status JsonRecordReader::next_line(RawRecord& record) {
    while (true) {
        record.line = line_;
        bool at_end = false;
        while (true) {
            if (pos_ >= chunks_.size() && !refill()) {
                at_end = true;
                break;
            }
            const char* begin = chunks_.data() + pos_;
            const std::size_t available = chunks_.size() - pos_;
            const void* newline = std::memchr(begin, '\n', available);
            const std::size_t length = newline ? static_cast<const char*>(newline) - begin : available;
            append_to_record(record, begin, length);
            if (newline) {
                pos_ += length + 1;
                ++line_;
                break;
            }
            pos_ = chunks_.size();
        }
        if (!record.text.empty() && record.text.back() == '\r') record.text.pop_back();
        const bool blank = record.text.find_first_not_of(" \t\r") == std::string::npos;
        if (!blank) return Status::Record;
        record.text.clear();
        if (at_end) {
            finished_ = true;
            return Status::End;
        }
    }
}

JsonRecordReader::Status JsonRecordReader::next_element(RawRecord& record) {
    // Find where the element starts: skip whitespace, handle "]" and stray commas.
    while (true) {
        if (pos_ >= chunks_.size() && !refill()) {
            return broken(record, after_comma_ ? line_ : array_line_,
                          "the JSON array opened on line " + std::to_string(array_line_) + " is never closed with ]");
        }
        const char c = chunks_.data()[pos_];
        if (is_json_space(c)) {
            if (c == '\n') ++line_;
            ++pos_;
            continue;
        }
        if (c == ']') {
            if (after_comma_) {  // "[..., ]": report it, then end the array on the next call
                after_comma_ = false;
                record.line = line_;
                record.problem = "a comma before ] with no element after it";
                return Status::Record;
            }
            ++pos_;
            // Only whitespace may follow the array.
            while (true) {
                if (pos_ >= chunks_.size() && !refill()) break;
                const char t = chunks_.data()[pos_];
                if (!is_json_space(t)) return broken(record, line_, "text after the end of the JSON array");
                if (t == '\n') ++line_;
                ++pos_;
            }
            finished_ = true;
            return Status::End;
        }
        if (c == ',') {
            ++pos_;
            after_comma_ = true;
            record.line = line_;
            record.problem = "an empty element (two commas in a row)";
            return Status::Record;
        }
        break;
    }

    // Scan the element: it ends at a comma or "]" outside strings at nesting depth 0.
    record.line = line_;
    std::size_t segment_start = pos_;
    int depth = 0;
    bool in_string = false;
    bool escape = false;
    while (true) {
        if (pos_ >= chunks_.size()) {
            append_to_record(record, chunks_.data() + segment_start, chunks_.size() - segment_start);
            if (!refill()) {
                return broken(record, record.line,
                              "the file ends inside this record: the JSON array opened on line " +
                                  std::to_string(array_line_) + " is never closed");
            }
            segment_start = 0;
        }
        const char* data = chunks_.data();
        const std::size_t size = chunks_.size();
        if (in_string) {
            if (escape) {
                escape = false;
                if (data[pos_] == '\n') ++line_;
                ++pos_;
                continue;
            }
            while (pos_ < size && !kStringStops[static_cast<unsigned char>(data[pos_])]) ++pos_;
            if (pos_ >= size) continue;
            const char c = data[pos_++];
            if (c == '"')
                in_string = false;
            else if (c == '\\')
                escape = true;
            else
                ++line_;  // newline inside a string: invalid JSON, but lines must stay right
            continue;
        }
        while (pos_ < size && !kStructureStops[static_cast<unsigned char>(data[pos_])]) ++pos_;
        if (pos_ >= size) continue;
        const char c = data[pos_];
        switch (c) {
            case '"':
                in_string = true;
                break;
            case '{':
            case '[':
                ++depth;
                break;
            case '}':
                if (depth > 0) --depth;
                break;
            case ']':
                if (depth == 0) {  // the array ends with this element; "]" is consumed next call
                    append_to_record(record, data + segment_start, pos_ - segment_start);
                    after_comma_ = false;
                    return Status::Record;
                }
                --depth;
                break;
            case ',':
                if (depth == 0) {
                    append_to_record(record, data + segment_start, pos_ - segment_start);
                    ++pos_;
                    after_comma_ = true;
                    return Status::Record;
                }
                break;
            case '\n':
                ++line_;
                break;
            default:
                break;
        }
        ++pos_;
    }
}

}  // namespace tb
