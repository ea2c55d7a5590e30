#include "ui/golden/golden_set_editor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include "core/common/error.h"
#include "core/project/project_file.h"
#include "ui/common/message_hook.h"
#include "ui/golden/rubric_editor.h"

namespace tbui {

GoldenSetEditor::GoldenSetEditor(tb::ProjectFile& project, const QString& author, QWidget* parent)
    : QWidget(parent), project_(project), author_(author) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Golden set:"), this));
    setBox_ = new QComboBox(this);
    connect(setBox_, &QComboBox::activated, this, [this](int) { selectSet(setBox_->currentText()); });
    top->addWidget(setBox_, 1);
    adviceLabel_ = new QLabel(this);
    adviceLabel_->setWordWrap(true);
    top->addWidget(adviceLabel_, 2);
    layout->addLayout(top);

    auto* splitter = new QSplitter(this);
    itemList_ = new QListWidget(splitter);
    connect(itemList_, &QListWidget::currentRowChanged, this, &GoldenSetEditor::selectItem);
    auto* right = new QWidget(splitter);
    auto* form = new QVBoxLayout(right);
    contextLabel_ = new QLabel(right);
    contextLabel_->setWordWrap(true);
    form->addWidget(contextLabel_);
    form->addWidget(new QLabel(tr("Question (last input turn):"), right));
    questionEdit_ = new QPlainTextEdit(right);
    form->addWidget(questionEdit_, 1);
    form->addWidget(new QLabel(tr("Expert reference answer:"), right));
    referenceEdit_ = new QPlainTextEdit(right);
    form->addWidget(referenceEdit_, 1);
    authorLabel_ = new QLabel(right);
    form->addWidget(authorLabel_);
    form->addWidget(new QLabel(tr("Rubric:"), right));
    rubricEditor_ = new RubricEditor(right);
    form->addWidget(rubricEditor_, 2);
    auto* buttons = new QHBoxLayout;
    auto* save = new QPushButton(tr("Save item"), right);
    connect(save, &QPushButton::clicked, this, [this] { saveItem(); });
    auto* add = new QPushButton(tr("New item"), right);
    connect(add, &QPushButton::clicked, this, &GoldenSetEditor::newItem);
    auto* remove = new QPushButton(tr("Delete item"), right);
    connect(remove, &QPushButton::clicked, this, [this] { deleteItem(); });
    buttons->addWidget(save);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    form->addLayout(buttons);
    splitter->addWidget(itemList_);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
    reloadSets();
}

void GoldenSetEditor::reloadSets() {
    QString current = setBox_->currentText();
    setBox_->clear();
    for (const auto& set : tb::list_golden_sets(project_)) {
        setBox_->addItem(QString::fromStdString(set.name) +
                         (set.kind == tb::GoldenKind::general ? tr(" (general)") : QString()));
        setBox_->setItemData(setBox_->count() - 1, QString::fromStdString(set.name));
    }
    if (!current.isEmpty() && selectSet(current)) return;
    if (setBox_->count() > 0) selectSet(setBox_->itemData(0).toString());
}

bool GoldenSetEditor::selectSet(const QString& name) {
    int index = setBox_->findData(name);
    if (index < 0) index = setBox_->findText(name);
    if (index < 0) return false;
    setBox_->setCurrentIndex(index);
    auto set = tb::find_golden_set(project_, setBox_->itemData(index).toString().toStdString());
    if (!set) return false;
    setId_ = set->id;
    loadItems();
    return true;
}

void GoldenSetEditor::loadItems() {
    try {
        items_ = tb::golden_items(project_, setId_);
    } catch (const std::exception& e) {
        showError(this, tr("Golden set"), e);
        items_.clear();
    }
    auto advice = tb::golden_size_advice(static_cast<std::int64_t>(items_.size()));
    adviceLabel_->setText(advice ? QString::fromStdString(*advice)
                                 : tr("%1 items (100-500 recommended)").arg(items_.size()));
    adviceLabel_->setStyleSheet(advice ? QStringLiteral("color: #d93025;") : QString());
    QSignalBlocker block(itemList_);
    itemList_->clear();
    for (const auto& item : items_) {
        QString question = item.messages.empty() ? QString() : QString::fromStdString(item.messages.back().content);
        itemList_->addItem(QStringLiteral("#%1  %2").arg(item.id).arg(question.left(80)));
    }
    if (!items_.empty()) {
        itemList_->setCurrentRow(0);
        showItem(items_.front());
    }
}

void GoldenSetEditor::selectItem(int row) {
    if (row < 0 || row >= static_cast<int>(items_.size())) return;
    showItem(items_[static_cast<std::size_t>(row)]);
}

void GoldenSetEditor::showItem(const tb::GoldenItem& item) {
    shown_ = item;
    QStringList context;
    for (std::size_t i = 0; i + 1 < item.messages.size(); ++i) {
        context << QStringLiteral("%1: %2").arg(QString::fromStdString(item.messages[i].role),
                                                QString::fromStdString(item.messages[i].content).left(300));
    }
    contextLabel_->setText(context.isEmpty() ? QString() : tr("Earlier turns:\n%1").arg(context.join('\n')));
    questionEdit_->setPlainText(item.messages.empty() ? QString()
                                                      : QString::fromStdString(item.messages.back().content));
    referenceEdit_->setPlainText(QString::fromStdString(item.reference));
    rubricEditor_->setRubric(item.rubric);
    authorLabel_->setText(item.id == 0
                              ? tr("New item: the reference will be signed by %1").arg(author_)
                              : tr("Reference by %1, created %2, updated %3")
                                    .arg(item.author.empty() ? tr("(unknown)") : QString::fromStdString(item.author))
                                    .arg(QString::fromStdString(item.created_at))
                                    .arg(QString::fromStdString(item.updated_at)));
}

void GoldenSetEditor::newItem() {
    tb::GoldenItem item;
    item.set_id = setId_;
    // Keep the set's system prompt, if the current item has one: items of a set share it.
    if (!shown_.messages.empty() && shown_.messages.front().role == "system")
        item.messages.push_back(shown_.messages.front());
    item.messages.push_back({"user", "", "", nullptr, "", std::nullopt});
    showItem(item);
}

bool GoldenSetEditor::saveItem() {
    if (setId_ == 0) return false;
    tb::GoldenItem item = shown_;
    item.set_id = setId_;
    if (item.messages.empty()) item.messages.push_back({"user", "", "", nullptr, "", std::nullopt});
    item.messages.back().content = questionEdit_->toPlainText().toStdString();
    item.reference = referenceEdit_->toPlainText().toStdString();
    item.author = author_.toStdString();  // whoever saves the reference signs it
    try {
        item.rubric = rubricEditor_->rubric();
        if (item.messages.back().content.empty()) throw tb::Error("the question is empty");
        if (item.id == 0) {
            item.id = tb::add_golden_item(project_, item);
        } else {
            tb::update_golden_item(project_, item);
        }
    } catch (const std::exception& e) {
        showError(this, tr("Golden item not saved"), e);
        return false;
    }
    std::int64_t saved = item.id;
    loadItems();
    for (std::size_t i = 0; i < items_.size(); ++i) {
        if (items_[i].id == saved) {
            itemList_->setCurrentRow(static_cast<int>(i));
            showItem(items_[i]);
        }
    }
    return true;
}

bool GoldenSetEditor::deleteItem() {
    if (shown_.id == 0) return false;
    try {
        tb::delete_golden_item(project_, shown_.id);
    } catch (const std::exception& e) {
        showError(this, tr("Golden item"), e);
        return false;
    }
    loadItems();
    return true;
}

}  // namespace tbui
