// core/common/input_file.h: only regular files are read, and a whole-file read is capped.
#include "core/common/input_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <functional>
#include <string>

#include "common/error_text.h"
#include "common/temp_dir.h"
#include "core/common/error.h"

namespace {

using tbtest::error_of;

TEST(InputFile, RefusesDevicesPipesAndFolders) {
    tbtest::TempDir dir("tb_input_file_");
    EXPECT_EQ(error_of([] { tb::open_input_file("/dev/zero"); }),
              "/dev/zero: is not a regular file (a device, pipe or socket, which may never end): give a file");
    EXPECT_EQ(error_of([] { tb::read_input_file("/dev/zero"); }),
              "/dev/zero: is not a regular file (a device, pipe or socket, which may never end): give a file");
    // A FIFO without a writer: refused at once, not waited on.
    const auto fifo = dir.file("fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(error_of([&] { tb::open_input_file(fifo); }),
              fifo + ": is not a regular file (a device, pipe or socket, which may never end): give a file");
    const auto folder = dir.file("sub");
    std::filesystem::create_directories(folder);
    EXPECT_EQ(error_of([&] { tb::open_input_file(folder); }), folder + ": is a folder, not a file");
    EXPECT_NE(error_of([&] { tb::open_input_file(dir.file("missing")); }).find(": cannot open: No such file"),
              std::string::npos);
}

TEST(InputFile, ReadsARegularFileWholeAndRefusesOneOverTheLimit) {
    tbtest::TempDir dir("tb_input_file_");
    const auto path = dir.write("a.txt", std::string("abc\0def", 7));
    std::uint64_t size = 0;
    EXPECT_TRUE(tb::open_input_file(path, &size));
    EXPECT_EQ(size, 7u);
    EXPECT_EQ(tb::read_input_file(path), std::string("abc\0def", 7));
    EXPECT_EQ(tb::read_input_file(path, 7), std::string("abc\0def", 7));
    EXPECT_EQ(error_of([&] { tb::read_input_file(path, 6); }),
              path + ": the file holds 7 bytes, more than the 6 bytes a file of this kind may hold");
    EXPECT_EQ(tb::read_input_file(dir.write("empty", "")), "");
}

TEST(InputFile, AppendWithinStopsAtTheLimitAndLeavesTheRecordAsItWas) {
    std::string record = "ab";
    EXPECT_TRUE(tb::append_within(record, "cd", 2, 4));
    EXPECT_EQ(record, "abcd");
    EXPECT_FALSE(tb::append_within(record, "e", 1, 4));
    EXPECT_EQ(record, "abcd");
    EXPECT_FALSE(tb::append_within(record, "e", std::size_t(-1), 4));  // no overflow in the check
    EXPECT_EQ(tb::byte_size_text(tb::kMaxRecordBytes), "256 MiB");
    EXPECT_EQ(tb::byte_size_text(1024), "1 KiB");
    EXPECT_EQ(tb::byte_size_text(1000), "1000 bytes");
}

}  // namespace
