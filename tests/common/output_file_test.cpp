// The one output rule (core/common/output_file.h): identity by the file system, not by
// spelling; an existing file only with replace; atomic writes that leave nothing behind.
#include "core/common/output_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "common/temp_dir.h"

namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t entries(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

TEST(OutputFile, SameFileIsDecidedByTheFileSystem) {
    tbtest::TempDir dir("tb_common_");
    const fs::path p = dir.write("p.tunebench", "project");
    ASSERT_EQ(::symlink(p.c_str(), dir.file("soft").c_str()), 0);
    ASSERT_EQ(::link(p.c_str(), dir.file("hard").c_str()), 0);
    EXPECT_TRUE(tb::same_file(p, dir.file(".") + "/./p.tunebench"));
    EXPECT_TRUE(tb::same_file(p, dir.file("soft")));
    EXPECT_TRUE(tb::same_file(p, dir.file("hard")));
    EXPECT_TRUE(tb::same_file(fs::path(dir.file("sub")) / ".." / "p.tunebench-wal", dir.file("p.tunebench-wal")));
    EXPECT_FALSE(tb::same_file(p, dir.file("p.tunebench-wal")));  // neither exists as the other
    // A relative spelling from the current folder.
    const auto cwd = fs::current_path();
    fs::current_path(dir.file(""));
    EXPECT_TRUE(tb::same_file("p.tunebench", p));
    EXPECT_TRUE(tb::same_file("p.tunebench-shm", fs::path(dir.file("p.tunebench-shm"))));
    fs::current_path(cwd);
}

TEST(OutputFile, ProtectedFilesAreRefusedEvenWithReplaceAndExistingFilesWithoutIt) {
    tbtest::TempDir dir("tb_common_");
    const fs::path p = dir.write("p.tunebench", "project");
    const std::vector<fs::path> kept = {p, fs::path(p.string() + "-wal")};
    EXPECT_THROW(tb::check_output_file(dir.file("./p.tunebench"), kept, tb::Overwrite::replace), tb::OutputRefused);
    EXPECT_THROW(tb::check_output_file(p.string() + "-wal", kept, tb::Overwrite::replace), tb::OutputRefused);
    EXPECT_THROW(tb::write_output_file(p, "x", kept, tb::Overwrite::replace), tb::OutputRefused);
    EXPECT_EQ(read(p), "project");

    const fs::path mine = dir.write("mine.txt", "mine");
    EXPECT_THROW(tb::write_output_file(mine, "new", kept, tb::Overwrite::refuse), tb::OutputRefused);
    EXPECT_EQ(read(mine), "mine");
    tb::write_output_file(mine, "new", kept, tb::Overwrite::replace);
    EXPECT_EQ(read(mine), "new");
    // A dangling symbolic link is an existing output too.
    ASSERT_EQ(::symlink(dir.file("nowhere").c_str(), dir.file("dangling").c_str()), 0);
    EXPECT_THROW(tb::check_output_file(dir.file("dangling"), kept, tb::Overwrite::refuse), tb::OutputRefused);
    EXPECT_THROW(tb::check_output_file(dir.file(""), kept, tb::Overwrite::replace), tb::OutputRefused);
    tb::write_output_file(dir.file("fresh.txt"), "fresh", kept, tb::Overwrite::refuse);
    EXPECT_EQ(read(dir.file("fresh.txt")), "fresh");
}

TEST(OutputFile, AnAtomicFileNotCommittedLeavesTheTargetAndNoTemporaryFile) {
    tbtest::TempDir dir("tb_common_");
    const fs::path target = dir.write("out.jsonl", "before");
    const std::size_t before = entries(dir.file(""));
    try {
        tb::AtomicFile file(target);
        EXPECT_EQ(file.temp_path().parent_path(), fs::canonical(dir.file("")));
        std::ofstream(file.temp_path()) << "half";
        throw std::runtime_error("disk full");
    } catch (const std::runtime_error&) {
    }
    EXPECT_EQ(read(target), "before");
    EXPECT_EQ(entries(dir.file("")), before);
    {
        tb::AtomicFile file(target);
        std::ofstream(file.temp_path()) << "after";
        file.commit();
    }
    EXPECT_EQ(read(target), "after");
    EXPECT_EQ(entries(dir.file("")), before);
}

TEST(OutputFile, AReplacedFolderLosesTheEarlierOutputsFilesOnly) {
    tbtest::TempDir dir("tb_common_");
    const fs::path out = dir.file("out");
    const fs::path project = dir.write("p.tunebench", "project");
    tb::prepare_output_folder(out, {"config.json"}, {project}, tb::Overwrite::refuse);  // created
    EXPECT_TRUE(fs::is_directory(out));
    tb::prepare_output_folder(out, {"config.json"}, {project}, tb::Overwrite::refuse);  // empty: fine
    dir.write("out/config.json", "{}");
    dir.write("out/model-00001-of-00002.safetensors", "w");
    dir.write("out/notes.txt", "mine");
    EXPECT_THROW(tb::prepare_output_folder(out, {"config.json", "model-*"}, {project}, tb::Overwrite::refuse),
                 tb::OutputRefused);
    EXPECT_TRUE(fs::exists(out / "config.json"));
    tb::prepare_output_folder(out, {"config.json", "model-*"}, {project}, tb::Overwrite::replace);
    EXPECT_FALSE(fs::exists(out / "config.json"));
    EXPECT_FALSE(fs::exists(out / "model-00001-of-00002.safetensors"));
    EXPECT_EQ(read(out / "notes.txt"), "mine");
    // A folder holding a protected file, or one, is never an output.
    EXPECT_THROW(tb::prepare_output_folder(dir.file(""), {"p.tunebench"}, {project}, tb::Overwrite::replace),
                 tb::OutputRefused);
    EXPECT_TRUE(fs::exists(project));
    EXPECT_THROW(tb::check_output_folder(project, {}), tb::OutputRefused);  // a file
}

}  // namespace
