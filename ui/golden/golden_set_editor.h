#pragma once
// The golden set editor: pick a set, walk its items, edit the question (last input turn),
// the expert reference and the rubric; shows who wrote the reference and when, and says
// when the set is outside the recommended 100-500 items.
// Self-contained: give it an open project and the author name written on saved items
// (tb::machine_reviewer()). Host it as a tab of the main window.
#include <cstdint>
#include <vector>

#include <QWidget>

#include "core/curation/golden_sets.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace tb {
class ProjectFile;
}

namespace tbui {

class RubricEditor;

class GoldenSetEditor : public QWidget {
    Q_OBJECT
public:
    GoldenSetEditor(tb::ProjectFile& project, const QString& author, QWidget* parent = nullptr);

    void reloadSets();
    bool selectSet(const QString& name);
    void selectItem(int row);
    // Validates and stores the shown item (new or existing); false after showing the error.
    bool saveItem();
    void newItem();
    bool deleteItem();

    QListWidget* itemList() const { return itemList_; }
    QPlainTextEdit* questionEdit() const { return questionEdit_; }
    QPlainTextEdit* referenceEdit() const { return referenceEdit_; }
    RubricEditor* rubricEditor() const { return rubricEditor_; }
    QLabel* adviceLabel() const { return adviceLabel_; }
    QLabel* authorLabel() const { return authorLabel_; }

private:
    void loadItems();
    void showItem(const tb::GoldenItem& item);

    tb::ProjectFile& project_;
    QString author_;
    std::int64_t setId_ = 0;
    std::vector<tb::GoldenItem> items_;
    tb::GoldenItem shown_;  // id 0 for a new, unsaved item

    QComboBox* setBox_ = nullptr;
    QListWidget* itemList_ = nullptr;
    QLabel* contextLabel_ = nullptr;
    QPlainTextEdit* questionEdit_ = nullptr;
    QPlainTextEdit* referenceEdit_ = nullptr;
    RubricEditor* rubricEditor_ = nullptr;
    QLabel* adviceLabel_ = nullptr;
    QLabel* authorLabel_ = nullptr;
};

}  // namespace tbui
