// One limit for every record the dataset readers hold (core/common/input_file.h's
// kMaxRecordBytes): a JSON-lines line, a JSON array element, a CSV row. Tested here with a
// small limit, so the files stay small; the 256 MiB default is tested end to end
// (tests/e2e/hostile_files_cli_test.cpp). And only regular files are read.
#include <gtest/gtest.h>

#include <functional>

#include "core/common/error.h"
#include "core/common/input_file.h"
#include "core/dataset/csv_reader.h"
#include "core/dataset/json_records.h"
#include "dataset_test_util.h"

namespace tb::testing {
namespace {

std::string input_error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    } catch (const Error& e) {
        return std::string("not an InputError: ") + e.what();
    }
    return "(no error)";
}

void read_all_json(JsonRecordReader& reader) {
    RawRecord record;
    while (reader.next(record) == JsonRecordReader::Status::Record) {
    }
}

TEST(RecordLimits, AJsonLinesLineOverTheLimitIsAnErrorAtItsLine) {
    const std::string fits(100, 'x');
    TempFile file("d.jsonl", "{\"a\": 1}\n\"" + fits + "\"\n\"" + std::string(1100, 'y'));  // line 3 unterminated
    // Lines up to the limit are read...
    JsonRecordReader reader(file.path(), 1024);
    RawRecord record;
    ASSERT_EQ(reader.next(record), JsonRecordReader::Status::Record);
    ASSERT_EQ(reader.next(record), JsonRecordReader::Status::Record);
    EXPECT_EQ(record.text, "\"" + fits + "\"");
    // ... the one beyond it ends the reading with FILE:LINE.
    EXPECT_EQ(input_error_of([&] { reader.next(record); }),
              file.path() + ":3: line 3 is longer than 1 KiB (the limit for one record)");
}

TEST(RecordLimits, ALineOfExactlyTheLimitIsRead) {
    TempFile file("d.jsonl", std::string(1024, ' ') + "\n" + "\"" + std::string(1022, 'z') + "\"\n");
    JsonRecordReader reader(file.path(), 1024);
    RawRecord record;
    ASSERT_EQ(reader.next(record), JsonRecordReader::Status::Record);
    EXPECT_EQ(record.text.size(), 1024u);
    EXPECT_EQ(record.line, 2u);
}

TEST(RecordLimits, AJsonArrayElementOverTheLimitIsAnError) {
    TempFile file("d.json", "[\n{\"a\": 1},\n\"" + std::string(2000, 'q'));
    JsonRecordReader reader(file.path(), 1024);
    EXPECT_EQ(input_error_of([&] { read_all_json(reader); }),
              file.path() +
                  ":3: the array element starting on line 3 is longer than 1 KiB (the limit for one record; an "
                  "unterminated string?)");
}

TEST(RecordLimits, ACsvRowOverTheLimitIsAnError) {
    TempFile file("d.csv", "instruction,output\nhello,\"" + std::string(2000, 'c'));
    CsvReader reader(file.path(), ',', 1024);
    CsvRow row;
    ASSERT_TRUE(reader.next(row));
    EXPECT_EQ(row.fields, (std::vector<std::string>{"instruction", "output"}));
    EXPECT_EQ(input_error_of([&] { reader.next(row); }),
              file.path() +
                  ":2: the row starting on line 2 is longer than 1 KiB (the limit for one record; an unterminated "
                  "quoted field?)");
}

TEST(RecordLimits, TheImporterRefusesDevicesInsteadOfReadingForever) {
    for (const auto& options : {ImportOptions{}, ImportOptions{DatasetFormat::Chat, {}}}) {
        try {
            import_file("/dev/zero", options);
            ADD_FAILURE() << "no error";
        } catch (const Error& e) {
            EXPECT_EQ(std::string(e.what()),
                      "/dev/zero: is not a regular file (a device, pipe or socket, which may never end): give a file");
        }
    }
}

}  // namespace
}  // namespace tb::testing
