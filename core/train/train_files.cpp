#include "core/train/train_files.h"

#include <fstream>
#include <sstream>

#include "core/common/error.h"

namespace tb {

nlohmann::json read_json_file(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(path.string() + ": cannot open");
    std::stringstream buffer;
    buffer << in.rdbuf();
    try {
        return nlohmann::json::parse(buffer.str());
    } catch (const nlohmann::json::exception& e) {
        throw Error(path.string() + ": invalid JSON (" + e.what() + ")");
    }
}

void write_json_file(const std::filesystem::path& path, const nlohmann::json& value) {
    write_text_file(path, value.dump(2) + "\n");
}

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void write_text_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw Error(path.string() + ": cannot write (disk full?)");
}

}  // namespace tb
