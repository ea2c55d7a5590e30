#include "core/project/project_export.h"

#include "core/dataset/importer.h"
#include "core/project/examples.h"
#include "core/project/project_files.h"

namespace tb {

std::size_t export_examples(const ProjectFile& project, const std::string& split, const std::string& out_path,
                            Overwrite overwrite, const JobContext& ctx) {
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
    check_output_file(out_path, project_files(project), overwrite);
    AtomicFile out(out_path);
    std::size_t written = 0;
    {
        JsonlWriter writer(out.temp_path().string());
        for_each_example(
            project, filter,
            [&](Example&& example) {
                writer.write(example);
                ++written;
            },
            ctx);
        writer.close();
    }
    out.commit();
    return written;
}

}  // namespace tb
