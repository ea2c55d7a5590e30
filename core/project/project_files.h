#pragma once
// The files of an open project on disk: what no output may ever be (core/common/output_file.h).
#include <filesystem>
#include <vector>

#include "core/project/project_file.h"

namespace tb {

// The project file and its SQLite companions (-wal, -shm, -journal), as opened and with
// symbolic links resolved (SQLite keeps the companions beside the real file).
std::vector<std::filesystem::path> project_files(const ProjectFile& project);

}  // namespace tb
