#include "core/common/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>

namespace tb {

namespace fs = std::filesystem;

namespace {

fs::path resolved(const fs::path& p) {
    std::error_code ec;
    auto abs = fs::absolute(p, ec);
    if (ec) return p.lexically_normal();
    auto canonical = fs::weakly_canonical(abs, ec);
    return ec ? abs.lexically_normal() : canonical;
}

// `folder` holds `file` (directly or below): compared on resolved paths.
bool folder_holds(const fs::path& folder, const fs::path& file) {
    const fs::path dir = resolved(folder), f = resolved(file);
    auto d = dir.begin(), x = f.begin();
    for (; d != dir.end(); ++d, ++x) {
        if (x == f.end() || *d != *x) return false;
    }
    return x != f.end();
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) {
        const bool same = fs::equivalent(a, b, ec);
        if (!ec) return same;
    }
    return resolved(a) == resolved(b);
}

void check_output_file(const fs::path& out, const std::vector<fs::path>& protected_files, Overwrite overwrite,
                       const std::string& what) {
    if (out.empty()) throw OutputRefused(what + " needs a file name");
    for (const auto& p : protected_files) {
        if (same_file(out, p))
            throw OutputRefused(what + " " + quoted(out) + " is " + quoted(p) +
                                ", a file of the open project: writing there would destroy the project; choose "
                                "another file");
    }
    std::error_code ec;
    const auto status = fs::symlink_status(out, ec);
    if (fs::is_directory(fs::status(out, ec)))
        throw OutputRefused(what + " " + quoted(out) + " is a folder: give a file name");
    if (fs::exists(status) && overwrite == Overwrite::refuse)
        throw OutputRefused(what + " " + quoted(out) + " exists: pass --force to replace it");
    const fs::path parent = resolved(out).parent_path();
    if (!fs::is_directory(parent, ec))
        throw OutputRefused(what + " " + quoted(out) + ": the folder " + quoted(parent) + " does not exist");
}

void check_output_folder(const fs::path& out, const std::vector<fs::path>& protected_files, const std::string& what) {
    if (out.empty()) throw OutputRefused(what + " needs a folder name");
    std::error_code ec;
    if (fs::exists(out, ec) && !fs::is_directory(out, ec))
        throw OutputRefused(what + " " + quoted(out) + " is a file, not a folder: give a folder name");
    for (const auto& p : protected_files) {
        if (same_file(out, p) || folder_holds(out, p))
            throw OutputRefused(what + " " + quoted(out) + (same_file(out, p) ? " is " : " holds ") + quoted(p) +
                                ", which this command reads (the project, the model or the adapter) and must "
                                "never replace: choose a folder of its own for the output");
    }
}

void prepare_output_folder(const fs::path& out, const std::vector<std::string>& owned,
                           const std::vector<fs::path>& protected_files, Overwrite overwrite, const std::string& what) {
    check_output_folder(out, protected_files, what);
    std::error_code ec;
    if (!fs::exists(out, ec)) {
        fs::create_directories(out, ec);
        if (ec) throw Error(out.string() + ": cannot create the folder (" + ec.message() + ")");
        return;
    }
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(out, ec)) entries.push_back(entry.path());
    if (ec) throw Error(out.string() + ": cannot read the folder (" + ec.message() + ")");
    if (entries.empty()) return;
    if (overwrite == Overwrite::refuse) {
        std::string names;
        for (std::size_t i = 0; i < entries.size() && i < 3; ++i)
            names += (i ? ", " : "") + entries[i].filename().string();
        if (entries.size() > 3) names += ", ...";
        throw OutputRefused(what + " " + quoted(out) + " is not empty (" + names +
                            "): choose an empty or new folder, or pass --force to replace an earlier output there");
    }
    auto is_owned = [&](const std::string& name) {
        for (const auto& o : owned) {
            if (!o.empty() && o.back() == '*' ? name.rfind(o.substr(0, o.size() - 1), 0) == 0 : name == o) return true;
        }
        return false;
    };
    for (const auto& entry : entries) {
        if (!is_owned(entry.filename().string())) continue;
        fs::remove_all(entry, ec);
        if (ec) throw Error(entry.string() + ": cannot remove the earlier output (" + ec.message() + ")");
    }
}

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
    const fs::path folder = resolved(target_).parent_path();
    const std::string name = target_.filename().string();
    std::random_device seed;
    std::mt19937_64 random(seed());
    static constexpr char kDigits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int attempt = 0; attempt < 100; ++attempt) {
        std::string suffix;
        for (int i = 0; i < 8; ++i) suffix += kDigits[random() % (sizeof kDigits - 1)];
        fs::path candidate = folder / ("." + name + "." + suffix + ".tmp");
        const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            temp_ = std::move(candidate);
            return;
        }
        if (errno != EEXIST)
            throw Error(target_.string() + ": cannot create a file in " + folder.string() + " (" +
                        std::strerror(errno) + ")");
    }
    throw Error(target_.string() + ": cannot create a temporary file in " + folder.string());
}

AtomicFile::~AtomicFile() {
    if (!committed_ && !temp_.empty()) {
        std::error_code ignored;
        fs::remove(temp_, ignored);
    }
}

void AtomicFile::commit() {
    const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const std::string why = std::strerror(errno);
        if (fd >= 0) ::close(fd);
        throw Error(target_.string() + ": cannot write (" + why + ")");
    }
    ::close(fd);
    std::error_code ec;
    fs::rename(temp_, target_, ec);
    if (ec) throw Error(target_.string() + ": cannot move the written file into place (" + ec.message() + ")");
    committed_ = true;
    // The rename itself survives a crash once the folder is on disk too.
    const int dir = ::open(resolved(target_).parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

void write_output_file(const fs::path& out, std::string_view content, const std::vector<fs::path>& protected_files,
                       Overwrite overwrite, const std::string& what) {
    check_output_file(out, protected_files, overwrite, what);
    AtomicFile file(out);
    {
        std::ofstream stream(file.temp_path(), std::ios::binary | std::ios::trunc);
        stream.write(content.data(), static_cast<std::streamsize>(content.size()));
        stream.flush();
        if (!stream) throw Error(out.string() + ": write failed (disk full?)");
    }
    file.commit();
}

}  // namespace tb
