#pragma once
// The fixtures the project carries (tests/fixtures; provenance and licences in its README):
// paths, whole-file reads and gzip-compressed tokenizer.json files read through zlib.
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace tbtest {

inline std::filesystem::path source_dir() { return std::filesystem::path(TUNEBENCH_SOURCE_DIR); }
inline std::filesystem::path fixtures_dir() { return source_dir() / "tests/fixtures"; }

inline std::string read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The decompressed content of a .gz file (or the plain content of any other file).
inline std::string read_maybe_gzip(const std::filesystem::path& path) {
    if (path.extension() != ".gz") return read_file_bytes(path);
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) throw std::runtime_error("cannot open " + path.string());
    std::string out;
    char buffer[1 << 16];
    int n = 0;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    int error = 0;
    const char* message = gzerror(file, &error);
    std::string what = n < 0 ? std::string(message) : "";
    gzclose(file);
    if (n < 0) throw std::runtime_error(path.string() + ": " + what);
    return out;
}

}  // namespace tbtest
