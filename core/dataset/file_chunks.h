#pragma once
// Reads a file in fixed-size chunks for the streaming readers (JSON, JSONL, CSV): memory
// stays constant whatever the file size. Only regular files (core/common/input_file.h).
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/common/input_file.h"

namespace tb {

class FileChunks {
public:
    // Throws tb::Error when the file cannot be opened or is not a regular file.
    explicit FileChunks(const std::string& path, std::size_t chunk_size = 1 << 20);

    // Reads the next chunk into data()/size(); false at the end of the file.
    bool next();
    const char* data() const { return buffer_.data(); }
    std::size_t size() const { return size_; }
    // File offset of data()[0].
    std::uint64_t offset() const { return offset_; }
    std::uint64_t file_size() const { return file_size_; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::uint64_t file_size_ = 0;  // before file_: open_input_file fills it
    InputFile file_;
    std::vector<char> buffer_;
    std::size_t size_ = 0;
    std::uint64_t offset_ = 0;
};

}  // namespace tb
