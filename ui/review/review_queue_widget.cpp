#include "ui/review/review_queue_widget.h"

#include <algorithm>

#include <QComboBox>
#include <QFont>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTextDocument>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/common/error.h"
#include "core/curation/reviewer_identity.h"
#include "core/curation/settings.h"
#include "core/curation/staleness.h"
#include "core/curation/tags.h"
#include "core/project/examples.h"
#include "core/project/project_file.h"
#include "ui/common/message_hook.h"
#include "ui/review/review_commands.h"

namespace tbui {
namespace {

QString roleColour(const std::string& role) {
    if (role == "user") return QStringLiteral("#e8f0fe");
    if (role == "assistant") return QStringLiteral("#f1f3f4");
    if (role == "system") return QStringLiteral("#fff8e1");
    return QStringLiteral("#ede7f6");
}

std::optional<std::int64_t> commandExample(const QUndoCommand* command) {
    if (const auto* v = dynamic_cast<const VerdictCommand*>(command)) return v->exampleId();
    if (const auto* e = dynamic_cast<const EditCommand*>(command)) return e->exampleId();
    return std::nullopt;
}

}  // namespace

ReviewQueueWidget::ReviewQueueWidget(tb::ProjectFile& project, const QString& reviewer, QWidget* parent)
    : QWidget(parent), project_(project), reviewer_(reviewer) {
    setFocusPolicy(Qt::StrongFocus);
    undoStack_ = new QUndoStack(this);
    cursor_.queue = tb::ReviewQueue::to_review;
    cursor_.reviewer = reviewer.toStdString();
    cursor_.overlap = tb::review_overlap(project_);
    buildUi();
    bindShortcuts();
    refreshCounts();
    showFirst();
}

ReviewQueueWidget::~ReviewQueueWidget() = default;

QString ReviewQueueWidget::askReviewer(QWidget* parent) {
    if (auto name = tb::machine_reviewer()) return QString::fromStdString(*name);
    bool ok = false;
    QString name =
        QInputDialog::getText(parent, tr("Reviewer"),
                              tr("Your name as a reviewer (stored on this machine, written on every review):"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || name.isEmpty()) return {};
    try {
        tb::set_machine_reviewer(name.toStdString());
    } catch (const std::exception& e) {
        showError(parent, tr("Reviewer"), e);
        return {};
    }
    return name;
}

void ReviewQueueWidget::buildUi() {
    auto* layout = new QVBoxLayout(this);

    auto* top = new QHBoxLayout;
    queueBox_ = new QComboBox(this);
    queueBox_->setFocusPolicy(Qt::NoFocus);  // arrow keys and letters stay with the queue
    queueBox_->addItem(tr("To review"), static_cast<int>(tb::ReviewQueue::to_review));
    queueBox_->addItem(tr("Disagreements"), static_cast<int>(tb::ReviewQueue::disagreements));
    queueBox_->addItem(tr("Stale"), static_cast<int>(tb::ReviewQueue::stale));
    queueBox_->addItem(tr("All examples"), static_cast<int>(tb::ReviewQueue::all));
    connect(queueBox_, &QComboBox::activated, this,
            [this](int index) { setQueue(static_cast<tb::ReviewQueue>(queueBox_->itemData(index).toInt())); });
    top->addWidget(new QLabel(tr("Queue:"), this));
    top->addWidget(queueBox_);
    top->addStretch(1);
    counterLabel_ = new QLabel(this);
    QFont bold = counterLabel_->font();
    bold.setBold(true);
    counterLabel_->setFont(bold);
    top->addWidget(counterLabel_);
    layout->addLayout(top);

    headerLabel_ = new QLabel(this);
    headerLabel_->setWordWrap(true);
    headerLabel_->setTextFormat(Qt::PlainText);
    layout->addWidget(headerLabel_);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFocusPolicy(Qt::NoFocus);
    auto* turns = new QWidget(scroll);
    turnsLayout_ = new QVBoxLayout(turns);
    turnsLayout_->addStretch(1);
    scroll->setWidget(turns);
    layout->addWidget(scroll, 1);

    auto* noteRow = new QHBoxLayout;
    noteRow->addWidget(new QLabel(tr("Note:"), this));
    noteEdit_ = new QLineEdit(this);
    noteEdit_->setPlaceholderText(tr("optional, saved with your verdict"));
    noteRow->addWidget(noteEdit_, 1);
    layout->addLayout(noteRow);

    auto* buttons = new QHBoxLayout;
    auto addButton = [&](const QString& text, auto slot) {
        auto* button = new QPushButton(text, this);
        button->setFocusPolicy(Qt::NoFocus);
        connect(button, &QPushButton::clicked, this, slot);
        buttons->addWidget(button);
        return button;
    };
    addButton(tr("&Accept (A)"), [this] { judge(tb::Verdict::accept); });
    addButton(tr("&Reject (R)"), [this] { judge(tb::Verdict::reject); });
    addButton(tr("Needs &edit (E)"), [this] { judge(tb::Verdict::needs_edit); });
    addButton(tr("&Skip (S)"), [this] { skip(); });
    buttons->addStretch(1);
    addButton(tr("◀ Previous (P)"), [this] { previous(); });
    addButton(tr("Next ▶ (N)"), [this] { next(); });
    addButton(tr("Save edits (Ctrl+S)"), [this] { saveEdits(); });
    addButton(tr("Undo"), [this] { runUndo(false); });
    addButton(tr("Redo"), [this] { runUndo(true); });
    layout->addLayout(buttons);

    statusLabel_ = new QLabel(this);
    layout->addWidget(statusLabel_);
}

void ReviewQueueWidget::bindShortcuts() {
    auto bind = [this](const QKeySequence& keys, auto slot) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    bind(QKeySequence(Qt::Key_A), [this] { judge(tb::Verdict::accept); });
    bind(QKeySequence(Qt::Key_R), [this] { judge(tb::Verdict::reject); });
    bind(QKeySequence(Qt::Key_E), [this] { judge(tb::Verdict::needs_edit); });
    bind(QKeySequence(Qt::Key_S), [this] { skip(); });
    bind(QKeySequence(Qt::Key_N), [this] { next(); });
    bind(QKeySequence(Qt::Key_PageDown), [this] { next(); });
    bind(QKeySequence(Qt::Key_P), [this] { previous(); });
    bind(QKeySequence(Qt::Key_PageUp), [this] { previous(); });
    bind(QKeySequence(Qt::CTRL | Qt::Key_S), [this] { saveEdits(); });
    bind(QKeySequence(Qt::CTRL | Qt::Key_Z), [this] { runUndo(false); });
    bind(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), [this] { runUndo(true); });
    bind(QKeySequence(Qt::Key_Escape), [this] { setFocus(); });  // leave a text field: keys judge again
}

void ReviewQueueWidget::setQueue(tb::ReviewQueue queue) {
    saveEdits();
    cursor_.queue = queue;
    cursor_.overlap = tb::review_overlap(project_);
    if (queue == tb::ReviewQueue::stale) cursor_.stale_before = tb::stale_cutoff(project_);
    int index = queueBox_->findData(static_cast<int>(queue));
    if (index >= 0) queueBox_->setCurrentIndex(index);
    visited_.clear();
    visitedIndex_ = 0;
    showFirst();
}

bool ReviewQueueWidget::showFirst() {
    visited_.clear();
    visitedIndex_ = 0;
    std::optional<std::int64_t> first;
    try {
        first = tb::next_in_queue(project_, cursor_, 0);
    } catch (const std::exception& e) {
        showError(this, tr("Review queue"), e);
    }
    if (!first) {
        showEmpty();
        return false;
    }
    visited_.push_back(*first);
    showExample(*first);
    return true;
}

bool ReviewQueueWidget::next() {
    saveEdits();
    if (!current_) return showFirst();
    if (visitedIndex_ + 1 < visited_.size()) {
        ++visitedIndex_;
        showExample(visited_[visitedIndex_]);
        return true;
    }
    std::optional<std::int64_t> id;
    try {
        id = tb::next_in_queue(project_, cursor_, *current_);
    } catch (const std::exception& e) {
        showError(this, tr("Review queue"), e);
        return false;
    }
    if (!id) {
        statusLabel_->setText(tr("End of the queue."));
        return false;
    }
    visited_.push_back(*id);
    visitedIndex_ = visited_.size() - 1;
    showExample(*id);
    return true;
}

bool ReviewQueueWidget::previous() {
    saveEdits();
    if (!current_) return false;
    if (visitedIndex_ > 0) {
        --visitedIndex_;
        showExample(visited_[visitedIndex_]);
        return true;
    }
    std::optional<std::int64_t> id;
    try {
        id = tb::previous_in_queue(project_, cursor_, *current_);
    } catch (const std::exception& e) {
        showError(this, tr("Review queue"), e);
        return false;
    }
    if (!id) {
        statusLabel_->setText(tr("Start of the queue."));
        return false;
    }
    visited_.insert(visited_.begin(), *id);
    visitedIndex_ = 0;
    showExample(*id);
    return true;
}

void ReviewQueueWidget::skip() {
    if (!current_) return;
    std::int64_t skipped = *current_;
    if (next()) statusLabel_->setText(tr("Skipped example %1.").arg(skipped));
}

void ReviewQueueWidget::judge(tb::Verdict verdict) {
    if (!current_) return;
    saveEdits();
    tb::NewReview review;
    review.example_id = *current_;
    review.reviewer = reviewer_.toStdString();
    review.verdict = verdict;
    review.note = noteEdit_->text().trimmed().toStdString();
    review.settles = cursor_.queue == tb::ReviewQueue::disagreements;
    std::int64_t judged = *current_;
    if (!pushCommand(new VerdictCommand(project_, review, [this](std::int64_t id) { onExampleChanged(id); }))) return;
    noteEdit_->clear();
    bool moved = next();
    statusLabel_->setText(tr("%1: %2 (Ctrl+Z to undo)%3")
                              .arg(judged)
                              .arg(QString::fromLatin1(tb::to_string(verdict)))
                              .arg(moved ? QString() : tr(" — end of the queue")));
}

tb::Example ReviewQueueWidget::editedExample() const {
    tb::Example edited = shown_;
    for (std::size_t i = 0; i < turnEditors_.size() && i < edited.messages.size(); ++i) {
        edited.messages[i].content = turnEditors_[i]->toPlainText().toStdString();
    }
    return edited;
}

bool ReviewQueueWidget::saveEdits() {
    if (!current_) return false;
    tb::Example edited = editedExample();
    bool changed = false;
    for (std::size_t i = 0; i < edited.messages.size(); ++i) {
        changed = changed || edited.messages[i].content != shown_.messages[i].content;
    }
    if (!changed) return false;
    std::int64_t id = *current_;
    if (!pushCommand(new EditCommand(project_, id, shown_, edited,
                                     [this](std::int64_t changedId) { onExampleChanged(changedId); }))) {
        return false;
    }
    statusLabel_->setText(tr("Saved the edit of example %1 (Ctrl+Z to undo).").arg(id));
    return true;
}

bool ReviewQueueWidget::pushCommand(QUndoCommand* command) {
    auto id = commandExample(command);
    auto before = id ? tb::example_verdicts(project_, *id).effective : std::nullopt;
    try {
        undoStack_->push(command);
    } catch (const std::exception& e) {
        delete command;
        showError(this, tr("Review"), e);
        return false;
    }
    if (id) {
        auto after = tb::example_verdicts(project_, *id).effective;
        // Keep the counter exact without a pass over the whole project.
        if (before == tb::Verdict::accept && after != tb::Verdict::accept) --accepted_;
        if (before != tb::Verdict::accept && after == tb::Verdict::accept) ++accepted_;
        refreshStatus();
    }
    return true;
}

void ReviewQueueWidget::runUndo(bool redo) {
    if (redo ? !undoStack_->canRedo() : !undoStack_->canUndo()) return;
    const QUndoCommand* command = undoStack_->command(redo ? undoStack_->index() : undoStack_->index() - 1);
    auto id = commandExample(command);
    auto before = id ? tb::example_verdicts(project_, *id).effective : std::nullopt;
    try {
        if (redo) {
            undoStack_->redo();
        } else {
            undoStack_->undo();
        }
    } catch (const std::exception& e) {
        showError(this, tr("Undo"), e);
        return;
    }
    if (id) {
        auto after = tb::example_verdicts(project_, *id).effective;
        if (before == tb::Verdict::accept && after != tb::Verdict::accept) --accepted_;
        if (before != tb::Verdict::accept && after == tb::Verdict::accept) ++accepted_;
        refreshStatus();
        // Show the example the undo is about, so the reviewer sees what changed back.
        auto at = std::find(visited_.begin(), visited_.end(), *id);
        if (at == visited_.end()) {
            visited_.push_back(*id);
            at = visited_.end() - 1;
        }
        visitedIndex_ = static_cast<std::size_t>(at - visited_.begin());
        showExample(*id);
        statusLabel_->setText((redo ? tr("Redone: %1") : tr("Undone: %1")).arg(command->text()));
    }
}

void ReviewQueueWidget::onExampleChanged(std::int64_t id) {
    if (current_ && *current_ == id) showExample(id);
}

QPlainTextEdit* ReviewQueueWidget::turnEditor(int index) const {
    if (index < 0 || index >= turnCount()) return nullptr;
    return turnEditors_[static_cast<std::size_t>(index)];
}

void ReviewQueueWidget::showExample(std::int64_t id) {
    std::optional<tb::StoredExample> stored;
    try {
        stored = tb::get_example(project_, id);
    } catch (const std::exception& e) {
        showError(this, tr("Review queue"), e);
    }
    if (!stored) {
        showEmpty();
        return;
    }
    current_ = id;
    shown_ = stored->example;

    for (auto* editor : turnEditors_) editor->deleteLater();
    for (auto* label : roleLabels_) label->deleteLater();
    turnEditors_.clear();
    roleLabels_.clear();
    int position = 0;
    for (const auto& message : shown_.messages) {
        auto* role = new QLabel(QString::fromStdString(message.role), turnsLayout_->parentWidget());
        QFont bold = role->font();
        bold.setBold(true);
        role->setFont(bold);
        auto* editor = new QPlainTextEdit(QString::fromStdString(message.content), turnsLayout_->parentWidget());
        editor->setStyleSheet(QStringLiteral("QPlainTextEdit { background: %1; }").arg(roleColour(message.role)));
        editor->setTabChangesFocus(true);
        int lines = std::max(2, static_cast<int>(editor->document()->lineCount()) + 1);
        editor->setFixedHeight(std::min(12, lines) * editor->fontMetrics().lineSpacing() + 12);
        turnsLayout_->insertWidget(position++, role);
        turnsLayout_->insertWidget(position++, editor);
        roleLabels_.push_back(role);
        turnEditors_.push_back(editor);
    }

    auto verdicts = tb::example_verdicts(project_, id);
    QStringList parts;
    parts << tr("Example #%1").arg(id);
    parts << (verdicts.last_reviewed_at.empty()
                  ? tr("never reviewed")
                  : tr("last reviewed %1").arg(QString::fromStdString(verdicts.last_reviewed_at.substr(0, 10))));
    QStringList votes;
    for (const auto& [who, verdict] : verdicts.by_reviewer) {
        votes << QStringLiteral("%1: %2").arg(QString::fromStdString(who), QString::fromLatin1(tb::to_string(verdict)));
    }
    if (!votes.isEmpty()) parts << votes.join(QStringLiteral(", "));
    if (verdicts.disputed) parts << tr("DISPUTED: your verdict settles it");
    auto tags = tb::tags_of(project_, id);
    if (!tags.empty()) {
        QStringList names;
        for (const auto& t : tags) names << QString::fromStdString(t);
        parts << tr("tags: %1").arg(names.join(QStringLiteral(", ")));
    }
    headerLabel_->setText(parts.join(QStringLiteral("  ·  ")));
    if (auto it = verdicts.notes.find(reviewer_.toStdString()); it != verdicts.notes.end()) {
        noteEdit_->setPlaceholderText(tr("your last note: %1").arg(QString::fromStdString(it->second)));
    } else {
        noteEdit_->setPlaceholderText(tr("optional, saved with your verdict"));
    }
    setFocus();
    Q_EMIT currentExampleChanged(id);
}

void ReviewQueueWidget::showEmpty() {
    current_.reset();
    shown_ = {};
    for (auto* editor : turnEditors_) editor->deleteLater();
    for (auto* label : roleLabels_) label->deleteLater();
    turnEditors_.clear();
    roleLabels_.clear();
    headerLabel_->setText(tr("Nothing in this queue."));
    Q_EMIT currentExampleChanged(-1);
}

void ReviewQueueWidget::refreshCounts() {
    try {
        auto summary = tb::review_summary(project_);
        accepted_ = summary.accepted;
        imported_ = summary.examples;
    } catch (const std::exception& e) {
        showError(this, tr("Review queue"), e);
    }
    refreshStatus();
}

void ReviewQueueWidget::refreshStatus() {
    counterLabel_->setText(tr("%1 accepted of %2 imported").arg(accepted_).arg(imported_));
    Q_EMIT countsChanged(accepted_, imported_);
}

}  // namespace tbui
