#pragma once
// A fresh folder per test (named after the test and the process), removed afterwards.
// Shared by the project, curation and CLI end-to-end suites.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace tbtest {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "tb_project_") {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = prefix + (info ? info->name() : "test") + "_" + std::to_string(::getpid());
        path_ = std::filesystem::temp_directory_path() / name;
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }
    std::string write(const std::string& name, const std::string& content) const {
        std::ofstream out(file(name), std::ios::binary);
        out << content;
        return file(name);
    }

private:
    std::filesystem::path path_;
};

}  // namespace tbtest
