// Export: OpenAI chat JSON Lines, the canonical form (re-importing gives equal content hashes).
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/common/error.h"
#include "core/dataset/importer.h"

namespace tb {

struct JsonlWriter::Impl {
    std::string path;
    std::FILE* file = nullptr;
};

JsonlWriter::JsonlWriter(const std::string& path) : impl_(new Impl{path, std::fopen(path.c_str(), "wb")}) {
    if (!impl_->file) {
        const std::string reason = std::strerror(errno);
        delete impl_;
        throw Error(path + ": cannot write: " + reason);
    }
}

JsonlWriter::~JsonlWriter() {
    if (impl_->file) std::fclose(impl_->file);
    delete impl_;
}

void JsonlWriter::write(const Example& example) {
    if (!impl_->file) throw Error(impl_->path + ": the writer is closed");
    std::string line = to_json(example).dump();
    line.push_back('\n');
    if (std::fwrite(line.data(), 1, line.size(), impl_->file) != line.size())
        throw Error(impl_->path + ": write failed: " + std::strerror(errno));
}

void JsonlWriter::close() {
    if (!impl_->file) return;
    const bool failed = std::fclose(impl_->file) != 0;
    impl_->file = nullptr;
    if (failed) throw Error(impl_->path + ": write failed: " + std::strerror(errno));
}

}  // namespace tb
