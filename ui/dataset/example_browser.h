#pragma once
// The dataset screen: filter bar (tag, split, finding kind, full-text search), the lazy
// example table, and the selected example as a conversation.
#include <cstdint>
#include <vector>

#include <QWidget>

#include "ui/dataset/example_store.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace tbui {

class ConversationView;
class ExampleTableModel;

class ExampleBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ExampleBrowser(QWidget* parent = nullptr);

    // Not owned; nullptr shows an empty browser. Store errors are shown, not thrown.
    void setStore(ExampleStore* store);
    // Re-reads everything (after an import or a check changed the project).
    void reload();

    // Restricts the table to one finding's examples (from the check report), or to a kind.
    void showOnlyExamples(const std::vector<std::int64_t>& ids, const QString& description);
    void setFindingKindFilter(const QString& kind);
    void clearFilters();
    bool selectExample(std::int64_t id);

    ExampleTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }
    ConversationView* conversation() const { return conversation_; }
    QLineEdit* searchBox() const { return search_; }
    QComboBox* tagBox() const { return tagBox_; }
    QComboBox* splitBox() const { return splitBox_; }
    QComboBox* findingBox() const { return findingBox_; }
    ExampleFilter currentFilter() const;

Q_SIGNALS:
    // The number of matching examples changed (status bar).
    // atLeast: the count stopped at ExampleTableModel::kCountLimit ("more than" N).
    void countChanged(qint64 matching, bool atLeast);

private:
    void applyFilter();
    void refillChoices();
    void showCurrentExample();

    ExampleStore* store_ = nullptr;
    ExampleTableModel* model_;
    QTableView* table_;
    ConversationView* conversation_;
    QLineEdit* search_;
    QComboBox* tagBox_;
    QComboBox* splitBox_;
    QComboBox* findingBox_;
    QLabel* onlyIdsLabel_;
    QTimer* searchDelay_;
    std::optional<std::vector<std::int64_t>> onlyIds_;
    bool refilling_ = false;
};

}  // namespace tbui
