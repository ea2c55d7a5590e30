#pragma once
// Fuzz targets for the dataset importers (core/dataset): the input is a file's content in
// the given format. The importers stream from a path, so it goes through a scratch file in
// /dev/shm (a tmpfs: no disk writes per execution) named for this process. Every accepted
// example must survive what the project does with it (hash, plain text, JSON round trip),
// and hold valid UTF-8 only (invalid UTF-8 is a rejection reason), and the summary must
// count what the callbacks saw.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/dataset/example.h"
#include "core/dataset/importer.h"
#include "tests/fuzz/fuzz_common.h"

namespace tb::fuzz {

inline std::string import_scratch_path(const std::string& extension) {
    const char* tmp = std::getenv("TMPDIR");
    std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : tmp ? tmp : "/tmp";
    return base + "/tunebench-fuzz-" + std::to_string(getpid()) + extension;
}

inline void import_file(const std::uint8_t* data, std::size_t size, DatasetFormat format,
                        const std::string& extension) {
    const std::string path = import_scratch_path(extension);
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) property_broken("cannot write the scratch file " + path);
    if (size) std::fwrite(data, 1, size, f);
    std::fclose(f);
    ImportOptions options;
    options.format = format;
    options.csv.system = "system";
    options.csv.input = "input";
    expect_clean([&] {
        std::size_t accepted = 0, rejected = 0;
        ImportSummary summary = read_dataset(
            path, options,
            [&](Example&& example) {
                ++accepted;
                for (const Message& m : example.messages)
                    if (!valid_utf8(m.content) || !valid_utf8(m.role) || !valid_utf8(m.name))
                        property_broken("an accepted example holds invalid UTF-8");
                (void)content_hash(example);
                (void)plain_text(example);
                Example back = example_from_json(to_json(example));
                if (to_json(back) != to_json(example))
                    property_broken("an imported example does not survive to_json/example_from_json");
            },
            [&](RejectedRecord&& reject) {
                ++rejected;
                (void)reject.message();
            });
        if (summary.accepted != accepted || summary.rejected != rejected)
            property_broken("the import summary's counts differ from the callbacks'");
    });
    std::remove(path.c_str());
}

// One target per format; the extension picks CSV vs TSV and nothing else for JSON.
inline void import_json(const std::uint8_t* d, std::size_t n) { import_file(d, n, DatasetFormat::Auto, ".json"); }
inline void import_jsonl(const std::uint8_t* d, std::size_t n) { import_file(d, n, DatasetFormat::Chat, ".jsonl"); }
inline void import_sharegpt(const std::uint8_t* d, std::size_t n) {
    import_file(d, n, DatasetFormat::ShareGPT, ".json");
}
inline void import_alpaca(const std::uint8_t* d, std::size_t n) { import_file(d, n, DatasetFormat::Alpaca, ".json"); }
inline void import_csv(const std::uint8_t* d, std::size_t n) { import_file(d, n, DatasetFormat::Csv, ".csv"); }

}  // namespace tb::fuzz
