#pragma once
// Per-item differences between two eval runs (from tb::compare_runs): one row per item,
// improved rows green, regressed rows red, items in one run only grey, unchanged plain.
// The candidate's and baseline's outputs show as the row's tooltip when given.
#include <map>
#include <string>
#include <utility>

#include <QColor>
#include <QTableWidget>

#include "core/eval/compare.h"

namespace tbui {

class ItemDiffTable : public QTableWidget {
    Q_OBJECT
public:
    enum Column { ColItem, ColTags, ColBaseline, ColCandidate, ColChange, ColumnCount };

    explicit ItemDiffTable(QWidget* parent = nullptr);

    // `outputs`: item id -> (baseline output, candidate output), for tooltips (optional).
    void setComparison(const tb::Comparison& comparison,
                       const std::map<std::string, std::pair<std::string, std::string>>& outputs = {});
    // Only improved and regressed rows (the others hidden).
    void setChangedOnly(bool changedOnly);

    tb::ItemChange changeAt(int row) const;
    static QColor colorFor(tb::ItemChange change);  // invalid QColor: no highlight

private:
    std::vector<tb::ItemChange> changes_;
    bool changedOnly_ = false;
};

}  // namespace tbui
