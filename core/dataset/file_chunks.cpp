#include "core/dataset/file_chunks.h"

#include <cerrno>
#include <cstring>

#include "core/common/error.h"

namespace tb {

FileChunks::FileChunks(const std::string& path, std::size_t chunk_size)
    : path_(path), file_(open_input_file(path, &file_size_)), buffer_(chunk_size) {}

bool FileChunks::next() {
    offset_ += size_;
    size_ = std::fread(buffer_.data(), 1, buffer_.size(), file_.get());
    if (size_ == 0 && std::ferror(file_.get())) throw Error(path_ + ": read error: " + std::strerror(errno));
    return size_ > 0;
}

}  // namespace tb
