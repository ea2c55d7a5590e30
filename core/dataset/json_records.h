#pragma once
// Splits a JSON file into records without parsing it: a top-level JSON array element by
// element (tracking strings, escapes and nesting depth by hand), or JSON Lines line by line.
// Each record's text is then parsed on its own, so one bad record costs one record, and
// memory stays constant whatever the file size.
#include <cstdint>
#include <string>

#include "core/common/input_file.h"
#include "core/dataset/file_chunks.h"

namespace tb {

struct RawRecord {
    std::string text;
    std::size_t line = 0;  // 1-based line where the record starts
    std::string problem;   // non-empty: the record is malformed before any parsing (e.g. "[1,,2]")
};

class JsonRecordReader {
public:
    enum class Layout { Array, Lines, Empty };
    enum class Status { Record, End, Broken };

    // Throws tb::Error when the file cannot be opened or is not a regular file.
    explicit JsonRecordReader(const std::string& path, std::size_t max_record_bytes = kMaxRecordBytes);

    Layout layout() const { return layout_; }
    // Record: `record` holds the next record. End: no more records. Broken: the file's
    // structure is broken from here on (unterminated array, text after it): record.line says
    // where, broken_reason() says why, and nothing more is read. Throws tb::InputError
    // (FILE:LINE) for a record longer than max_record_bytes: nothing after it can be trusted,
    // and finding its end could mean reading without limit.
    Status next(RawRecord& record);
    const std::string& broken_reason() const { return broken_reason_; }

    std::uint64_t bytes_done() const { return chunks_.offset() + pos_; }
    std::uint64_t file_size() const { return chunks_.file_size(); }

private:
    bool refill();  // false at the end of the file
    Status next_line(RawRecord& record);
    Status next_element(RawRecord& record);
    Status broken(RawRecord& record, std::size_t line, std::string reason);
    // Appends to record.text, or throws the InputError of a record over max_record_bytes_.
    void append_to_record(RawRecord& record, const char* data, std::size_t size);

    FileChunks chunks_;
    std::size_t max_record_bytes_;
    Layout layout_ = Layout::Empty;
    std::size_t pos_ = 0;         // index into the current chunk
    std::size_t line_ = 1;        // line of chunks_.data()[pos_]
    std::size_t array_line_ = 0;  // line of the array's opening bracket
    bool after_comma_ = false;    // an element must follow (we just passed a top-level comma)
    bool finished_ = false;
    std::string broken_reason_;
};

}  // namespace tb
