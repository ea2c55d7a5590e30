// The review queue driven with the keyboard, offscreen: verdicts stored, undo, inline edits.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QUndoStack>

#include "core/curation/reviews.h"
#include "core/curation/settings.h"
#include "core/project/examples.h"
#include "core/project/project_file.h"
#include "ui/review/review_queue_widget.h"
#include "ui_test_support.h"

namespace {

struct ReviewFixture {
    QTemporaryDir dir;
    std::string path;
    std::vector<std::int64_t> ids;
    ReviewFixture() {
        path = dir.filePath(QStringLiteral("review.tunebench")).toStdString();
        ids = tbtest::createProject(
            path, {{"How do I reset my router?", "Hold the reset button for 10 seconds.", "You are a support agent."},
                   {"Where is my parcel?", "It left the depot this morning.", ""},
                   {"I was charged twice.", "Sorry! The duplicate charge is refunded.", ""},
                   {"Cancel my subscription", "Done.", ""}});
    }
};

std::vector<std::string> verdicts_of(const tb::ProjectFile& project, std::int64_t id) {
    std::vector<std::string> out;
    for (const auto& r : tb::review_history(project, id)) out.push_back(r.verdict);
    return out;
}

TEST(ReviewQueue, SingleKeysJudgeAndMoveOnUndoWithdraws) {
    ReviewFixture f;
    auto project = tb::ProjectFile::open(f.path);
    tbui::ReviewQueueWidget widget(project, QStringLiteral("ana"));
    widget.resize(900, 600);
    widget.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&widget));
    widget.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&widget));
    widget.setFocus();
    ASSERT_EQ(widget.currentExample(), f.ids[0]);
    EXPECT_EQ(widget.turnCount(), 3);
    EXPECT_EQ(widget.counterLabel()->text(), QStringLiteral("0 accepted of 4 imported"));

    QTest::keyClick(&widget, Qt::Key_A);
    EXPECT_EQ(widget.currentExample(), f.ids[1]);
    QTest::keyClick(&widget, Qt::Key_R);
    EXPECT_EQ(widget.currentExample(), f.ids[2]);
    QTest::keyClick(&widget, Qt::Key_S);  // skip: nothing stored
    EXPECT_EQ(widget.currentExample(), f.ids[3]);
    QTest::keyClick(&widget, Qt::Key_E);  // needs edit; last in the queue

    EXPECT_EQ(verdicts_of(project, f.ids[0]), std::vector<std::string>{"accept"});
    EXPECT_EQ(verdicts_of(project, f.ids[1]), std::vector<std::string>{"reject"});
    EXPECT_TRUE(verdicts_of(project, f.ids[2]).empty());
    EXPECT_EQ(verdicts_of(project, f.ids[3]), std::vector<std::string>{"needs_edit"});
    EXPECT_EQ(tb::review_history(project, f.ids[0])[0].reviewer, "ana");
    EXPECT_EQ(widget.counterLabel()->text(), QStringLiteral("1 accepted of 4 imported"));

    // Undo the last two verdicts: withdrawals appended, the verdicts no longer stand.
    QTest::keyClick(&widget, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(widget.currentExample(), f.ids[3]);
    QTest::keyClick(&widget, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(widget.currentExample(), f.ids[1]);
    EXPECT_EQ(verdicts_of(project, f.ids[1]), (std::vector<std::string>{"reject", "withdraw"}));
    EXPECT_TRUE(tb::example_verdicts(project, f.ids[1]).by_reviewer.empty());
    EXPECT_TRUE(tb::example_verdicts(project, f.ids[3]).by_reviewer.empty());
    // Redo puts one back as a new row; the accepted counter follows undo of the accept.
    QTest::keyClick(&widget, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(tb::example_verdicts(project, f.ids[1]).effective, tb::Verdict::reject);
    QTest::keyClick(&widget, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(&widget, Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(widget.counterLabel()->text(), QStringLiteral("0 accepted of 4 imported"));
    EXPECT_EQ(widget.currentExample(), f.ids[0]);

    // Previous / next walk what was shown.
    QTest::keyClick(&widget, Qt::Key_N);
    EXPECT_EQ(widget.currentExample(), f.ids[1]);
    QTest::keyClick(&widget, Qt::Key_P);
    EXPECT_EQ(widget.currentExample(), f.ids[0]);
}

TEST(ReviewQueue, TypingInATurnOrNoteDoesNotJudgeAndEditsAreUndoable) {
    ReviewFixture f;
    auto project = tb::ProjectFile::open(f.path);
    tbui::ReviewQueueWidget widget(project, QStringLiteral("ana"));
    widget.resize(900, 600);
    widget.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&widget));
    widget.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&widget));
    ASSERT_EQ(widget.currentExample(), f.ids[0]);

    // Type into the assistant turn: letters A, R, E land in the text, not as verdicts.
    QPlainTextEdit* answer = widget.turnEditor(2);
    ASSERT_NE(answer, nullptr);
    answer->setFocus();
    answer->moveCursor(QTextCursor::End);
    QTest::keyClicks(answer, " Are you sure?");
    EXPECT_TRUE(tb::review_history(project, f.ids[0]).empty());
    EXPECT_EQ(widget.currentExample(), f.ids[0]);

    // The note field takes letters too.
    widget.noteEdit()->setFocus();
    QTest::keyClicks(widget.noteEdit(), "reads well");
    EXPECT_TRUE(tb::review_history(project, f.ids[0]).empty());

    // Escape hands the keys back to the queue: A saves the edit, then judges with the note.
    QTest::keyClick(widget.noteEdit(), Qt::Key_Escape);
    QTest::keyClick(&widget, Qt::Key_A);
    auto stored = tb::get_example(project, f.ids[0]);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->example.messages[2].content, "Hold the reset button for 10 seconds. Are you sure?");
    auto history = tb::review_history(project, f.ids[0]);
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].note, "reads well");
    EXPECT_EQ(history[0].content_hash, stored->content_hash);  // judged the edited text
    EXPECT_EQ(widget.undoStack()->count(), 2);                 // the edit and the verdict

    tbtest::saveScreenshot(&widget, QStringLiteral("review_queue"));

    // Undo both: the verdict is withdrawn, the text restored (as a new version: history grows).
    QTest::keyClick(&widget, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(&widget, Qt::Key_Z, Qt::ControlModifier);
    stored = tb::get_example(project, f.ids[0]);
    EXPECT_EQ(stored->example.messages[2].content, "Hold the reset button for 10 seconds.");
    EXPECT_FALSE(tb::example_verdicts(project, f.ids[0]).effective.has_value());
    EXPECT_EQ(tb::example_history(project, f.ids[0]).size(), 2u);
    EXPECT_EQ(widget.turnEditor(2)->toPlainText(), QStringLiteral("Hold the reset button for 10 seconds."));
}

TEST(ReviewQueue, DisagreementsQueueSettles) {
    ReviewFixture f;
    auto project = tb::ProjectFile::open(f.path);
    tb::set_review_overlap(project, 2);
    tb::record_review(project, {f.ids[2], "ana", tb::Verdict::accept, "", false});
    tb::record_review(project, {f.ids[2], "ben", tb::Verdict::reject, "", false});
    tbui::ReviewQueueWidget widget(project, QStringLiteral("lead"));
    widget.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&widget));
    widget.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&widget));
    widget.setQueue(tb::ReviewQueue::disagreements);
    ASSERT_EQ(widget.currentExample(), f.ids[2]);
    QTest::keyClick(&widget, Qt::Key_A);
    auto v = tb::example_verdicts(project, f.ids[2]);
    EXPECT_EQ(v.settled, tb::Verdict::accept);
    EXPECT_FALSE(v.disputed);
    EXPECT_EQ(widget.currentExample(), f.ids[2]);  // nothing further in the queue: stays
    widget.setQueue(tb::ReviewQueue::disagreements);
    EXPECT_FALSE(widget.currentExample().has_value());
}

}  // namespace
