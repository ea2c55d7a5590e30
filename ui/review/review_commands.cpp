#include "ui/review/review_commands.h"

#include <QCoreApplication>

#include "core/project/examples.h"
#include "core/project/project_file.h"

namespace tbui {

VerdictCommand::VerdictCommand(tb::ProjectFile& project, tb::NewReview review, ExampleChanged changed)
    : project_(project), review_(std::move(review)), changed_(std::move(changed)) {
    setText(QCoreApplication::translate("tbui::ReviewQueueWidget", "%1 example %2")
                .arg(QString::fromStdString(tb::to_string(review_.verdict)))
                .arg(review_.example_id));
}

void VerdictCommand::redo() {
    tb::record_review(project_, review_);
    if (changed_) changed_(review_.example_id);
}

void VerdictCommand::undo() {
    tb::withdraw_review(project_, review_.example_id, review_.reviewer);
    if (changed_) changed_(review_.example_id);
}

EditCommand::EditCommand(tb::ProjectFile& project, std::int64_t example_id, tb::Example before, tb::Example after,
                         ExampleChanged changed)
    : project_(project),
      example_id_(example_id),
      before_(std::move(before)),
      after_(std::move(after)),
      changed_(std::move(changed)) {
    setText(QCoreApplication::translate("tbui::ReviewQueueWidget", "edit example %1").arg(example_id));
}

void EditCommand::redo() {
    tb::update_example_messages(project_, example_id_, after_, "edited in the review queue");
    if (changed_) changed_(example_id_);
}

void EditCommand::undo() {
    tb::update_example_messages(project_, example_id_, before_, "undo of an edit in the review queue");
    if (changed_) changed_(example_id_);
}

}  // namespace tbui
