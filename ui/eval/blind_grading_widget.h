#pragma once
// Blind human grading of eval outputs, driven with the keyboard.
//
// Single mode (startSingle): one anonymised answer at a time ("Answer 3 of 40": no run, no
// model) with the item's prompt and reference, and one checkbox per rubric criterion.
//   1-9 select a criterion, Space toggles the selected one, Enter saves and goes to the
//   next answer, N next without saving, P previous.
// Pairwise mode (startPairwise): two runs' answers to the same item side by side, each
// side drawn at random by the queue.
//   A left is better, B right is better, T tie (each saves and moves on), N next, P previous.
// Grades go to the project through core/eval/human_grades.h under "human:<grader>".
#include <cstdint>
#include <optional>
#include <vector>

#include <QWidget>

#include "core/eval/human_grades.h"

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QVBoxLayout;

namespace tb {
class ProjectFile;
}

namespace tbui {

class BlindGradingWidget : public QWidget {
    Q_OBJECT
public:
    enum class Mode { none, single, pairwise };

    BlindGradingWidget(tb::ProjectFile& project, const QString& grader, QWidget* parent = nullptr);
    ~BlindGradingWidget() override;

    // Build the queue from the outputs of `runIds` for the golden set; false when it is empty.
    bool startSingle(std::int64_t setId, const std::vector<std::int64_t>& runIds, std::uint64_t seed);
    bool startPairwise(std::int64_t setId, std::int64_t runA, std::int64_t runB, std::uint64_t seed);
    void setQueue(tb::BlindGradingQueue queue);
    void setPairQueue(tb::BlindPairQueue queue);

    Mode mode() const { return mode_; }
    std::size_t position() const { return position_; }
    std::size_t size() const;
    bool next();
    bool previous();
    // Single mode: stores the checkboxes as grades of the current answer, then shows the next.
    void saveAndNext();
    void selectCriterion(int index);  // 0-based
    void toggleSelected();
    // Pairwise mode: 'L', 'R' or 'T'; stores and shows the next pair.
    void choose(char side);

    int criterionCount() const { return static_cast<int>(checks_.size()); }
    QCheckBox* criterionCheck(int index) const;
    int selectedCriterion() const { return selected_; }
    QLabel* positionLabel() const { return positionLabel_; }
    QLabel* statusLabel() const { return statusLabel_; }
    QPlainTextEdit* promptView() const { return promptView_; }
    QPlainTextEdit* referenceView() const { return referenceView_; }
    QPlainTextEdit* answerView() const { return answerView_; }
    QPlainTextEdit* leftView() const { return leftView_; }
    QPlainTextEdit* rightView() const { return rightView_; }
    const tb::BlindGradingQueue* queue() const { return single_ ? &*single_ : nullptr; }
    const tb::BlindPairQueue* pairQueue() const { return pairs_ ? &*pairs_ : nullptr; }

Q_SIGNALS:
    void positionChanged(qint64 position);
    void graded(qint64 position);
    void finished();  // moved past the last task

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void buildUi();
    void showTask(std::size_t position);
    void showSingle(std::size_t position);
    void showPair(std::size_t position);
    void showDone();
    void highlightSelected();
    static QPlainTextEdit* makeView(QWidget* parent);

    tb::ProjectFile& project_;
    QString grader_;
    Mode mode_ = Mode::none;
    std::optional<tb::BlindGradingQueue> single_;
    std::optional<tb::BlindPairQueue> pairs_;
    std::size_t position_ = 0;
    int selected_ = 0;

    QLabel* positionLabel_ = nullptr;
    QLabel* statusLabel_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    QPlainTextEdit* promptView_ = nullptr;
    QPlainTextEdit* referenceView_ = nullptr;
    QPlainTextEdit* answerView_ = nullptr;
    QWidget* criteriaBox_ = nullptr;
    QVBoxLayout* criteriaLayout_ = nullptr;
    std::vector<QCheckBox*> checks_;
    QPlainTextEdit* pairPromptView_ = nullptr;
    QPlainTextEdit* pairReferenceView_ = nullptr;
    QPlainTextEdit* leftView_ = nullptr;
    QPlainTextEdit* rightView_ = nullptr;
};

}  // namespace tbui
