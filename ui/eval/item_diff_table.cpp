#include "ui/eval/item_diff_table.h"

#include <QHeaderView>

namespace tbui {
namespace {

QString verdict(bool passed, double score) {
    return QStringLiteral("%1 (%2)").arg(passed ? QObject::tr("pass") : QObject::tr("fail")).arg(score, 0, 'f', 3);
}

QString elide(const std::string& text) {
    QString t = QString::fromStdString(text);
    return t.size() > 600 ? t.left(600) + QStringLiteral("…") : t;
}

}  // namespace

ItemDiffTable::ItemDiffTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent) {
    setHorizontalHeaderLabels({tr("Item"), tr("Tags"), tr("Baseline"), tr("Candidate"), tr("Change")});
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setStretchLastSection(true);
    setSortingEnabled(false);  // rows stay aligned with changes_
}

QColor ItemDiffTable::colorFor(tb::ItemChange change) {
    switch (change) {
        case tb::ItemChange::improved:
            return QColor(0xc8, 0xe6, 0xc9);  // green
        case tb::ItemChange::regressed:
            return QColor(0xff, 0xcd, 0xd2);  // red
        case tb::ItemChange::only_in_a:
        case tb::ItemChange::only_in_b:
            return QColor(0xee, 0xee, 0xee);
        case tb::ItemChange::unchanged:
            break;
    }
    return {};
}

void ItemDiffTable::setComparison(const tb::Comparison& comparison,
                                  const std::map<std::string, std::pair<std::string, std::string>>& outputs) {
    setRowCount(0);
    changes_.clear();
    setRowCount(static_cast<int>(comparison.items.size()));
    int row = 0;
    for (const auto& item : comparison.items) {
        QStringList tags;
        for (const auto& t : item.tags) tags << QString::fromStdString(t);
        const bool inA = item.change != tb::ItemChange::only_in_b;
        const bool inB = item.change != tb::ItemChange::only_in_a;
        QTableWidgetItem* cells[ColumnCount] = {
            new QTableWidgetItem(QString::fromStdString(item.id)),
            new QTableWidgetItem(tags.join(QStringLiteral(", "))),
            new QTableWidgetItem(inA ? verdict(item.a_passed, item.a_score) : QStringLiteral("—")),
            new QTableWidgetItem(inB ? verdict(item.b_passed, item.b_score) : QStringLiteral("—")),
            new QTableWidgetItem(QString::fromLatin1(tb::to_string(item.change)))};
        const QColor background = colorFor(item.change);
        QString tooltip;
        if (auto it = outputs.find(item.id); it != outputs.end())
            tooltip = tr("Baseline:\n%1\n\nCandidate:\n%2").arg(elide(it->second.first), elide(it->second.second));
        for (int column = 0; column < ColumnCount; ++column) {
            if (background.isValid()) cells[column]->setBackground(background);
            if (!tooltip.isEmpty()) cells[column]->setToolTip(tooltip);
            setItem(row, column, cells[column]);
        }
        changes_.push_back(item.change);
        ++row;
    }
    resizeColumnsToContents();
    setChangedOnly(changedOnly_);
}

void ItemDiffTable::setChangedOnly(bool changedOnly) {
    changedOnly_ = changedOnly;
    for (int row = 0; row < rowCount(); ++row) {
        const auto change = changes_[static_cast<std::size_t>(row)];
        setRowHidden(row, changedOnly && change != tb::ItemChange::improved && change != tb::ItemChange::regressed);
    }
}

tb::ItemChange ItemDiffTable::changeAt(int row) const {
    return row >= 0 && row < static_cast<int>(changes_.size()) ? changes_[static_cast<std::size_t>(row)]
                                                               : tb::ItemChange::unchanged;
}

}  // namespace tbui
