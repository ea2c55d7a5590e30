#include "core/project/project_export.h"

#include <filesystem>

#include "core/dataset/importer.h"
#include "core/project/examples.h"

namespace tb {

std::size_t export_examples(const ProjectFile& project, const std::string& split, const std::string& out_path,
                            const JobContext& ctx) {
    if (split != "all" && split != "train" && split != "validation" && split != "test") {
        throw Error("unknown split '" + split + "': use all, train, validation or test");
    }
    std::string filter = split == "all" ? "" : split;
    if (!filter.empty()) {
        ExampleFilter in_split;
        in_split.split = filter;
        if (count_examples(project, in_split) == 0) {
            throw Error(project.path() + ": no example is in the " + split +
                        " split yet (assign splits first, or export --split all)");
        }
    }
    std::string partial = out_path + ".partial";
    std::size_t written = 0;
    try {
        JsonlWriter writer(partial);
        for_each_example(
            project, filter,
            [&](Example&& example) {
                writer.write(example);
                ++written;
            },
            ctx);
        writer.close();
        std::filesystem::rename(partial, out_path);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw;
    }
    return written;
}

}  // namespace tb
