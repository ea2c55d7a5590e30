#pragma once
// The data report as a dock panel: findings grouped by kind with counts. Clicking a kind
// filters the browser to it; clicking one finding shows just its examples.
#include <cstdint>
#include <vector>

#include <QWidget>

#include "core/dataset/checks.h"

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace tbui {

class CheckReportPanel : public QWidget {
    Q_OBJECT
public:
    explicit CheckReportPanel(QWidget* parent = nullptr);

    void showReport(const tb::CheckReport& report, const QString& when = {});
    void showNoReport(const QString& text);
    void setRunning(bool running);

    QTreeWidget* tree() const { return tree_; }
    QPushButton* runButton() const { return runButton_; }

    // Human name of a finding kind ("exact_duplicate" -> "Exact duplicates").
    static QString kindTitle(const QString& kind);

Q_SIGNALS:
    void runChecksRequested();
    void findingKindActivated(const QString& kind);
    void findingActivated(const std::vector<std::int64_t>& exampleIds, const QString& description);

private:
    void onItemActivated(QTreeWidgetItem* item);

    QLabel* summary_;
    QTreeWidget* tree_;
    QPushButton* runButton_;
    std::vector<std::vector<std::int64_t>> findingExamples_;  // indexed by the item's data
};

}  // namespace tbui
