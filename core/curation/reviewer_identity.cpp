#include "core/curation/reviewer_identity.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/common/error.h"
#include "core/curation/names.h"

namespace tb {

std::string reviewer_identity_path() {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::filesystem::path(home) / ".config";
    } else {
        base = std::filesystem::temp_directory_path();
    }
    return (base / "tunebench" / "reviewer").string();
}

std::optional<std::string> machine_reviewer() {
    if (const char* env = std::getenv("TUNEBENCH_REVIEWER"); env && *env) return std::string(env);
    std::ifstream in(reviewer_identity_path());
    std::string name;
    if (!in || !std::getline(in, name)) return std::nullopt;
    while (!name.empty() && (name.back() == '\r' || name.back() == ' ')) name.pop_back();
    if (name.empty()) return std::nullopt;
    return name;
}

void set_machine_reviewer(const std::string& name) {
    validate_name(name, "reviewer");
    std::filesystem::path path = reviewer_identity_path();
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::trunc);
    out << name << '\n';
    if (!out) throw Error(path.string() + ": cannot save the reviewer identity");
}

}  // namespace tb
