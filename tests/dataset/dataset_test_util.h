#pragma once
// Helpers shared by the dataset tests: temporary files and a one-call import.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/shared_fixtures.h"
#include "core/dataset/importer.h"

namespace tb::testing {

inline std::string shared_dataset(const std::string& name) {
    return std::string(TUNEBENCH_SHARED_DIR) + "/fixtures/datasets/" + name;
}

// Skips a test on a real public dataset of ../shared/fixtures/datasets when it is absent.
#define TB_REQUIRE_SHARED(path) \
    TB_SKIP_WITHOUT_SHARED(path, "importing this real public dataset and checking its counts and fields")

// A file in a fresh temporary folder, removed with the object.
class TempFile {
public:
    TempFile(const std::string& name, const std::string& content) {
        static int counter = 0;
        dir_ = std::filesystem::temp_directory_path() /
               ("tb_dataset_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::create_directories(dir_);
        path_ = (dir_ / name).string();
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~TempFile() { std::filesystem::remove_all(dir_); }
    const std::string& path() const { return path_; }

private:
    std::filesystem::path dir_;
    std::string path_;
};

struct Imported {
    ImportSummary summary;
    std::vector<Example> examples;
    std::vector<RejectedRecord> rejected;
    std::vector<std::string> messages() const {
        std::vector<std::string> out;
        for (const auto& r : rejected) out.push_back(r.message());
        return out;
    }
};

inline Imported import_file(const std::string& path, ImportOptions options = {}) {
    Imported result;
    result.summary = read_dataset(
        path, options, [&](Example&& e) { result.examples.push_back(std::move(e)); },
        [&](RejectedRecord&& r) { result.rejected.push_back(std::move(r)); });
    return result;
}

}  // namespace tb::testing
