#include "core/common/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/common/error.h"

namespace tb {

std::string byte_size_text(std::uint64_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + " bytes";
}

bool append_within(std::string& record, const char* data, std::size_t size, std::size_t max_bytes) {
    if (size > max_bytes || record.size() > max_bytes - size) return false;
    if (record.size() + size > record.capacity() && record.capacity() >= kReserveRecordAtOnce)
        record.reserve(max_bytes);
    record.append(data, size);
    return true;
}

InputFile open_input_file(const std::string& path, std::uint64_t* size) {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait forever, before the
    // check below could refuse it. It changes nothing for a regular file.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) throw Error(path + ": cannot open: " + std::strerror(errno));
    // fstat on the open descriptor, not stat on the name: the file checked is the file read.
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        throw Error(path + ": cannot stat: " + std::strerror(error));
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        if (S_ISDIR(info.st_mode)) throw Error(path + ": is a folder, not a file");
        throw Error(path + ": is not a regular file (a device, pipe or socket, which may never end): give a file");
    }
    InputFile file(::fdopen(fd, "rb"));
    if (!file) {
        const int error = errno;
        ::close(fd);
        throw Error(path + ": cannot open: " + std::strerror(error));
    }
    if (size) *size = static_cast<std::uint64_t>(info.st_size);
    return file;
}

std::string read_input_file(const std::string& path, std::uint64_t max_bytes) {
    std::uint64_t size = 0;
    InputFile file = open_input_file(path, &size);
    if (size > max_bytes)
        throw Error(path + ": the file holds " + std::to_string(size) + " bytes, more than the " +
                    byte_size_text(max_bytes) + " a file of this kind may hold");
    std::string text(static_cast<std::size_t>(size), '\0');
    const std::size_t got = size ? std::fread(text.data(), 1, text.size(), file.get()) : 0;
    if (got != text.size()) {
        if (std::ferror(file.get())) throw Error(path + ": read error: " + std::strerror(errno));
        text.resize(got);  // the file shrank while we read it
    }
    return text;
}

}  // namespace tb
