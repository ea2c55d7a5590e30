#pragma once
// The review queue: one example at a time as a conversation, judged with single keys.
//   A accept, R reject, E needs edit, S skip, N / PageDown next, P / PageUp previous,
//   Ctrl+Z undo, Ctrl+Shift+Z redo, Ctrl+S save the edited turns.
// Every turn is editable inline (typing in a turn or in the note never triggers a
// single-key shortcut: text widgets claim those keys). Verdicts and edits go through a
// QUndoStack; undo appends a withdrawal or a new version, so history is never lost.
// In the disagreements queue a verdict settles the example.
//
// Self-contained: give it an open project and the reviewer's name. To host it in the main
// window: `new ReviewQueueWidget(*project, reviewer, parent)` as a tab or dock, with
// reviewer from tb::machine_reviewer() or ReviewQueueWidget::askReviewer(window).
#include <cstdint>
#include <optional>
#include <vector>

#include <QWidget>

#include "core/curation/reviews.h"
#include "core/dataset/example.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QUndoCommand;
class QUndoStack;
class QVBoxLayout;

namespace tb {
class ProjectFile;
}

namespace tbui {

class ReviewQueueWidget : public QWidget {
    Q_OBJECT
public:
    ReviewQueueWidget(tb::ProjectFile& project, const QString& reviewer, QWidget* parent = nullptr);
    ~ReviewQueueWidget() override;

    // The machine's reviewer identity, asking once (and saving it) when none is set. Empty when cancelled.
    static QString askReviewer(QWidget* parent);

    void setQueue(tb::ReviewQueue queue);
    tb::ReviewQueue queue() const { return cursor_.queue; }
    // Shows the queue's first example (false when the queue is empty).
    bool showFirst();
    bool next();
    bool previous();
    void judge(tb::Verdict verdict);
    void skip();
    // Stores edited turns as a new version (undoable); false when nothing changed.
    bool saveEdits();

    std::optional<std::int64_t> currentExample() const { return current_; }
    QUndoStack* undoStack() const { return undoStack_; }
    QPlainTextEdit* turnEditor(int index) const;
    int turnCount() const { return static_cast<int>(turnEditors_.size()); }
    QLineEdit* noteEdit() const { return noteEdit_; }
    QLabel* counterLabel() const { return counterLabel_; }
    QLabel* statusLabel() const { return statusLabel_; }

Q_SIGNALS:
    void currentExampleChanged(qint64 id);  // -1 when the queue is empty
    void countsChanged(qint64 accepted, qint64 imported);

private:
    void buildUi();
    void bindShortcuts();
    void showExample(std::int64_t id);
    void showEmpty();
    void refreshCounts();
    void refreshStatus();
    void onExampleChanged(std::int64_t id);
    bool pushCommand(QUndoCommand* command);
    tb::Example editedExample() const;
    void runUndo(bool redo);

    tb::ProjectFile& project_;
    QString reviewer_;
    tb::QueueCursor cursor_;
    std::optional<std::int64_t> current_;
    tb::Example shown_;                  // the example as loaded (to detect and undo edits)
    std::vector<std::int64_t> visited_;  // ids shown in this session, in order
    std::size_t visitedIndex_ = 0;
    std::int64_t accepted_ = 0;  // "quality over quantity" counter
    std::int64_t imported_ = 0;

    QUndoStack* undoStack_ = nullptr;
    QComboBox* queueBox_ = nullptr;
    QLabel* counterLabel_ = nullptr;
    QLabel* headerLabel_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QVBoxLayout* turnsLayout_ = nullptr;
    std::vector<QPlainTextEdit*> turnEditors_;
    std::vector<QLabel*> roleLabels_;
    QLineEdit* noteEdit_ = nullptr;
};

}  // namespace tbui
