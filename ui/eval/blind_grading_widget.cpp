#include "ui/eval/blind_grading_widget.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "core/common/error.h"
#include "core/eval/judge_prompts.h"
#include "core/project/project_file.h"

namespace tbui {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QWidget* titled(const QString& title, QWidget* content, QWidget* parent) {
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

}  // namespace

BlindGradingWidget::BlindGradingWidget(tb::ProjectFile& project, const QString& grader, QWidget* parent)
    : QWidget(parent), project_(project), grader_(grader) {
    setFocusPolicy(Qt::StrongFocus);
    buildUi();
    showDone();
}

BlindGradingWidget::~BlindGradingWidget() = default;

QPlainTextEdit* BlindGradingWidget::makeView(QWidget* parent) {
    auto* view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    // Keys belong to the grading shortcuts; the mouse can still select and scroll.
    view->setFocusPolicy(Qt::NoFocus);
    return view;
}

void BlindGradingWidget::buildUi() {
    auto* root = new QVBoxLayout(this);
    positionLabel_ = new QLabel(this);
    statusLabel_ = new QLabel(this);
    statusLabel_->setWordWrap(true);
    root->addWidget(positionLabel_);
    stack_ = new QStackedWidget(this);
    root->addWidget(stack_, 1);
    root->addWidget(statusLabel_);

    // Page 0: nothing to grade.
    auto* empty = new QLabel(tr("Nothing to grade."), stack_);
    empty->setAlignment(Qt::AlignCenter);
    stack_->addWidget(empty);

    // Page 1: one answer with the rubric.
    auto* single = new QWidget(stack_);
    auto* singleLayout = new QVBoxLayout(single);
    auto* split = new QSplitter(Qt::Vertical, single);
    promptView_ = makeView(split);
    referenceView_ = makeView(split);
    answerView_ = makeView(split);
    split->addWidget(titled(tr("Prompt"), promptView_, split));
    split->addWidget(titled(tr("Reference answer"), referenceView_, split));
    split->addWidget(titled(tr("Answer to grade"), answerView_, split));
    split->setStretchFactor(2, 2);  // the answer is what is being read
    singleLayout->addWidget(split, 1);
    criteriaBox_ = new QGroupBox(tr("Rubric: 1-9 select, Space toggles, Enter saves and moves on, P previous"), single);
    criteriaLayout_ = new QVBoxLayout(criteriaBox_);
    singleLayout->addWidget(criteriaBox_);
    stack_->addWidget(single);

    // Page 2: two answers side by side.
    auto* pair = new QWidget(stack_);
    auto* pairLayout = new QVBoxLayout(pair);
    pairPromptView_ = makeView(pair);
    pairReferenceView_ = makeView(pair);
    auto* top = new QHBoxLayout;
    top->addWidget(titled(tr("Prompt"), pairPromptView_, pair));
    top->addWidget(titled(tr("Reference answer"), pairReferenceView_, pair));
    pairLayout->addLayout(top, 1);
    auto* sides = new QHBoxLayout;
    leftView_ = makeView(pair);
    rightView_ = makeView(pair);
    sides->addWidget(titled(tr("Left answer (A)"), leftView_, pair));
    sides->addWidget(titled(tr("Right answer (B)"), rightView_, pair));
    pairLayout->addLayout(sides, 2);
    pairLayout->addWidget(
        new QLabel(tr("A: left is better   B: right is better   T: tie   P: previous   N: next"), pair));
    stack_->addWidget(pair);
}

bool BlindGradingWidget::startSingle(std::int64_t setId, const std::vector<std::int64_t>& runIds, std::uint64_t seed) {
    setQueue(tb::BlindGradingQueue::build(project_, setId, runIds, seed));
    return size() > 0;
}

bool BlindGradingWidget::startPairwise(std::int64_t setId, std::int64_t runA, std::int64_t runB, std::uint64_t seed) {
    setPairQueue(tb::BlindPairQueue::build(project_, setId, runA, runB, seed));
    return size() > 0;
}

void BlindGradingWidget::setQueue(tb::BlindGradingQueue queue) {
    pairs_.reset();
    single_ = std::move(queue);
    mode_ = Mode::single;
    // Resume where this grader stopped.
    std::size_t start = single_->first_ungraded(project_, grader_.toStdString());
    showTask(start < single_->size() ? start : 0);
}

void BlindGradingWidget::setPairQueue(tb::BlindPairQueue queue) {
    single_.reset();
    pairs_ = std::move(queue);
    mode_ = Mode::pairwise;
    showTask(0);
}

std::size_t BlindGradingWidget::size() const {
    if (single_) return single_->size();
    if (pairs_) return pairs_->size();
    return 0;
}

void BlindGradingWidget::showTask(std::size_t position) {
    if (size() == 0) {
        showDone();
        return;
    }
    position_ = position;
    if (mode_ == Mode::single)
        showSingle(position);
    else
        showPair(position);
    Q_EMIT positionChanged(static_cast<qint64>(position));
}

void BlindGradingWidget::showSingle(std::size_t position) {
    const auto& task = single_->task(position);
    stack_->setCurrentIndex(1);
    positionLabel_->setText(qs(task.label));
    promptView_->setPlainText(qs(tb::render_question(task.prompt)));
    referenceView_->setPlainText(task.reference.empty() ? tr("(no reference)") : qs(task.reference));
    answerView_->setPlainText(qs(task.answer));
    for (auto* check : checks_) delete check;
    checks_.clear();
    const auto existing = single_->grades(project_, position, grader_.toStdString());
    for (std::size_t i = 0; i < task.criteria.size(); ++i) {
        const auto& c = task.criteria[i];
        QString text = QStringLiteral("%1. %2").arg(i + 1).arg(qs(c.description));
        if (c.critical) text += tr(" (critical)");
        auto* check = new QCheckBox(text, criteriaBox_);
        check->setFocusPolicy(Qt::NoFocus);
        for (const auto& g : existing)
            if (g.criterion == c.name) check->setChecked(g.passed);
        criteriaLayout_->addWidget(check);
        checks_.push_back(check);
    }
    selected_ = 0;
    highlightSelected();
    statusLabel_->setText(existing.empty() ? tr("Not graded yet.") : tr("Graded: Enter saves changes."));
}

void BlindGradingWidget::showPair(std::size_t position) {
    const auto& task = pairs_->task(position);
    stack_->setCurrentIndex(2);
    positionLabel_->setText(qs(task.label));
    pairPromptView_->setPlainText(qs(tb::render_question(task.prompt)));
    pairReferenceView_->setPlainText(task.reference.empty() ? tr("(no reference)") : qs(task.reference));
    leftView_->setPlainText(qs(task.left));
    rightView_->setPlainText(qs(task.right));
    const auto previous = pairs_->choice(project_, position, grader_.toStdString());
    if (!previous)
        statusLabel_->setText(tr("Not graded yet."));
    else if (*previous == 'T')
        statusLabel_->setText(tr("Your choice: tie."));
    else
        statusLabel_->setText(*previous == 'L' ? tr("Your choice: left.") : tr("Your choice: right."));
}

void BlindGradingWidget::showDone() {
    stack_->setCurrentIndex(0);
    positionLabel_->setText(size() ? tr("All %1 graded.").arg(size()) : QString());
}

bool BlindGradingWidget::next() {
    if (size() == 0) return false;
    if (position_ + 1 >= size()) {
        statusLabel_->setText(tr("That was the last one."));
        Q_EMIT finished();
        return false;
    }
    showTask(position_ + 1);
    return true;
}

bool BlindGradingWidget::previous() {
    if (size() == 0 || position_ == 0) return false;
    showTask(position_ - 1);
    return true;
}

void BlindGradingWidget::saveAndNext() {
    if (mode_ != Mode::single || !single_ || single_->size() == 0) return;
    const auto& task = single_->task(position_);
    std::vector<tb::HumanGrade> grades;
    for (std::size_t i = 0; i < task.criteria.size() && i < checks_.size(); ++i)
        grades.push_back({task.criteria[i].name, checks_[i]->isChecked(), ""});
    try {
        single_->grade(project_, position_, grader_.toStdString(), grades);
    } catch (const tb::Error& e) {
        statusLabel_->setText(tr("Not saved: %1").arg(qs(e.what())));
        return;
    }
    Q_EMIT graded(static_cast<qint64>(position_));
    if (!next()) statusLabel_->setText(tr("Saved. That was the last one."));
}

void BlindGradingWidget::choose(char side) {
    if (mode_ != Mode::pairwise || !pairs_ || pairs_->size() == 0) return;
    try {
        pairs_->choose(project_, position_, grader_.toStdString(), side);
    } catch (const tb::Error& e) {
        statusLabel_->setText(tr("Not saved: %1").arg(qs(e.what())));
        return;
    }
    Q_EMIT graded(static_cast<qint64>(position_));
    if (!next()) statusLabel_->setText(tr("Saved. That was the last pair."));
}

void BlindGradingWidget::selectCriterion(int index) {
    if (index < 0 || index >= criterionCount()) return;
    selected_ = index;
    highlightSelected();
}

void BlindGradingWidget::toggleSelected() {
    if (selected_ < 0 || selected_ >= criterionCount()) return;
    checks_[static_cast<std::size_t>(selected_)]->toggle();
}

QCheckBox* BlindGradingWidget::criterionCheck(int index) const {
    return index >= 0 && index < criterionCount() ? checks_[static_cast<std::size_t>(index)] : nullptr;
}

void BlindGradingWidget::highlightSelected() {
    for (int i = 0; i < criterionCount(); ++i) {
        QFont font = checks_[static_cast<std::size_t>(i)]->font();
        font.setBold(i == selected_);
        checks_[static_cast<std::size_t>(i)]->setFont(font);
    }
}

void BlindGradingWidget::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        QWidget::keyPressEvent(event);
        return;
    }
    if (key == Qt::Key_P || key == Qt::Key_PageUp) {
        previous();
    } else if (key == Qt::Key_N || key == Qt::Key_PageDown) {
        next();
    } else if (mode_ == Mode::single && key >= Qt::Key_1 && key <= Qt::Key_9) {
        selectCriterion(key - Qt::Key_1);
    } else if (mode_ == Mode::single && key == Qt::Key_Space) {
        toggleSelected();
    } else if (mode_ == Mode::single && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
        saveAndNext();
    } else if (mode_ == Mode::pairwise && key == Qt::Key_A) {
        choose('L');
    } else if (mode_ == Mode::pairwise && key == Qt::Key_B) {
        choose('R');
    } else if (mode_ == Mode::pairwise && key == Qt::Key_T) {
        choose('T');
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

}  // namespace tbui
