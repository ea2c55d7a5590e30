#pragma once
// The undoable actions of the review queue. Core history is append-only, so undo never
// deletes: undoing a verdict appends a withdrawal (the previous verdict stands again),
// undoing an edit stores the previous text as a new version.
#include <cstdint>
#include <functional>
#include <string>

#include <QUndoCommand>

#include "core/curation/reviews.h"
#include "core/dataset/example.h"

namespace tb {
class ProjectFile;
}

namespace tbui {

// Called after a command changed example `id` (to show it and refresh counters).
using ExampleChanged = std::function<void(std::int64_t id)>;

class VerdictCommand : public QUndoCommand {
public:
    VerdictCommand(tb::ProjectFile& project, tb::NewReview review, ExampleChanged changed);
    void redo() override;
    void undo() override;
    const tb::NewReview& review() const { return review_; }
    std::int64_t exampleId() const { return review_.example_id; }

private:
    tb::ProjectFile& project_;
    tb::NewReview review_;
    ExampleChanged changed_;
};

class EditCommand : public QUndoCommand {
public:
    EditCommand(tb::ProjectFile& project, std::int64_t example_id, tb::Example before, tb::Example after,
                ExampleChanged changed);
    void redo() override;
    void undo() override;
    std::int64_t exampleId() const { return example_id_; }

private:
    tb::ProjectFile& project_;
    std::int64_t example_id_;
    tb::Example before_;
    tb::Example after_;
    ExampleChanged changed_;
};

}  // namespace tbui
