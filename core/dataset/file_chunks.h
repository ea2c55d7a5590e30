#pragma once
// Reads a file in fixed-size chunks for the streaming readers (JSON, JSONL, CSV): memory
// stays constant whatever the file size.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace tb {

class FileChunks {
public:
    explicit FileChunks(const std::string& path, std::size_t chunk_size = 1 << 20);  // throws tb::Error
    ~FileChunks();
    FileChunks(const FileChunks&) = delete;
    FileChunks& operator=(const FileChunks&) = delete;

    // Reads the next chunk into data()/size(); false at the end of the file.
    bool next();
    const char* data() const { return buffer_.data(); }
    std::size_t size() const { return size_; }
    // File offset of data()[0].
    std::uint64_t offset() const { return offset_; }
    std::uint64_t file_size() const { return file_size_; }

private:
    std::string path_;
    std::FILE* file_ = nullptr;
    std::vector<char> buffer_;
    std::size_t size_ = 0;
    std::uint64_t offset_ = 0;
    std::uint64_t file_size_ = 0;
};

}  // namespace tb
