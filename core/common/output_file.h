#pragma once
// The one rule for every file or folder a command writes (export, golden export, review
// export, compare --junit, merge, create-model, train --out):
//
//   - an output is never one of the protected files (the open project file and its SQLite
//     companions, core/project/project_file.h: project_files), whatever --force says. "The
//     same file" is decided by the file system, not by spelling: ./P, a relative path, a
//     symbolic or hard link to P are all P;
//   - an output that exists is replaced only with Overwrite::replace (the CLI's --force);
//   - a file is written to a temporary file in the same folder and renamed into place, so a
//     crash or a full disk never leaves a half-written file under the output's name.
//
// Violations are tb::OutputRefused (a tb::Error: exit 2 at the CLI), with a message that says
// what to do.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/error.h"

namespace tb {

enum class Overwrite { refuse, replace };

class OutputRefused : public Error {
public:
    using Error::Error;
};

// True when `a` and `b` name the same file: both exist and are the same inode, or, where one
// does not exist yet, their symlink-resolved absolute paths are equal.
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

// Throws OutputRefused when `out` is one of `protected_files`, is a folder, or exists (also as
// a dangling symbolic link) and `overwrite` is refuse. `what` names the option in messages
// ("--out", "--junit").
void check_output_file(const std::filesystem::path& out, const std::vector<std::filesystem::path>& protected_files,
                       Overwrite overwrite, const std::string& what = "--out");

// An output folder: throws OutputRefused when `out` is a file, is one of `protected_files`
// (the project's files, the model and adapter folders read), or holds one of them. Whether its existing content may be
// replaced is the writer's rule (merge, create-model and train each know their own files).
void check_output_folder(const std::filesystem::path& out, const std::vector<std::filesystem::path>& protected_files,
                         const std::string& what = "--out");

// Readies a folder that a writer fills with files of known names (`owned`; a name ending in
// '*' is a prefix, "model-*"): creates it when missing. An existing folder that is not empty
// is refused unless `overwrite` is replace; then the owned entries (files or folders) of an
// earlier output are removed, so no stale file (a full model's config.json beside a new
// adapter) is left beside the new output. Entries not owned are left alone: --force never
// deletes a file Tunebench did not write. Runs check_output_folder first.
void prepare_output_folder(const std::filesystem::path& out, const std::vector<std::string>& owned,
                           const std::vector<std::filesystem::path>& protected_files, Overwrite overwrite,
                           const std::string& what = "--out");

// A file written beside its target and renamed into place. The temporary file is created
// (exclusively, mode 0644 less the umask) in the target's folder, named ".NAME.XXXXXX.tmp";
// write to temp_path(), then commit(): flushes it to disk and renames it over the target.
// Destroyed without commit (an exception), the temporary file is removed and the target is
// untouched.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::filesystem::path& temp_path() const { return temp_; }
    const std::filesystem::path& target() const { return target_; }
    void commit();

private:
    std::filesystem::path target_, temp_;
    bool committed_ = false;
};

// check_output_file, then the whole of `content` written through an AtomicFile.
void write_output_file(const std::filesystem::path& out, std::string_view content,
                       const std::vector<std::filesystem::path>& protected_files, Overwrite overwrite,
                       const std::string& what = "--out");

}  // namespace tb
