#pragma once
// The ExampleStore of an open project: tb::ProjectFile queries (core/project/examples.h)
// on the GUI thread's own connection. WAL lets it read while a worker's import writes.
#include "core/project/project_file.h"
#include "ui/dataset/example_store.h"

namespace tbui {

class ProjectExampleStore : public ExampleStore {
public:
    explicit ProjectExampleStore(const tb::ProjectFile& project) : project_(project) {}

    std::int64_t count(const ExampleFilter& filter, std::int64_t limit) override;
    std::vector<ExampleRow> rowsAfter(const ExampleFilter& filter, std::int64_t afterId, int limit) override;
    tb::Example example(std::int64_t id) override;
    QStringList tagNames() override;
    QStringList findingKinds() override;

private:
    const tb::ProjectFile& project_;
};

}  // namespace tbui
