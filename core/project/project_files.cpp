#include "core/project/project_files.h"

#include <string>

namespace tb {

std::vector<std::filesystem::path> project_files(const ProjectFile& project) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    const auto real = std::filesystem::weakly_canonical(std::filesystem::absolute(project.path()), ec);
    for (const std::string& base : {project.path(), ec ? project.path() : real.string()}) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) files.emplace_back(base + suffix);
    }
    return files;
}

}  // namespace tb
