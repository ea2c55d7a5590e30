#pragma once
// Streaming RFC 4180 CSV reader: quoted fields may hold delimiters, doubled quotes and
// newlines; CRLF and LF line ends both work. Lenient where the RFC is strict but intent is
// clear (a quote inside an unquoted field is kept as text).
#include <cstdint>
#include <string>
#include <vector>

#include "core/common/input_file.h"
#include "core/dataset/file_chunks.h"

namespace tb {

struct CsvRow {
    std::vector<std::string> fields;
    std::size_t line = 0;  // 1-based line where the row starts
    std::string raw;       // the row's text as in the file (first 64 KiB), for reports
};

class CsvReader {
public:
    // Throws tb::Error when the file cannot be opened or is not a regular file.
    explicit CsvReader(const std::string& path, char delimiter = ',', std::size_t max_row_bytes = kMaxRecordBytes);
    // Reads the next non-blank row; false at the end of the file. Throws tb::InputError
    // (FILE:LINE of the row) when the file ends inside a quoted field, or when the row is
    // longer than max_row_bytes (its fields together, quotes and delimiters included).
    bool next(CsvRow& row);
    std::uint64_t bytes_done() const { return chunks_.offset() + pos_; }
    std::uint64_t file_size() const { return chunks_.file_size(); }

private:
    std::string path_;
    FileChunks chunks_;
    char delimiter_;
    std::size_t max_row_bytes_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    bool started_ = false;  // first chunk read (and byte order mark skipped)
    bool at_end_ = false;
};

}  // namespace tb
