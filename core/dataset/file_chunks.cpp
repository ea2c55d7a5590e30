#include "core/dataset/file_chunks.h"

#include <sys/stat.h>
#include <cerrno>
#include <cstring>

#include "core/common/error.h"

namespace tb {

FileChunks::FileChunks(const std::string& path, std::size_t chunk_size) : path_(path), buffer_(chunk_size) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        throw Error(path + ": is a folder, not a dataset file");
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) throw Error(path + ": cannot open: " + std::strerror(errno));
    file_size_ = static_cast<std::uint64_t>(info.st_size);
}

FileChunks::~FileChunks() {
    if (file_) std::fclose(file_);
}

bool FileChunks::next() {
    offset_ += size_;
    size_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    if (size_ == 0 && std::ferror(file_)) throw Error(path_ + ": read error: " + std::strerror(errno));
    return size_ > 0;
}

}  // namespace tb
