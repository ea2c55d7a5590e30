#pragma once
// Opening the files a user hands us (datasets, model folders' JSON, --file/--messages
// arguments). Two rules, defined here once: only regular files are read (a device such as
// /dev/zero, a pipe or a socket never ends, so reading one grows memory without limit), and
// no single record (a JSON-lines line, a CSV field or row, a JSON array element, a whole
// JSON document read at once) may exceed kMaxRecordBytes.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace tb {

// The largest record any reader accepts: 256 MiB. Generous for a record (a long-context
// example is a few MB), small enough that a broken file fails fast on any machine.
constexpr std::size_t kMaxRecordBytes = std::size_t(256) << 20;
// "256 MiB", "1 KiB", "100 bytes": a size limit for messages.
std::string byte_size_text(std::uint64_t bytes);

// A record buffer that outgrows this is reserved at its limit at once: doubling would copy a
// near-limit record into a buffer twice its size, holding both while it copies.
constexpr std::size_t kReserveRecordAtOnce = std::size_t(16) << 20;

// Appends `size` bytes to `record` unless that makes it longer than `max_bytes` (then it
// returns false and leaves `record` as it was); grows as kReserveRecordAtOnce says.
bool append_within(std::string& record, const char* data, std::size_t size, std::size_t max_bytes);

struct FileCloser {
    void operator()(std::FILE* file) const {
        if (file) std::fclose(file);
    }
};
using InputFile = std::unique_ptr<std::FILE, FileCloser>;

// Opens `path` for binary reading. Throws tb::Error "PATH: ..." when it cannot be opened, is
// a folder, or is not a regular file. `size` (optional) receives the file's size in bytes.
InputFile open_input_file(const std::string& path, std::uint64_t* size = nullptr);

// The whole content of a regular file (open_input_file's checks), refused with a tb::Error
// naming the file when it is larger than `max_bytes`.
std::string read_input_file(const std::string& path, std::uint64_t max_bytes = kMaxRecordBytes);

}  // namespace tb
